"""Recommendations, the agencies' actions on them, their evidence and the panel's sign-off:
every write of the recommendations tracker (each in a transaction, each audited) and the
tracker's reads.

Who may do what (PermissionDenied otherwise, which a view meets as a 404):

- the partnership's review panel and its partnership admin (`MANAGE_CASES` for the review's
  partnership) add and edit recommendations, add actions for the partnership's agencies, sign
  completed actions off or send them back, and close a recommendation once the evidence of
  every one of its actions is accepted;
- an agency's safeguarding lead (`EDIT_AGENCY_RECORDS` for their agency) updates their own
  agency's actions and attaches or removes evidence until the panel signs the action off;
- both see the action and download its evidence; everything they see is audited too.

Free text (a recommendation, an action, a progress note, an evidence note, a reason for
sending an action back) goes through the identifier guard (hub/core/identifiers.py), and an
evidence file through the upload gate (hub/core/uploads), before anything is stored. A refusal
is a ValidationError with the reason in plain words; it changes nothing.

Locking: each write takes the row it changes (the review for numbering recommendations, the
recommendation for closing it or adding an action, the action for everything on it) with
`select_for_update`, so two people saving at once are put in order, and a second submit of the
same form finds the first one's result and is refused or changes nothing.
"""

import io
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from hub.core import audit, identifiers
from hub.core.downloads import spreadsheet_text
from hub.core.models import Agency
from hub.core.permissions import Action, can, scope_queryset
from hub.core.presenters import govuk_date
from hub.core.uploads import check_document
from hub.reviews.actions import MANAGE_CASES, VIEW_CASES
from hub.reviews.models import (
    FREE_TEXT_LIMIT,
    ActionEvidence,
    ActionStatus,
    AgencyAction,
    Recommendation,
    Review,
    ReviewStatus,
    Theme,
)
from hub.reviews.queries import visible_actions

EVIDENCE_TYPES = ("pdf", "docx", "odt", "xlsx", "pptx")
MAX_EVIDENCE_FILES_PER_ACTION = 10
OWNER_ROLE_LIMIT = 150
EVIDENCE_NOTE_LIMIT = 300
# What an agency's lead may set; "evidence accepted" is the panel's sign-off.
AGENCY_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED)
# Not yet done: past its due date, such an action is overdue (as hub/reviews/figures.py counts).
OPEN_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)


def max_evidence_bytes():
    return settings.REVIEW_MAX_EVIDENCE_BYTES


# --- Who may -----------------------------------------------------------------------------------


def may_manage(user, review):
    """The review's panel (or the partnership's admin): `review.partnership` loaded."""
    return can(user, MANAGE_CASES, review.partnership)


def may_update(user, action):
    """The safeguarding lead of the action's agency."""
    return can(user, Action.EDIT_AGENCY_RECORDS, action)


def may_see(user, action):
    """The panel, or the lead of the action's agency (`action.recommendation.review.partnership`
    loaded)."""
    partnership = action.recommendation.review.partnership
    return can(user, VIEW_CASES, partnership) or can(user, Action.VIEW_AGENCY_RECORDS, action)


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def is_overdue(action, today):
    return action.status in OPEN_STATUSES and action.due_on < today


# --- Checks shared by the writes ---------------------------------------------------------------


def _text(value, *, field, what, limit=FREE_TEXT_LIMIT, required=True, errors):
    """`value` stripped, or a message in `errors[field]`: missing, too long, or holding what
    would identify a child or family."""
    value = (value or "").strip()
    if not value:
        if required:
            errors[field] = f"Enter {what}"
        return value
    if len(value) > limit:
        errors[field] = f"{what[0].upper()}{what[1:]} must be {limit} characters or fewer"
        return value
    try:
        identifiers.check(value, field=field)
    except ValidationError as error:
        errors[field] = error.message_dict[field][0]
    return value


def _raise(errors):
    if errors:
        raise ValidationError(errors)


