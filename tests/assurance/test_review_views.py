"""The partnership's review page, the agency's PDF and the round's operations, through the
test client: each button does its one service step, each refusal shows a clear message and
changes nothing, and nobody outside the partnerships a submission is shared with reaches it."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.assurance import services
from hub.assurance.models import (
    Answer,
    Challenge,
    ChallengeKind,
    LocalQuestion,
    Round,
    Submission,
    SubmissionStatus,
)
from hub.core.models import Agency, AgencyType
from tests.assurance.conftest import complete, pdf_upload, submission_of
from tests.pdfs import read_pdf

pytestmark = pytest.mark.django_db


def signed_in(user, host=None):
    client = Client(HTTP_HOST=host) if host else Client()
    client.force_login(user)
    return client


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text_of(html):
    """The page's words, tags and runs of white space removed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def review_url(submission):
    return reverse("assurance:review", args=[submission.pk])


def standards_of(submission):
    return list(submission.round.framework_version.standards.all())


def submitted(round_, agency, lead):
    submission = complete(submission_of(round_, agency), lead)
    services.submission_submit(by=lead, submission=submission)
    return submission


def under_review(round_, agency, lead, reviewer):
    submission = submitted(round_, agency, lead)
    services.review_start(by=reviewer, submission=submission)
    return submission


def status_of(submission):
    return Submission.objects.get(pk=submission.pk).status


def agreed_ratings(submission):
    return list(
        Answer.objects.filter(submission=submission)
        .order_by("standard__sort_order")
        .values_list("agreed_rating", flat=True)
    )


# --- Reviewing -------------------------------------------------------------------------------


def test_a_reviewer_starts_records_agreed_ratings_and_agrees_from_the_review_page(
    joint_round, westbury, lead_westbury, reviewer_westshire, westshire
):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    first = standards_of(submission)[0]
    services.evidence_add(
        by=lead_westbury, submission=submission, standard=first, uploaded_file=pdf_upload()
    )
    services.submission_submit(by=lead_westbury, submission=submission)
    client = signed_in(reviewer_westshire)

    html = page(client.get(review_url(submission)))
    words = text_of(html)
    assert westbury.name in words
    assert "Submitted" in words
    assert f"Shared with {westshire.name}" in words
    assert "Green: Met: in place and evidenced" in words
    assert "Our evidence for Leadership and accountability." in words
    evidence_file = submission.evidence.get()
    assert reverse("assurance:evidence", args=[submission.pk, evidence_file.pk]) in html
    assert 'value="start"' in html
    assert 'value="agreed_rating"' not in html

    response = client.post(review_url(submission), {"action": "start"})
    assert response.status_code == 302
    assert status_of(submission) == SubmissionStatus.UNDER_REVIEW
    html = page(client.get(review_url(submission)))
    assert "Review started" in html
    assert html.count('value="agreed_rating"') == 3

    for standard, rating in zip(standards_of(submission), ["3", "2", "1"], strict=True):
        response = client.post(
            review_url(submission),
            {
                "action": "agreed_rating",
                "standard": standard.pk,
                "agreed_rating": rating,
                "agreed_note": "Agreed at the meeting.",
            },
        )
        assert response.status_code == 302
    assert agreed_ratings(submission) == [3, 2, 1]
    words = text_of(page(client.get(review_url(submission))))
    assert "Amber: Partly met: some gaps" in words
    assert "Agreed at the meeting." in words

    response = client.post(review_url(submission), {"action": "agree"}, follow=True)
    assert "The self-assessment is agreed." in text_of(page(response))
    assert status_of(submission) == SubmissionStatus.AGREED


