"""The editors' side in the Wagtail admin: the register scoped to the editor's partnership,
uploading a version (hostile files refused, nothing stored) and the review dashboard."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.core.models import Agency, Role
from hub.library.models import LibraryDocument
from tests.conftest import make_person
from tests.core.uploads import hostile_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(library_editor):
    client = Client()
    client.force_login(library_editor)
    return client


@pytest.fixture
def westshire_document(westshire):
    return LibraryDocument.objects.filter(partnership=westshire).first()


@pytest.fixture
def northmoor_document(northmoor):
    return LibraryDocument.objects.filter(partnership=northmoor).first()


def upload(client, document, name, content, **extra):
    data = {
        "file": hostile_files.as_upload(name, content),
        "version_label": "9.9",
        "what_changed": "Updated contacts",
        "approved_by": "Partnership executive",
        "approved_on": "2026-11-01",
        **extra,
    }
    return client.post(reverse("library_admin:upload_version", args=[document.pk]), data)


def test_the_register_lists_only_the_editors_partnership(
    editor_client, westshire_document, northmoor_document
):
    html = editor_client.get(reverse("library_documents:index")).content.decode()
    assert westshire_document.title in html
    assert northmoor_document.title not in html
    edit = reverse("library_documents:edit", args=[northmoor_document.pk])
    assert editor_client.get(edit).status_code == 404


def test_uploading_a_new_version_makes_it_current(
    editor_client, westshire_document, django_capture_on_commit_callbacks
):
    name, content = hostile_files.pdf_document(pages=2, name="updated.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_client, westshire_document, name, content, review_due="2027-11-01")
    assert response.status_code == 302
    westshire_document.refresh_from_db()
    current = westshire_document.current_version
    assert current.version_label == "9.9"
    assert current.page_count == 2
    assert westshire_document.review_due == datetime.date(2027, 11, 1)


@pytest.mark.parametrize(
    "builder",
    [
        hostile_files.docm_with_vba_project,
        hostile_files.pdf_with_javascript_open_action,
        hostile_files.docx_named_as_pdf,
        hostile_files.zip_bomb_disguised_as_docx,
        hostile_files.empty_file,
        hostile_files.html_page,
        hostile_files.windows_executable,
    ],
)
def test_hostile_uploads_are_refused_with_a_reason_and_store_nothing(
    editor_client, westshire_document, builder
):
    versions_before = westshire_document.versions.count()
    name, content = builder()
    response = upload(editor_client, westshire_document, name, content)
    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    assert westshire_document.versions.count() == versions_before


def test_an_editor_cannot_upload_to_another_partnerships_document(
    editor_client, northmoor_document
):
    name, content = hostile_files.pdf_document(pages=1)
    assert upload(editor_client, northmoor_document, name, content).status_code == 404


def test_a_practitioner_has_no_way_into_the_admin_upload(westshire, westshire_document):
    practitioner = make_person(
        "no-admin@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire College (demo)"),
    )
    client = Client()
    client.force_login(practitioner)
    response = client.get(reverse("library_admin:upload_version", args=[westshire_document.pk]))
    assert response.status_code in (302, 403, 404)


def test_the_review_dashboard_groups_overdue_and_due_documents(editor_client, westshire):
    today = timezone.localdate()
    overdue = LibraryDocument.objects.filter(partnership=westshire).first()
    overdue.review_due = today - datetime.timedelta(days=3)
    overdue.save()
    html = editor_client.get(reverse("library_admin:reviews")).content.decode()
    assert "Overdue" in html
    assert overdue.title in html
    assert "Due within 30 days" in html


def test_a_northmoor_editor_does_not_see_westshire_reviews(northmoor, westshire):
    editor = make_person(
        "ed@northmoor.example",
        partnership=northmoor,
        agency=Agency.objects.get(name="Northmoor Borough Council (demo)"),
        roles=[Role.EDITOR],
    )
    client = Client()
    client.force_login(editor)
    html = client.get(reverse("library_admin:reviews")).content.decode()
    for document in LibraryDocument.objects.filter(partnership=westshire):
        assert f">{document.title}<" not in html


def test_the_document_form_offers_only_the_editors_partnerships(editor_client, westshire):
    import re

    from hub.core.models import Partnership

    html = editor_client.get(reverse("library_documents:add")).content.decode()
    select = re.search(r'<select name="partnership".*?</select>', html, re.S).group(0)
    offered = set(re.findall(r'<option value="(\d+)"', select))
    assert offered == {str(westshire.pk)}
    assert Partnership.objects.exclude(pk=westshire.pk).exists()
