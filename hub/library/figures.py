"""The document library's figures for reports (hub/core/domains.py Figure): documents reviewed
on time and reviewed late in a period (the documents overdue at its end are the domain's own
figure, hub/library/domain.py).

What a review is, read from stored history: a review of a document ends in a new version,
approved on its approval date. The register keeps only each document's next review date, not
the one each version answered, so a review counts as on time when the new version was
approved within one review cycle (a year, REVIEW_CYCLE_YEARS) of the version before it, and
as late after that. A review that ends in no new version (the review date moved on, the text
unchanged) leaves no trace to count. Only the partnership's own documents count; the
consortium's shared ones are the consortium's.
"""

from hub.core.domains import Figure


def _reviews(partnership, start, end):
    """[(document id, on time)] for each review of one of the partnership's documents whose
    new version was approved from `start` to `end` (both days included)."""
    from hub.library.models import DocumentVersion, suggested_review_date

    # Withdrawn versions and those waiting for sign-off (no publication time) are no review
    # done; a version published in error and withdrawn is not one either.
    versions = (
        DocumentVersion.objects.filter(
            document__partnership=partnership,
            published_at__isnull=False,
            is_withdrawn=False,
            approved_on__lte=end,
        )
        .order_by("document_id", "number")
        .values_list("document_id", "approved_on")
    )
    reviews = []
    previous = {}
    for document_id, approved_on in versions:
        before = previous.get(document_id)
        previous[document_id] = approved_on
        if before is not None and start <= approved_on:
            reviews.append((document_id, approved_on <= suggested_review_date(before)))
    return reviews


def _reviewed_on_time(partnership, start, end):
    return len({document for document, on_time in _reviews(partnership, start, end) if on_time})


def _reviewed_late(partnership, start, end):
    return len({document for document, on_time in _reviews(partnership, start, end) if not on_time})


FIGURES = (
    Figure(
        "Documents reviewed on time",
        "documents",
        _reviewed_on_time,
        key="documents-reviewed-on-time",
        description="The partnership's documents given a new version in the period, approved "
        "within a year of the version before it.",
    ),
    Figure(
        "Documents reviewed late",
        "documents",
        _reviewed_late,
        key="documents-reviewed-late",
        description="The partnership's documents given a new version in the period, approved "
        "more than a year after the version before it.",
    ),
)