def _log(by, action, instance, request, *, partnership_id, agency_id=None, details=None):
    audit.record(
        actor=by,
        action=action,
        instance=instance,
        request=request,
        partnership_id=partnership_id,
        agency_id=agency_id,
        details=details,
    )


def _log_action(by, name, action, request, details=None):
    _log(
        by,
        name,
        action,
        request,
        partnership_id=action.recommendation.review.partnership_id,
        agency_id=action.agency_id,
        details=details,
    )


def _require_review_running(review):
    if review.status == ReviewStatus.CLOSED:
        raise ValidationError(
            f"{review.reference} is closed, so its recommendations and actions cannot change."
        )


def _require_recommendation_open(recommendation):
    if recommendation.closed_on is not None:
        raise ValidationError(
            f"Recommendation {recommendation.number} was closed on "
            f"{govuk_date(recommendation.closed_on)}, so it cannot change."
        )


def _locked_action(action):
    return (
        AgencyAction.objects.select_for_update(of=("self",))
        .select_related("recommendation__review__partnership", "agency")
        .get(pk=action.pk)
    )


def _require_action_changeable(action):
    """The action as locked: refused once its review or recommendation is closed, or once
    the panel has signed it off."""
    recommendation = action.recommendation
    _require_review_running(recommendation.review)
    _require_recommendation_open(recommendation)
    if action.status == ActionStatus.EVIDENCE_ACCEPTED:
        raise ValidationError(
            f"The review panel accepted the evidence for this action on "
            f"{govuk_date(action.signed_off_on)}, so it cannot change."
        )


def why_unchangeable(action):
    """Why the action can no longer change (its review or recommendation is closed, or the
    panel has signed it off), or None while it can. `action.recommendation.review` loaded."""
    try:
        _require_action_changeable(action)
    except ValidationError as error:
        return error.messages[0]
    return None


# --- Recommendations ---------------------------------------------------------------------------


def _check_theme(review, theme, errors):
    if theme is not None and theme.partnership_id != review.partnership_id:
        errors["theme"] = "Choose one of the partnership's themes"


def recommendation_add(*, by, review, text, theme=None, request=None):
    """Add a recommendation to `review`, numbered after its last. Refused for a closed
    review, text that identifies a child, a theme of another partnership, or the same text
    as the review's last recommendation (a form sent twice)."""
    _require(may_manage(by, review))
    errors = {}
    text = _text(text, field="text", what="the recommendation", errors=errors)
    _check_theme(review, theme, errors)
    _raise(errors)
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        _require_review_running(review)
        last = review.recommendations.order_by("-number").first()
        if last is not None and last.text == text:
            raise ValidationError(
                {"text": f"Recommendation {last.number} already says this. It was not added again."}
            )
        number = (review.recommendations.aggregate(last=Max("number"))["last"] or 0) + 1
        recommendation = Recommendation.objects.create(
            review=review, number=number, text=text, theme=theme
        )
        _log(
            by,
            "hub.reviews.recommendation_changed",
            recommendation,
            request,
            partnership_id=review.partnership_id,
            details={"change": "added"},
        )
    return recommendation


def recommendation_edit(*, by, recommendation, text, theme=None, request=None):
    """Change a recommendation's words or theme while it is open. Saving it unchanged changes
    nothing and logs nothing."""
    review = recommendation.review
    _require(may_manage(by, review))
    errors = {}
    text = _text(text, field="text", what="the recommendation", errors=errors)
    _check_theme(review, theme, errors)
    _raise(errors)
    with transaction.atomic():
        recommendation = (
            Recommendation.objects.select_for_update(of=("self",))
            .select_related("review")
            .get(pk=recommendation.pk)
        )
        _require_review_running(recommendation.review)
        _require_recommendation_open(recommendation)
        theme_id = theme.pk if theme is not None else None
        if recommendation.text == text and recommendation.theme_id == theme_id:
            return recommendation
        recommendation.text = text
        recommendation.theme = theme
        recommendation.save(update_fields=["text", "theme"])
        _log(
            by,
            "hub.reviews.recommendation_changed",
            recommendation,
            request,
            partnership_id=recommendation.review.partnership_id,
            details={"change": "edited"},
        )
    return recommendation


