"""The register: every version kept at a stable address, superseded versions marked, the
document's address always the current version, and "which version was current on a date"."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hub.core.models import Agency, Role
from hub.library import services
from hub.library.models import DocumentVersion, ExtractionStatus, LibraryDocument
from tests.conftest import make_person
from tests.core.uploads import hostile_files

pytestmark = pytest.mark.django_db

MARCH_3 = datetime.date(2026, 3, 3)


@pytest.fixture
def rpd(make_document):
    return make_document(
        "test-rpd-protocol",
        published=[datetime.date(2025, 1, 6), datetime.date(2026, 2, 2), datetime.date(2026, 6, 1)],
    )


def test_version_on_a_date_is_the_one_published_last_before_it(rpd):
    assert rpd.version_on(datetime.date(2024, 12, 31)) is None
    assert rpd.version_on(datetime.date(2025, 1, 6)).number == 1
    assert rpd.version_on(MARCH_3).number == 2
    assert rpd.version_on(datetime.date(2026, 6, 1)).number == 3
    assert rpd.current_version.number == 3


def test_the_document_address_always_shows_the_current_version(client, rpd):
    html = client.get(rpd.get_absolute_url()).content.decode()
    assert 'Version</dt><dd class="govuk-summary-list__value">3.0' in html
    assert "Change number 3" in html
    download = client.get(f"/library/{rpd.slug}/download/")
    assert download.status_code == 200
    assert 'filename="test-rpd-protocol-v3.pdf"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == "application/pdf"


def test_earlier_versions_stay_downloadable_and_are_marked_superseded(client, rpd):
    page = client.get(f"/library/{rpd.slug}/versions/1/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Superseded" in html
    assert f'href="{rpd.get_absolute_url()}"' in html
    assert "2 February 2026" in html  # replaced on
    download = client.get(f"/library/{rpd.slug}/versions/1/download/")
    assert download.status_code == 200
    assert 'filename="test-rpd-protocol-v1.pdf"' in download["Content-Disposition"]
    # The current version's own address sends readers to the document's address.
    assert client.get(f"/library/{rpd.slug}/versions/3/")["Location"] == rpd.get_absolute_url()


def test_the_document_page_answers_which_version_was_current_on_a_date(client, rpd):
    html = client.get(
        rpd.get_absolute_url(), {"as_at_day": "3", "as_at_month": "3", "as_at_year": "2026"}
    ).content.decode()
    assert "On 3 March 2026 the current version was" in html
    assert "version 2.0" in html
    before = client.get(
        rpd.get_absolute_url(), {"as_at_day": "1", "as_at_month": "1", "as_at_year": "2020"}
    ).content.decode()
    assert "No version of this document had been published by 1 January 2020" in before


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2026", "The date must be a real date"),
        ("x", "3", "2026", "The date must be a real date"),
        ("3", "3", "", "The date must include a year"),
        ("3", "3", "2999", "The date must be today or in the past"),
    ],
)
def test_malformed_as_at_dates_get_a_clear_error(client, rpd, day, month, year, message):
    response = client.get(
        rpd.get_absolute_url(), {"as_at_day": day, "as_at_month": month, "as_at_year": year}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert message in html
    assert 'href="#id_as_at-day"' in html


def test_the_whole_library_as_it_stood_on_a_date(client, rpd, make_document):
    make_document("test-later-guidance", published=[datetime.date(2026, 5, 1)])
    html = client.get(
        "/library/", {"as_at_day": "3", "as_at_month": "3", "as_at_year": "2026"}
    ).content.decode()
    assert "as it stood at the end of 3 March 2026" in html
    assert rpd.title in html
    assert "version 2.0" in html
    assert "Test later guidance" not in html


def test_a_malformed_library_as_at_date_shows_an_error_and_the_current_library(client, rpd):
    html = client.get(
        "/library/", {"as_at_day": "30", "as_at_month": "2", "as_at_year": "2026"}
    ).content.decode()
    assert "govuk-error-summary" in html
    assert rpd.title in html


def test_restricted_documents_need_a_signed_in_professional(client, make_document, westshire):
    secret = make_document(
        "test-restricted", published=[datetime.date(2026, 1, 5)], restricted=True
    )
    version = secret.current_version
    for path in (
        secret.get_absolute_url(),
        f"/library/{secret.slug}/download/",
        f"/library/{secret.slug}/versions/1/download/",
        version.file.url,  # Wagtail's own document address is no way round
    ):
        assert client.get(path).status_code == 404, path
    assert secret.title not in client.get("/library/").content.decode()
    practitioner = make_person(
        "reader@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire College (demo)"),
    )
    signed_in = Client()
    signed_in.force_login(practitioner)
    download = signed_in.get(f"/library/{secret.slug}/download/")
    assert download.status_code == 200
    assert download["Cache-Control"] == "private, no-store"


def test_a_withdrawn_version_or_document_is_not_served(client, rpd, library_editor):
    first = rpd.versions.get(number=1)
    services.version_withdraw(by=library_editor, version=first, reason="Published in error")
    assert client.get(f"/library/{rpd.slug}/versions/1/download/").status_code == 404
    assert client.get(first.file.url).status_code == 404
    services.document_set_status(by=library_editor, document=rpd, status="withdrawn")
    assert client.get(rpd.get_absolute_url()).status_code == 404
    assert client.get(f"/library/{rpd.slug}/download/").status_code == 404


def test_a_superseded_document_points_to_its_replacement(
    client, rpd, make_document, library_editor
):
    replacement = make_document("test-new-protocol", published=[datetime.date(2026, 9, 1)])
    services.document_set_status(
        by=library_editor, document=rpd, status="superseded", replaced_by=replacement
    )
    html = client.get(rpd.get_absolute_url()).content.decode()
    assert "This document has been superseded by Test new protocol" in html
    assert f'href="{replacement.get_absolute_url()}"' in html


def test_another_partnership_cannot_add_versions_or_see_local_documents(rpd, northmoor):
    northmoor_editor = make_person(
        "editor@northmoor.test",
        partnership=northmoor,
        agency=Agency.objects.get(name="Northmoor Borough Council (demo)"),
        roles=[Role.EDITOR],
    )
    name, content = hostile_files.pdf_document(pages=1)
    with pytest.raises(PermissionDenied):
        services.version_upload(
            by=northmoor_editor,
            document=rpd,
            uploaded_file=hostile_files.as_upload(name, content),
            version_label="9",
            what_changed="x",
            approved_by="x",
            approved_on=MARCH_3,
        )
    assert rpd.versions.count() == 3
    assert Client(HTTP_HOST="northmoor.localhost").get(rpd.get_absolute_url()).status_code == 404


def test_a_refused_upload_stores_nothing(rpd, library_editor, settings):
    from pathlib import Path

    from wagtail.documents import get_document_model

    folder = Path(rpd.current_version.file.file.path).parent
    files_before = sorted(p.name for p in folder.iterdir())
    documents_before = get_document_model().objects.count()
    name, content = hostile_files.pdf_with_javascript_open_action()
    with pytest.raises(ValidationError):
        services.version_upload(
            by=library_editor,
            document=rpd,
            uploaded_file=hostile_files.as_upload(name, content),
            version_label="4",
            what_changed="x",
            approved_by="x",
            approved_on=MARCH_3,
        )
    assert rpd.versions.count() == 3
    assert get_document_model().objects.count() == documents_before
    assert sorted(p.name for p in folder.iterdir()) == files_before


def test_files_are_stored_under_a_generated_name_and_served_with_the_original(rpd):
    version = rpd.current_version
    assert "/library/" in f"/{version.file.file.name}"
    assert "test-rpd-protocol" not in version.file.file.name
    assert version.original_filename == "test-rpd-protocol-v3.pdf"


def test_text_is_extracted_with_page_and_word_counts(rpd):
    version = rpd.current_version
    assert version.extraction_status == ExtractionStatus.DONE
    assert version.page_count == 1
    assert version.word_count > 20
    assert hostile_files.PDF_WORD in version.text


def test_an_unreadable_file_is_still_published_and_editors_see_why(
    make_document, library_editor, django_capture_on_commit_callbacks
):
    document = make_document("test-scanned")
    name, content = hostile_files.scanned_like_pdf()
    with django_capture_on_commit_callbacks(execute=True):
        version = services.version_upload(
            by=library_editor,
            document=document,
            uploaded_file=hostile_files.as_upload(name, content),
            version_label="1",
            what_changed="First",
            approved_by="x",
            approved_on=MARCH_3,
        )
    version.refresh_from_db()
    assert version.extraction_status == ExtractionStatus.FAILED
    assert version.extraction_error
    assert Client().get(f"/library/{document.slug}/download/").status_code == 200


def test_extraction_running_twice_does_the_work_once(rpd):
    version = rpd.current_version
    DocumentVersion.objects.filter(pk=version.pk).update(text="marker")
    version.refresh_from_db()
    services.version_read_text(version)
    version.refresh_from_db()
    assert version.text == "marker"


def test_past_the_grace_period_readers_are_told_it_is_being_reviewed(
    client, make_document, settings
):
    settings.LIBRARY_REVIEW_GRACE_DAYS = 30
    today = datetime.date.today()
    late = make_document(
        "test-late",
        published=[datetime.date(2025, 1, 6)],
        review_due=today - datetime.timedelta(days=31),
    )
    recent = make_document(
        "test-recent",
        published=[datetime.date(2025, 1, 6)],
        review_due=today - datetime.timedelta(days=5),
    )
    assert "This document is being reviewed" in client.get(late.get_absolute_url()).content.decode()
    assert client.get(f"/library/{late.slug}/download/").status_code == 200
    assert "being reviewed" not in client.get(recent.get_absolute_url()).content.decode()


def test_an_unknown_document_or_version_is_a_404(client, rpd):
    assert client.get("/library/no-such-document/").status_code == 404
    assert client.get(f"/library/{rpd.slug}/versions/99/").status_code == 404
    assert client.get(f"/library/{rpd.slug}/versions/99/download/").status_code == 404


def test_local_documents_must_belong_to_a_partnership(westshire):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        LibraryDocument.objects.create(
            consortium=westshire.consortium,
            title="x",
            slug="x",
            summary="x",
            document_type="policy",
            reach="local",
            contact_role="x",
        )
