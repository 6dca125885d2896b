"""The library's figures for reports, as the registry offers them: documents reviewed on time
and late in a period (a review ends in a new version, on time within a year of the version
before it), counted for the partnership's own documents only, both ends of the period
included."""

import datetime

import pytest
from django.utils import timezone

from hub.core.domains import figures
from hub.demo.library import SystemActor
from hub.library import services
from hub.library.models import LibraryDocument
from tests.core.uploads import hostile_files

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
D = datetime.date


def moment(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def compute(key, partnership, start=START, end=END):
    _domain, figure = figures()[f"library.{key}"]
    return figure.compute(partnership, start, end)


def add_version(document, day, number):
    name, content = hostile_files.pdf_document(pages=1, name=f"{document.slug}-{number}.pdf")
    return services.version_upload(
        by=SystemActor(),
        document=document,
        uploaded_file=hostile_files.as_upload(name, content),
        version_label=f"{number}.0",
        what_changed="Reviewed.",
        approved_by="Partnership executive",
        approved_on=day,
        published_at=moment(day),
    )


def document_of(partnership, slug, *days):
    document = LibraryDocument.objects.create(
        partnership=partnership,
        consortium=partnership.consortium,
        title=slug,
        slug=slug,
        summary="A test document.",
        document_type="protocol",
        reach="local",
        contact_role="Business unit manager",
    )
    for number, day in enumerate(days, start=1):
        add_version(document, day, number)
    return document


def test_the_figures_are_declared_with_lasting_keys_and_descriptions():
    for key in ("documents-reviewed-on-time", "documents-reviewed-late"):
        _domain, figure = figures()[f"library.{key}"]
        assert figure.key == key
        assert figure.description
        assert figure.unit == "documents"
    # The figure that already was stays, once.
    assert "library.documents-overdue-for-review" in figures()


def test_reviews_in_the_period_count_as_on_time_or_late(westshire, northmoor, make_document):
    on_time_before = compute("documents-reviewed-on-time", westshire)
    late_before = compute("documents-reviewed-late", westshire)
    northmoor_before = compute("documents-reviewed-on-time", northmoor)

    make_document("figures-on-time", published=[D(2025, 3, 1), D(2026, 2, 1)])
    make_document("figures-late", published=[D(2024, 1, 10), D(2026, 3, 1)])
    # Exactly a year on, on the period's first day; and on its last day.
    make_document("figures-first-day", published=[D(2025, 1, 1), D(2026, 1, 1)])
    make_document("figures-last-day", published=[D(2025, 12, 31), D(2026, 12, 31)])
    # A day more than a year: late.
    make_document("figures-a-day-late", published=[D(2025, 6, 1), D(2026, 6, 2)])
    # Outside the period, and a first version (a new document, no review).
    make_document("figures-before", published=[D(2024, 6, 1), D(2025, 12, 31)])
    make_document("figures-after", published=[D(2026, 6, 1), D(2027, 1, 1)])
    make_document("figures-new", published=[D(2026, 5, 1)])
    # Reviewed twice in the period: one document.
    make_document("figures-twice", published=[D(2025, 9, 1), D(2026, 2, 1), D(2026, 9, 1)])
    # Another partnership's review is never counted.
    document_of(northmoor, "figures-northmoor", D(2025, 3, 1), D(2026, 2, 1))

    assert compute("documents-reviewed-on-time", westshire) == on_time_before + 4
    assert compute("documents-reviewed-late", westshire) == late_before + 2
    assert compute("documents-reviewed-on-time", northmoor) == northmoor_before + 1


def test_a_withdrawn_version_is_no_review(westshire, make_document, library_editor):
    before = compute("documents-reviewed-on-time", westshire)
    document = make_document("figures-withdrawn", published=[D(2025, 5, 1), D(2026, 5, 1)])
    assert compute("documents-reviewed-on-time", westshire) == before + 1
    services.version_withdraw(
        by=library_editor, version=document.versions.get(number=2), reason="Published in error"
    )
    assert compute("documents-reviewed-on-time", westshire) == before


def test_a_period_with_no_reviews_counts_none(westshire, northmoor):
    for partnership in (westshire, northmoor):
        for key in ("documents-reviewed-on-time", "documents-reviewed-late"):
            assert compute(key, partnership, D(1990, 1, 1), D(1990, 12, 31)) == 0