def recommendation_viewed(*, by, recommendation, request=None):
    """Record that `by` opened a recommendation's page: a view of the review's case record."""
    review = recommendation.review
    _require(can(by, VIEW_CASES, review.partnership))
    _log(
        by,
        "hub.reviews.viewed",
        review,
        request,
        partnership_id=review.partnership_id,
        details={"recommendation": recommendation.number},
    )


def recommendation_close(*, by, recommendation, request=None):
    """Close a recommendation: only once it has actions and the panel has accepted the
    evidence of every one. Otherwise refused, naming what is still to be accepted."""
    _require(may_manage(by, recommendation.review))
    with transaction.atomic():
        recommendation = (
            Recommendation.objects.select_for_update(of=("self",))
            .select_related("review")
            .get(pk=recommendation.pk)
        )
        _require_review_running(recommendation.review)
        _require_recommendation_open(recommendation)
        actions = list(recommendation.actions.select_related("agency").order_by("due_on", "pk"))
        if not actions:
            raise ValidationError(
                f"Recommendation {recommendation.number} has no actions, so there is no "
                "evidence that it was carried out. Add the agencies' actions and accept "
                "their evidence before closing it."
            )
        waiting = [a for a in actions if a.status != ActionStatus.EVIDENCE_ACCEPTED]
        if waiting:
            listed = "; ".join(
                f"{action.agency.name} ({action.get_status_display().lower()})"
                for action in waiting
            )
            raise ValidationError(
                f"Recommendation {recommendation.number} cannot be closed until the review "
                f"panel has accepted the evidence for every action. Still to accept: {listed}."
            )
        recommendation.closed_on = timezone.localdate()
        recommendation.closed_by = by
        recommendation.save(update_fields=["closed_on", "closed_by"])
        _log(
            by,
            "hub.reviews.recommendation_changed",
            recommendation,
            request,
            partnership_id=recommendation.review.partnership_id,
            details={"change": "closed"},
        )
    return recommendation


# --- Actions -----------------------------------------------------------------------------------


def action_add(*, by, recommendation, agency, owner_role, text, due_on, request=None):
    """Assign an action on an open recommendation to one of the partnership's agencies, owned
    by a role (never a person's name), due on or after the date of the incident. The same action
    for the same agency twice (a form sent twice) is refused."""
    review = recommendation.review
    _require(may_manage(by, review))
    errors = {}
    if agency is None or not review.partnership.agencies.filter(pk=agency.pk).exists():
        errors["agency"] = "Choose one of the partnership's agencies"
    owner_role = _text(
        owner_role,
        field="owner_role",
        what="the owner's role",
        limit=OWNER_ROLE_LIMIT,
        errors=errors,
    )
    text = _text(text, field="text", what="the action", errors=errors)
    if due_on is None:
        errors["due_on"] = "Enter the date the action is due"
    elif due_on < review.incident_on:
        errors["due_on"] = (
            "The due date must be on or after the date of the incident "
            f"({govuk_date(review.incident_on)})"
        )
    _raise(errors)
    with transaction.atomic():
        recommendation = (
            Recommendation.objects.select_for_update(of=("self",))
            .select_related("review")
            .get(pk=recommendation.pk)
        )
        _require_review_running(recommendation.review)
        _require_recommendation_open(recommendation)
        if recommendation.actions.filter(agency=agency, text=text).exists():
            raise ValidationError(
                {"text": f"{agency.name} already has this action. It was not added again."}
            )
        action = AgencyAction.objects.create(
            recommendation=recommendation,
            agency=agency,
            owner_role=owner_role,
            text=text,
            due_on=due_on,
            updated_by=by,
        )
        _log_action(by, "hub.reviews.action_changed", action, request, {"change": "added"})
    return action


