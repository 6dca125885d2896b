from django_tasks import task

from hub.library.models import DocumentVersion, LibraryDocument
from hub.library.services import version_read_text


@task()
def extract_version_text(version_id):
    """Read a version's text for search. Running it twice does the work once."""
    version = (
        DocumentVersion.objects.filter(pk=version_id).select_related("file", "document").first()
    )
    if version is not None:
        version_read_text(version)


@task()
def reindex_document(document_id):
    """Bring a document's search entry up to date with its current version (after a version
    is signed off, its text is the one readers find)."""
    from wagtail.search.index import insert_or_update_object

    document = LibraryDocument.objects.filter(pk=document_id).first()
    if document is not None:
        insert_or_update_object(document)
