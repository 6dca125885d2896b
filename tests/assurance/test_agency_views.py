"""The agency's section 11 pages through the browser's eyes (Django's test client): a lead
starts, answers, attaches evidence, checks and submits; colleagues help but never submit;
another agency, or a forged id, meets a 404; refused input is explained and changes nothing;
reading a page never writes."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.assurance import services
from hub.assurance.models import (
    ActionPlanItem,
    ActionStatus,
    Answer,
    Challenge,
    EvidenceFile,
    Framework,
    FrameworkVersion,
    LocalAnswer,
    LocalQuestion,
    Round,
    Standard,
    Submission,
    SubmissionContributor,
    SubmissionStatus,
)
from hub.core import audit
from tests.assurance.conftest import complete, pdf_upload, submission_of

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def error_links(html):
    """The hrefs of the error summary's links."""
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    return re.findall(r'<a href="([^"]+)"', summary.group(0)) if summary else []


def url(name, submission, *args):
    return reverse(f"assurance:{name}", args=[submission.pk, *args])


def standards_of(submission):
    return list(submission.round.framework_version.standards.all())


def state():
    """Every row the agency's pages could write, and the audit log."""
    return (
        tuple(
            Submission.objects.order_by("pk").values_list(
                "pk", "status", "started_at", "updated_at"
            )
        ),
        tuple(
            Answer.objects.order_by("pk").values_list(
                "pk", "rating", "narrative", "carried_forward"
            )
        ),
        tuple(EvidenceFile.objects.order_by("pk").values_list("pk")),
        tuple(
            ActionPlanItem.objects.order_by("pk").values_list(
                "pk", "status", "description", "progress_note", "carried_forward"
            )
        ),
        tuple(LocalAnswer.objects.order_by("pk").values_list("pk", "text")),
        tuple(SubmissionContributor.objects.order_by("pk").values_list("pk")),
        tuple(Challenge.objects.order_by("pk").values_list("pk", "response")),
        audit.entries().count(),
    )


def stored_evidence_files():
    from django.core.files.storage import default_storage

    if not default_storage.exists("assurance/evidence"):
        return set()
    return set(default_storage.listdir("assurance/evidence")[1])


@pytest.fixture
def westbury_submission(joint_round, westbury):
    return submission_of(joint_round, westbury)


@pytest.fixture
def local_question(joint_round, westshire):
    return LocalQuestion.objects.create(
        round=joint_round,
        partnership=westshire,
        text="How do staff use the Westshire threshold document?",
        guidance="Say how often it is discussed in supervision.",
    )


@pytest.fixture
def started(westbury_submission, lead_westbury):
    return services.submission_start(by=lead_westbury, submission=westbury_submission)


@pytest.fixture
def submitted(westbury_submission, lead_westbury):
    submission = complete(westbury_submission, lead_westbury)
    services.evidence_add(
        by=lead_westbury,
        submission=submission,
        standard=standards_of(submission)[0],
        uploaded_file=pdf_upload("safer-recruitment-policy.pdf"),
    )
    services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=standards_of(submission)[1],
        description="Train governors in safer recruitment",
        owner_role="Clerk to governors",
        due_on=timezone.localdate() + datetime.timedelta(days=90),
    )
    services.submission_submit(by=lead_westbury, submission=submission)
    return Submission.objects.get(pk=submission.pk)


# --- The lead's journey -------------------------------------------------------------------


