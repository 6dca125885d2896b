"""The section 11 workflow through its services: who may do each step, what each step
refuses, and that a refusal changes nothing."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hub.assurance import services
from hub.assurance.models import (
    ActionStatus,
    Answer,
    ChallengeKind,
    EvidenceFile,
    LocalQuestion,
    Round,
    Submission,
    SubmissionStatus,
)
from hub.core import audit
from tests.assurance.conftest import complete, pdf_upload, submission_of

pytestmark = pytest.mark.django_db


def _standards(submission):
    return list(submission.round.framework_version.standards.all())


def test_opening_a_round_shares_each_submission_with_the_partnerships_the_agency_works_in(
    joint_round, westbury, police, moorhampton, westshire, northmoor
):
    shared = {
        agency.name: set(submission_of(joint_round, agency).shared_with.all())
        for agency in (westbury, police, moorhampton)
    }
    assert shared[westbury.name] == {westshire}
    assert shared[police.name] == {westshire, northmoor}
    assert shared[moorhampton.name] == {northmoor}
    assert joint_round.submissions.count() == 3


def test_opening_a_round_invites_each_agencys_leads_once(
    framework_version,
    westshire,
    northmoor,
    westbury,
    lead_westbury,
    admin_westshire,
    django_capture_on_commit_callbacks,
):
    today = timezone.localdate()
    round_ = Round.objects.create(
        partnership=westshire,
        title="Invitation round",
        framework_version=framework_version,
        opens_on=today,
        due_on=today + datetime.timedelta(days=20),
    )
    round_.partnerships.set([westshire])
    round_.agencies.set([westbury])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.round_open(by=admin_westshire, round_=round_) == 1
        assert services.round_open(by=admin_westshire, round_=round_) == 0
    invitations = [m for m in mail.outbox if "is open" in m.subject]
    assert len(invitations) == 1
    assert set(invitations[0].to) == {lead_westbury.email, "lead@westbury-academy.example"}


def test_only_the_partnerships_admin_may_open_a_round(
    joint_round, reviewer_westshire, lead_westbury
):
    for person in (reviewer_westshire, lead_westbury):
        with pytest.raises(PermissionDenied):
            services.round_open(by=person, round_=joint_round)


def test_a_complete_self_assessment_goes_from_draft_to_closed(
    joint_round, westbury, lead_westbury, reviewer_westshire, admin_westshire
):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission)
    services.review_start(by=reviewer_westshire, submission=submission)
    for standard in _standards(submission):
        services.agreed_rating_record(
            by=reviewer_westshire, submission=submission, standard=standard, rating=2
        )
    services.submission_agree(by=reviewer_westshire, submission=submission)
    services.submission_close(by=admin_westshire, submission=submission)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.CLOSED
    logged = list(
        audit.entries()
        .filter(object_id=str(submission.pk), action__startswith="hub.assurance.")
        .values_list("action", flat=True)
    )
    for step in ("submitted", "review_started", "rating_agreed", "agreed", "closed"):
        assert f"hub.assurance.{step}" in logged


def test_submitting_with_answers_missing_names_each_and_changes_nothing(
    joint_round, westbury, lead_westbury
):
    submission = submission_of(joint_round, westbury)
    services.submission_start(by=lead_westbury, submission=submission)
    first, second, third = _standards(submission)
    services.answer_save(
        by=lead_westbury, submission=submission, standard=first, rating=3, narrative="Done."
    )
    services.answer_save(
        by=lead_westbury, submission=submission, standard=second, rating=2, narrative=""
    )
    with pytest.raises(ValidationError) as refused:
        services.submission_submit(by=lead_westbury, submission=submission)
    assert set(refused.value.message_dict) == {f"standard-{second.pk}", f"standard-{third.pk}"}
    assert "describe your evidence" in refused.value.message_dict[f"standard-{second.pk}"][0]
    assert "choose a rating" in refused.value.message_dict[f"standard-{third.pk}"][0]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT
    assert submission.submitted_at is None


def test_a_rating_off_the_frameworks_scale_is_refused(joint_round, westbury, lead_westbury):
    submission = submission_of(joint_round, westbury)
    standard = _standards(submission)[0]
    for bad in (0, 4, -1, "green", "3; drop table"):
        with pytest.raises(ValidationError):
            services.answer_save(
                by=lead_westbury,
                submission=submission,
                standard=standard,
                rating=bad,
                narrative="x",
            )
    assert not Answer.objects.filter(submission=submission, rating__isnull=False).exists()


def test_answers_cannot_change_after_submission(joint_round, westbury, lead_westbury):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission)
    standard = _standards(submission)[0]
    with pytest.raises(ValidationError):
        services.answer_save(
            by=lead_westbury, submission=submission, standard=standard, rating=1, narrative="New"
        )
    with pytest.raises(ValidationError):
        services.evidence_add(
            by=lead_westbury, submission=submission, standard=standard, uploaded_file=pdf_upload()
        )
    assert Answer.objects.get(submission=submission, standard=standard).rating == 3


def test_submitting_twice_submits_once(joint_round, westbury, lead_westbury):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission)
    with pytest.raises(ValidationError):
        services.submission_submit(by=lead_westbury, submission=submission)
    assert (
        audit.entries()
        .filter(object_id=str(submission.pk), action="hub.assurance.submitted")
        .count()
        == 1
    )


def test_a_contributor_may_draft_but_not_submit(
    joint_round, westbury, lead_westbury, colleague_westbury
):
    submission = submission_of(joint_round, westbury)
    standard = _standards(submission)[0]
    with pytest.raises(PermissionDenied):
        services.answer_save(
            by=colleague_westbury, submission=submission, standard=standard, rating=2, narrative=""
        )
    services.contributor_add(
        by=lead_westbury, submission=submission, email=colleague_westbury.email
    )
    complete(submission, colleague_westbury)
    with pytest.raises(PermissionDenied):
        services.submission_submit(by=colleague_westbury, submission=submission)
    services.submission_submit(by=lead_westbury, submission=submission)


def test_a_contributor_must_work_for_the_agency(joint_round, westbury, lead_westbury, lead_police):
    submission = submission_of(joint_round, westbury)
    with pytest.raises(ValidationError):
        services.contributor_add(by=lead_westbury, submission=submission, email=lead_police.email)
    assert not submission.contributors.exists()


def test_another_agencys_lead_can_do_nothing_to_a_submission(
    joint_round, westbury, lead_police, lead_moorhampton
):
    submission = submission_of(joint_round, westbury)
    standard = _standards(submission)[0]
    for outsider in (lead_police, lead_moorhampton):
        assert not services.may_view(outsider, submission)
        with pytest.raises(PermissionDenied):
            services.submission_start(by=outsider, submission=submission)
        with pytest.raises(PermissionDenied):
            services.answer_save(
                by=outsider, submission=submission, standard=standard, rating=2, narrative="x"
            )
    assert submission.answers.count() == 0


def test_a_reviewer_sees_only_submissions_shared_with_their_partnership(
    joint_round, westbury, police, moorhampton, reviewer_westshire, reviewer_northmoor
):
    def seen(person):
        # The demo's rounds are there too; this test is about its own round.
        visible = services.visible_submissions(person).filter(round=joint_round)
        return set(visible.values_list("agency__name", flat=True))

    assert seen(reviewer_westshire) == {westbury.name, police.name}
    assert seen(reviewer_northmoor) == {police.name, moorhampton.name}


def test_a_reviewer_from_a_partnership_not_shared_with_cannot_review(
    joint_round, westbury, lead_westbury, reviewer_northmoor
):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission)
    with pytest.raises(PermissionDenied):
        services.review_start(by=reviewer_northmoor, submission=submission)
    with pytest.raises(PermissionDenied):
        services.challenge_raise(
            by=reviewer_northmoor, submission=submission, kind="comment", text="Hello"
        )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_one_submission_from_a_shared_agency_is_reviewed_by_both_partnerships(
    joint_round, police, lead_police, reviewer_westshire, reviewer_northmoor
):
    submission = complete(submission_of(joint_round, police), lead_police)
    services.submission_submit(by=lead_police, submission=submission)
    services.review_start(by=reviewer_northmoor, submission=submission)
    services.challenge_raise(
        by=reviewer_westshire, submission=submission, kind="comment", text="Clear evidence."
    )
    challenge = services.challenge_raise(
        by=reviewer_northmoor,
        submission=submission,
        kind=ChallengeKind.CHALLENGE,
        text="How do you check contractors?",
    )
    assert {c.partnership.slug for c in submission.challenges.all()} == {"westshire", "northmoor"}
    for standard in _standards(submission):
        services.agreed_rating_record(
            by=reviewer_westshire, submission=submission, standard=standard, rating=3
        )
    with pytest.raises(ValidationError) as refused:
        services.submission_agree(by=reviewer_northmoor, submission=submission)
    assert f"challenge-{challenge.pk}" in refused.value.message_dict
    services.challenge_respond(by=lead_police, challenge=challenge, response="We check DBS.")
    services.submission_agree(by=reviewer_northmoor, submission=submission)
    assert Submission.objects.get(pk=submission.pk).status == SubmissionStatus.AGREED


def test_each_partnership_adds_its_own_local_questions(
    joint_round, westbury, police, moorhampton, westshire, northmoor, lead_police
):
    westshire_question = LocalQuestion.objects.create(
        round=joint_round, partnership=westshire, text="How do you use the Westshire threshold?"
    )
    northmoor_question = LocalQuestion.objects.create(
        round=joint_round, partnership=northmoor, text="Who attends Northmoor's forum?"
    )

    def asked(agency):
        return set(services.local_questions_for(submission_of(joint_round, agency)))

    assert asked(westbury) == {westshire_question}
    assert asked(moorhampton) == {northmoor_question}
    assert asked(police) == {westshire_question, northmoor_question}
    submission = submission_of(joint_round, police)
    services.submission_start(by=lead_police, submission=submission)
    for standard in _standards(submission):
        services.answer_save(
            by=lead_police, submission=submission, standard=standard, rating=3, narrative="Yes"
        )
    with pytest.raises(ValidationError) as refused:
        services.submission_submit(by=lead_police, submission=submission)
    assert set(refused.value.message_dict) == {
        f"local-{westshire_question.pk}",
        f"local-{northmoor_question.pk}",
    }
    with pytest.raises(ValidationError):
        services.local_answers_save(
            by=lead_police, submission=submission, answers={10**9: "Forged question"}
        )


def test_returning_a_submission_lets_the_agency_change_it_and_submit_again(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission)
    services.review_start(by=reviewer_westshire, submission=submission)
    with pytest.raises(ValidationError):
        services.submission_return(by=reviewer_westshire, submission=submission, reason=" ")
    services.submission_return(
        by=reviewer_westshire, submission=submission, reason="Add your training figures."
    )
    submission.refresh_from_db()
    assert submission.state_label == "Returned for changes"
    standard = _standards(submission)[2]
    services.answer_save(
        by=lead_westbury, submission=submission, standard=standard, rating=2, narrative="Figures"
    )
    services.submission_submit(by=lead_westbury, submission=submission)


def test_agreed_ratings_need_the_review_started_and_a_rating_on_the_scale(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    standard = _standards(submission)[0]
    services.submission_submit(by=lead_westbury, submission=submission)
    with pytest.raises(ValidationError):
        services.agreed_rating_record(
            by=reviewer_westshire, submission=submission, standard=standard, rating=2
        )
    services.review_start(by=reviewer_westshire, submission=submission)
    with pytest.raises(ValidationError):
        services.agreed_rating_record(
            by=reviewer_westshire, submission=submission, standard=standard, rating=7
        )
    assert Answer.objects.get(submission=submission, standard=standard).agreed_rating is None


def test_evidence_is_checked_by_content_and_a_refused_file_leaves_nothing(
    joint_round, westbury, lead_westbury, settings, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    submission = submission_of(joint_round, westbury)
    standard = _standards(submission)[0]
    evidence = services.evidence_add(
        by=lead_westbury, submission=submission, standard=standard, uploaded_file=pdf_upload()
    )
    assert evidence.kind == "pdf"
    assert evidence.file.storage.exists(evidence.file.name)
    assert evidence.file.name.startswith("assurance/evidence/")
    hostile = [
        SimpleUploadedFile("policy.pdf", b"<html><script>alert(1)</script></html>"),
        SimpleUploadedFile("policy.pdf", b"MZ\x90\x00" + b"\x00" * 200),
        SimpleUploadedFile("policy.pdf", b""),
    ]
    settings.ASSURANCE_MAX_EVIDENCE_BYTES = 500
    hostile.append(pdf_upload(text="x" * 2000))
    for upload in hostile:
        with pytest.raises(ValidationError):
            services.evidence_add(
                by=lead_westbury, submission=submission, standard=standard, uploaded_file=upload
            )
    assert EvidenceFile.objects.filter(submission=submission).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_remove(by=lead_westbury, evidence=evidence)
    assert not evidence.file.storage.exists(evidence.file.name)


def test_action_progress_can_be_updated_after_submission_but_not_its_wording(
    joint_round, westbury, lead_westbury
):
    submission = submission_of(joint_round, westbury)
    action = services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=None,
        description="Refresh safer recruitment training for governors",
        owner_role="Head of HR",
        due_on=timezone.localdate() + datetime.timedelta(days=60),
    )
    complete(submission, lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission)
    services.action_update(
        by=lead_westbury,
        action=action,
        status=ActionStatus.IN_PROGRESS,
        progress_note="Booked for March",
        description="Something else",
        owner_role="Someone",
        due_on=timezone.localdate(),
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.description == "Refresh safer recruitment training for governors"


def test_closing_a_round_closes_agreed_submissions_and_freezes_the_rest(
    joint_round, westbury, police, lead_westbury, lead_police, reviewer_westshire, admin_westshire
):
    agreed = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=agreed)
    services.review_start(by=reviewer_westshire, submission=agreed)
    for standard in _standards(agreed):
        services.agreed_rating_record(
            by=reviewer_westshire, submission=agreed, standard=standard, rating=3
        )
    services.submission_agree(by=reviewer_westshire, submission=agreed)
    assert services.round_close(by=admin_westshire, round_=joint_round) == 1
    assert Submission.objects.get(pk=agreed.pk).status == SubmissionStatus.CLOSED
    draft = submission_of(joint_round, police)
    with pytest.raises(ValidationError):
        services.answer_save(
            by=lead_police,
            submission=draft,
            standard=_standards(draft)[0],
            rating=2,
            narrative="Late",
        )


def test_nothing_in_a_closed_round_can_be_reviewed_or_answered(
    joint_round, westbury, police, lead_westbury, lead_police, reviewer_westshire, admin_westshire
):
    submitted = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submitted)
    in_review = complete(submission_of(joint_round, police), lead_police)
    services.submission_submit(by=lead_police, submission=in_review)
    services.review_start(by=reviewer_westshire, submission=in_review)
    challenge = services.challenge_raise(
        by=reviewer_westshire, submission=in_review, kind="challenge", text="How?"
    )
    services.round_close(by=admin_westshire, round_=joint_round)
    standard = _standards(in_review)[0]
    refused = [
        lambda: services.review_start(by=reviewer_westshire, submission=submitted),
        lambda: services.challenge_raise(
            by=reviewer_westshire, submission=in_review, kind="comment", text="Late"
        ),
        lambda: services.agreed_rating_record(
            by=reviewer_westshire, submission=in_review, standard=standard, rating=3
        ),
        lambda: services.submission_return(
            by=reviewer_westshire, submission=in_review, reason="Late"
        ),
        lambda: services.submission_agree(by=reviewer_westshire, submission=in_review),
        lambda: services.challenge_respond(by=lead_police, challenge=challenge, response="Late"),
    ]
    for step in refused:
        with pytest.raises(ValidationError, match="round is closed"):
            step()
    assert Submission.objects.get(pk=submitted.pk).status == SubmissionStatus.SUBMITTED
    assert Submission.objects.get(pk=in_review.pk).status == SubmissionStatus.UNDER_REVIEW
    assert in_review.challenges.count() == 1


def test_an_action_can_be_added_already_under_way_in_one_logged_step(
    joint_round, westbury, lead_westbury
):
    submission = submission_of(joint_round, westbury)
    action = services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=None,
        description="Audit the single central record",
        owner_role="Business manager",
        due_on=joint_round.due_on,
        status=ActionStatus.IN_PROGRESS,
        progress_note=" Half the files checked ",
    )
    assert (action.status, action.progress_note) == (
        ActionStatus.IN_PROGRESS,
        "Half the files checked",
    )
    logged = audit.entries().filter(
        object_id=str(submission.pk), action__startswith="hub.assurance.action_"
    )
    assert list(logged.values_list("action", flat=True)) == ["hub.assurance.action_added"]
    with pytest.raises(ValidationError):
        services.action_add(
            by=lead_westbury,
            submission=submission,
            standard=None,
            description="Another",
            owner_role="Head",
            due_on=joint_round.due_on,
            status="finished-ish",
        )
    assert submission.actions.count() == 1
