"""Every change to section 11 records: each a function that checks who is asking, validates,
writes in one transaction under a lock on the submission (or round) row, and logs it.

Who may do what:
- the agency's safeguarding lead (EDIT_AGENCY_RECORDS on the submission) completes and
  submits it, and names colleagues as contributors;
- contributors (colleagues of the same agency) edit a draft and update action progress, but
  do not submit or name others;
- reviewers (REVIEW_ASSURANCE in a partnership the submission is shared with) start the
  review, comment, challenge, record agreed ratings, return it or agree it;
- partnership admins (MANAGE_ASSURANCE) open, remind and close rounds and close submissions.

A refusal for lack of permission is PermissionDenied (views answer 404); bad input is a
ValidationError whose `error_dict` keys name the field or the standard it is about.
"""

import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
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
    FrameworkVersion,
    LocalAnswer,
    LocalQuestion,
    RatingScale,
    Round,
    RoundStatus,
    Standard,
    Submission,
    SubmissionContributor,
    SubmissionStatus,
)
from hub.core import audit
from hub.core.models import User
from hub.core.permissions import Action, can, scope_queryset
from hub.library.validation import validate_upload

DEFAULT_MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_FILES_PER_STANDARD = 10
EVIDENCE_TYPES = ("pdf", "docx", "odt", "xlsx", "pptx")


# --- Who may do what -----------------------------------------------------------------------


def is_contributor(user, submission):
    return (
        user.is_authenticated
        and user.is_active
        and user.agency_id == submission.agency_id
        and submission.contributors.filter(person=user).exists()
    )


def may_lead(user, submission):
    """The agency's safeguarding lead (or a superuser)."""
    return can(user, Action.EDIT_AGENCY_RECORDS, submission)


def may_edit(user, submission):
    return may_lead(user, submission) or is_contributor(user, submission)


def may_review(user, submission):
    return can(user, Action.REVIEW_ASSURANCE, submission)


def may_manage(user, round_):
    return can(user, Action.MANAGE_ASSURANCE, round_)


def may_view(user, submission):
    return (
        can(user, Action.VIEW_AGENCY_RECORDS, submission)
        or may_review(user, submission)
        or can(user, Action.MANAGE_ASSURANCE, submission)
        or is_contributor(user, submission)
    )


def visible_submissions(user, queryset=None):
    """The submissions `user` may see: their agency's (as lead or named contributor) and
    those shared with a partnership they review or manage for."""
    queryset = queryset if queryset is not None else Submission.objects.all()
    own = scope_queryset(user, Action.VIEW_AGENCY_RECORDS, queryset)
    reviewed = scope_queryset(user, Action.REVIEW_ASSURANCE, queryset)
    managed = scope_queryset(user, Action.MANAGE_ASSURANCE, queryset)
    contributed = queryset.filter(contributors__person=user, agency_id=user.agency_id)
    return queryset.filter(
        pk__in=[
            *own.values_list("pk", flat=True),
            *reviewed.values_list("pk", flat=True),
            *managed.values_list("pk", flat=True),
            *contributed.values_list("pk", flat=True),
        ]
    )


def shared_partnership_ids(user, submission, action=Action.REVIEW_ASSURANCE):
    """The partnerships, among those the submission is shared with, where `user` may act."""
    return [p.pk for p in submission.shared_with.all() if can(user, action, p)]


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _locked(submission):
    return (
        Submission.objects.select_for_update()
        .select_related("round__framework_version", "agency")
        .get(pk=submission.pk)
    )


def _log(by, action, submission, request, details=None):
    audit.record(
        actor=by,
        action=action,
        instance=submission,
        request=request,
        partnership_id=submission.round.partnership_id,
        agency_id=submission.agency_id,
        details=details,
    )


def _require_draft(submission):
    if submission.round.is_closed:
        raise ValidationError("The round is closed, so this self-assessment cannot change.")
    if submission.status != SubmissionStatus.DRAFT:
        raise ValidationError(
            "This self-assessment has been submitted, so its answers cannot change. "
            "Ask the partnership to return it if something must be corrected."
        )


def _validate_rating(scale, value, field="rating"):
    if value is None:
        return None
    allowed = SCALE_LEVELS[RatingScale(scale)]
    try:
        value = int(value)
    except (TypeError, ValueError):
        value = None
    if value not in allowed:
        labels = ", ".join(label for label, _ in allowed.values())
        raise ValidationError({field: f"Choose a rating on this framework's scale: {labels}."})
    return value


