"""Reads for the library pages: what a visitor may see, filtered, sorted and dated.

Listings select only the columns they show and fetch one page at a time: a version's
extracted text can run to megabytes, and a register grows to thousands of documents."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from hub.core.models import Agency
from hub.library.models import DocumentVersion, LibraryDocument, Status

# What a row of the register shows of a document, of its owner and of a version.
LISTED_DOCUMENT_FIELDS = (
    "title",
    "slug",
    "summary",
    "document_type",
    "reach",
    "status",
    "is_restricted",
    "owner_agency__name",
)
LISTED_VERSION_FIELDS = ("document_id", "number", "version_label", "published_at")
# What a document's page and a version's page show of a version.
SHOWN_VERSION_FIELDS = (
    *LISTED_VERSION_FIELDS,
    "is_withdrawn",
    "what_changed",
    "approved_by",
    "approved_on",
    "kind",
    "size_bytes",
    "page_count",
)


def visible_documents(request, partnership):
    documents = LibraryDocument.objects.for_partnership(partnership)
    return documents.visible_to(request.user, partnership)


def owners_of(documents):
    return (
        Agency.objects.filter(pk__in=documents.exclude(owner_agency=None).values("owner_agency"))
        .only("name")
        .order_by("name")
    )


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
    if filters.get("sort") == "updated":
        # The latest of its versions' publication times, scheduled ones included.
        documents = documents.annotate(last_updated=Max("versions__published_at"))
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


def best_first(documents, ranked):
    """`documents` in the order of `ranked` (ids, best first), by the database, so only the
    page shown is ever fetched."""
    position = {pk: place for place, pk in enumerate(ranked)}
    if not position:
        return documents
    rank = Case(
        *[When(pk=pk, then=Value(place)) for pk, place in position.items()],
        default=Value(len(position)),
        output_field=IntegerField(),
    )
    return documents.order_by(rank, "title")


def _end_of(day):
    """The end of `day`, or now for today: a version scheduled for later today is not
    current yet."""
    end_of_day = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.max), timezone.get_current_timezone()
    )
    return min(end_of_day, timezone.now())


def documents_as_at(documents, day):
    """The documents of `documents` that had a published version by the end of `day`."""
    published = DocumentVersion.objects.filter(
        document=OuterRef("pk"), published_at__lte=_end_of(day)
    )
    return documents.filter(Exists(published))


def register_page(documents, page_number, *, per_page, as_at=None):
    """One page of the register: `documents` (filtered and ordered) counted and sliced by
    the database, each row a (document, version) pair with only the columns a row shows.
    The version is the current one, or with `as_at` the one current at the end of that day.
    Three queries however long the register is: the count, the page, the page's versions."""
    documents = documents.select_related("owner_agency").only(*LISTED_DOCUMENT_FIELDS)
    page = Paginator(documents, per_page).get_page(page_number)
    shown = list(page.object_list)
    published = (
        DocumentVersion.objects.published()
        .filter(document__in=[document.pk for document in shown])
        .only(*LISTED_VERSION_FIELDS)
        .order_by("-number")
    )
    by_document = {}
    for version in published:
        by_document.setdefault(version.document_id, []).append(version)
    until = _end_of(as_at) if as_at else None
    rows = []
    for document in shown:
        # What `current_version` reads, so the template asks the database nothing more.
        document.published_versions = versions = by_document.get(document.pk, [])
        for version in versions:
            version.document = document
        if until is None:
            rows.append((document, versions[0] if versions else None))
        else:
            then = [version for version in versions if version.published_at <= until]
            rows.append((document, max(then, key=lambda v: v.published_at) if then else None))
    page.object_list = rows
    return page


# The review dashboard's bands: a label, and how many days ahead the band ends (None: the
# documents already overdue). A document is in the first band it fits.
REVIEW_BANDS = (
    ("Overdue", None),
    ("Due within 30 days", 30),
    ("Due in 31 to 60 days", 60),
    ("Due in 61 to 90 days", 90),
)
NO_OWNER = "No owner recorded"


def reviews_due(documents, today):
    """Of `documents`, those overdue for review or due within the last band's days, not
    withdrawn, each annotated with its band (an index into REVIEW_BANDS) and its owner's
    name, in the order the dashboard lists them: by band, owner, review date."""
    whens = [When(review_due__lt=today, then=Value(0))]
    for band, (_, days) in enumerate(REVIEW_BANDS[1:], start=1):
        whens.append(When(review_due__lte=today + datetime.timedelta(days=days), then=Value(band)))
    last_days = REVIEW_BANDS[-1][1]
    return (
        documents.exclude(status=Status.WITHDRAWN)
        .filter(review_due__lte=today + datetime.timedelta(days=last_days))
        .annotate(
            review_band=Case(*whens, output_field=IntegerField()),
            owner_name=Coalesce("owner_agency__name", Value(NO_OWNER)),
        )
        .only("title", "review_due", "status", "owner_email")
        .order_by("review_band", "owner_name", "review_due", "title", "pk")
    )


def review_band_counts(due):
    """How many documents of `due` (from `reviews_due`) each band holds, in one query."""
    counts = due.aggregate(
        **{
            f"band_{band}": Count("pk", filter=Q(review_band=band))
            for band in range(len(REVIEW_BANDS))
        }
    )
    return [counts[f"band_{band}"] for band in range(len(REVIEW_BANDS))]