def action_update(*, by, action, status, progress_note="", request=None):
    """The agency's lead sets the action's status (not started, in progress or completed)
    and progress note. "Completed" needs at least one evidence file; nothing changes once
    the panel has signed the action off. Saving it unchanged logs nothing."""
    _require(may_update(by, action))
    errors = {}
    if status not in AGENCY_STATUSES:
        errors["status"] = "Choose not started, in progress or completed"
    progress_note = _text(
        progress_note,
        field="progress_note",
        what="the progress note",
        required=False,
        errors=errors,
    )
    _raise(errors)
    with transaction.atomic():
        action = _locked_action(action)
        _require_action_changeable(action)
        if status == ActionStatus.COMPLETED and not action.evidence.exists():
            raise ValidationError(
                {"status": "Upload at least one evidence file before marking the action completed"}
            )
        if action.status == status and action.progress_note == progress_note:
            return action
        changed_status = action.status != status
        action.status = status
        action.progress_note = progress_note
        action.updated_by = by
        action.save(update_fields=["status", "progress_note", "updated_by", "updated_at"])
        details = {"change": "status" if changed_status else "progress note", "status": status}
        _log_action(by, "hub.reviews.action_changed", action, request, details)
    return action


def action_viewed(*, by, action, request=None):
    """Record that `by` opened the action's page."""
    _require(may_see(by, action))
    _log_action(by, "hub.reviews.action_viewed", action, request)


# --- Evidence ----------------------------------------------------------------------------------


def evidence_add(*, by, action, uploaded_file, note="", request=None):
    """Attach a file to the action as its evidence. The file is checked by its content
    (hub.core.uploads: documents only, no macros or scripts, at most REVIEW_MAX_EVIDENCE_BYTES)
    before anything is stored, and stored outside the public media under a name of its own;
    a refusal leaves no row and no file behind. Refused once the action is signed off, past
    MAX_EVIDENCE_FILES_PER_ACTION files, or for the same file twice."""
    _require(may_update(by, action))
    errors = {}
    note = _text(
        note,
        field="note",
        what="the note",
        limit=EVIDENCE_NOTE_LIMIT,
        required=False,
        errors=errors,
    )
    _raise(errors)
    checked = check_document(
        uploaded_file, allowed_types=EVIDENCE_TYPES, max_bytes=max_evidence_bytes()
    )
    stored_name = f"{uuid.uuid4().hex}.{checked.extension}"  # under upload_to
    evidence = None
    try:
        with transaction.atomic():
            action = _locked_action(action)
            _require_action_changeable(action)
            files = list(action.evidence.values_list("original_filename", "size_bytes"))
            if len(files) >= MAX_EVIDENCE_FILES_PER_ACTION:
                raise ValidationError(
                    {
                        "file": f"An action can have up to {MAX_EVIDENCE_FILES_PER_ACTION} "
                        "evidence files. Remove one before adding another."
                    }
                )
            if (checked.safe_name, checked.size) in files:
                raise ValidationError(
                    {"file": f"{checked.safe_name} is already attached to this action."}
                )
            uploaded_file.seek(0)
            evidence = ActionEvidence(
                action=action,
                original_filename=checked.safe_name,
                kind=checked.kind,
                size_bytes=checked.size,
                note=note,
                uploaded_by=by,
            )
            evidence.file.save(stored_name, File(uploaded_file), save=False)
            evidence.save()
            _log_action(
                by, "hub.reviews.evidence_uploaded", action, request, {"kind": checked.kind}
            )
    except BaseException:
        if evidence is not None and evidence.file.name:
            evidence.file.storage.delete(evidence.file.name)
        raise
    return evidence


def evidence_remove(*, by, evidence, request=None):
    """Remove an evidence file before sign-off; the stored file goes once the removal
    commits. A completed action keeps at least one file."""
    action = evidence.action
    _require(may_update(by, action))
    with transaction.atomic():
        action = _locked_action(action)
        _require_action_changeable(action)
        evidence = ActionEvidence.objects.filter(pk=evidence.pk, action=action).first()
        if evidence is None:
            raise ValidationError("That file has already been removed.")
        if action.status == ActionStatus.COMPLETED and action.evidence.count() == 1:
            raise ValidationError(
                f"{evidence.original_filename} is the only evidence for this completed action. "
                "Upload another file first, or change the status back to in progress."
            )
        name, storage = evidence.file.name, evidence.file.storage
        evidence.delete()
        _log_action(by, "hub.reviews.evidence_removed", action, request)
        transaction.on_commit(lambda: storage.delete(name))