def _standard_of(submission, standard):
    if standard.version_id != submission.round.framework_version_id:
        raise ValidationError("That standard is not part of this round's framework.")
    return standard


# --- Frameworks and rounds -------------------------------------------------------------------


def framework_version_publish(*, by, version, request=None):
    """Freeze `version` so rounds can use it. Publishing twice changes nothing."""
    _require(can(by, Action.MANAGE_ASSURANCE, version.framework.partnership))
    with transaction.atomic():
        version = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
        if version.published_at is not None:
            return version
        if not version.standards.exists():
            raise ValidationError("Add at least one standard before publishing.")
        version.published_at = timezone.now()
        version.save(update_fields=["published_at"])
        audit.record(
            actor=by,
            action="hub.assurance.framework_published",
            instance=version,
            request=request,
            partnership_id=version.framework.partnership_id,
        )
    return version


def framework_version_copy(*, by, version, request=None):
    """A new, unpublished version with the same scale and standards, to edit freely. The
    copied version, and every round on it, stay exactly as they were."""
    framework = version.framework
    _require(can(by, Action.MANAGE_ASSURANCE, framework.partnership))
    with transaction.atomic():
        latest = (
            FrameworkVersion.objects.select_for_update()
            .filter(framework=framework)
            .order_by("-number")
            .first()
        )
        copy = FrameworkVersion.objects.create(
            framework=framework,
            number=latest.number + 1,
            rating_scale=version.rating_scale,
            introduction=version.introduction,
        )
        for standard in version.standards.all():
            Standard.objects.create(
                version=copy,
                sort_order=standard.sort_order,
                key=standard.key,
                number=standard.number,
                title=standard.title,
                summary=standard.summary,
                sub_standards=standard.sub_standards,
                guidance=standard.guidance,
                evidence_prompts=standard.evidence_prompts,
            )
        audit.record(
            actor=by,
            action="hub.assurance.framework_copied",
            instance=copy,
            request=request,
            partnership_id=framework.partnership_id,
        )
    return copy


def _shared_partnerships(round_, agency):
    taking_part = {p.pk for p in round_.partnerships.all()}
    return [p for p in agency.partnerships.all() if p.pk in taking_part]


def round_open(*, by, round_, request=None):
    """Open the round: one submission per invited agency, shared with each partnership of the
    round the agency works in, and an invitation to each agency's safeguarding leads.
    Opening again (after inviting more agencies) adds only the new ones. Returns how many
    submissions were created."""
    _require(may_manage(by, round_))
    with transaction.atomic():
        round_ = (
            Round.objects.select_for_update().select_related("framework_version").get(pk=round_.pk)
        )
        if round_.is_closed:
            raise ValidationError("A closed round cannot be opened again.")
        if not round_.framework_version.is_published:
            raise ValidationError("Publish the framework version before opening the round.")
        existing = set(round_.submissions.values_list("agency_id", flat=True))
        created = []
        for agency in round_.agencies.prefetch_related("partnerships"):
            if agency.pk in existing:
                continue
            shared = _shared_partnerships(round_, agency)
            if not shared:
                raise ValidationError(
                    f"{agency.name} does not work in any partnership taking part in the round."
                )
            submission = Submission.objects.create(round=round_, agency=agency)
            submission.shared_with.set(shared)
            created.append(submission)
        if not created and not existing:
            raise ValidationError("Invite at least one agency before opening the round.")
        if round_.status == RoundStatus.DRAFT:
            round_.status = RoundStatus.OPEN
            round_.opened_at = timezone.now()
            round_.save(update_fields=["status", "opened_at"])
        audit.record(
            actor=by,
            action="hub.assurance.round_opened",
            instance=round_,
            request=request,
            partnership_id=round_.partnership_id,
            details={"new_submissions": len(created)},
        )
        from hub.assurance.tasks import send_assurance_email

        for submission in created:
            transaction.on_commit(
                lambda pk=submission.pk: send_assurance_email.enqueue("invitation", pk)
            )
    return len(created)


