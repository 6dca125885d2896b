"""The library changes Atom feed (/feeds/library-changes/, hub/opendata): each version of a
document this partnership's site lists to everyone, once published, newest first; a first
version is a new document, a later one a new version. Never a restricted or withdrawn
document, a withdrawn version, or one waiting for sign-off. Named in the head of the
library's pages."""

from django.contrib.auth.models import AnonymousUser
from django.utils.feedgenerator import get_tag_uri
from wagtail.models import Site

from hub.core.domains import Feed, FeedEntry

LATEST = 20


def _changes(partnership, request):
    from hub.library.models import DocumentVersion, LibraryDocument

    site = Site.find_for_request(request)
    # Everyone's view, whoever asks: the feed is the same for all and kept by the page cache.
    public = LibraryDocument.objects.for_partnership(partnership).visible_to(
        AnonymousUser(), partnership
    )
    versions = (
        DocumentVersion.objects.published()
        .without_text()
        .filter(document__in=public, is_withdrawn=False)
        .select_related("document")
        .order_by("-published_at", "-pk")[:LATEST]
    )
    entries = []
    for version in versions:
        document = version.document
        if version.number == 1:
            title = f"New document: {document.title}"
        else:
            title = f"New version {version.version_label}: {document.title}"
        entries.append(
            FeedEntry(
                # A version keeps its id and publication time for good.
                id=get_tag_uri(
                    f"http://{site.hostname}/library/versions/{version.pk}", version.published_at
                ),
                title=title,
                url=request.build_absolute_uri(version.get_absolute_url()),
                updated=version.published_at,
                published=version.published_at,
                summary=version.what_changed if version.number > 1 else document.summary,
                categories=(document.get_document_type_display(),),
            )
        )
    return entries


def _on_library_pages(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name.startswith("library:")


FEEDS = (
    Feed(
        key="library-changes",
        title="Changes to protocols and guidance",
        subtitle="New documents and new versions in the library, newest first.",
        entries=_changes,
        linked_from=_on_library_pages,
        order=20,
    ),
)