def evidence_download_record(*, by, evidence, request=None):
    """Record that `by` downloaded an evidence file."""
    action = evidence.action
    _require(may_see(by, action))
    _log_action(by, "hub.reviews.evidence_downloaded", action, request, {"kind": evidence.kind})


# --- The panel's sign-off ----------------------------------------------------------------------


def _sent_back_note(reason, earlier, today):
    """The progress note after the panel sends the action back: the panel's reason first,
    then as much of the agency's own note as fits."""
    note = f"Sent back by the review panel on {govuk_date(today)}: {reason}"
    if earlier:
        room = FREE_TEXT_LIMIT - len(note) - len("\n\nEarlier note: ")
        if room > 1:
            kept = earlier if len(earlier) <= room else earlier[: room - 1] + "…"
            note += f"\n\nEarlier note: {kept}"
    return note[:FREE_TEXT_LIMIT]


def action_sign_off(*, by, action, accept, reason="", request=None):
    """The panel accepts a completed action's evidence (status "evidence accepted", signed
    off today by `by`) or sends it back to "in progress" with a reason the agency reads in
    its progress note. Refused for an action with no evidence, one not marked completed, and
    one already signed off (a second submit)."""
    _require(may_manage(by, action.recommendation.review))
    errors = {}
    if not accept:
        # Room for the words around it in the progress note.
        reason = _text(
            reason,
            field="reason",
            what="why the action is sent back",
            limit=FREE_TEXT_LIMIT // 2,
            errors=errors,
        )
    _raise(errors)
    with transaction.atomic():
        action = _locked_action(action)
        _require_action_changeable(action)
        if not action.evidence.exists():
            raise ValidationError(
                "This action has no evidence, so it cannot be signed off. The agency uploads "
                "its evidence and marks the action completed first."
            )
        if action.status != ActionStatus.COMPLETED:
            raise ValidationError(
                f"This action is {action.get_status_display().lower()}. Only an action its "
                "agency has marked completed can be signed off or sent back."
            )
        today = timezone.localdate()
        if accept:
            action.status = ActionStatus.EVIDENCE_ACCEPTED
            action.signed_off_on = today
            action.signed_off_by = by
        else:
            action.status = ActionStatus.IN_PROGRESS
            action.progress_note = _sent_back_note(reason, action.progress_note, today)
        action.updated_by = by
        action.save(
            update_fields=[
                "status",
                "signed_off_on",
                "signed_off_by",
                "progress_note",
                "updated_by",
                "updated_at",
            ]
        )
        decision = "accepted" if accept else "sent back"
        _log_action(by, "hub.reviews.action_signed_off", action, request, {"decision": decision})
    return action


# --- The tracker -------------------------------------------------------------------------------


def led_agencies(user, partnership):
    """The partnership's agencies `user` leads (their agency's records they may see)."""
    return scope_queryset(
        user, Action.VIEW_AGENCY_RECORDS, Agency.objects.filter(partnerships=partnership)
    )


