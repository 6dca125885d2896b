from django_tasks import task

from hub.library.models import DocumentVersion
from hub.library.services import version_read_text


@task()
def extract_version_text(version_id):
    """Read a version's text for search. Running it twice does the work once."""
    version = (
        DocumentVersion.objects.filter(pk=version_id).select_related("file", "document").first()
    )
    if version is not None:
        version_read_text(version)