def test_a_lead_starts_answers_every_standard_adds_evidence_and_submits(
    westbury_submission, lead_westbury, local_question, westshire
):
    submission = westbury_submission
    client = signed_in(lead_westbury)
    first, second, third = standards_of(submission)

    home = page(client.get(reverse("assurance:home")))
    assert submission.get_absolute_url() in home
    assert "Not started" in home

    overview = page(client.get(submission.get_absolute_url()))
    assert "Start your self-assessment" in overview
    # A standard's page leads back to the start button until the self-assessment is started.
    response = client.get(url("standard", submission, first.pk))
    assert response.status_code == 302
    assert response["Location"] == submission.get_absolute_url()

    response = client.post(submission.get_absolute_url())
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.started_at is not None
    overview = page(client.get(submission.get_absolute_url()))
    assert "0 of 3 standards completed" in overview
    assert "govuk-task-list" in overview
    assert url("local_questions", submission) in overview

    # Save and continue goes to the next standard.
    response = client.post(
        url("standard", submission, first.pk),
        {"rating": "3", "narrative": "The board reviews safeguarding each term.", "next": "x"},
    )
    assert response["Location"] == url("standard", submission, second.pk)

    # Evidence: its own form on the same page.
    response = client.post(
        url("standard", submission, second.pk),
        {"upload": "file", "file": pdf_upload("Safer recruitment policy.pdf")},
    )
    assert response.status_code == 302
    evidence = EvidenceFile.objects.get(submission=submission)
    assert evidence.standard == second
    standard_page = page(client.get(url("standard", submission, second.pk)))
    assert "Safer recruitment policy.pdf has been uploaded" in standard_page
    assert url("evidence", submission, evidence.pk) in standard_page
    assert url("evidence_remove", submission, evidence.pk) in standard_page
    client.post(
        url("standard", submission, second.pk),
        {"rating": "2", "narrative": "Checks are in place; one record was late."},
    )

    # Checking with the third standard and the local question missing: one error summary
    # link per missing item, each to its row on the page, and nothing changes.
    before = state()
    refused = page(client.post(url("submit", submission)))
    assert error_links(refused) == [f"#standard-{third.pk}", f"#local-{local_question.pk}"]
    assert f'id="standard-{third.pk}"' in refused
    assert f'id="local-{local_question.pk}"' in refused
    assert "<title>Error: " in refused
    assert state() == before

    response = client.post(
        url("standard", submission, third.pk),
        {"rating": "1", "narrative": "Training is being planned.", "next": "return"},
    )
    assert response["Location"] == submission.get_absolute_url()
    response = client.post(
        url("local_questions", submission),
        {f"local-{local_question.pk}": "In every supervision."},
    )
    assert response["Location"] == submission.get_absolute_url()
    overview = page(client.get(submission.get_absolute_url()))
    assert "3 of 3 standards completed" in overview

    check = page(client.get(url("submit", submission)))
    assert "Check your answers before submitting" in check
    assert "In every supervision." in check
    response = client.post(url("submit", submission))
    assert response["Location"] == submission.get_absolute_url()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.submitted_by == lead_westbury
    overview = page(client.get(submission.get_absolute_url()))
    assert "govuk-notification-banner--success" in overview
    assert f"has been submitted to {westshire.name}" in overview
    assert "Start your self-assessment" not in overview
    assert "Check and submit" not in overview


def test_submitting_twice_says_already_submitted_and_changes_nothing(submitted, lead_westbury):
    client = signed_in(lead_westbury)
    before = state()
    html = page(client.post(url("submit", submitted)))
    assert "already been submitted" in html
    assert error_links(html) == ["#submit"]
    assert state() == before
    assert (
        audit.entries()
        .filter(object_id=str(submitted.pk), action="hub.assurance.submitted")
        .count()
        == 1
    )


