"""The editors' side in the Wagtail admin: the register scoped to the editor's partnership,
uploading a version (hostile files refused, nothing stored) and the review dashboard."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
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


# --- Every admin write leaves its audit entry; another partnership's ids are 404s -----------


def library_entries(action):
    """Entries made by people in the test (the demo's loading leaves some of its own)."""
    return audit.entries().filter(action=action, user__isnull=False)


def test_uploading_through_the_admin_records_one_entry_by_the_editor(
    editor_client, library_editor, westshire_document
):
    name, content = hostile_files.pdf_document(pages=1, name="audited.pdf")
    response = upload(editor_client, westshire_document, name, content, review_due="2027-11-01")
    assert response.status_code == 302
    entry = library_entries("hub.library.version_uploaded").get()
    assert entry.user_id == library_editor.pk
    assert entry.object_id == str(westshire_document.current_version.pk)


def edit_form(document, **changes):
    """The edit form as the editor would send it back, with `changes`."""
    data = {
        "partnership": document.partnership_id,
        "title": document.title,
        "slug": document.slug,
        "summary": document.summary,
        "document_type": document.document_type,
        "reach": document.reach,
        "topics": [topic.pk for topic in document.topics.all()],
        "owner_agency": document.owner_agency_id or "",
        "contact_role": document.contact_role,
        "owner_email": document.owner_email,
        "status": document.status,
        "replaced_by": document.replaced_by_id or "",
        "review_due": document.review_due.isoformat() if document.review_due else "",
        "related_documents": [related.pk for related in document.related_documents.all()],
        "related_pages": [page.pk for page in document.related_pages.all()],
    }
    for name in ("for_professionals", "for_parents", "for_young_people", "is_restricted"):
        if getattr(document, name):
            data[name] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_status_chosen_on_the_edit_form_goes_through_the_status_service(
    editor_client, library_editor, westshire_document
):
    westshire_document.status = "current"
    westshire_document.save()
    response = editor_client.post(
        reverse("library_documents:edit", args=[westshire_document.pk]),
        edit_form(westshire_document, status="under_review", contact_role="Safeguarding lead"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    westshire_document.refresh_from_db()
    assert westshire_document.status == "under_review"
    assert westshire_document.contact_role == "Safeguarding lead"
    status = library_entries("hub.library.document_status_changed").get()
    assert status.user_id == library_editor.pk
    assert status.object_id == str(westshire_document.pk)
    assert status.data["details"]["to"] == "under_review"
    edited = library_entries("hub.library.document_edited").get()
    assert edited.data["details"]["fields"] == ["contact_role"]


def test_a_new_document_made_in_the_admin_is_recorded(editor_client, library_editor, westshire):
    response = editor_client.post(
        reverse("library_documents:add"),
        {
            "partnership": westshire.pk,
            "title": "Test audited protocol",
            "slug": "test-audited-protocol",
            "summary": "A protocol.",
            "document_type": "protocol",
            "reach": "local",
            "contact_role": "Business unit manager",
            "status": "current",
            "for_professionals": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = LibraryDocument.objects.get(slug="test-audited-protocol")
    entry = library_entries("hub.library.document_created").get()
    assert (entry.user_id, entry.object_id) == (library_editor.pk, str(document.pk))


def withdraw_url(version):
    return reverse("library_admin:withdraw_version", args=[version.pk])


def test_the_versions_list_leads_to_a_confirmation_that_withdraws_a_version_once(
    editor_client, library_editor, westshire_document
):
    version = westshire_document.versions.filter(is_withdrawn=False).first()
    versions_list = editor_client.get(
        reverse("library_admin:upload_version", args=[westshire_document.pk])
    ).content.decode()
    assert withdraw_url(version) in versions_list
    confirm = editor_client.get(withdraw_url(version))
    assert confirm.status_code == 200
    assert "reason" in confirm.content.decode()

    response = editor_client.post(withdraw_url(version), {"reason": "Published in error"})
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.is_withdrawn
    entry = library_entries("hub.library.version_withdrawn").get()
    assert (entry.user_id, entry.object_id) == (library_editor.pk, str(version.pk))
    assert entry.data["details"]["reason"] == "Published in error"

    again = editor_client.post(withdraw_url(version), {"reason": "Pressed twice"})
    assert again.status_code == 302
    assert library_entries("hub.library.version_withdrawn").count() == 1


def test_a_withdrawal_needs_a_reason(editor_client, westshire_document):
    version = westshire_document.versions.filter(is_withdrawn=False).first()
    response = editor_client.post(withdraw_url(version), {"reason": ""})
    assert response.status_code == 200
    version.refresh_from_db()
    assert not version.is_withdrawn
    assert not library_entries("hub.library.version_withdrawn").exists()


def test_withdrawing_is_a_post_with_the_csrf_token(library_editor, westshire_document):
    version = westshire_document.versions.filter(is_withdrawn=False).first()
    client = Client(enforce_csrf_checks=True)
    client.force_login(library_editor)
    assert client.post(withdraw_url(version), {"reason": "No token"}).status_code == 403
    version.refresh_from_db()
    assert not version.is_withdrawn


def test_another_partnerships_document_or_version_is_a_404_and_nothing_changes(
    editor_client, northmoor_document
):
    entries_before = audit.entries().count()
    version = northmoor_document.versions.filter(is_withdrawn=False).first()
    status_before = northmoor_document.status
    assert editor_client.get(withdraw_url(version)).status_code == 404
    assert editor_client.post(withdraw_url(version), {"reason": "Forged"}).status_code == 404
    edit = reverse("library_documents:edit", args=[northmoor_document.pk])
    forged = edit_form(northmoor_document, status="withdrawn")
    assert editor_client.post(edit, forged).status_code == 404
    version.refresh_from_db()
    northmoor_document.refresh_from_db()
    assert not version.is_withdrawn
    assert northmoor_document.status == status_before
    assert audit.entries().count() == entries_before
