"""The demo document library: real files of every kind, searchable at once, loaded once."""

import re
from collections import Counter

import pytest
from django.db import transaction

from hub.core.models import Partnership
from hub.core.uploads.documents import validate_upload
from hub.demo.content.documents import DOCUMENTS
from hub.demo.library import load_library
from hub.library.models import (
    DocumentType,
    DocumentVersion,
    ExtractionStatus,
    LibraryDocument,
    Reach,
    Topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo_library(django_db_setup, django_db_blocker):
    """The demo library, loaded once for this module inside a transaction rolled back at the
    end, so other modules see the database as the session fixture left it. (Once the demo
    loader loads the library itself, this finds everything there and creates nothing.)"""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            partnerships = {p.slug: p for p in Partnership.objects.filter(is_demo=True)}
            load_library(partnerships)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _partnerships():
    return {p.slug: p for p in Partnership.objects.filter(is_demo=True)}


def _demo_documents():
    return LibraryDocument.objects.filter(slug__in=[spec["slug"] for spec in DOCUMENTS])


def test_the_demo_library_has_at_least_twenty_five_documents():
    assert _demo_documents().count() == len(DOCUMENTS) >= 25
    assert all(document.is_demo for document in _demo_documents())


def test_every_type_and_every_scope_is_in_the_demo():
    documents = _demo_documents()
    assert set(documents.values_list("document_type", flat=True)) == set(DocumentType.values)
    assert set(documents.values_list("reach", flat=True)) == set(Reach.values)


def test_every_file_kind_is_used_at_least_twice():
    kinds = Counter(
        DocumentVersion.objects.filter(document__in=_demo_documents()).values_list(
            "kind", flat=True
        )
    )
    assert set(kinds) == {"pdf", "docx", "odt", "xlsx", "pptx"}
    assert min(kinds.values()) >= 2


def test_the_escalation_protocol_has_its_stages_and_timescales_and_earlier_versions():
    protocol = LibraryDocument.objects.get(slug="resolving-professional-differences-protocol")
    assert protocol.title == "Resolving Professional Differences (Escalation) Protocol"
    assert protocol.versions.count() >= 2
    text = protocol.current_version.text
    for stage, days in [
        ("Practitioners", 3),
        ("Line managers", 5),
        ("Senior managers", 5),
        ("Multi-agency panel", 10),
    ]:
        assert re.search(rf"{stage}.*?{days} working days", text, re.IGNORECASE | re.DOTALL)


def test_the_neglect_toolkit_has_graded_domains_and_more_than_one_version():
    toolkit = LibraryDocument.objects.get(slug="neglect-toolkit")
    assert toolkit.versions.count() >= 2
    text = toolkit.current_version.text
    for grade in ("Grade 1", "Grade 2", "Grade 3", "Grade 4"):
        assert grade in text
    assert "Food and nutrition" in text
    assert "Babies who are not yet mobile" in text


def test_the_version_current_on_a_past_date_is_the_one_published_before_it():
    import datetime

    protocol = LibraryDocument.objects.get(slug="resolving-professional-differences-protocol")
    assert protocol.version_on(datetime.date(2026, 3, 3)).version_label == "1.1"
    assert protocol.version_on(datetime.date(2024, 9, 1)) is None
    assert protocol.current_version.version_label == "2.0"


def test_every_stored_file_passes_the_upload_checks_again():
    for version in DocumentVersion.objects.filter(document__in=_demo_documents()):
        with version.file.file.open("rb") as stored:
            checked = validate_upload(stored)
        assert checked.kind == version.kind


def test_every_version_is_searchable_and_holds_its_documents_own_word():
    titles_and_summaries = " ".join(
        f"{spec['title']} {spec['summary']}" for spec in DOCUMENTS
    ).lower()
    for spec in DOCUMENTS:
        word = spec["file_only_word"].lower()
        assert word not in titles_and_summaries, word
        document = LibraryDocument.objects.get(slug=spec["slug"])
        for version in document.versions.all():
            assert version.extraction_status == ExtractionStatus.DONE, version
            assert word in version.text.lower(), version
            assert version.word_count >= 150, version
        others = DocumentVersion.objects.exclude(document=document).filter(
            document__in=_demo_documents(), text__icontains=word
        )
        assert not others.exists(), word


def test_the_demo_has_reviews_overdue_and_due_soon():
    documents = _demo_documents()
    assert documents.review_overdue().count() >= 2
    assert any(document.review_overdue_days > 30 for document in documents.review_overdue())
    for days in (30, 60, 90):
        assert documents.review_due_within(days).exists()


def test_the_demo_has_restricted_under_review_superseded_and_withdrawn_documents():
    documents = _demo_documents()
    assert documents.filter(is_restricted=True).exists()
    assert documents.filter(status="under_review").exists()
    assert documents.filter(status="withdrawn").exists()
    superseded = documents.get(status="superseded")
    assert superseded.replaced_by.slug == "children-missing-from-home-and-care-protocol"
    assert LibraryDocument.objects.get(slug="neglect-toolkit").related_documents.exists()


def test_local_documents_belong_to_a_partnership_and_shared_ones_to_the_consortium():
    for document in _demo_documents():
        if document.partnership is None:
            assert document.reach in ("regional", "national")
        assert document.owner_agency is not None
        assert document.owner_email.endswith(".example")


def test_no_version_is_credited_to_a_person():
    versions = DocumentVersion.objects.filter(document__in=_demo_documents())
    assert not versions.filter(uploaded_by__isnull=False).exists()


def test_loading_the_library_twice_creates_nothing_new():
    before = (
        LibraryDocument.objects.count(),
        DocumentVersion.objects.count(),
        Topic.objects.count(),
    )
    assert load_library(_partnerships()) == 0
    after = (
        LibraryDocument.objects.count(),
        DocumentVersion.objects.count(),
        Topic.objects.count(),
    )
    assert after == before
