"""Completing a self-assessment: starting it (with last round carried forward), answers,
local answers, evidence files, the action plan, contributors, submitting, and responding
to challenges."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from hub.assurance.models import (
    SCALE_LEVELS,
    ActionPlanItem,
    ActionStatus,
    Answer,
    Challenge,
    ChallengeKind,
    EvidenceFile,
    LocalAnswer,
    LocalQuestion,
    RatingScale,
    Submission,
    SubmissionContributor,
    SubmissionStatus,
)
from hub.assurance.services.access import (
    SEND_EMAIL,
    _locked,
    _log,
    _require,
    _require_draft,
    _require_round_not_closed,
    _standard_of,
    _validate_rating,
    may_edit,
    may_lead,
    may_read_answers,
)
from hub.core.models import User
from hub.core.tasks import enqueue_on_commit
from hub.core.uploads import check_document

DEFAULT_MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_FILES_PER_STANDARD = 10
EVIDENCE_TYPES = ("pdf", "docx", "odt", "xlsx", "pptx")


def _previous_submission(submission):
    previous_round = submission.round.previous_round
    if previous_round is None:
        return None
    return Submission.objects.filter(round=previous_round, agency=submission.agency).first()


def submission_start(*, by, submission, request=None):
    """Open the self-assessment for editing: an answer row per standard, starting from last
    round's answers and open actions where there are any, each marked carried forward until
    someone reviews it. Safe to call again: it never overwrites an answer."""
    _require(may_edit(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        if submission.started_at is not None:
            return submission
        _require_draft(submission)
        standards = list(submission.round.framework_version.standards.all())
        previous = _previous_submission(submission)
        earlier = {}
        if previous is not None:
            earlier = {
                answer.standard.key: answer
                for answer in previous.answers.select_related("standard")
            }
        by_key = {standard.key: standard for standard in standards}
        for standard in standards:
            before = earlier.get(standard.key)
            Answer.objects.get_or_create(
                submission=submission,
                standard=standard,
                defaults={
                    "rating": before.rating
                    if before is not None
                    and before.rating in SCALE_LEVELS[RatingScale(submission.scale)]
                    else None,
                    "narrative": before.narrative if before is not None else "",
                    "carried_forward": before is not None,
                },
            )
        if previous is not None:
            for action in previous.actions.exclude(status=ActionStatus.COMPLETE).select_related(
                "standard"
            ):
                ActionPlanItem.objects.create(
                    submission=submission,
                    standard=by_key.get(action.standard.key) if action.standard else None,
                    description=action.description,
                    owner_role=action.owner_role,
                    due_on=action.due_on,
                    status=action.status,
                    progress_note=action.progress_note,
                    carried_forward=True,
                )
            submission.carried_forward_from = previous
        submission.started_at = timezone.now()
        submission.save(update_fields=["started_at", "carried_forward_from", "updated_at"])
        _log(
            by,
            "hub.assurance.started",
            submission,
            request,
            details={"carried_forward": previous is not None},
        )
    return submission


def answer_save(*, by, submission, standard, rating, narrative, request=None):
    """Save the agency's rating and narrative for one standard. Either may be left empty
    while drafting; saving marks a carried-forward answer as reviewed."""
    _require(may_edit(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        _require_draft(submission)
        _standard_of(submission, standard)
        rating = _validate_rating(submission.scale, rating)
        answer, _ = Answer.objects.select_for_update().get_or_create(
            submission=submission, standard=standard
        )
        answer.rating = rating
        answer.narrative = (narrative or "").strip()
        answer.carried_forward = False
        answer.updated_by = by
        answer.save()
        if submission.started_at is None:
            submission.started_at = timezone.now()
            submission.save(update_fields=["started_at", "updated_at"])
        _log(by, "hub.assurance.answer_saved", submission, request, {"standard": standard.number})
    return answer


def local_questions_for(submission):
    """The local questions this agency answers: those of each partnership it is shared with."""
    return LocalQuestion.objects.filter(
        round=submission.round, partnership__in=submission.shared_with.all()
    ).select_related("partnership")


def local_answers_save(*, by, submission, answers, request=None):
    """Save answers to local questions: `answers` maps question id to text."""
    _require(may_edit(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        _require_draft(submission)
        questions = {question.pk: question for question in local_questions_for(submission)}
        for question_id, text in answers.items():
            if question_id not in questions:
                raise ValidationError("That question is not part of this self-assessment.")
            LocalAnswer.objects.update_or_create(
                submission=submission,
                question=questions[question_id],
                defaults={"text": (text or "").strip()},
            )
        _log(by, "hub.assurance.local_answers_saved", submission, request)


def max_evidence_bytes():
    return getattr(settings, "ASSURANCE_MAX_EVIDENCE_BYTES", DEFAULT_MAX_EVIDENCE_BYTES)


def evidence_add(*, by, submission, standard, uploaded_file, request=None):
    """Attach a file to a standard. The file is checked by its content (the library's checks)
    before anything is stored; a refused file leaves nothing behind."""
    _require(may_edit(by, submission))
    checked = check_document(
        uploaded_file, allowed_types=EVIDENCE_TYPES, max_bytes=max_evidence_bytes()
    )
    stored_name = f"{uuid.uuid4().hex}.{checked.extension}"  # under upload_to
    evidence = None
    try:
        with transaction.atomic():
            submission = _locked(submission)
            _require_draft(submission)
            _standard_of(submission, standard)
            count = EvidenceFile.objects.filter(submission=submission, standard=standard).count()
            if count >= MAX_EVIDENCE_FILES_PER_STANDARD:
                raise ValidationError(
                    {
                        "file": f"A standard can have up to {MAX_EVIDENCE_FILES_PER_STANDARD} "
                        "files. Remove one before adding another."
                    }
                )
            uploaded_file.seek(0)
            evidence = EvidenceFile(
                submission=submission,
                standard=standard,
                original_filename=checked.safe_name,
                kind=checked.kind,
                size_bytes=checked.size,
                uploaded_by=by,
            )
            evidence.file.save(stored_name, File(uploaded_file), save=False)
            evidence.save()
            _log(by, "hub.assurance.evidence_added", submission, request, {"kind": checked.kind})
    except BaseException:
        if evidence is not None and evidence.file.name:
            evidence.file.storage.delete(evidence.file.name)
        raise
    return evidence


def evidence_remove(*, by, evidence, request=None):
    """Remove an evidence file from a draft; the stored file goes once the removal commits."""
    submission = evidence.submission
    _require(may_edit(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        _require_draft(submission)
        name, storage = evidence.file.name, evidence.file.storage
        evidence.delete()
        _log(by, "hub.assurance.evidence_removed", submission, request)
        transaction.on_commit(lambda: storage.delete(name))


def evidence_download_record(*, by, evidence, request=None):
    """Log that `by` downloaded an evidence file: who read an agency's evidence is on the
    record. Only someone who may read the submission's answers gets this far."""
    submission = evidence.submission
    _require(may_read_answers(by, submission))
    _log(by, "hub.assurance.evidence_downloaded", submission, request, {"kind": evidence.kind})


def _clean_action(submission, *, standard, description, owner_role, due_on):
    errors = {}
    if not (description or "").strip():
        errors["description"] = "Enter what will be done."
    if not (owner_role or "").strip():
        errors["owner_role"] = "Enter whose job it is, as a role."
    if due_on is None:
        errors["due_on"] = "Enter the date it will be done by."
    if standard is not None and standard.version_id != submission.round.framework_version_id:
        errors["standard"] = "Choose a standard of this self-assessment."
    if errors:
        raise ValidationError(errors)


def action_add(
    *,
    by,
    submission,
    standard,
    description,
    owner_role,
    due_on,
    status=ActionStatus.NOT_STARTED,
    progress_note="",
    request=None,
):
    """Add an action to the plan of a draft self-assessment, already under way if `status`
    says so."""
    _require(may_edit(by, submission))
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Choose the action's status."})
    with transaction.atomic():
        submission = _locked(submission)
        _require_draft(submission)
        _clean_action(
            submission,
            standard=standard,
            description=description,
            owner_role=owner_role,
            due_on=due_on,
        )
        action = ActionPlanItem.objects.create(
            submission=submission,
            standard=standard,
            description=description.strip(),
            owner_role=owner_role.strip(),
            due_on=due_on,
            status=status,
            progress_note=(progress_note or "").strip(),
        )
        _log(by, "hub.assurance.action_added", submission, request)
    return action


def action_update(
    *,
    by,
    action,
    status,
    progress_note,
    description=None,
    owner_role=None,
    due_on=None,
    standard=None,
    request=None,
):
    """Change an action. Its wording, owner and date change only while the self-assessment
    is a draft; its status and progress can be updated at any time until the round closes."""
    submission = action.submission
    _require(may_edit(by, submission))
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Choose the action's status."})
    with transaction.atomic():
        submission = _locked(submission)
        if submission.round.is_closed or submission.status == SubmissionStatus.CLOSED:
            raise ValidationError("The round is closed, so its action plan cannot change.")
        action = ActionPlanItem.objects.select_for_update().get(pk=action.pk)
        fields = ["status", "progress_note", "carried_forward", "updated_at"]
        if submission.is_draft and description is not None:
            _clean_action(
                submission,
                standard=standard,
                description=description,
                owner_role=owner_role,
                due_on=due_on,
            )
            action.description = description.strip()
            action.owner_role = owner_role.strip()
            action.due_on = due_on
            action.standard = standard
            fields += ["description", "owner_role", "due_on", "standard"]
        action.status = status
        action.progress_note = (progress_note or "").strip()
        action.carried_forward = False
        action.save(update_fields=fields)
        _log(by, "hub.assurance.action_updated", submission, request, {"status": status})
    return action


def action_remove(*, by, action, request=None):
    submission = action.submission
    _require(may_edit(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        _require_draft(submission)
        action.delete()
        _log(by, "hub.assurance.action_removed", submission, request)


def contributor_add(*, by, submission, email, request=None):
    """Let a colleague of the same agency help complete the self-assessment."""
    _require(may_lead(by, submission))
    person = User.objects.filter(
        email__iexact=(email or "").strip(), agency=submission.agency, is_active=True
    ).first()
    if person is None:
        raise ValidationError(
            {
                "email": "Enter the work email address of a colleague at your organisation "
                "who has an account."
            }
        )
    with transaction.atomic():
        submission = _locked(submission)
        if submission.round.is_closed:
            raise ValidationError("The round is closed.")
        contributor, _ = SubmissionContributor.objects.get_or_create(
            submission=submission, person=person, defaults={"added_by": by}
        )
        _log(by, "hub.assurance.contributor_added", submission, request)
    return contributor


def contributor_remove(*, by, contributor, request=None):
    submission = contributor.submission
    _require(may_lead(by, submission))
    with transaction.atomic():
        contributor.delete()
        _log(by, "hub.assurance.contributor_removed", submission, request)


def missing_answers(submission):
    """What stops `submission` being submitted: {field key: message}, in the order shown.

    Keys are `standard-<id>` for a standard and `local-<id>` for a local question, so the
    error summary can link to each."""
    problems = {}
    answers = {answer.standard_id: answer for answer in submission.answers.all()}
    for standard in submission.round.framework_version.standards.all():
        answer = answers.get(standard.id)
        label = f"Standard {standard.number}, {standard.title}"
        if answer is not None and answer.carried_forward:
            problems[f"standard-{standard.pk}"] = (
                f"{label}: review the answer carried forward from the last round and save it"
            )
        elif answer is None or answer.rating is None:
            problems[f"standard-{standard.pk}"] = f"{label}: choose a rating"
        elif not answer.narrative.strip():
            problems[f"standard-{standard.pk}"] = f"{label}: describe your evidence"
    given = {answer.question_id: answer.text.strip() for answer in submission.local_answers.all()}
    for question in local_questions_for(submission):
        if question.is_required and not given.get(question.pk):
            problems[f"local-{question.pk}"] = f"Answer the local question: {question.text}"
    for action in submission.actions.filter(carried_forward=True):
        problems[f"action-{action.pk}"] = (
            f"Review the action carried forward from the last round: {action.description[:80]}"
        )
    return problems


def submission_submit(*, by, submission, request=None):
    """Submit a complete draft to the partnerships it is shared with. Refused, changing
    nothing, while anything required is missing; a second submit changes nothing."""
    _require(may_lead(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        if submission.status != SubmissionStatus.DRAFT:
            raise ValidationError("This self-assessment has already been submitted.")
        if not submission.round.is_open:
            raise ValidationError("The round is not open for submissions.")
        problems = missing_answers(submission)
        if problems:
            raise ValidationError(problems)
        submission.status = SubmissionStatus.SUBMITTED
        submission.submitted_at = timezone.now()
        submission.submitted_by = by
        submission.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
        _log(by, "hub.assurance.submitted", submission, request)
        key = submission.submitted_at.strftime("%Y%m%d%H%M%S")
        enqueue_on_commit(SEND_EMAIL, "submitted", submission.pk, key)
    return submission


def challenge_respond(*, by, challenge, response, request=None):
    """The agency answers a challenge question; answering again replaces the answer until
    the submission is agreed."""
    submission = challenge.submission
    _require(may_edit(by, submission))
    if not (response or "").strip():
        raise ValidationError({"response": "Enter your response."})
    with transaction.atomic():
        submission = _locked(submission)
        _require_round_not_closed(submission)
        if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.UNDER_REVIEW):
            raise ValidationError("Challenges can be answered only while the review is open.")
        challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
        if challenge.kind != ChallengeKind.CHALLENGE:
            raise ValidationError("Comments do not need a response.")
        challenge.response = response.strip()
        challenge.responded_by = by
        challenge.responded_at = timezone.now()
        challenge.save(update_fields=["response", "responded_by", "responded_at"])
        _log(by, "hub.assurance.challenge_answered", submission, request)
    return challenge