def test_a_carried_forward_action_is_named_in_the_error_summary_and_flagged_on_the_overview(
    started, lead_westbury
):
    action = services.action_add(
        by=lead_westbury,
        submission=started,
        standard=None,
        description="Refresh the code of conduct",
        owner_role="Headteacher",
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    ActionPlanItem.objects.filter(pk=action.pk).update(carried_forward=True)
    client = signed_in(lead_westbury)
    overview = page(client.get(started.get_absolute_url()))
    assert "Overdue" in overview
    assert "Carried forward – review" in overview
    refused = page(client.post(url("submit", started)))
    assert f"#action-{action.pk}" in error_links(refused)
    assert f'id="action-{action.pk}"' in refused


# --- Colleagues -------------------------------------------------------------------------


def test_a_lead_names_a_colleague_who_can_edit_but_never_submit(
    started, lead_westbury, colleague_westbury
):
    lead = signed_in(lead_westbury)
    response = lead.post(url("contributors", started), {"email": colleague_westbury.email})
    assert response.status_code == 302
    assert started.contributors.filter(person=colleague_westbury).exists()

    colleague = signed_in(colleague_westbury)
    overview = page(colleague.get(started.get_absolute_url()))
    assert "Check and submit" not in overview
    assert "Only your organisation's safeguarding lead can submit" in overview
    standard = standards_of(started)[0]
    colleague.post(url("standard", started, standard.pk), {"rating": "2", "narrative": "Ours."})
    assert Answer.objects.get(submission=started, standard=standard).rating == 2

    check = page(colleague.get(url("submit", started)))
    assert "Submit self-assessment" not in check
    complete(started, colleague_westbury)
    assert colleague.post(url("submit", started)).status_code == 404
    # Nor may a colleague name others.
    assert colleague.post(url("contributors", started), {"email": "x@y.z"}).status_code == 404
    started.refresh_from_db()
    assert started.status == SubmissionStatus.DRAFT

    contributor = started.contributors.get()
    lead.post(url("contributors", started), {"remove": str(contributor.pk)})
    assert not started.contributors.exists()
    assert colleague.get(started.get_absolute_url()).status_code == 404


def test_a_colleague_of_another_agency_cannot_be_named(started, lead_westbury, lead_police):
    html = page(
        signed_in(lead_westbury).post(url("contributors", started), {"email": lead_police.email})
    )
    assert error_links(html) == ["#id_email"]
    assert "colleague at your organisation" in html
    assert not started.contributors.exists()


# --- Isolation ----------------------------------------------------------------------------


def _every_url(submission, *, evidence, action, challenge, standard):
    return [
        url("submission", submission),
        url("standard", submission, standard.pk),
        url("evidence", submission, evidence.pk),
        url("evidence_remove", submission, evidence.pk),
        url("local_questions", submission),
        url("action_new", submission),
        url("action", submission, action.pk),
        url("contributors", submission),
        url("submit", submission),
        url("respond", submission, challenge.pk),
    ]


def test_another_agencys_lead_gets_404_on_every_url_of_the_submission(
    submitted, lead_westbury, lead_police, reviewer_westshire, local_question
):
    challenge = services.challenge_raise(
        by=reviewer_westshire, submission=submitted, kind="challenge", text="How do you know?"
    )
    urls = _every_url(
        submitted,
        evidence=submitted.evidence.get(),
        action=submitted.actions.get(),
        challenge=challenge,
        standard=standards_of(submitted)[0],
    )
    outsider = signed_in(lead_police)
    before = state()
    for address in urls:
        assert outsider.get(address).status_code == 404, address
        response = outsider.post(
            address, {"rating": "1", "narrative": "x", "response": "x", "status": "complete"}
        )
        assert response.status_code in (404, 405), address
    assert state() == before
    assert submitted.get_absolute_url() not in page(outsider.get(reverse("assurance:home")))


def test_a_forged_id_from_another_submission_is_404(
    joint_round, westbury_submission, police, lead_westbury, lead_police, reviewer_westshire
):
    theirs = complete(submission_of(joint_round, police), lead_police)
    evidence = services.evidence_add(
        by=lead_police,
        submission=theirs,
        standard=standards_of(theirs)[0],
        uploaded_file=pdf_upload(),
    )
    action = services.action_add(
        by=lead_police,
        submission=theirs,
        standard=None,
        description="Police action",
        owner_role="Inspector",
        due_on=joint_round.due_on,
    )
    services.submission_submit(by=lead_police, submission=theirs)
    challenge = services.challenge_raise(
        by=reviewer_westshire, submission=theirs, kind="challenge", text="Why?"
    )
    mine = services.submission_start(by=lead_westbury, submission=westbury_submission)
    other_framework = Framework.objects.create(partnership=joint_round.partnership, name="Other")
    other_version = FrameworkVersion.objects.create(framework=other_framework, number=1)
    foreign_standard = Standard.objects.create(
        version=other_version, key="x", number="1", title="Other", summary="Other"
    )
    client = signed_in(lead_westbury)
    before = state()
    forged = [
        url("evidence", mine, evidence.pk),
        url("evidence_remove", mine, evidence.pk),
        url("action", mine, action.pk),
        url("respond", mine, challenge.pk),
        url("standard", mine, foreign_standard.pk),
    ]
    for address in forged:
        assert client.get(address).status_code == 404, address
        response = client.post(address, {"remove": "1", "response": "x", "status": "complete"})
        assert response.status_code == 404, address
    assert state() == before
    assert EvidenceFile.objects.filter(pk=evidence.pk).exists()


# --- Standards and evidence --------------------------------------------------------------


def test_a_refused_upload_shows_the_librarys_message_and_stores_nothing(started, lead_westbury):
    standard = standards_of(started)[0]
    files_before = stored_evidence_files()
    before = state()
    hostile = SimpleUploadedFile(
        "policy.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    html = page(
        signed_in(lead_westbury).post(
            url("standard", started, standard.pk), {"upload": "file", "file": hostile}
        )
    )
    assert error_links(html) == ["#evidence-file"]
    assert 'id="evidence-file-error"' in html
    assert "The file is a web page (HTML), which is not accepted." in html
    assert state() == before
    assert stored_evidence_files() == files_before


def test_uploading_without_choosing_a_file_asks_for_one(started, lead_westbury):
    standard = standards_of(started)[0]
    html = page(
        signed_in(lead_westbury).post(url("standard", started, standard.pk), {"upload": "file"})
    )
    assert "Select a file to upload" in html
    assert not EvidenceFile.objects.exists()


def test_a_rating_off_the_scale_is_an_error_and_saves_nothing(started, lead_westbury):
    standard = standards_of(started)[0]
    client = signed_in(lead_westbury)
    for bad in ("0", "4", "green", "3; drop table"):
        html = page(
            client.post(url("standard", started, standard.pk), {"rating": bad, "narrative": "x"})
        )
        assert error_links(html) == ["#rating"]
        assert "Choose a rating on this framework&#39;s scale: Red, Amber, Green." in html
    assert not Answer.objects.filter(submission=started, rating__isnull=False).exists()


def test_removing_evidence_takes_a_post_and_deletes_the_file(started, lead_westbury):
    standard = standards_of(started)[0]
    evidence = services.evidence_add(
        by=lead_westbury, submission=started, standard=standard, uploaded_file=pdf_upload()
    )
    client = signed_in(lead_westbury)
    assert client.get(url("evidence_remove", started, evidence.pk)).status_code == 405
    assert EvidenceFile.objects.filter(pk=evidence.pk).exists()
    response = client.post(url("evidence_remove", started, evidence.pk))
    assert response["Location"] == url("standard", started, standard.pk) + "#evidence"
    assert not EvidenceFile.objects.filter(pk=evidence.pk).exists()


def test_evidence_pdf_opens_in_the_browser_where_nothing_can_run_and_is_logged(
    submitted, lead_westbury, reviewer_westshire
):
    evidence = submitted.evidence.get()
    for person in (lead_westbury, reviewer_westshire):
        response = signed_in(person).get(url("evidence", submitted, evidence.pk))
        assert response.status_code == 200
        # A PDF passed the upload checks (no scripts, no launch actions): the browser's own
        # viewer opens it, under a policy that lets it load and run nothing.
        assert response["Content-Disposition"].startswith("inline;")
        assert "safer-recruitment-policy.pdf" in response["Content-Disposition"]
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    logged = audit.entries().filter(
        object_id=str(submitted.pk), action="hub.assurance.evidence_downloaded"
    )
    assert logged.count() == 2


def test_after_submission_the_standard_page_is_read_only_and_a_post_changes_nothing(
    submitted, lead_westbury
):
    standard = standards_of(submitted)[0]
    client = signed_in(lead_westbury)
    html = page(client.get(url("standard", submitted, standard.pk)))
    assert 'name="rating"' not in html
    assert "Upload file" not in html
    assert "Remove" not in html
    assert "Green" in html
    before = state()
    refused = page(
        client.post(url("standard", submitted, standard.pk), {"rating": "1", "narrative": "New"})
    )
    assert "has been submitted" in refused
    refused = page(
        client.post(
            url("standard", submitted, standard.pk), {"upload": "file", "file": pdf_upload()}
        )
    )
    assert "has been submitted" in refused
    evidence = submitted.evidence.get()
    client.post(url("evidence_remove", submitted, evidence.pk))
    assert state() == before


# --- The action plan ---------------------------------------------------------------------


def test_a_lead_adds_changes_and_removes_an_action_while_drafting(started, lead_westbury):
    client = signed_in(lead_westbury)
    standard = standards_of(started)[1]
    due = timezone.localdate() + datetime.timedelta(days=60)
    html = page(
        client.post(
            url("action_new", started),
            {"description": "", "owner_role": "", "status": "not_started"},
        )
    )
    assert error_links(html) == ["#description", "#owner_role", "#due_on-day"]
    response = client.post(
        url("action_new", started),
        {
            "description": "Audit single central record",
            "standard": str(standard.pk),
            "owner_role": "Business manager",
            "due_on_day": str(due.day),
            "due_on_month": str(due.month),
            "due_on_year": str(due.year),
            "status": "in_progress",
            "progress_note": "Half the files checked",
        },
    )
    assert response["Location"] == started.get_absolute_url() + "#action-plan"
    action = started.actions.get()
    assert (action.standard, action.status, action.progress_note) == (
        standard,
        ActionStatus.IN_PROGRESS,
        "Half the files checked",
    )
    client.post(
        url("action", started, action.pk),
        {
            "description": "Audit the single central record",
            "standard": "",
            "owner_role": "Business manager",
            "due_on_day": str(due.day),
            "due_on_month": str(due.month),
            "due_on_year": str(due.year),
            "status": "complete",
        },
    )
    action.refresh_from_db()
    assert (action.description, action.standard, action.status) == (
        "Audit the single central record",
        None,
        ActionStatus.COMPLETE,
    )
    client.post(url("action", started, action.pk), {"remove": "action"})
    assert not started.actions.exists()


def test_after_submission_only_an_actions_status_and_progress_change(submitted, lead_westbury):
    action = submitted.actions.get()
    client = signed_in(lead_westbury)
    html = page(client.get(url("action", submitted, action.pk)))
    assert 'name="description"' not in html
    assert 'name="status"' in html
    assert "Remove this action" not in html
    assert "no new actions can be added" in page(client.get(url("action_new", submitted)))
    client.post(
        url("action", submitted, action.pk),
        {"description": "Something else", "status": "in_progress", "progress_note": "Booked"},
    )
    action.refresh_from_db()
    assert action.description == "Train governors in safer recruitment"
    assert (action.status, action.progress_note) == (ActionStatus.IN_PROGRESS, "Booked")
    client.post(url("action", submitted, action.pk), {"remove": "action"})
    assert submitted.actions.filter(pk=action.pk).exists()
    overview = page(client.get(submitted.get_absolute_url()))
    assert "Update progress" in overview


# --- Review: challenges, return, reviewers ------------------------------------------------


def test_a_lead_answers_a_challenge_question(submitted, lead_westbury, reviewer_westshire):
    challenge = services.challenge_raise(
        by=reviewer_westshire,
        submission=submitted,
        kind="challenge",
        text="How do you check agency staff?",
    )
    services.challenge_raise(
        by=reviewer_westshire, submission=submitted, kind="comment", text="Clear evidence."
    )
    client = signed_in(lead_westbury)
    overview = page(client.get(submitted.get_absolute_url()))
    assert "How do you check agency staff?" in overview
    assert "Clear evidence." in overview
    assert url("respond", submitted, challenge.pk) in overview
    html = page(client.post(url("respond", submitted, challenge.pk), {"response": " "}))
    assert error_links(html) == ["#id_response"]
    response = client.post(
        url("respond", submitted, challenge.pk), {"response": "We ask the agency for DBS."}
    )
    assert response["Location"] == submitted.get_absolute_url() + "#challenges"
    challenge.refresh_from_db()
    assert challenge.response == "We ask the agency for DBS."
    comment = submitted.challenges.get(kind="comment")
    assert client.get(url("respond", submitted, comment.pk)).status_code == 404


def test_a_returned_self_assessment_shows_the_reason_and_can_be_changed(
    submitted, lead_westbury, reviewer_westshire
):
    services.review_start(by=reviewer_westshire, submission=submitted)
    services.submission_return(
        by=reviewer_westshire, submission=submitted, reason="Add this year's training figures."
    )
    client = signed_in(lead_westbury)
    overview = page(client.get(submitted.get_absolute_url()))
    assert "Returned for changes" in overview
    assert "Add this year&#39;s training figures." in overview
    assert "Check and submit" in overview
    standard = standards_of(submitted)[2]
    client.post(url("standard", submitted, standard.pk), {"rating": "2", "narrative": "Figures"})
    assert Answer.objects.get(submission=submitted, standard=standard).narrative == "Figures"


def test_a_reviewer_sees_the_submission_read_only_with_a_link_to_the_review(
    submitted, reviewer_westshire
):
    client = signed_in(reviewer_westshire)
    overview = page(client.get(submitted.get_absolute_url()))
    assert url("review", submitted) in overview
    assert "Check and submit" not in overview
    standard = standards_of(submitted)[0]
    assert 'name="rating"' not in page(client.get(url("standard", submitted, standard.pk)))
    before = state()
    assert client.post(url("standard", submitted, standard.pk), {"rating": "1"}).status_code == 404
    for name in ("action_new", "contributors", "submit"):
        assert client.get(url(name, submitted)).status_code == 404, name
    assert state() == before


def test_answers_carried_forward_are_announced_until_reviewed(
    joint_round, westbury, lead_westbury, reviewer_westshire, admin_westshire, westshire
):
    previous = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=previous)
    services.round_close(by=admin_westshire, round_=joint_round)
    today = timezone.localdate()
    next_round = Round.objects.create(
        partnership=westshire,
        title="Next round",
        framework_version=joint_round.framework_version,
        opens_on=today,
        due_on=today + datetime.timedelta(days=30),
        previous_round=joint_round,
    )
    next_round.partnerships.set([westshire])
    next_round.agencies.set([westbury])
    services.round_open(by=admin_westshire, round_=next_round)
    submission = submission_of(next_round, westbury)
    client = signed_in(lead_westbury)
    client.post(submission.get_absolute_url())
    overview = page(client.get(submission.get_absolute_url()))
    assert "Carried forward – review before submitting" in overview
    assert "Answers carried forward from Test round" in overview
    for standard in standards_of(submission):
        answer = Answer.objects.get(submission=submission, standard=standard)
        client.post(
            url("standard", submission, standard.pk),
            {"rating": str(answer.rating), "narrative": answer.narrative},
        )
    overview = page(client.get(submission.get_absolute_url()))
    assert "Carried forward – review before submitting" not in overview
    # Last round's self-assessment is listed under past rounds.
    home = page(client.get(reverse("assurance:home")))
    assert home.index(submission.get_absolute_url()) < home.index("Past rounds")
    assert home.index("Past rounds") < home.index(previous.get_absolute_url())


