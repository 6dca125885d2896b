"""Library documents in the search index (declared in hub/library/domain.py): each document
the register lists (not withdrawn) is a source; its first chunk is its summary, the rest the
text read from its current version, cut by the headings found in it. A restricted document is
for the partnership's professionals (or, shared by the consortium, the consortium's)."""

import datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from hub.library.models import DocumentVersion, LibraryDocument, Status
from hub.library.queries import AUDIENCE_FIELDS
from hub.search.chunking import chunk_text
from hub.search.models import SearchChunk, Visibility


def document_chunks(ids):
    current = (
        DocumentVersion.objects.published()
        .filter(document=OuterRef("pk"))
        .order_by("-number")
        .values("pk")[:1]
    )
    documents = LibraryDocument.objects.exclude(status=Status.WITHDRAWN).annotate(
        current_version_id=Subquery(current)
    )
    if ids is not None:
        documents = documents.filter(pk__in=ids)
    documents = list(documents)
    texts = dict(
        DocumentVersion.objects.filter(
            pk__in=[d.current_version_id for d in documents if d.current_version_id]
        ).values_list("pk", "text")
    )
    found = {}
    for document in documents:
        common = {
            "partnership_id": document.partnership_id,
            "consortium_id": document.consortium_id,
            "visibility": Visibility.RESTRICTED if document.is_restricted else Visibility.PUBLIC,
            "kind": document.get_document_type_display(),
            "reach": document.reach,
            "title": document.title[:300],
            "url": document.get_absolute_url(),
            "audiences": " ".join(
                key for key, field in AUDIENCE_FIELDS.items() if getattr(document, field)
            )
            or None,
        }
        chunks = [SearchChunk(heading="Summary", text=document.summary, **common)]
        for chunk in chunk_text(texts.get(document.current_version_id, "")):
            chunks.append(SearchChunk(heading=chunk.heading[:300], text=chunk.text, **common))
        found[document.pk] = chunks
    return found


def gone_live(now, window=datetime.timedelta(days=1)):
    """Documents whose version scheduled for later became current within `window`."""
    return set(
        DocumentVersion.objects.filter(
            published_at__gt=now - window, published_at__lte=now
        ).values_list("document_id", flat=True)
    )


def index_gone_live(now=None):
    """Nothing is saved when a scheduled version goes live, so the periodic job indexes
    those documents again (harmless when already done)."""
    from hub.search.indexing import index

    return index("documents", gone_live(now or timezone.now()))
