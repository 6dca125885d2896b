"""Sign-off by a second person for new library versions (issue 19, point 5): where the
partnership asks for it, an uploaded version waits, unseen by readers, until another editor
approves it; nobody approves their own; the uploader may take it back and another editor may
send it back with what needs changing; every step is audited."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from fpdf import FPDF

from hub.accounts.services import account_export
from hub.core import audit
from hub.core.domains import todos_for
from hub.core.models import Role
from hub.library import services
from hub.library.models import DocumentVersion
from tests.core.uploads import hostile_files

pytestmark = pytest.mark.django_db

KEY = "library.version"
# Only in the waiting version's file: finding it means its text reached readers.
NEW_WORD = "Quokkaplanning"


def signed_in(user, **options):
    client = Client(**options)
    client.force_login(user)
    return client


def pdf_saying(text, name="test-sign-off-v2.pdf"):
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, f"The escalation protocol, second edition. {text} applies from today.")
    return name, bytes(pdf.output())


@pytest.fixture
def second_editor(staff):
    return staff(Role.EDITOR, email="second-library-editor@westshire.example")


@pytest.fixture
def document(make_document):
    """A Westshire document with one published version, made before the rule applies."""
    return make_document(
        "test-sign-off",
        title="Test sign-off protocol",
        published=[timezone.localdate() - datetime.timedelta(days=100)],
        review_due=timezone.localdate() + datetime.timedelta(days=10),
    )


@pytest.fixture
def westshire_asks(document, westshire):
    westshire.sign_off = [KEY]
    westshire.save()
    return westshire


@pytest.fixture
def upload(document, westshire_asks, library_editor, django_capture_on_commit_callbacks):
    """`upload(**options)`: version 2.0 by the library editor, its text read as the worker
    would."""

    def make(by=library_editor, **options):
        name, content = pdf_saying(NEW_WORD)
        with django_capture_on_commit_callbacks(execute=True):
            return services.version_upload(
                by=by,
                document=document,
                uploaded_file=hostile_files.as_upload(name, content),
                version_label="2.0",
                what_changed="Second edition with the new contacts",
                approved_by="Partnership executive",
                approved_on=timezone.localdate(),
                **options,
            )

    return make


def approve(version, by, django_capture_on_commit_callbacks, **options):
    with django_capture_on_commit_callbacks(execute=True):
        return services.version_approve(by=by, version=version, **options)


def url(name, version):
    return reverse(f"library_admin:{name}_version", args=[version.pk])


def edit_url(document):
    return reverse("library_documents:edit", args=[document.pk])


def actions(document):
    return list(
        audit.entries()
        .filter(data__details__document_id=document.pk, user__isnull=False)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def found(client, address, **query):
    return "Test sign-off protocol" in client.get(address, query).content.decode()


def readers_see_the_new_version(client, document, version):
    """Whether anything of `version` reaches a reader, at any address."""
    page = client.get(document.get_absolute_url()).content.decode()
    download = client.get(f"/library/{document.slug}/download/")
    return {
        "page": "Second edition with the new contacts" in page,
        "version page": client.get(version.get_absolute_url()).status_code != 404,
        "version download": client.get(version.get_download_url()).status_code == 200,
        "document download": "v2.pdf" in download.get("Content-Disposition", ""),
        "wagtail address": client.get(version.file.url).status_code == 200,
        "library search": found(client, "/library/", q=NEW_WORD),
        "site search": found(client, "/search/", q=NEW_WORD),
    }


def test_an_upload_waits_unseen_by_readers_until_another_editor_approves_it(
    client, document, upload, second_editor, django_capture_on_commit_callbacks
):
    review_due_before = document.review_due
    version = upload(review_due=timezone.localdate() + datetime.timedelta(days=365))
    version.refresh_from_db()
    assert version.awaits_sign_off and version.published_at is None
    assert NEW_WORD in version.text  # read for search all the same
    document.refresh_from_db()
    assert document.current_version.number == 1
    # The review date given with the upload waits for the approval too.
    assert document.review_due == review_due_before
    assert not any(readers_see_the_new_version(client, document, version).values())

    approve(version, second_editor, django_capture_on_commit_callbacks)
    version.refresh_from_db()
    document.refresh_from_db()
    assert version.signed_off_by == second_editor and version.is_published
    assert document.current_version == version
    assert document.review_due == timezone.localdate() + datetime.timedelta(days=365)
    assert all(readers_see_the_new_version(client, document, version).values())
    assert actions(document)[-2:] == [
        "hub.library.version_uploaded",
        "hub.library.version_approved",
    ]


def test_the_uploader_cannot_approve_their_own_version_by_the_service_or_a_forged_post(
    upload, library_editor, second_editor, document
):
    version = upload()
    with pytest.raises(ValidationError) as refused:
        services.version_approve(by=library_editor, version=version)
    assert refused.value.code == "own_approval"

    uploader = signed_in(library_editor)
    screen = BeautifulSoup(uploader.get(edit_url(document)).content, "html.parser")
    row = screen.find(id="versions").find("tbody").find("tr")
    assert "Waiting for sign-off" in row.get_text()
    assert "another editor must approve it" in row.get_text()
    buttons = [button.get_text(" ", strip=True) for button in row.find_all("button")]
    assert buttons == ["Take it back : version 2.0"]

    response = uploader.post(url("approve", version), follow=True)
    assert "someone else must approve it" in response.content.decode()
    version.refresh_from_db()
    assert version.awaits_sign_off
    assert "hub.library.version_approved" not in actions(document)

    # Another editor is offered the approval, and who uploaded it.
    screen = BeautifulSoup(signed_in(second_editor).get(edit_url(document)).content, "html.parser")
    row = screen.find(id="versions").find("tbody").find("tr")
    assert library_editor.display_name in row.get_text()
    (form,) = row.find_all("form")
    assert form["action"] == url("approve", version)
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert [a["href"] for a in row.find_all("a") if "Send back" in a.get_text()] == [
        url("send_back", version)
    ]


def test_a_second_editor_approves_on_the_document_screen_and_it_is_current(
    upload, second_editor, document, client, django_capture_on_commit_callbacks
):
    version = upload()
    assert not found(client, "/search/", q=NEW_WORD)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(second_editor).post(url("approve", version), follow=True)
    assert "Signed off" in response.content.decode()
    # Search now reads the new version's text.
    assert found(client, "/search/", q=NEW_WORD)
    version.refresh_from_db()
    assert version.is_published and version.signed_off_by == second_editor
    assert document.current_version == version
    download = client.get(f"/library/{document.slug}/download/")
    assert 'filename="test-sign-off-v2.pdf"' in download["Content-Disposition"]


def test_a_time_asked_for_is_kept_by_the_approval_or_becomes_the_approval_once_passed(
    upload, second_editor, document, django_capture_on_commit_callbacks
):
    later = timezone.now() + datetime.timedelta(days=3)
    version = upload(published_at=later)
    approve(version, second_editor, django_capture_on_commit_callbacks)
    version.refresh_from_db()
    assert version.published_at == later and not version.is_published
    assert document.current_version.number == 1

    services.version_withdraw(by=second_editor, version=version, reason="Start again")
    soon = timezone.now() + datetime.timedelta(minutes=5)
    third = upload(published_at=soon)
    approved_at = soon + datetime.timedelta(hours=1)
    approve(third, second_editor, django_capture_on_commit_callbacks, now=approved_at)
    third.refresh_from_db()
    assert third.published_at == approved_at


def test_approving_twice_publishes_once(
    upload, second_editor, document, django_capture_on_commit_callbacks
):
    version = upload()
    approve(version, second_editor, django_capture_on_commit_callbacks)
    published_at = DocumentVersion.objects.get(pk=version.pk).published_at
    with pytest.raises(ValidationError) as refused:
        services.version_approve(by=second_editor, version=version)
    assert refused.value.code == "not_waiting"
    response = signed_in(second_editor).post(url("approve", version), follow=True)
    assert "not waiting for sign-off" in response.content.decode()
    assert DocumentVersion.objects.get(pk=version.pk).published_at == published_at
    assert actions(document).count("hub.library.version_approved") == 1


def test_another_editor_sends_it_back_only_with_a_reason_and_nothing_of_it_is_served(
    client, upload, second_editor, document
):
    version = upload()
    with pytest.raises(ValidationError):
        services.version_send_back(by=second_editor, version=version, reason="   ")
    second = signed_in(second_editor)
    response = second.post(url("send_back", version), {"reason": ""})
    assert response.status_code == 200
    assert "Say what needs changing" in response.content.decode()
    version.refresh_from_db()
    assert version.awaits_sign_off

    assert "What needs changing" in second.get(url("send_back", version)).content.decode()
    response = second.post(url("send_back", version), {"reason": "Add the out-of-hours number."})
    assert response.status_code == 302 and response["Location"] == edit_url(document)
    version.refresh_from_db()
    assert version.is_withdrawn and version.published_at is None
    assert not any(readers_see_the_new_version(client, document, version).values())
    entry = audit.entries().filter(action="hub.library.version_sent_back").get()
    assert entry.data["details"]["reason"] == "Add the out-of-hours number."
    # It can no longer be approved, and the corrected version can be uploaded.
    with pytest.raises(ValidationError):
        services.version_approve(by=second_editor, version=version)
    assert upload().awaits_sign_off


def test_the_uploader_takes_it_back_without_a_reason_and_uploads_again(
    upload, library_editor, document
):
    version = upload()
    uploader = signed_in(library_editor)
    # While it waits, no further version is uploaded.
    assert uploader.get(reverse("library_admin:upload_version", args=[document.pk]))[
        "Location"
    ] == edit_url(document)
    with pytest.raises(ValidationError) as refused:
        upload()
    assert refused.value.code == "awaiting_sign_off"

    assert uploader.post(url("send_back", version), {"reason": ""}).status_code == 302
    version.refresh_from_db()
    assert version.is_withdrawn and version.published_at is None
    entry = audit.entries().filter(action="hub.library.version_sent_back").get()
    assert entry.data["details"]["by_the_uploader"] is True
    assert upload().awaits_sign_off


def test_another_partnerships_editor_gets_a_404_and_nothing_changes(upload, staff, document):
    version = upload()
    before = actions(document)
    northmoor = signed_in(staff(Role.EDITOR, partnership="northmoor", email="ed@northmoor.test"))
    assert northmoor.post(url("approve", version)).status_code == 404
    assert northmoor.get(url("send_back", version)).status_code == 404
    assert northmoor.post(url("send_back", version), {"reason": "No"}).status_code == 404
    version.refresh_from_db()
    assert version.awaits_sign_off
    assert actions(document) == before


def test_approving_is_a_post_with_its_csrf_token(upload, second_editor):
    version = upload()
    assert signed_in(second_editor).get(url("approve", version)).status_code == 405
    forged = signed_in(second_editor, enforce_csrf_checks=True)
    assert forged.post(url("approve", version)).status_code == 403
    assert forged.post(url("send_back", version), {"reason": "x"}).status_code == 403
    version.refresh_from_db()
    assert version.awaits_sign_off


def test_the_upload_screen_sends_for_sign_off_and_says_it_waits(
    westshire_asks, library_editor, document
):
    uploader = signed_in(library_editor)
    address = reverse("library_admin:upload_version", args=[document.pk])
    assert "Upload and send for sign-off" in uploader.get(address).content.decode()
    name, content = pdf_saying(NEW_WORD)
    response = uploader.post(
        address,
        {
            "file": hostile_files.as_upload(name, content),
            "version_label": "2.0",
            "what_changed": "Second edition",
            "approved_by": "Partnership executive",
            "approved_on": timezone.localdate().isoformat(),
        },
        follow=True,
    )
    assert "It is waiting for sign-off" in response.content.decode()
    assert document.versions.awaiting_sign_off().get().uploaded_by == library_editor


def test_editors_who_may_approve_see_it_among_their_to_dos(
    upload, library_editor, second_editor, staff, document
):
    upload()
    assert ("Library versions to sign off", edit_url(document), 1) in [
        (item["text"], item["href"], item["count"]) for item in todos_for(second_editor)
    ]
    northmoor = staff(Role.EDITOR, partnership="northmoor", email="todo@northmoor.test")
    for person in (library_editor, northmoor):
        assert not [i for i in todos_for(person) if i["text"] == "Library versions to sign off"]


def test_the_accounts_that_asked_and_signed_off_are_in_their_data(
    upload, library_editor, second_editor, django_capture_on_commit_callbacks
):
    version = upload()
    uploaded = account_export(user=library_editor)["library"]["versions_you_uploaded"]
    assert {"document": "Test sign-off protocol", "version": "2.0", "published": None} in uploaded
    approve(version, second_editor, django_capture_on_commit_callbacks)
    (signed,) = account_export(user=second_editor)["library_sign_off"]
    assert signed["document"] == "Test sign-off protocol" and signed["version"] == "2.0"


def test_the_partnership_admin_can_ask_for_sign_off_of_library_versions(westshire, staff):
    admin = signed_in(staff(Role.PARTNERSHIP_ADMIN, email="admin-library@westshire.example"))
    address = reverse("hub_site_settings:edit", args=[westshire.slug, "sign-off"])
    assert "New library versions" in admin.get(address).content.decode()
    assert admin.post(address, {"settings-sign_off": [KEY], "save": "1"}).status_code == 302
    westshire.refresh_from_db()
    assert westshire.sign_off == [KEY]
