"""Reads for the library pages: what a visitor may see, filtered, sorted and dated."""

from django.db.models import Max, Q

from hub.core.models import Agency
from hub.library.models import LibraryDocument


def visible_documents(request, partnership):
    documents = LibraryDocument.objects.for_partnership(partnership)
    return documents.visible_to(request.user, partnership)


def owners_of(documents):
    return Agency.objects.filter(
        pk__in=documents.exclude(owner_agency=None).values("owner_agency")
    ).order_by("name")


AUDIENCE_FIELDS = {
    "professionals": "for_professionals",
    "parents": "for_parents",
    "young_people": "for_young_people",
}


def filter_documents(documents, filters):
    """Apply the library's filters; `filters` is LibraryFilterForm.cleaned_data."""
    if filters.get("document_type"):
        documents = documents.filter(document_type__in=filters["document_type"])
    if filters.get("reach"):
        documents = documents.filter(reach__in=filters["reach"])
    if filters.get("audience"):
        documents = documents.filter(**{AUDIENCE_FIELDS[filters["audience"]]: True})
    if filters.get("topic"):
        documents = documents.filter(topics=filters["topic"])
    if filters.get("owner"):
        documents = documents.filter(owner_agency_id=filters["owner"])
    documents = documents.annotate(last_updated=Max("versions__published_at"))
    if filters.get("sort") == "updated":
        documents = documents.order_by("-last_updated", "title")
    else:
        documents = documents.order_by("title")
    return documents


def search_documents(request, partnership, documents, query):
    """The documents of `documents` matching the words in their title, summary or the text
    inside the file (the site's chunk index, hub/search/results.py), and their ids best
    first."""
    from hub.search.results import run

    found = run(query, partnership=partnership, user=request.user, kinds=["documents"])
    ranked = [int(result.chunk.source_id) for result in found.results]
    return documents.filter(pk__in=ranked), ranked


def documents_as_at(documents, day):
    """The register as it stood at the end of `day`: documents that had a published version
    by then, each paired with that version."""
    rows = []
    for document in documents.filter(Q(versions__published_at__date__lte=day)).distinct():
        version = document.version_on(day)
        if version is not None:
            rows.append((document, version))
    return rows
