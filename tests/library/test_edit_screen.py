"""A document's edit screen beside its versions (issue 19, point 4): the versions listed with
their state and the ways to upload, view and withdraw; the Partnership field saying what it
does; related documents as checkboxes of the editor's own; a suggested next review date; and
on Reviews due, "Mark under review" and "Email the owner", each a service, audited, harmless
when pressed twice, and a 404 for another partnership's document."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
from hub.core.models import Role
from hub.library import services
from hub.library.models import LibraryDocument, ReviewReminder, suggested_review_date
from tests.conftest import give_second_factor, make_person
from tests.core.uploads import hostile_files
from tests.library.test_admin import edit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(library_editor):
    client = Client()
    client.force_login(library_editor)
    return client


@pytest.fixture
def northmoor_editor_client(staff):
    client = Client()
    client.force_login(staff(Role.EDITOR, partnership="northmoor"))
    return client


def edit_url(document):
    return reverse("library_documents:edit", args=[document.pk])


def page(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def versions_table(soup):
    section = soup.find(id="versions")
    assert section is not None, "the edit screen has no versions section"
    return section, section.find("table")


def rows_of(table):
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.find("tbody").find_all("tr")
    ]


def entries(action):
    """Entries made by people in the test (the demo's loading leaves some of its own)."""
    return audit.entries().filter(action=action, user__isnull=False)


def upload(client, document, name, content, **extra):
    data = {
        "file": hostile_files.as_upload(name, content),
        "version_label": "3.0",
        "what_changed": "New escalation contacts",
        "approved_by": "Partnership executive",
        "approved_on": timezone.localdate().isoformat(),
        **extra,
    }
    return client.post(reverse("library_admin:upload_version", args=[document.pk]), data)


# --- 1. The versions on the edit screen ----------------------------------------------------


def test_the_edit_screen_lists_every_version_with_its_state_uploader_and_change(
    editor_client, library_editor, make_document
):
    today = timezone.localdate()
    document = make_document(
        "test-edit-versions",
        published=[today - datetime.timedelta(days=400), today - datetime.timedelta(days=30)],
    )
    first, second = document.versions.order_by("number")
    services.version_withdraw(by=library_editor, version=first, reason="Wrong file")
    name, content = hostile_files.pdf_document(pages=1, name="scheduled.pdf")
    services.version_upload(
        by=library_editor,
        document=document,
        uploaded_file=hostile_files.as_upload(name, content),
        version_label="3.0",
        what_changed="Contacts for the new year",
        approved_by="Partnership executive",
        approved_on=today,
        published_at=timezone.now() + datetime.timedelta(days=10),
    )

    soup = page(editor_client.get(edit_url(document)))
    section, table = versions_table(soup)
    assert table.find("caption").get_text(strip=True).startswith("Versions of")
    headers = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
    assert headers[:5] == ["Version", "Published", "State", "Uploaded by", "What changed"]
    rows = rows_of(table)
    assert [row[0] for row in rows] == ["3.0 (upload 3)", "2.0 (upload 2)", "1.0 (upload 1)"]
    assert rows[0][1].startswith("Scheduled for ")
    assert [row[2] for row in rows] == ["Scheduled", "Current", "Withdrawn"]
    assert rows[1][1] == f"{second.published_at:%-d %B %Y}"
    assert {row[3] for row in rows} == {library_editor.display_name}
    assert rows[0][4] == "Contacts for the new year"
    assert rows[1][4] == "Change number 2"

    withdraw_links = [a["href"] for a in table.find_all("a") if "Withdraw" in a.get_text()]
    assert reverse("library_admin:withdraw_version", args=[second.pk]) in withdraw_links
    assert reverse("library_admin:withdraw_version", args=[first.pk]) not in withdraw_links
    links = {a.get_text(" ", strip=True): a["href"] for a in section.find_all("a")}
    assert links["Upload a new version"] == reverse(
        "library_admin:upload_version", args=[document.pk]
    )
    assert links[f"View on site : {document.title}"] == document.get_absolute_url()


def test_an_earlier_published_version_is_superseded(editor_client, make_document):
    today = timezone.localdate()
    document = make_document(
        "test-edit-superseded",
        published=[today - datetime.timedelta(days=60), today - datetime.timedelta(days=5)],
    )
    rows = rows_of(versions_table(page(editor_client.get(edit_url(document))))[1])
    assert [row[2] for row in rows] == ["Current", "Superseded"]


def test_view_on_site_is_the_partnerships_own_address_when_the_admin_answers_elsewhere(
    library_editor, make_document, westshire
):
    document = make_document("test-edit-on-site", published=[timezone.localdate()])
    client = Client(HTTP_HOST="northmoor.localhost")
    client.force_login(library_editor)
    section, _ = versions_table(page(client.get(edit_url(document))))
    (view,) = [a for a in section.find_all("a") if a.get_text().startswith("View on site")]
    assert view["href"] == westshire.site.root_url + document.get_absolute_url()
    assert view["href"].startswith("http")


def test_a_withdrawn_document_offers_no_page_to_view_and_no_upload(editor_client, make_document):
    document = make_document("test-edit-withdrawn", published=[timezone.localdate()])
    document.status = "withdrawn"
    document.save()
    section, _ = versions_table(page(editor_client.get(edit_url(document))))
    texts = [a.get_text(" ", strip=True) for a in section.find_all("a")]
    assert not any(text.startswith(("View on site", "Upload a new version")) for text in texts)
    assert "mark it current again" in section.get_text()


def test_the_versions_list_costs_the_same_queries_however_many_versions(
    editor_client, make_document, django_assert_max_num_queries
):
    today = timezone.localdate()
    one = make_document("test-edit-budget-one", published=[today])
    many = make_document(
        "test-edit-budget-many",
        published=[today - datetime.timedelta(days=days) for days in (50, 40, 30, 20, 10, 0)],
    )
    with CaptureQueriesContext(connection) as single:
        assert editor_client.get(edit_url(one)).status_code == 200
    with django_assert_max_num_queries(len(single)):
        response = editor_client.get(edit_url(many))
    assert len(rows_of(versions_table(page(response))[1])) == 6


def test_withdrawing_a_version_from_the_edit_screen_returns_to_it(editor_client, make_document):
    document = make_document("test-edit-withdraw-back", published=[timezone.localdate()])
    version = document.versions.get()
    response = editor_client.post(
        reverse("library_admin:withdraw_version", args=[version.pk]), {"reason": "Wrong file"}
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url(document)
    version.refresh_from_db()
    assert version.is_withdrawn


def test_another_partnerships_document_edit_screen_is_a_404(northmoor_editor_client, make_document):
    document = make_document("test-edit-forged", published=[timezone.localdate()])
    assert northmoor_editor_client.get(edit_url(document)).status_code == 404


# --- 2. The Partnership field --------------------------------------------------------------


def test_the_partnership_hint_says_what_it_does_and_a_sole_partnership_is_chosen(
    editor_client, westshire
):
    hint = LibraryDocument._meta.get_field("partnership").help_text
    assert "blank" not in hint.lower()
    soup = page(editor_client.get(reverse("library_documents:add")))
    select = soup.find("select", attrs={"name": "partnership"})
    assert select.find("option", selected=True)["value"] == str(westshire.pk)
    assert hint in soup.get_text(" ", strip=True)
    assert "leave blank" not in soup.get_text(" ", strip=True).lower()


def test_an_editor_must_still_name_the_partnership(editor_client):
    response = editor_client.post(
        reverse("library_documents:add"),
        {
            "partnership": "",
            "title": "Test partnership required",
            "slug": "test-partnership-required",
            "summary": "A protocol.",
            "document_type": "protocol",
            "reach": "regional",
            "contact_role": "Business unit manager",
            "status": "current",
        },
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not LibraryDocument.objects.filter(slug="test-partnership-required").exists()


def test_someone_who_edits_several_partnerships_chooses_one_themselves(westshire, northmoor):
    root = make_person("root-library@hub.example", partnership=westshire, agency=None)
    root.is_superuser = root.is_staff = True
    root.save()
    give_second_factor(root)
    client = Client()
    client.force_login(root)
    soup = page(client.get(reverse("library_documents:add")))
    select = soup.find("select", attrs={"name": "partnership"})
    assert len(select.find_all("option")) > 2
    assert select.find("option", selected=True)["value"] == ""


# --- 3. Related documents as checkboxes of the editor's own ---------------------------------


def test_related_documents_are_checkboxes_of_the_editors_own_documents_by_title(
    editor_client, make_document, northmoor
):
    document = make_document("test-edit-related", published=[timezone.localdate()])
    soup = page(editor_client.get(edit_url(document)))
    assert soup.find("select", attrs={"name": "related_documents"}) is None
    boxes = soup.find_all("input", attrs={"name": "related_documents", "type": "checkbox"})
    offered = [int(box["value"]) for box in boxes]
    assert len(offered) > 1
    by_title = LibraryDocument.objects.filter(pk__in=offered).order_by("title")
    assert offered == list(by_title.values_list("pk", flat=True))
    assert document.pk not in offered
    assert not LibraryDocument.objects.filter(pk__in=offered, partnership=northmoor).exists()


def test_ticking_related_documents_links_them_and_a_forged_one_is_refused(
    editor_client, make_document, northmoor
):
    document = make_document("test-edit-link", published=[timezone.localdate()])
    other = make_document("test-edit-link-other", published=[timezone.localdate()])
    response = editor_client.post(
        edit_url(document), edit_form(document, related_documents=[other.pk])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(document.related_documents.all()) == [other]

    forged = LibraryDocument.objects.filter(partnership=northmoor).first()
    response = editor_client.post(
        edit_url(document), edit_form(document, related_documents=[other.pk, forged.pk])
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert list(document.related_documents.all()) == [other]


# --- 4. A suggested next review date ---------------------------------------------------------


def test_a_suggested_review_date_is_a_year_on_and_29_february_becomes_28():
    assert suggested_review_date(datetime.date(2026, 3, 3)) == datetime.date(2027, 3, 3)
    assert suggested_review_date(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)


def test_the_upload_form_starts_with_a_suggested_review_date_and_says_so(
    editor_client, make_document
):
    document = make_document("test-upload-suggest", published=[datetime.date(2026, 1, 5)])
    with time_machine.travel(datetime.datetime(2026, 11, 2, 10, tzinfo=datetime.UTC)):
        soup = page(editor_client.get(reverse("library_admin:upload_version", args=[document.pk])))
    field = soup.find("input", attrs={"name": "review_due"})
    assert field["value"] == "2027-11-02"
    assert "Suggested: a year from today" in soup.get_text(" ", strip=True)


def test_the_edit_form_suggests_a_review_date_only_when_there_is_none(editor_client, make_document):
    with time_machine.travel(datetime.datetime(2026, 11, 2, 10, tzinfo=datetime.UTC)):
        without = make_document("test-edit-no-review", published=[datetime.date(2026, 1, 5)])
        soup = page(editor_client.get(edit_url(without)))
        assert soup.find("input", attrs={"name": "review_due"})["value"] == "2027-11-02"
        assert "Suggested: a year from today" in soup.get_text(" ", strip=True)

        dated = make_document(
            "test-edit-reviewed",
            published=[datetime.date(2026, 1, 5)],
            review_due=datetime.date(2027, 5, 1),
        )
        soup = page(editor_client.get(edit_url(dated)))
        assert soup.find("input", attrs={"name": "review_due"})["value"] == "2027-05-01"
        assert "Suggested" not in soup.get_text(" ", strip=True)


def test_a_suggested_review_date_kept_is_saved_and_recorded_and_one_cleared_is_no_change(
    editor_client, make_document
):
    document = make_document("test-edit-keep-suggestion", published=[datetime.date(2026, 1, 5)])
    suggestion = suggested_review_date().isoformat()
    response = editor_client.post(edit_url(document), edit_form(document, review_due=suggestion))
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert document.review_due.isoformat() == suggestion
    assert entries("hub.library.document_edited").get().data["details"]["fields"] == ["review_due"]

    untouched = make_document("test-edit-clear-suggestion", published=[datetime.date(2026, 1, 5)])
    response = editor_client.post(
        edit_url(untouched), edit_form(untouched, review_due="", contact_role="Safeguarding lead")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    untouched.refresh_from_db()
    assert untouched.review_due is None
    edited = entries("hub.library.document_edited").filter(object_id=str(untouched.pk)).get()
    assert edited.data["details"]["fields"] == ["contact_role"]


# --- 6. After an upload, back to the document ----------------------------------------------


def test_after_an_upload_the_editor_is_back_on_the_document_with_the_new_version(
    editor_client, make_document, django_capture_on_commit_callbacks
):
    document = make_document("test-upload-back", published=[datetime.date(2026, 1, 5)])
    name, content = hostile_files.pdf_document(pages=1, name="back.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_client, document, name, content)
    assert response.status_code == 302
    assert response["Location"] == edit_url(document)
    soup = page(editor_client.get(response["Location"]))
    assert f"New version of '{document.title}' uploaded." in soup.get_text(" ", strip=True)
    rows = rows_of(versions_table(soup)[1])
    assert rows[0][0] == "3.0 (upload 2)"
    assert rows[0][2] == "Current"


def test_an_upload_to_a_document_under_review_reminds_the_editor_to_end_the_review(
    editor_client, make_document
):
    document = make_document(
        "test-upload-under-review", published=[datetime.date(2026, 1, 5)], status="under_review"
    )
    name, content = hostile_files.pdf_document(pages=1, name="reviewed.pdf")
    response = upload(editor_client, document, name, content)
    assert response.status_code == 302
    text = page(editor_client.get(response["Location"])).get_text(" ", strip=True)
    assert "It is still marked under review" in text
    document.refresh_from_db()
    assert document.status == "under_review"


# --- 5. Reviews due: mark under review, email the owner --------------------------------------


def mark_url(document):
    return reverse("library_admin:mark_under_review", args=[document.pk])


def email_url(document):
    return reverse("library_admin:email_owner", args=[document.pk])


@pytest.fixture
def overdue(make_document):
    return make_document(
        "test-review-overdue",
        published=[datetime.date(2025, 1, 6)],
        review_due=timezone.localdate() - datetime.timedelta(days=10),
    )


def messages_on(client):
    return page(client.get(reverse("library_admin:reviews"))).get_text(" ", strip=True)


def test_reviews_due_offers_both_actions_as_forms_with_the_csrf_token(editor_client, overdue):
    soup = page(editor_client.get(reverse("library_admin:reviews")))
    row = soup.find("a", string=overdue.title).find_parent("tr")
    forms = {form["action"]: form for form in row.find_all("form")}
    assert set(forms) == {mark_url(overdue), email_url(overdue)}
    for form in forms.values():
        assert form["method"] == "post"
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    buttons = [button.get_text(" ", strip=True) for button in row.find_all("button")]
    assert buttons == [
        f"Mark under review : {overdue.title}",
        f"Email the owner of {overdue.title}",
    ]


def test_marking_under_review_changes_the_status_once_and_a_second_press_says_so(
    editor_client, library_editor, overdue
):
    response = editor_client.post(mark_url(overdue))
    assert response.status_code == 302
    assert response["Location"] == reverse("library_admin:reviews")
    overdue.refresh_from_db()
    assert overdue.status == "under_review"
    entry = entries("hub.library.document_status_changed").get()
    assert (entry.user_id, entry.object_id) == (library_editor.pk, str(overdue.pk))
    assert entry.data["details"] == {
        "document_id": overdue.pk,
        "from": "current",
        "to": "under_review",
    }
    assert "is marked under review" in messages_on(editor_client)

    assert editor_client.post(mark_url(overdue)).status_code == 302
    assert "is already marked under review" in messages_on(editor_client)
    assert entries("hub.library.document_status_changed").count() == 1


def test_a_superseded_document_is_not_marked_under_review(editor_client, overdue):
    overdue.status = "superseded"
    overdue.save()
    editor_client.post(mark_url(overdue))
    overdue.refresh_from_db()
    assert overdue.status == "superseded"
    assert "is superseded, so it is not reviewed" in messages_on(editor_client)
    assert not entries("hub.library.document_status_changed").exists()


def test_emailing_the_owner_sends_the_review_reminder_and_records_only_the_count(
    editor_client, library_editor, overdue
):
    response = editor_client.post(email_url(overdue))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["owner@westshire.example"]
    assert email.subject == f"Review overdue: {overdue.title}"
    assert "The review of this document is overdue by 10 days" in email.body
    assert f"{library_editor.display_name}, an editor of the partnership" in email.body
    entry = entries("hub.library.owner_reminded").get()
    assert (entry.user_id, entry.object_id) == (library_editor.pk, str(overdue.pk))
    assert entry.data["details"] == {"document_id": overdue.pk, "emails": 1}
    assert "owner@westshire.example" not in str(entry.data)
    assert "was emailed" in messages_on(editor_client)


def test_a_double_submit_of_email_the_owner_sends_one_email(editor_client, overdue):
    assert editor_client.post(email_url(overdue)).status_code == 302
    assert editor_client.post(email_url(overdue)).status_code == 302
    assert len(mail.outbox) == 1
    assert entries("hub.library.owner_reminded").count() == 1
    assert "was already emailed about this review today" in messages_on(editor_client)


def test_the_daily_reminders_still_go_out_after_an_editor_emailed_the_owner(editor_client, overdue):
    LibraryDocument.objects.exclude(pk=overdue.pk).update(review_due=None)
    editor_client.post(email_url(overdue))
    assert services.send_review_reminders(reminder_days=[0]) == 1
    assert len(mail.outbox) == 2


def test_email_the_owner_is_refused_clearly_when_no_mailbox_is_recorded(editor_client, overdue):
    overdue.owner_email = ""
    overdue.save()
    row = (
        page(editor_client.get(reverse("library_admin:reviews")))
        .find("a", string=overdue.title)
        .find_parent("tr")
    )
    assert email_url(overdue) not in str(row)
    assert "Add an owner mailbox" in row.get_text(" ", strip=True)

    assert editor_client.post(email_url(overdue)).status_code == 302
    assert mail.outbox == []
    assert not entries("hub.library.owner_reminded").exists()
    assert not ReviewReminder.objects.filter(document=overdue).exists()
    assert "No owner mailbox is recorded" in messages_on(editor_client)


def test_an_email_that_cannot_be_sent_leaves_nothing_behind(editor_client, overdue, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(services, "send_mail", refuse)
    assert editor_client.post(email_url(overdue)).status_code == 302
    assert not ReviewReminder.objects.filter(document=overdue).exists()
    assert not entries("hub.library.owner_reminded").exists()
    assert "could not be sent just now" in messages_on(editor_client)


def test_both_actions_are_posts_with_the_csrf_token(library_editor, overdue):
    client = Client(enforce_csrf_checks=True)
    client.force_login(library_editor)
    assert client.post(mark_url(overdue)).status_code == 403
    assert client.post(email_url(overdue)).status_code == 403
    assert client.get(mark_url(overdue)).status_code == 405
    assert client.get(email_url(overdue)).status_code == 405
    overdue.refresh_from_db()
    assert overdue.status == "current"
    assert mail.outbox == []


def test_a_northmoor_editor_on_a_westshire_document_gets_404s_and_nothing_changes(
    northmoor_editor_client, overdue
):
    entries_before = audit.entries().count()
    assert northmoor_editor_client.post(mark_url(overdue)).status_code == 404
    assert northmoor_editor_client.post(email_url(overdue)).status_code == 404
    assert (
        northmoor_editor_client.get(
            reverse("library_admin:upload_version", args=[overdue.pk])
        ).status_code
        == 404
    )
    overdue.refresh_from_db()
    assert overdue.status == "current"
    assert mail.outbox == []
    assert not ReviewReminder.objects.filter(document=overdue).exists()
    assert audit.entries().count() == entries_before


def test_the_services_refuse_another_partnerships_editor(staff, overdue):
    from django.core.exceptions import PermissionDenied

    northmoor_editor = staff(Role.EDITOR, partnership="northmoor")
    with pytest.raises(PermissionDenied):
        services.document_mark_under_review(by=northmoor_editor, document=overdue)
    with pytest.raises(PermissionDenied):
        services.document_email_owner(by=northmoor_editor, document=overdue)
    overdue.refresh_from_db()
    assert overdue.status == "current"
    assert mail.outbox == []