def round_send_reminders(*, by, round_, request=None):
    """Remind every agency yet to submit, now. Returns how many reminders were queued."""
    _require(may_manage(by, round_))
    if not round_.is_open:
        raise ValidationError("Reminders can only be sent while the round is open.")
    pending = list(
        round_.submissions.filter(status=SubmissionStatus.DRAFT).values_list("pk", flat=True)
    )
    key = timezone.now().strftime("%Y%m%d%H%M")
    from hub.assurance.tasks import send_assurance_email

    for pk in pending:
        send_assurance_email.enqueue("reminder", pk, key)
    audit.record(
        actor=by,
        action="hub.assurance.reminders_sent",
        instance=round_,
        request=request,
        partnership_id=round_.partnership_id,
        details={"reminders": len(pending)},
    )
    return len(pending)


def round_close(*, by, round_, request=None):
    """Close the round: agreed submissions become closed; nothing in the round can change
    afterwards except reading it. Returns how many submissions were closed."""
    _require(may_manage(by, round_))
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        if round_.is_closed:
            return 0
        now = timezone.now()
        closed = round_.submissions.filter(status=SubmissionStatus.AGREED).update(
            status=SubmissionStatus.CLOSED, closed_at=now
        )
        round_.status = RoundStatus.CLOSED
        round_.closed_at = now
        round_.save(update_fields=["status", "closed_at"])
        audit.record(
            actor=by,
            action="hub.assurance.round_closed",
            instance=round_,
            request=request,
            partnership_id=round_.partnership_id,
            details={"closed_submissions": closed},
        )
    return closed


# --- Completing a self-assessment ----------------------------------------------------------


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


def _max_evidence_bytes():
    return getattr(settings, "ASSURANCE_MAX_EVIDENCE_BYTES", DEFAULT_MAX_EVIDENCE_BYTES)


def evidence_add(*, by, submission, standard, uploaded_file, request=None):
    """Attach a file to a standard. The file is checked by its content (the library's checks)
    before anything is stored; a refused file leaves nothing behind."""
    _require(may_edit(by, submission))
    checked = validate_upload(
        uploaded_file, allowed_types=EVIDENCE_TYPES, max_bytes=_max_evidence_bytes()
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


def action_add(*, by, submission, standard, description, owner_role, due_on, request=None):
    """Add an action to the plan of a draft self-assessment."""
    _require(may_edit(by, submission))
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
        from hub.assurance.tasks import send_assurance_email

        key = submission.submitted_at.strftime("%Y%m%d%H%M%S")
        transaction.on_commit(lambda: send_assurance_email.enqueue("submitted", submission.pk, key))
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


# --- Reviewing -------------------------------------------------------------------------------


def review_start(*, by, submission, request=None):
    """A reviewer takes up a submitted self-assessment."""
    _require(may_review(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        if submission.status != SubmissionStatus.SUBMITTED:
            raise ValidationError("Only a submitted self-assessment can be taken into review.")
        submission.status = SubmissionStatus.UNDER_REVIEW
        submission.review_started_at = timezone.now()
        submission.save(update_fields=["status", "review_started_at", "updated_at"])
        _log(by, "hub.assurance.review_started", submission, request)
    return submission


def _require_in_review(submission):
    if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.UNDER_REVIEW):
        raise ValidationError("This self-assessment is not being reviewed.")


def challenge_raise(*, by, submission, kind, text, standard=None, request=None):
    """A reviewer comments on, or asks a challenge question about, a submission or one
    standard of it. The agency is told by email."""
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
            from hub.assurance.tasks import send_assurance_email

            transaction.on_commit(lambda: send_assurance_email.enqueue("challenge", challenge.pk))
    return challenge


def agreed_rating_record(*, by, submission, standard, rating, note="", request=None):
    """Record the rating the partnership and the agency agreed for one standard."""
    _require(may_review(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
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
        from hub.assurance.tasks import send_assurance_email

        key = submission.returned_at.strftime("%Y%m%d%H%M%S")
        transaction.on_commit(lambda: send_assurance_email.enqueue("returned", submission.pk, key))
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


def send_due_reminders(*, today=None):
    """The periodic job: remind agencies yet to submit, `reminder_days` before the due date
    and again on the due date, once each. Returns how many reminders were queued."""
    today = today or timezone.localdate()
    from hub.assurance.tasks import send_assurance_email

    queued = 0
    for round_ in Round.objects.filter(status=RoundStatus.OPEN, due_on__gte=today):
        days_left = (round_.due_on - today).days
        if days_left not in (round_.reminder_days, 0):
            continue
        for pk in round_.submissions.filter(status=SubmissionStatus.DRAFT).values_list(
            "pk", flat=True
        ):
            send_assurance_email.enqueue("reminder", pk, f"due-{days_left}")
            queued += 1
    return queued