def tracker_actions(user, partnership, *, filters=None, today=None):
    """The actions `user` may see here (every one of the partnership's for the panel, their
    agency's for a lead), narrowed by `filters` (review reference, agency id, theme slug,
    status, overdue), each with its recommendation, review, theme, agency and evidence count,
    in the order of the tracker: review, recommendation, due date."""
    filters = filters or {}
    today = today or timezone.localdate()
    actions = visible_actions(user, partnership)
    if filters.get("review"):
        actions = actions.filter(recommendation__review__reference=filters["review"])
    if filters.get("agency"):
        actions = actions.filter(agency_id=filters["agency"])
    if filters.get("theme"):
        actions = actions.filter(recommendation__theme__slug=filters["theme"])
    if filters.get("status"):
        actions = actions.filter(status=filters["status"])
    if filters.get("overdue"):
        actions = actions.filter(status__in=OPEN_STATUSES, due_on__lt=today)
    return (
        AgencyAction.objects.filter(pk__in=actions.values("pk"))
        .select_related("recommendation__review", "recommendation__theme", "agency")
        .annotate(evidence_count=Count("evidence"))
        .order_by(
            "-recommendation__review__year",
            "-recommendation__review__number",
            "recommendation__number",
            "due_on",
            "pk",
        )
    )


def tracker_choices(user, partnership):
    """What the tracker's filters offer this person: (reviews, agencies, themes) as
    [(value, label)], each from what they may see."""
    actions = visible_actions(user, partnership)
    reviews = (
        Review.objects.filter(partnership=partnership)
        .filter(Q(recommendations__actions__in=actions.values("pk")))
        .values_list("reference", flat=True)
        .distinct()
        .order_by("reference")
    )
    agencies = (
        Agency.objects.filter(pk__in=actions.values("agency_id"))
        .order_by("name")
        .values_list("pk", "name")
    )
    themes = Theme.objects.filter(partnership=partnership).values_list("slug", "name")
    return (
        [(reference, reference) for reference in reviews],
        [(str(pk), name) for pk, name in agencies],
        list(themes),
    )


def tracker_viewed(*, by, partnership, filters, request=None, download=False):
    """Record that `by` looked at (or downloaded) the tracker, and with which filters."""
    name = "hub.reviews.tracker_downloaded" if download else "hub.reviews.tracker_viewed"
    shown = {key: value for key, value in (filters or {}).items() if value}
    _log(
        by,
        name,
        partnership,
        request,
        partnership_id=partnership.pk,
        details={"filters": {key: str(value) for key, value in shown.items()}}
        | ({"format": "xlsx"} if download else {}),
    )


TRACKER_COLUMNS = (
    "Review",
    "Recommendation number",
    "Recommendation",
    "Theme",
    "Agency",
    "Owner (role)",
    "Action",
    "Due date",
    "Status",
    "Overdue",
    "Evidence files",
    "Signed off on",
)


def tracker_row(action, today):
    """One action as the tracker's spreadsheet shows it, in the order of TRACKER_COLUMNS."""
    recommendation = action.recommendation
    return [
        recommendation.review.reference,
        recommendation.number,
        recommendation.text,
        recommendation.theme.name if recommendation.theme else "",
        action.agency.name,
        action.owner_role,
        action.text,
        action.due_on,
        action.get_status_display(),
        "Yes" if is_overdue(action, today) else "No",
        action.evidence_count,
        action.signed_off_on,
    ]


def tracker_workbook(actions, *, partnership, today):
    """The tracker as an .xlsx workbook: a header row, then one row per action. Text that a
    spreadsheet program would run as a formula is written as text."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(list(TRACKER_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    for action in actions:
        sheet.append(
            [
                spreadsheet_text(value) if isinstance(value, str) else value
                for value in tracker_row(action, today)
            ]
        )
        for cell in sheet[sheet.max_row]:
            if cell.is_date:
                cell.number_format = "yyyy-mm-dd"
    widths = (14, 10, 60, 20, 30, 24, 60, 12, 18, 9, 9, 12)
    for column, width in zip("ABCDEFGHIJKL", widths, strict=True):
        sheet.column_dimensions[column].width = width
    about = book.create_sheet("About")
    about.append(["Recommendations tracker"])
    about["A1"].font = Font(bold=True)
    about.append(["Partnership", spreadsheet_text(partnership.name)])
    about.append(["Made on", today])
    about["B3"].number_format = "yyyy-mm-dd"
    about.append(
        [
            "Overdue: not started or in progress, and past its due date on the day the file "
            "was made. Internal: for the review panel and the agencies named in it."
        ]
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
