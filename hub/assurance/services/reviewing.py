"""Reviewing a submitted self-assessment: starting the review, comments and challenge
questions, agreed ratings, returning it for changes, agreeing and closing it.

"Review" here always means the partnership's review of an agency's submitted self-assessment:
not a library document's review date, nor a practice review (hub/reviews)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hub.assurance.models import (
    Answer,
    Challenge,
    ChallengeKind,
    SubmissionStatus,
)
from hub.assurance.services.access import (
    SEND_EMAIL,
    _locked,
    _log,
    _require,
    _require_in_review,
    _require_round_not_closed,
    _standard_of,
    _validate_rating,
    may_review,
    shared_partnership_ids,
)
from hub.core.permissions import Action, can
from hub.core.tasks import enqueue_on_commit


def review_start(*, by, submission, request=None):
    """A reviewer takes up a submitted self-assessment."""
    _require(may_review(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        _require_round_not_closed(submission)
        if submission.status != SubmissionStatus.SUBMITTED:
            raise ValidationError("Only a submitted self-assessment can be taken into review.")
        submission.status = SubmissionStatus.UNDER_REVIEW
        submission.review_started_at = timezone.now()
        submission.save(update_fields=["status", "review_started_at", "updated_at"])
        _log(by, "hub.assurance.review_started", submission, request)
    return submission


def challenge_raise(*, by, submission, kind, text, standard=None, request=None):
    """A reviewer comments on, or asks a challenge question about, a submission or one
    standard of it. The agency is told by email. Raising the same unanswered words again
    returns the first one and sends nothing."""
    _require(may_review(by, submission))
    if kind not in ChallengeKind.values:
        raise ValidationError({"kind": "Choose a comment or a challenge question."})
    if not (text or "").strip():
        raise ValidationError({"text": "Enter your comment or question."})
    partnerships = shared_partnership_ids(by, submission)
    if not partnerships and not by.is_superuser:
        raise PermissionDenied
    with transaction.atomic():
        submission = _locked(submission)
        _require_in_review(submission)
        if standard is not None:
            _standard_of(submission, standard)
        repeated = Challenge.objects.filter(
            submission=submission,
            standard=standard,
            kind=kind,
            text=text.strip(),
            raised_by=by,
            responded_at__isnull=True,
        ).first()
        if repeated is not None:
            # The same words posted again (a double click, a resent form) add nothing.
            return repeated
        challenge = Challenge.objects.create(
            submission=submission,
            standard=standard,
            partnership_id=partnerships[0] if partnerships else submission.round.partnership_id,
            kind=kind,
            text=text.strip(),
            raised_by=by,
        )
        _log(by, "hub.assurance.challenge_raised", submission, request, {"kind": kind})
        if kind == ChallengeKind.CHALLENGE:
            enqueue_on_commit(SEND_EMAIL, "challenge", challenge.pk)
    return challenge


def agreed_rating_record(*, by, submission, standard, rating, note="", request=None):
    """Record the rating the partnership and the agency agreed for one standard."""
    _require(may_review(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        _require_round_not_closed(submission)
        if submission.status != SubmissionStatus.UNDER_REVIEW:
            raise ValidationError("Start the review before recording agreed ratings.")
        _standard_of(submission, standard)
        if rating in (None, ""):
            raise ValidationError({"agreed_rating": "Choose the agreed rating."})
        rating = _validate_rating(submission.scale, rating, field="agreed_rating")
        answer = Answer.objects.select_for_update().get(submission=submission, standard=standard)
        answer.agreed_rating = rating
        answer.agreed_note = (note or "").strip()
        answer.agreed_by = by
        answer.agreed_at = timezone.now()
        answer.save(update_fields=["agreed_rating", "agreed_note", "agreed_by", "agreed_at"])
        _log(
            by,
            "hub.assurance.rating_agreed",
            submission,
            request,
            {"standard": standard.number},
        )
    return answer


def submission_return(*, by, submission, reason, request=None):
    """Send a submission under review back to the agency as a draft, saying why."""
    _require(may_review(by, submission))
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter what the agency needs to change."})
    with transaction.atomic():
        submission = _locked(submission)
        _require_in_review(submission)
        submission.status = SubmissionStatus.DRAFT
        submission.returned_at = timezone.now()
        submission.returned_reason = reason.strip()
        submission.save(update_fields=["status", "returned_at", "returned_reason", "updated_at"])
        _log(by, "hub.assurance.returned", submission, request)
        key = submission.returned_at.strftime("%Y%m%d%H%M%S")
        enqueue_on_commit(SEND_EMAIL, "returned", submission.pk, key)
    return submission


def agreement_problems(submission):
    """What stops `submission` being agreed: {key: message}."""
    problems = {}
    for answer in submission.answers.select_related("standard"):
        if answer.agreed_rating is None:
            problems[f"standard-{answer.standard_id}"] = (
                f"Standard {answer.standard.number}, {answer.standard.title}: "
                "record the agreed rating"
            )
    for challenge in submission.challenges.filter(
        kind=ChallengeKind.CHALLENGE, responded_at__isnull=True
    ):
        problems[f"challenge-{challenge.pk}"] = (
            "A challenge question is waiting for the agency's response"
        )
    return problems


def submission_agree(*, by, submission, request=None):
    """Mark the review agreed: every standard has an agreed rating and every challenge an
    answer. Agreed ratings cannot change afterwards."""
    _require(may_review(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        _require_round_not_closed(submission)
        if submission.status != SubmissionStatus.UNDER_REVIEW:
            raise ValidationError("Only a self-assessment under review can be agreed.")
        problems = agreement_problems(submission)
        if problems:
            raise ValidationError(problems)
        submission.status = SubmissionStatus.AGREED
        submission.agreed_at = timezone.now()
        submission.save(update_fields=["status", "agreed_at", "updated_at"])
        _log(by, "hub.assurance.agreed", submission, request)
    return submission


def submission_close(*, by, submission, request=None):
    """Close an agreed submission (the round's admin; closing the round does it for all)."""
    _require(can(by, Action.MANAGE_ASSURANCE, submission))
    with transaction.atomic():
        submission = _locked(submission)
        if submission.status != SubmissionStatus.AGREED:
            raise ValidationError("Only an agreed self-assessment can be closed.")
        submission.status = SubmissionStatus.CLOSED
        submission.closed_at = timezone.now()
        submission.save(update_fields=["status", "closed_at", "updated_at"])
        _log(by, "hub.assurance.closed", submission, request)
    return submission