def test_agreeing_with_a_rating_missing_links_to_that_standards_radios_and_changes_nothing(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = under_review(joint_round, westbury, lead_westbury, reviewer_westshire)
    first, second, third = standards_of(submission)
    services.agreed_rating_record(
        by=reviewer_westshire, submission=submission, standard=first, rating=3
    )
    question = services.challenge_raise(
        by=reviewer_westshire, submission=submission, kind="challenge", text="Who checks it?"
    )

    html = page(signed_in(reviewer_westshire).post(review_url(submission), {"action": "agree"}))
    assert "<title>Error: " in html
    assert "There is a problem" in html
    for standard in (second, third):
        link = f'href="#standard-{standard.pk}-agreed_rating"'
        assert link in html
        assert f'id="standard-{standard.pk}-agreed_rating"' in html
        assert f"Standard {standard.number}, {standard.title}: record the agreed rating" in html
    assert f'href="#standard-{first.pk}-agreed_rating"' not in html
    assert f'href="#challenge-{question.pk}"' in html
    assert f'id="challenge-{question.pk}"' in html
    assert status_of(submission) == SubmissionStatus.UNDER_REVIEW


@pytest.mark.parametrize("rating", ["4", "0", "-1", "green", "", "3; drop table"])
def test_an_agreed_rating_off_the_frameworks_scale_is_refused_and_changes_nothing(
    rating, joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = under_review(joint_round, westbury, lead_westbury, reviewer_westshire)
    standard = standards_of(submission)[1]
    response = signed_in(reviewer_westshire).post(
        review_url(submission),
        {"action": "agreed_rating", "standard": standard.pk, "agreed_rating": rating},
    )
    html = page(response)
    assert "There is a problem" in html
    assert f'href="#standard-{standard.pk}-agreed_rating"' in html
    assert f"standard {standard.number}" in html
    assert agreed_ratings(submission) == [None, None, None]


def test_an_agreed_rating_for_a_standard_of_another_framework_is_refused(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = under_review(joint_round, westbury, lead_westbury, reviewer_westshire)
    for forged in ("999999", "abc", ""):
        html = page(
            signed_in(reviewer_westshire).post(
                review_url(submission),
                {"action": "agreed_rating", "standard": forged, "agreed_rating": "3"},
            )
        )
        assert "Choose a standard of this self-assessment" in html
    assert agreed_ratings(submission) == [None, None, None]


def test_a_challenge_question_raised_twice_by_a_double_click_is_asked_once(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = submitted(joint_round, westbury, lead_westbury)
    second = standards_of(submission)[1]
    client = signed_in(reviewer_westshire)
    form = {
        "action": "challenge",
        "kind": ChallengeKind.CHALLENGE,
        "standard": second.pk,
        "text": "How do you check references?",
    }
    assert client.post(review_url(submission), form).status_code == 302
    assert client.post(review_url(submission), form).status_code == 302
    challenge = Challenge.objects.get(submission=submission)
    assert challenge.standard == second
    assert challenge.partnership.slug == "westshire"

    services.challenge_respond(by=lead_westbury, challenge=challenge, response="We phone them.")
    words = text_of(page(client.get(review_url(submission))))
    assert "How do you check references?" in words
    assert "We phone them." in words


def test_a_comment_needs_its_text_and_kind_and_a_refused_one_adds_nothing(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = submitted(joint_round, westbury, lead_westbury)
    client = signed_in(reviewer_westshire)
    html = page(client.post(review_url(submission), {"action": "challenge", "text": " "}))
    assert 'href="#new-challenge-kind"' in html
    assert 'href="#new-challenge-text"' in html
    assert "Enter your comment or question" in html
    html = page(
        client.post(
            review_url(submission),
            {"action": "challenge", "kind": "comment", "text": "x", "standard": "999999"},
        )
    )
    assert "Choose a standard of this self-assessment" in html
    assert not Challenge.objects.filter(submission=submission).exists()


def test_returning_needs_a_reason_and_then_sends_the_self_assessment_back_as_a_draft(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = under_review(joint_round, westbury, lead_westbury, reviewer_westshire)
    client = signed_in(reviewer_westshire)
    html = page(client.post(review_url(submission), {"action": "return", "reason": "  "}))
    assert 'href="#return-reason"' in html
    assert status_of(submission) == SubmissionStatus.UNDER_REVIEW

    response = client.post(
        review_url(submission), {"action": "return", "reason": "Add your training figures."}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state_label == "Returned for changes"
    assert submission.returned_reason == "Add your training figures."
    words = text_of(page(client.get(review_url(submission))))
    assert "has not submitted this self-assessment yet since it was returned" in words
    assert "Add your training figures." in words


def test_pressing_a_workflow_button_twice_is_harmless(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = submitted(joint_round, westbury, lead_westbury)
    client = signed_in(reviewer_westshire)
    client.post(review_url(submission), {"action": "start"})
    response = client.post(review_url(submission), {"action": "start"}, follow=True)
    assert "The review had already started." in page(response)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.UNDER_REVIEW
    started = submission.review_started_at
    services.submission_return(by=reviewer_westshire, submission=submission, reason="Fix it")
    html = page(client.post(review_url(submission), {"action": "return", "reason": "Again"}))
    assert "This self-assessment is not being reviewed." in html
    submission.refresh_from_db()
    assert submission.returned_reason == "Fix it"
    assert submission.review_started_at == started


def test_an_unknown_action_says_so_and_changes_nothing(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = submitted(joint_round, westbury, lead_westbury)
    html = page(signed_in(reviewer_westshire).post(review_url(submission), {"action": "delete"}))
    assert "That is not something you can do on this page" in html
    assert status_of(submission) == SubmissionStatus.SUBMITTED


def test_only_the_partnerships_admin_may_close_an_agreed_self_assessment(
    joint_round, westbury, lead_westbury, reviewer_westshire, admin_westshire
):
    submission = under_review(joint_round, westbury, lead_westbury, reviewer_westshire)
    for standard in standards_of(submission):
        services.agreed_rating_record(
            by=reviewer_westshire, submission=submission, standard=standard, rating=3
        )
    services.submission_agree(by=reviewer_westshire, submission=submission)

    html = page(signed_in(reviewer_westshire).get(review_url(submission)))
    assert 'value="close"' not in html
    reviewer = signed_in(reviewer_westshire)
    assert reviewer.post(review_url(submission), {"action": "close"}).status_code == 404
    assert status_of(submission) == SubmissionStatus.AGREED

    admin = signed_in(admin_westshire)
    assert 'value="close"' in page(admin.get(review_url(submission)))
    assert admin.post(review_url(submission), {"action": "close"}).status_code == 302
    assert status_of(submission) == SubmissionStatus.CLOSED


def test_a_reviewer_sees_the_local_answers_of_their_own_partnerships_questions_only(
    joint_round, police, lead_police, reviewer_westshire, westshire, northmoor
):
    LocalQuestion.objects.create(round=joint_round, partnership=westshire, text="Westshire asks?")
    LocalQuestion.objects.create(round=joint_round, partnership=northmoor, text="Northmoor asks?")
    submission = submitted(joint_round, police, lead_police)
    html = page(signed_in(reviewer_westshire).get(review_url(submission)))
    assert "Westshire asks?" in html
    assert "Our local answer." in html
    assert "Northmoor asks?" not in html


def test_a_reviewer_of_a_partnership_not_shared_with_gets_404_and_changes_nothing(
    joint_round, westbury, lead_westbury, reviewer_northmoor
):
    submission = submitted(joint_round, westbury, lead_westbury)
    client = signed_in(reviewer_northmoor, host="northmoor.localhost")
    standard = standards_of(submission)[0]
    assert client.get(review_url(submission)).status_code == 404
    assert client.get(reverse("assurance:submission_pdf", args=[submission.pk])).status_code == 404
    for form in (
        {"action": "start"},
        {"action": "agreed_rating", "standard": standard.pk, "agreed_rating": "3"},
        {"action": "challenge", "kind": "comment", "text": "Hello"},
        {"action": "return", "reason": "Because"},
        {"action": "agree"},
        {"action": "close"},
    ):
        assert client.post(review_url(submission), form).status_code == 404
    assert status_of(submission) == SubmissionStatus.SUBMITTED
    assert not Challenge.objects.filter(submission=submission).exists()


def test_the_agencys_own_lead_cannot_open_the_review_page(joint_round, westbury, lead_westbury):
    submission = submitted(joint_round, westbury, lead_westbury)
    client = signed_in(lead_westbury)
    assert client.get(review_url(submission)).status_code == 404
    assert client.post(review_url(submission), {"action": "start"}).status_code == 404
    assert status_of(submission) == SubmissionStatus.SUBMITTED


# --- The PDF ---------------------------------------------------------------------------------


def test_the_pdf_holds_the_agency_each_standard_its_evidence_challenges_and_actions(
    joint_round, westbury, lead_westbury, reviewer_westshire, lead_police
):
    submission = submission_of(joint_round, westbury)
    first = joint_round.framework_version.standards.first()
    services.evidence_add(
        by=lead_westbury,
        submission=submission,
        standard=first,
        uploaded_file=pdf_upload("Recruitment policy.pdf"),
    )
    services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=first,
        description="Train the governors in safer recruitment",
        owner_role="Head of HR",
        due_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    submission = under_review(joint_round, westbury, lead_westbury, reviewer_westshire)
    services.agreed_rating_record(
        by=reviewer_westshire, submission=submission, standard=first, rating=2
    )
    challenge = services.challenge_raise(
        by=reviewer_westshire, submission=submission, kind="challenge", text="Who audits it?"
    )
    services.challenge_respond(by=lead_westbury, challenge=challenge, response="The governors.")

    url = reverse("assurance:submission_pdf", args=[submission.pk])
    for person in (lead_westbury, reviewer_westshire):
        response = signed_in(person).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert response["Content-Disposition"].startswith("attachment;")
    pdf = read_pdf(response.content)
    assert pdf.title == f"Section 11 self-assessment: {westbury.name}"
    assert westbury.name in pdf.text
    assert joint_round.title in pdf.text
    assert "Status Under review" in pdf.text
    for standard in joint_round.framework_version.standards.all():
        assert ("H2", f"Standard {standard.number}: {standard.title}") in pdf.headings
        assert f"Our evidence for {standard.title}." in pdf.text
    assert "Agency's rating Green: Met: in place and evidenced" in pdf.text
    assert "Agreed rating Amber: Partly met: some gaps" in pdf.text
    assert "Recruitment policy.pdf" in pdf.text
    assert "Who audits it?" in pdf.text
    assert "The governors." in pdf.text
    assert "Train the governors in safer recruitment" in pdf.text
    assert "Head of HR" in pdf.text

    assert signed_in(lead_police).get(url).status_code == 404


# --- Opening, reminding and closing a round --------------------------------------------------


@pytest.fixture
def draft_round(framework_version, westshire, westbury):
    today = timezone.localdate()
    round_ = Round.objects.create(
        partnership=westshire,
        title="Round run from the dashboard",
        framework_version=framework_version,
        opens_on=today,
        due_on=today + datetime.timedelta(days=30),
    )
    round_.partnerships.set([westshire])
    round_.agencies.set([westbury])
    return round_


def test_a_manager_opens_invites_newcomers_reminds_and_closes_a_round_from_the_dashboard(
    draft_round, westshire, admin_westshire, django_capture_on_commit_callbacks
):
    manage = reverse("assurance:round_manage", args=[draft_round.pk])
    client = signed_in(admin_westshire)
    html = page(client.get(draft_round.get_absolute_url()))
    assert "Open the round and invite agencies" in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage, {"action": "open"}, follow=True)
    assert "The round is open. 1 agency was invited." in page(response)
    assert draft_round.submissions.count() == 1

    newcomer = Agency.objects.create(name="Newcomer Youth Club", agency_type=AgencyType.VOLUNTARY)
    newcomer.partnerships.add(westshire)
    draft_round.agencies.add(newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage, {"action": "open"}, follow=True)
    assert "1 agency was invited" in page(response)
    response = client.post(manage, {"action": "open"}, follow=True)
    assert "No new agencies to invite" in page(response)
    assert draft_round.submissions.count() == 2

    response = client.post(manage, {"action": "remind"}, follow=True)
    assert "2 reminders sent to agencies yet to submit." in page(response)

    html = page(client.get(draft_round.get_absolute_url()))
    assert "It cannot be undone." in html
    response = client.post(manage, {"action": "close"}, follow=True)
    assert "The round is closed. 0 agreed self-assessments were closed with it." in page(response)
    draft_round.refresh_from_db()
    assert draft_round.is_closed
    response = client.post(manage, {"action": "close"}, follow=True)
    assert "The round had already been closed." in page(response)


def test_a_round_operation_refused_by_the_services_shows_why_and_changes_nothing(
    draft_round, admin_westshire
):
    manage = reverse("assurance:round_manage", args=[draft_round.pk])
    client = signed_in(admin_westshire)
    response = client.post(manage, {"action": "remind"}, follow=True)
    assert "Reminders can only be sent while the round is open." in page(response)
    response = client.post(manage, {"action": "explode"}, follow=True)
    assert "Choose to open the round, send reminders or close it." in page(response)
    draft_round.refresh_from_db()
    assert draft_round.status == "draft"
    assert not draft_round.submissions.exists()


def test_a_reviewer_may_see_the_dashboard_but_not_run_the_round(joint_round, reviewer_westshire):
    client = signed_in(reviewer_westshire)
    html = page(client.get(joint_round.get_absolute_url()))
    assert "Run the round" not in html
    manage = reverse("assurance:round_manage", args=[joint_round.pk])
    for action in ("open", "remind", "close"):
        assert client.post(manage, {"action": action}).status_code == 404
    joint_round.refresh_from_db()
    assert joint_round.is_open
    assert client.get(manage).status_code == 405
