"""Evidence files on an agency's action: uploaded by the agency's lead, checked by their content
before anything is stored, kept outside the public media under a name of their own, served
only to the panel and that agency (privately, audited), and removable until the panel signs
the action off. Hostile files (a renamed program, a web page named .pdf, a zip bomb, a file
over the limit, macros, an empty file, and the rest of the corpus every upload screen is fed)
are refused with a clear message, leaving no row and no file behind."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
from hub.reviews import tracker
from hub.reviews.models import ActionEvidence, ActionStatus, AgencyAction
from tests.core.uploads import hostile_files
from tests.core.uploads.hostile_files import as_upload, pdf_document
from tests.reviews.conftest import make_action, make_review, signed_in

pytestmark = pytest.mark.django_db

FOLDER = "reviews/evidence"


def page(response, status=200):
    assert response.status_code == status, response.status_code
    return response.content.decode()


def error_links(html):
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    return re.findall(r'<a href="([^"]+)"', summary.group(0)) if summary else []


def stored_files():
    if not default_storage.exists(FOLDER):
        return set()
    return set(default_storage.listdir(FOLDER)[1])


def stored():
    """Everything an upload could leave behind."""
    return (ActionEvidence.objects.count(), stored_files(), audit.entries().count())


def upload_url(action):
    return reverse("reviews:evidence_upload", args=[action.pk])


def download_url(evidence):
    return reverse("reviews:evidence_download", args=[evidence.action_id, evidence.pk])


def remove_url(evidence):
    return reverse("reviews:evidence_remove", args=[evidence.action_id, evidence.pk])


def pdf(name="audit-report.pdf"):
    return as_upload(*pdf_document(pages=1, name=name))


@pytest.fixture
def review(westshire):
    return make_review(westshire)


@pytest.fixture
def action(review, westbury):
    return make_action(review, westbury, due_on=timezone.localdate() + datetime.timedelta(days=60))


def upload(client, action, file, note=""):
    return client.post(upload_url(action), {"file": file, "note": note})


# --- Uploading ---------------------------------------------------------------------------------


def test_the_lead_uploads_a_pdf_which_is_stored_privately_under_its_own_name(action, westbury_lead):
    client = signed_in(westbury_lead)
    response = upload(client, action, pdf("Audit report (final).pdf"), "Audit of ten plans")
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:action", args=[action.pk]) + "#evidence"
    evidence = ActionEvidence.objects.get(action=action)
    assert evidence.original_filename == "Audit report (final).pdf"
    assert evidence.kind == "pdf"
    assert evidence.note == "Audit of ten plans"
    assert evidence.uploaded_by == westbury_lead
    # Stored under a name of its own, outside the public images (the only media served).
    assert evidence.file.name.startswith(f"{FOLDER}/")
    assert re.fullmatch(rf"{FOLDER}/[0-9a-f]{{32}}\.pdf", evidence.file.name)
    assert default_storage.exists(evidence.file.name)
    assert client.get(f"/media/{evidence.file.name}").status_code == 404
    entry = audit.entries().get(object_id=str(action.pk), action="hub.reviews.evidence_uploaded")
    assert entry.data["details"] == {"kind": "pdf"}
    html = page(client.get(reverse("reviews:action", args=[action.pk])))
    assert "Audit report (final).pdf" in html
    assert download_url(evidence) in html


def test_uploading_without_choosing_a_file_asks_for_one(action, westbury_lead):
    before = stored()
    html = page(signed_in(westbury_lead).post(upload_url(action), {"note": ""}))
    assert error_links(html) == ["#evidence-file"]
    assert "Select a file to upload" in html
    assert stored() == before


def test_a_note_that_identifies_a_child_is_refused_and_nothing_is_stored(action, westbury_lead):
    before = stored()
    html = page(upload(signed_in(westbury_lead), action, pdf(), "Plan for the child at BS1 4DJ"))
    assert error_links(html) == ["#evidence-note"]
    assert "Remove a full postcode" in html
    assert stored() == before


@pytest.mark.parametrize(
    ("builder", "words"),
    [
        (
            hostile_files.windows_executable,
            "The file is a program or script, which is not accepted.",
        ),
        (
            hostile_files._renamed(hostile_files.windows_executable, "setup.exe"),
            "The file is a program or script, which is not accepted.",
        ),
        (hostile_files.html_page, "The file is a web page (HTML), which is not accepted."),
        (hostile_files.zip_bomb_disguised_as_docx, "expand"),
        (hostile_files.docm_with_vba_project, "The file contains macros"),
        (hostile_files.xlsx_with_macro_enabled_content_type, "The file contains macros"),
        (hostile_files.empty_file, "The file is empty."),
    ],
    ids=["renamed-executable", "executable", "html-named-pdf", "zip-bomb", "docm", "xlsm", "empty"],
)
def test_a_hostile_file_is_refused_with_a_clear_message_and_leaves_nothing(
    action, westbury_lead, builder, words
):
    before = stored()
    html = page(upload(signed_in(westbury_lead), action, as_upload(*builder())))
    assert error_links(html) == ["#evidence-file"]
    assert 'id="evidence-file-error"' in html
    assert words in html
    assert stored() == before


@pytest.mark.parametrize("builder", hostile_files.HOSTILE_CORPUS, ids=lambda b: b.__name__)
def test_every_file_of_the_hostile_corpus_is_refused(action, westbury_lead, builder):
    before = stored()
    response = upload(signed_in(westbury_lead), action, as_upload(*builder()))
    assert error_links(page(response)) == ["#evidence-file"]
    assert stored() == before


def test_a_file_one_byte_over_the_limit_is_refused_and_one_at_the_limit_accepted(
    action, westbury_lead
):
    limit = settings.REVIEW_MAX_EVIDENCE_BYTES
    assert limit == 10 * 1024 * 1024
    client = signed_in(westbury_lead)
    before = stored()
    html = page(upload(client, action, as_upload(*hostile_files.pdf_of_exact_size(limit + 1))))
    assert "The file is too large. The largest file you can upload is 10 MB." in html
    assert stored() == before
    response = upload(client, action, as_upload(*hostile_files.pdf_of_exact_size(limit)))
    assert response.status_code == 302
    assert ActionEvidence.objects.get(action=action).size_bytes == limit


def test_the_same_file_twice_is_attached_once(action, westbury_lead):
    client = signed_in(westbury_lead)
    assert upload(client, action, pdf()).status_code == 302
    before = stored()
    html = page(upload(client, action, pdf()))
    assert "audit-report.pdf is already attached to this action." in html
    assert stored() == before


def test_an_action_takes_at_most_ten_files(action, westbury_lead):
    for number in range(tracker.MAX_EVIDENCE_FILES_PER_ACTION):
        tracker.evidence_add(
            by=westbury_lead, action=action, uploaded_file=pdf(f"file-{number}.pdf")
        )
    before = stored()
    html = page(upload(signed_in(westbury_lead), action, pdf("one-more.pdf")))
    assert "An action can have up to 10 evidence files." in html
    assert stored() == before


def test_only_the_agencys_lead_may_upload(action, panel, college_lead, practitioner):
    before = stored()
    for person in (panel, college_lead, practitioner):
        assert upload(signed_in(person), action, pdf()).status_code == 404
    assert stored() == before


def test_uploading_takes_a_post(action, westbury_lead):
    assert signed_in(westbury_lead).get(upload_url(action)).status_code == 405


# --- Downloading -------------------------------------------------------------------------------


def test_the_lead_and_the_panel_download_the_file_privately_and_it_is_logged(
    action, westbury_lead, panel
):
    evidence = tracker.evidence_add(by=westbury_lead, action=action, uploaded_file=pdf())
    for person in (westbury_lead, panel):
        response = signed_in(person).get(download_url(evidence))
        assert response.status_code == 200
        # A PDF that passed the gate opens in the browser's viewer, where nothing can run.
        assert response["Content-Disposition"].startswith("inline;")
        assert "audit-report.pdf" in response["Content-Disposition"]
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    entries = audit.entries().filter(
        object_id=str(action.pk), action="hub.reviews.evidence_downloaded"
    )
    assert sorted(entries.values_list("user_id", flat=True)) == sorted([westbury_lead.pk, panel.pk])


def test_a_word_document_is_served_as_an_attachment_in_a_sandbox(action, westbury_lead):
    evidence = tracker.evidence_add(
        by=westbury_lead, action=action, uploaded_file=as_upload(*hostile_files.docx_document())
    )
    response = signed_in(westbury_lead).get(download_url(evidence))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_evidence_of_another_action_is_not_found_through_this_one(
    action, review, westbury, westbury_lead
):
    other = make_action(review, westbury, number=2)
    evidence = tracker.evidence_add(by=westbury_lead, action=other, uploaded_file=pdf())
    client = signed_in(westbury_lead)
    before = stored()
    mixed = reverse("reviews:evidence_download", args=[action.pk, evidence.pk])
    assert client.get(mixed).status_code == 404
    mixed = reverse("reviews:evidence_remove", args=[action.pk, evidence.pk])
    assert client.post(mixed).status_code == 404
    assert stored() == before


# --- Removing ----------------------------------------------------------------------------------


def test_removing_takes_a_post_and_deletes_the_file_once_committed(
    action, westbury_lead, django_capture_on_commit_callbacks
):
    evidence = tracker.evidence_add(by=westbury_lead, action=action, uploaded_file=pdf())
    name = evidence.file.name
    client = signed_in(westbury_lead)
    assert client.get(remove_url(evidence)).status_code == 405
    assert ActionEvidence.objects.filter(pk=evidence.pk).exists()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(remove_url(evidence))
    assert response["Location"] == reverse("reviews:action", args=[action.pk]) + "#evidence"
    assert not ActionEvidence.objects.filter(pk=evidence.pk).exists()
    # The file stays until the removal commits.
    assert default_storage.exists(name)
    for callback in callbacks:
        callback()
    assert not default_storage.exists(name)
    assert (
        audit.entries()
        .filter(object_id=str(action.pk), action="hub.reviews.evidence_removed")
        .exists()
    )


def test_the_only_file_of_a_completed_action_stays(action, westbury_lead):
    evidence = tracker.evidence_add(by=westbury_lead, action=action, uploaded_file=pdf())
    tracker.action_update(by=westbury_lead, action=action, status=ActionStatus.COMPLETED)
    client = signed_in(westbury_lead)
    before = stored()
    assert client.post(remove_url(evidence)).status_code == 302
    assert stored() == before
    # The refusal is shown on the action's page the removal leads back to.
    html = page(client.get(reverse("reviews:action", args=[action.pk])))
    assert "is the only evidence for this completed action" in html


def test_after_sign_off_the_evidence_stays(action, westbury_lead, panel):
    evidence = tracker.evidence_add(by=westbury_lead, action=action, uploaded_file=pdf())
    tracker.evidence_add(by=westbury_lead, action=action, uploaded_file=pdf("second.pdf"))
    tracker.action_update(by=westbury_lead, action=action, status=ActionStatus.COMPLETED)
    tracker.action_sign_off(by=panel, action=action, accept=True)
    client = signed_in(westbury_lead)
    for refused in (
        lambda: client.post(remove_url(evidence)),
        lambda: upload(client, action, pdf()),
    ):
        before = stored()
        response = refused()
        assert response["Location"] == reverse("reviews:action", args=[action.pk]) + "#evidence"
        assert stored() == before
        html = page(client.get(reverse("reviews:action", args=[action.pk])))
        assert "The review panel accepted the evidence for this action on" in html
        assert "so it cannot change" in html
    assert AgencyAction.objects.get(pk=action.pk).status == ActionStatus.EVIDENCE_ACCEPTED


def test_the_panel_cannot_remove_an_agencys_evidence(action, westbury_lead, panel):
    evidence = tracker.evidence_add(by=westbury_lead, action=action, uploaded_file=pdf())
    before = stored()
    assert signed_in(panel).post(remove_url(evidence)).status_code == 404
    assert stored() == before
