"""Who may do what to section 11 records, and the checks every write shares."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q

from hub.assurance.models import (
    SCALE_LEVELS,
    RatingScale,
    Submission,
    SubmissionStatus,
)
from hub.core import audit
from hub.core.permissions import Action, can, scope_queryset

# The task that sends every section 11 email, started by name so services never import it.
SEND_EMAIL = "hub.assurance.tasks.send_assurance_email"

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


def may_read_answers(user, submission):
    """The answers, evidence and action plan: always for the agency (its lead and named
    colleagues); for the partnerships only once the agency has submitted. A draft, and a
    submission returned for changes, is the agency's working copy."""
    if can(user, Action.VIEW_AGENCY_RECORDS, submission) or is_contributor(user, submission):
        return True
    return submission.status != SubmissionStatus.DRAFT and may_view(user, submission)


def visible_submissions(user, queryset=None):
    """The submissions `user` may see: their agency's (as lead or named contributor) and
    those shared with a partnership they review or manage for."""
    queryset = queryset if queryset is not None else Submission.objects.all()
    own = scope_queryset(user, Action.VIEW_AGENCY_RECORDS, queryset)
    reviewed = scope_queryset(user, Action.REVIEW_ASSURANCE, queryset)
    managed = scope_queryset(user, Action.MANAGE_ASSURANCE, queryset)
    contributed = queryset.filter(contributors__person=user, agency_id=user.agency_id)
    # Subqueries of one query, not lists fetched first: a page that filters or lists these
    # asks the database once.
    return queryset.filter(
        Q(pk__in=own.values("pk"))
        | Q(pk__in=reviewed.values("pk"))
        | Q(pk__in=managed.values("pk"))
        | Q(pk__in=contributed.values("pk"))
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


def _require_round_not_closed(submission):
    if submission.round.is_closed:
        raise ValidationError("The round is closed, so this self-assessment cannot change.")


def _require_in_review(submission):
    _require_round_not_closed(submission)
    if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.UNDER_REVIEW):
        raise ValidationError("This self-assessment is not being reviewed.")