# --- Home and the account page ----------------------------------------------------------


def test_reviewers_see_their_partnerships_rounds_with_counts_by_state(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission_of(joint_round, westbury))
    html = page(signed_in(reviewer_westshire).get(reverse("assurance:home")))
    link = reverse("assurance:round", args=[joint_round.pk])
    row = re.search(
        rf'<tr class="govuk-table__row">\s*<td[^>]*><a [^>]*href="{link}".*?</tr>', html, re.S
    )
    assert row, html
    # Westshire sees Westbury's (submitted) and the police's (not started), not Moorhampton's.
    counts = re.findall(r"<li>([^<]+)</li>", row.group(0))
    assert counts == ["Not started: 1", "Submitted: 1"]


def test_someone_without_a_section_11_role_gets_an_explanation(colleague_westbury, joint_round):
    html = page(signed_in(colleague_westbury).get(reverse("assurance:home")))
    assert "Who uses these pages" in html
    assert "safeguarding lead" in html


def test_the_account_page_links_to_section_11_only_for_those_who_use_it(
    joint_round, lead_westbury, reviewer_westshire, colleague_westbury
):
    link = reverse("assurance:home")
    for person in (lead_westbury, reviewer_westshire):
        assert link in page(signed_in(person).get(reverse("accounts:home")))
    assert link not in page(signed_in(colleague_westbury).get(reverse("accounts:home")))
    submission = submission_of(joint_round, colleague_westbury.agency)
    services.contributor_add(
        by=lead_westbury, submission=submission, email=colleague_westbury.email
    )
    assert link in page(signed_in(colleague_westbury).get(reverse("accounts:home")))


