"""An agency's action on a recommendation, from its page: the agency's lead updates its status
and progress note ("completed" only with evidence), the review panel accepts the evidence or
sends the action back with a reason, and neither can do the other's part. Every change and
every view is audited; a refusal says why and changes nothing."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
from hub.reviews import tracker
from hub.reviews.models import ActionEvidence, ActionStatus, AgencyAction
from tests.core.uploads.hostile_files import as_upload, pdf_document
from tests.reviews.conftest import make_action, make_review, signed_in

pytestmark = pytest.mark.django_db


def page(response, status=200):
    assert response.status_code == status, response.status_code
    return response.content.decode()


def error_links(html):
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    return re.findall(r'<a href="([^"]+)"', summary.group(0)) if summary else []


def action_url(action, name="action"):
    return reverse(f"reviews:{name}", args=[action.pk])


def logged(action, name):
    return audit.entries().filter(object_id=str(action.pk), action=f"hub.reviews.{name}")


def state(action):
    action = AgencyAction.objects.get(pk=action.pk)
    return (
        action.status,
        action.progress_note,
        action.signed_off_on,
        action.signed_off_by_id,
        action.updated_by_id,
        ActionEvidence.objects.filter(action=action).count(),
        audit.entries().count(),
    )


def attach_evidence(action, lead, name="audit-report.pdf"):
    return tracker.evidence_add(
        by=lead, action=action, uploaded_file=as_upload(*pdf_document(pages=1, name=name))
    )


@pytest.fixture
def review(westshire):
    return make_review(westshire)


@pytest.fixture
def due_later():
    return timezone.localdate() + datetime.timedelta(days=60)


@pytest.fixture
def westbury_action(review, westbury, due_later):
    return make_action(review, westbury, due_on=due_later)


@pytest.fixture
def completed(westbury_action, westbury_lead):
    attach_evidence(westbury_action, westbury_lead)
    return tracker.action_update(
        by=westbury_lead, action=westbury_action, status=ActionStatus.COMPLETED
    )


# --- The agency's lead ------------------------------------------------------------------------


def test_the_agency_lead_sees_their_action_and_the_view_is_audited(westbury_action, westbury_lead):
    html = page(signed_in(westbury_lead).get(action_url(westbury_action)))
    assert "Audit ten plans against the new standard (test)." in html
    assert "Designated safeguarding lead" in html
    assert 'action="' + action_url(westbury_action, "evidence_upload") + '"' in html
    assert 'name="status"' in html
    # The panel's sign-off is not theirs.
    assert action_url(westbury_action, "sign_off") not in html
    entry = logged(westbury_action, "action_viewed").get()
    assert entry.user_id == westbury_lead.pk
    assert entry.data["agency_id"] == westbury_action.agency_id


def test_the_lead_moves_the_action_on_with_a_progress_note(westbury_action, westbury_lead):
    client = signed_in(westbury_lead)
    response = client.post(
        action_url(westbury_action),
        {"status": "in_progress", "progress_note": "Six of ten plans audited."},
    )
    assert response.status_code == 302
    assert response["Location"] == action_url(westbury_action)
    action = AgencyAction.objects.get(pk=westbury_action.pk)
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.progress_note == "Six of ten plans audited."
    assert action.updated_by == westbury_lead
    entry = logged(westbury_action, "action_changed").get()
    assert entry.data["details"] == {"change": "status", "status": "in_progress"}
    assert "Six of ten plans audited." in page(client.get(action_url(westbury_action)))


def test_saving_the_same_update_twice_changes_and_logs_it_once(westbury_action, westbury_lead):
    client = signed_in(westbury_lead)
    data = {"status": "in_progress", "progress_note": "Started."}
    for _ in range(2):
        assert client.post(action_url(westbury_action), data).status_code == 302
    assert logged(westbury_action, "action_changed").count() == 1


def test_completed_is_refused_without_evidence_and_changes_nothing(westbury_action, westbury_lead):
    before = state(westbury_action)
    html = page(
        signed_in(westbury_lead).post(
            action_url(westbury_action), {"status": "completed", "progress_note": "All done."}
        )
    )
    assert error_links(html) == ["#status-status"]
    assert "Upload at least one evidence file before marking the action completed" in html
    assert html.startswith("<!DOCTYPE html>") and "<title>Error:" in html
    assert state(westbury_action) == before


def test_completed_is_accepted_once_a_file_is_attached(westbury_action, westbury_lead):
    attach_evidence(westbury_action, westbury_lead)
    response = signed_in(westbury_lead).post(
        action_url(westbury_action), {"status": "completed", "progress_note": ""}
    )
    assert response.status_code == 302
    assert AgencyAction.objects.get(pk=westbury_action.pk).status == ActionStatus.COMPLETED


@pytest.mark.parametrize("forged", ["evidence_accepted", "done", "", "<script>"])
def test_a_status_the_lead_may_not_set_is_refused(westbury_action, westbury_lead, forged):
    attach_evidence(westbury_action, westbury_lead)
    before = state(westbury_action)
    html = page(signed_in(westbury_lead).post(action_url(westbury_action), {"status": forged}))
    assert error_links(html) == ["#status-status"]
    assert state(westbury_action) == before


def test_a_progress_note_that_identifies_a_child_is_refused(westbury_action, westbury_lead):
    before = state(westbury_action)
    html = page(
        signed_in(westbury_lead).post(
            action_url(westbury_action),
            {"status": "in_progress", "progress_note": "Visited the family at BS1 4DJ."},
        )
    )
    assert error_links(html) == ["#status-progress_note"]
    assert "Remove a full postcode" in html
    assert state(westbury_action) == before


def test_the_service_refuses_anyone_but_the_agencys_lead(
    westbury_action, college_lead, panel, practitioner
):
    for person in (college_lead, panel, practitioner):
        with pytest.raises(PermissionDenied):
            tracker.action_update(by=person, action=westbury_action, status="in_progress")


# --- The panel's sign-off ---------------------------------------------------------------------


def test_the_panel_sees_the_sign_off_form_only_once_the_action_is_completed(
    westbury_action, westbury_lead, panel
):
    client = signed_in(panel)
    html = page(client.get(action_url(westbury_action)))
    assert action_url(westbury_action, "sign_off") not in html
    assert 'action="' + action_url(westbury_action, "evidence_upload") + '"' not in html
    assert "signs the action off once its agency has uploaded evidence" in html
    attach_evidence(westbury_action, westbury_lead)
    tracker.action_update(by=westbury_lead, action=westbury_action, status="completed")
    html = page(client.get(action_url(westbury_action)))
    assert 'action="' + action_url(westbury_action, "sign_off") + '"' in html
    assert "audit-report.pdf" in html


def test_the_panel_accepts_the_evidence_and_the_action_is_signed_off(completed, panel):
    response = signed_in(panel).post(action_url(completed, "sign_off"), {"decision": "accept"})
    assert response.status_code == 302
    action = AgencyAction.objects.get(pk=completed.pk)
    assert action.status == ActionStatus.EVIDENCE_ACCEPTED
    assert action.signed_off_on == timezone.localdate()
    assert action.signed_off_by == panel
    entry = logged(completed, "action_signed_off").get()
    assert entry.data["details"] == {"decision": "accepted"}
    assert entry.user_id == panel.pk


def test_signing_off_twice_is_refused_and_keeps_the_first_sign_off(completed, panel, staff):
    signed_in(panel).post(action_url(completed, "sign_off"), {"decision": "accept"})
    before = state(completed)
    other = staff("review_panel")
    html = page(signed_in(other).post(action_url(completed, "sign_off"), {"decision": "accept"}))
    assert "<title>Error:" in html
    assert "accepted the evidence for this action on" in html
    assert state(completed) == before


def test_sending_back_needs_a_reason(completed, panel):
    before = state(completed)
    html = page(signed_in(panel).post(action_url(completed, "sign_off"), {"decision": "send_back"}))
    assert error_links(html) == ["#sign-off-reason"]
    assert "Enter why the action is sent back" in html
    assert state(completed) == before


def test_the_panel_sends_the_action_back_and_the_agency_reads_why(
    westbury_action, westbury_lead, panel
):
    attach_evidence(westbury_action, westbury_lead)
    tracker.action_update(
        by=westbury_lead,
        action=westbury_action,
        status="completed",
        progress_note="All ten plans audited.",
    )
    response = signed_in(panel).post(
        action_url(westbury_action, "sign_off"),
        {"decision": "send_back", "reason": "The audit report covers only five plans."},
    )
    assert response.status_code == 302
    action = AgencyAction.objects.get(pk=westbury_action.pk)
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.signed_off_on is None
    assert action.progress_note.startswith("Sent back by the review panel on ")
    assert "The audit report covers only five plans." in action.progress_note
    assert action.progress_note.endswith("Earlier note: All ten plans audited.")
    assert logged(westbury_action, "action_signed_off").get().data["details"] == {
        "decision": "sent back"
    }
    html = page(signed_in(westbury_lead).get(action_url(westbury_action)))
    assert "The audit report covers only five plans." in html


def test_a_reason_that_identifies_a_child_is_refused(completed, panel):
    before = state(completed)
    html = page(
        signed_in(panel).post(
            action_url(completed, "sign_off"),
            {"decision": "send_back", "reason": "The plan for the child born 3/4/2019 is missing."},
        )
    )
    assert error_links(html) == ["#sign-off-reason"]
    assert "Remove a date of birth" in html
    assert state(completed) == before


def test_sign_off_is_refused_without_evidence(review, westbury, panel, due_later):
    # Marked completed some other way (an import, say) with no file: the panel cannot accept.
    action = make_action(review, westbury, status=ActionStatus.COMPLETED, due_on=due_later)
    before = state(action)
    html = page(signed_in(panel).post(action_url(action, "sign_off"), {"decision": "accept"}))
    assert "This action has no evidence, so it cannot be signed off." in html
    assert state(action) == before


def test_an_action_not_marked_completed_cannot_be_signed_off(westbury_action, westbury_lead, panel):
    attach_evidence(westbury_action, westbury_lead)
    before = state(westbury_action)
    html = page(
        signed_in(panel).post(action_url(westbury_action, "sign_off"), {"decision": "accept"})
    )
    assert "Only an action its agency has marked completed can be signed off" in html
    assert state(westbury_action) == before


@pytest.mark.parametrize("forged", ["", "approve", "accept'--"])
def test_a_decision_not_offered_is_refused(completed, panel, forged):
    before = state(completed)
    html = page(signed_in(panel).post(action_url(completed, "sign_off"), {"decision": forged}))
    assert error_links(html) == ["#sign-off-decision"]
    assert state(completed) == before


def test_once_signed_off_the_agency_can_no_longer_change_the_action(
    completed, westbury_lead, panel
):
    tracker.action_sign_off(by=panel, action=completed, accept=True)
    client = signed_in(westbury_lead)
    html = page(client.get(action_url(completed)))
    assert "Evidence accepted" in html
    assert 'action="' + action_url(completed, "evidence_upload") + '"' not in html
    assert "/remove/" not in html
    before = state(completed)
    html = page(client.post(action_url(completed), {"status": "in_progress"}))
    assert "so it cannot change" in html
    assert state(completed) == before


def test_the_lead_cannot_sign_off_and_the_panel_cannot_update(completed, westbury_lead, panel):
    before = state(completed)
    lead = signed_in(westbury_lead)
    assert lead.post(action_url(completed, "sign_off"), {"decision": "accept"}).status_code == 404
    panel_client = signed_in(panel)
    assert panel_client.post(action_url(completed), {"status": "in_progress"}).status_code == 404
    assert state(completed) == before