def test_reading_pages_never_writes(
    westbury_submission, lead_westbury, reviewer_westshire, local_question
):
    client = signed_in(lead_westbury)
    before = state()
    # A submission no one has opened stays not started however often it is looked at.
    for address in (
        reverse("assurance:home"),
        westbury_submission.get_absolute_url(),
        url("standard", westbury_submission, standards_of(westbury_submission)[0].pk),
        url("local_questions", westbury_submission),
        url("submit", westbury_submission),
        reverse("accounts:home"),
    ):
        assert client.get(address).status_code in (200, 302), address
    assert state() == before

    submission = complete(westbury_submission, lead_westbury)
    action = services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=None,
        description="An action",
        owner_role="Lead",
        due_on=timezone.localdate(),
    )
    services.submission_submit(by=lead_westbury, submission=submission)
    challenge = services.challenge_raise(
        by=reviewer_westshire, submission=submission, kind="challenge", text="Why?"
    )
    before = state()
    for address in (
        reverse("assurance:home"),
        submission.get_absolute_url(),
        url("standard", submission, standards_of(submission)[0].pk),
        url("local_questions", submission),
        url("action_new", submission),
        url("action", submission, action.pk),
        url("contributors", submission),
        url("submit", submission),
        url("respond", submission, challenge.pk),
    ):
        assert client.get(address).status_code == 200, address
    assert state() == before
