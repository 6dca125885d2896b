"""Every write to the escalation log.

Each service takes keyword-only arguments, checks everything before it writes, runs in one
transaction holding the row lock it needs, and writes one audit entry (hub/core/audit.py).
A refusal of the input is a ValidationError worded for the person (views put it on the form);
acting outside one's part is PermissionDenied (views answer 404).

Locks: raising or recording good practice locks the partnership's protocol row, so references
are numbered one at a time and a form sent twice finds the entry it already made. A step
(move, response, close, correction) locks the escalation row and checks that it still has the
steps the form was shown (`seen`), so a form sent twice changes nothing the second time.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone

from hub.core import identifiers
from hub.core.audit import record
from hub.core.models import RoleAssignment, User
from hub.core.permissions import Action, roles_with
from hub.decision_aids.queries import guide_for
from hub.escalations import queries
from hub.escalations.models import (
    FREE_TEXT_LIMIT,
    EntryType,
    Escalation,
    Protocol,
    RoleLevel,
    StageReminder,
    Step,
)

# A form sent again within this time with the same content is the same form sent twice.
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(minutes=30)

CHANGED_SINCE_SEEN = (
    "This escalation has changed since the page was opened (the form may have been sent "
    "twice). Nothing was changed: check the escalation below and record the step again if "
    "it is still needed."
)


# --- Checks every service shares ------------------------------------------------------------


def check_text(text, *, field, required=True, phone_confirmed=False, label="This"):
    """Free text: present if required, at most 500 characters, nothing that identifies a
    child or family (refused), and a phone number only once the person has confirmed it."""
    text = (text or "").strip()
    if required and not text:
        raise ValidationError({field: f"{label} cannot be empty"})
    if len(text) > FREE_TEXT_LIMIT:
        raise ValidationError({field: f"{label} must be {FREE_TEXT_LIMIT} characters or fewer"})
    identifiers.check(text, field=field)
    if identifiers.phone_numbers(text) and not phone_confirmed:
        raise ValidationError(
            {field: ValidationError(identifiers.PHONE_WARNING, code="phone_number")}
        )
    return text


def _check_date(on, *, field, today, not_before=None, not_before_text=""):
    if on is None:
        raise ValidationError({field: "Enter the date"})
    if on > today:
        raise ValidationError({field: "The date must be today or in the past"})
    if not_before is not None and on < not_before:
        raise ValidationError(
            {field: f"The date must be on or after {not_before:%-d %B %Y}{not_before_text}"}
        )
    return on


def _check_agencies(partnership, raising_agency, receiving_agency):
    agencies = set(partnership.agencies.values_list("pk", flat=True))
    if raising_agency is None or raising_agency.pk not in agencies:
        raise PermissionDenied("The raising agency is not one of the partnership's agencies.")
    if receiving_agency is None or receiving_agency.pk not in agencies:
        raise ValidationError(
            {"receiving_agency": f"Choose one of {partnership}'s agencies"}, code="agency"
        )
    if receiving_agency.pk == raising_agency.pk:
        raise ValidationError(
            {"receiving_agency": "Choose another agency: an escalation is between two agencies"}
        )


def _check_level(partnership, level, *, required):
    guide = guide_for(partnership)
    if level is None:
        if required and guide is not None:
            raise ValidationError({"level": "Choose the level of need it concerns"})
        return
    if guide is None or not guide.levels.filter(pk=level.pk).exists():
        raise ValidationError({"level": "Choose one of the partnership's levels of need"})


def _check_of_protocol(protocol, value, related, field, message):
    model = Protocol._meta.get_field(related).related_model
    if value is not None and not model.objects.filter(protocol=protocol, pk=value.pk).exists():
        raise ValidationError({field: message})


def _check_role_level(role_level):
    if role_level not in RoleLevel.values:
        raise ValidationError({"role_level": "Choose who was involved"})


def _protocol_of(partnership, *, lock=False):
    rows = Protocol.objects.select_for_update() if lock else Protocol.objects
    protocol = rows.filter(partnership=partnership).first()
    if protocol is None:
        raise ValidationError("The partnership has not set up its escalation protocol yet.")
    return protocol


def _audit(by, action, escalation, *, details=None, request=None):
    record(
        actor=by,
        action=action,
        instance=escalation,
        request=request,
        agency_id=escalation.raising_agency_id,
        details=details,
    )


# --- Who may take which step ----------------------------------------------------------------


def acts_for_raising_side(user, escalation):
    """The raiser, or a lead of the raising agency."""
    return (
        escalation.raised_by_id is not None and escalation.raised_by_id == user.pk
    ) or escalation.raising_agency_id in queries.led_agency_ids(user)


def acts_for_receiving_side(user, escalation):
    """A lead of the receiving agency."""
    return escalation.receiving_agency_id in queries.led_agency_ids(user)


def may_correct(user, escalation):
    return queries.sees_all(user, escalation.partnership)


# --- Raising, and good practice -------------------------------------------------------------


def _allocate(protocol, year):
    """The next number of the partnership's year; the caller holds the protocol's lock."""
    last = Escalation.objects.filter(partnership_id=protocol.partnership_id, year=year).aggregate(
        last=Max("number")
    )["last"]
    number = (last or 0) + 1
    return number, f"{protocol.reference_prefix}-{year}-{number:04d}"


def _already_made(*, by, entry_type, receiving_agency, summary, raised_on, now):
    return (
        Escalation.objects.filter(
            raised_by=by,
            entry_type=entry_type,
            receiving_agency=receiving_agency,
            summary=summary,
            raised_on=raised_on,
            created_at__gte=now - DOUBLE_SUBMIT_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )


def _create(
    *,
    by,
    partnership,
    entry_type,
    receiving_agency,
    level,
    theme,
    summary,
    raised_on,
    role_level,
    phone_confirmed,
    now,
):
    now = now or timezone.now()
    today = timezone.localdate(now)
    raising_agency = queries.raising_agency_for(by, partnership)
    if raising_agency is None or not queries.may_use_here(by, partnership):
        raise PermissionDenied("Only the partnership's agencies' staff record escalations.")
    _check_agencies(partnership, raising_agency, receiving_agency)
    is_escalation = entry_type == EntryType.ESCALATION
    _check_level(partnership, level, required=is_escalation)
    summary = check_text(
        summary, field="summary", phone_confirmed=phone_confirmed, label="What it is about"
    )
    _check_date(raised_on, field="raised_on", today=today)
    _check_role_level(role_level)
    with transaction.atomic():
        protocol = _protocol_of(partnership, lock=True)
        if not is_escalation and not protocol.records_good_practice:
            raise ValidationError("This partnership's protocol does not record good practice.")
        if theme is None and is_escalation:
            raise ValidationError({"theme": "Choose what the disagreement is about"})
        _check_of_protocol(protocol, theme, "themes", "theme", "Choose one of the themes")
        made = _already_made(
            by=by,
            entry_type=entry_type,
            receiving_agency=receiving_agency,
            summary=summary,
            raised_on=raised_on,
            now=now,
        )
        if made is not None:
            raise ValidationError(
                f"You have already recorded this as {made.reference}: the form was sent twice. "
                "Nothing more was recorded.",
                code="double_submit",
                params={"reference": made.reference},
            )
        first_stage = (
            protocol.stages.order_by("sort_order", "pk").first() if is_escalation else None
        )
        if is_escalation and first_stage is None:
            raise ValidationError("The partnership's protocol has no stages yet.")
        number, reference = _allocate(protocol, raised_on.year)
        escalation = Escalation.objects.create(
            partnership=partnership,
            protocol=protocol,
            entry_type=entry_type,
            reference=reference,
            year=raised_on.year,
            number=number,
            raising_agency=raising_agency,
            receiving_agency=receiving_agency,
            raised_by=by,
            level=level,
            theme=theme,
            summary=summary,
            raised_on=raised_on,
            stage=first_stage,
            stage_started_on=raised_on if is_escalation else None,
        )
        Step.objects.create(
            escalation=escalation,
            kind=Step.Kind.RAISED,
            side=Step.Side.RAISING,
            on=raised_on,
            stage=first_stage,
            role_level=role_level,
            recorded_by=by,
        )
        _audit(
            by,
            "hub.escalations.raised" if is_escalation else "hub.escalations.good_practice_recorded",
            escalation,
        )
    return escalation


def escalation_raise(
    *,
    by,
    partnership,
    receiving_agency,
    level,
    theme,
    summary,
    raised_on,
    role_level=RoleLevel.PRACTITIONER,
    phone_confirmed=False,
    now=None,
):
    """Raise an escalation from the person's agency with another of the partnership's
    agencies, at the protocol's first stage, with the Hub's own next reference."""
    return _create(
        by=by,
        partnership=partnership,
        entry_type=EntryType.ESCALATION,
        receiving_agency=receiving_agency,
        level=level,
        theme=theme,
        summary=summary,
        raised_on=raised_on,
        role_level=role_level,
        phone_confirmed=phone_confirmed,
        now=now,
    )


def good_practice_record(
    *,
    by,
    partnership,
    receiving_agency,
    summary,
    raised_on,
    level=None,
    theme=None,
    role_level=RoleLevel.PRACTITIONER,
    phone_confirmed=False,
    now=None,
):
    """Record good practice the person's agency saw in another agency (if the protocol has
    that part). It has no stages and is never open."""
    return _create(
        by=by,
        partnership=partnership,
        entry_type=EntryType.GOOD_PRACTICE,
        receiving_agency=receiving_agency,
        level=level,
        theme=theme,
        summary=summary,
        raised_on=raised_on,
        role_level=role_level,
        phone_confirmed=phone_confirmed,
        now=now,
    )


# --- Steps ----------------------------------------------------------------------------------


def _locked(escalation, seen):
    """The escalation, locked, as it is now; refused if it gained steps since the form was
    shown (`seen` steps), or is not an escalation."""
    locked = (
        Escalation.objects.select_for_update(of=("self",))
        .select_related("partnership", "protocol", "stage")
        .get(pk=escalation.pk)
    )
    if locked.entry_type != EntryType.ESCALATION:
        raise ValidationError("Good practice entries have no stages.")
    if seen is not None and locked.steps.count() != seen:
        raise ValidationError(CHANGED_SINCE_SEEN, code="changed")
    return locked


def _last_step_on(escalation):
    return escalation.steps.aggregate(last=Max("on"))["last"] or escalation.raised_on


def _open(escalation, what):
    if escalation.closed_on is not None:
        raise ValidationError(
            f"{escalation.reference} is closed, so it cannot {what}.", code="closed"
        )


def escalation_move(
    *,
    by,
    escalation,
    stage,
    on,
    role_level,
    note,
    skip_reason="",
    seen=None,
    phone_confirmed=False,
    now=None,
):
    """Move an open escalation to the protocol's next stage (or a later one, with the reason
    for skipping), on a date not before its last step and not in the future."""
    today = timezone.localdate(now or timezone.now())
    if not acts_for_raising_side(by, escalation):
        raise PermissionDenied("Only the raiser or the raising agency's lead moves it on.")
    note = check_text(
        note, field="note", phone_confirmed=phone_confirmed, label="Why it is moving on"
    )
    _check_role_level(role_level)
    with transaction.atomic():
        escalation = _locked(escalation, seen)
        _open(escalation, "move to another stage")
        stages = list(escalation.protocol.stages.order_by("sort_order", "pk"))
        if stage is None or stage.pk not in {s.pk for s in stages}:
            raise ValidationError({"stage": "Choose one of the protocol's stages"})
        current = next(
            (i for i, s in enumerate(stages) if s.pk == escalation.stage_id), len(stages)
        )
        target = next(i for i, s in enumerate(stages) if s.pk == stage.pk)
        if target <= current:
            raise ValidationError({"stage": "Choose a later stage than the one it has reached"})
        if target > current + 1:
            skipped = ", ".join(s.name for s in stages[current + 1 : target])
            skip_reason = check_text(
                skip_reason,
                field="skip_reason",
                phone_confirmed=phone_confirmed,
                label="Why it skips a stage",
            )
            note = f"{note}\nSkipped {skipped}: {skip_reason}"
            if len(note) > FREE_TEXT_LIMIT:
                raise ValidationError(
                    {"skip_reason": "The reasons together must be 500 characters or fewer"}
                )
        _check_date(
            on,
            field="on",
            today=today,
            not_before=_last_step_on(escalation),
            not_before_text=", the date of its last step",
        )
        escalation.stage = stage
        escalation.stage_started_on = on
        escalation.save(update_fields=["stage", "stage_started_on", "updated_at"])
        Step.objects.create(
            escalation=escalation,
            kind=Step.Kind.MOVED,
            side=Step.Side.RAISING,
            on=on,
            stage=stage,
            role_level=role_level,
            note=note,
            recorded_by=by,
        )
        _audit(by, "hub.escalations.moved", escalation, details={"stage": stage.name})
    return escalation


def escalation_respond(
    *, by, escalation, on, role_level, note, seen=None, phone_confirmed=False, now=None
):
    """The receiving agency's lead records their response at the stage it has reached."""
    today = timezone.localdate(now or timezone.now())
    if not acts_for_receiving_side(by, escalation):
        raise PermissionDenied("Only the receiving agency's lead records its response.")
    note = check_text(note, field="note", phone_confirmed=phone_confirmed, label="The response")
    _check_role_level(role_level)
    with transaction.atomic():
        escalation = _locked(escalation, seen)
        _open(escalation, "have a response recorded")
        _check_date(
            on,
            field="on",
            today=today,
            not_before=_last_step_on(escalation),
            not_before_text=", the date of its last step",
        )
        Step.objects.create(
            escalation=escalation,
            kind=Step.Kind.RESPONSE,
            side=Step.Side.RECEIVING,
            on=on,
            stage=escalation.stage,
            role_level=role_level,
            note=note,
            recorded_by=by,
        )
        _audit(by, "hub.escalations.responded", escalation)
    return escalation


def escalation_close(
    *,
    by,
    escalation,
    outcome,
    on,
    role_level,
    note="",
    seen=None,
    phone_confirmed=False,
    now=None,
):
    """Close an open escalation with one of the protocol's outcomes: the raising side, or the
    partnership's business unit."""
    today = timezone.localdate(now or timezone.now())
    admin = may_correct(by, escalation)
    if not (acts_for_raising_side(by, escalation) or admin):
        raise PermissionDenied("Only the raising side or the partnership closes it.")
    note = check_text(
        note, field="note", required=False, phone_confirmed=phone_confirmed, label="The note"
    )
    _check_role_level(role_level)
    with transaction.atomic():
        escalation = _locked(escalation, seen)
        _open(escalation, "be closed again")
        if outcome is None:
            raise ValidationError({"outcome": "Choose the outcome"})
        _check_of_protocol(
            escalation.protocol, outcome, "outcomes", "outcome", "Choose one of the outcomes"
        )
        _check_date(
            on,
            field="on",
            today=today,
            not_before=_last_step_on(escalation),
            not_before_text=", the date of its last step",
        )
        escalation.outcome = outcome
        escalation.closed_on = on
        escalation.save(update_fields=["outcome", "closed_on", "updated_at"])
        Step.objects.create(
            escalation=escalation,
            kind=Step.Kind.CLOSED,
            side=Step.Side.RAISING
            if acts_for_raising_side(by, escalation)
            else Step.Side.PARTNERSHIP,
            on=on,
            stage=escalation.stage,
            role_level=role_level,
            note=note,
            recorded_by=by,
        )
        _audit(by, "hub.escalations.closed", escalation, details={"outcome": outcome.name})
    return escalation


# What a correction may change, with the words a step records it in.
CORRECTABLE = {
    "raising_agency": "raising agency",
    "receiving_agency": "receiving agency",
    "level": "level of need",
    "theme": "theme",
    "summary": "what it is about",
    "raised_on": "date raised",
    "stage": "stage reached",
    "stage_started_on": "date the stage started",
    "outcome": "outcome",
    "closed_on": "date closed",
}


def _shown(field, value):
    if value is None or value == "":
        return "none"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    if field == "summary":
        return "new wording"
    return str(value)


def escalation_correct(
    *, by, escalation, changes, reason, seen=None, phone_confirmed=False, now=None
):
    """The partnership's business unit corrects any of an escalation's details; the step it
    writes records what changed (from and to) and why. Every rule for recording holds for
    the corrected escalation."""
    today = timezone.localdate(now or timezone.now())
    if not may_correct(by, escalation):
        raise PermissionDenied("Only the partnership's business unit corrects escalations.")
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValueError(f"Not correctable: {sorted(unknown)}")
    reason = check_text(
        reason, field="reason", phone_confirmed=phone_confirmed, label="Why it is corrected"
    )
    with transaction.atomic():
        locked = (
            Escalation.objects.select_for_update(of=("self",))
            .select_related("partnership", "protocol")
            .get(pk=escalation.pk)
        )
        if seen is not None and locked.steps.count() != seen:
            raise ValidationError(CHANGED_SINCE_SEEN, code="changed")
        changed = {
            field: value for field, value in changes.items() if getattr(locked, field) != value
        }
        if not changed:
            raise ValidationError("Nothing was changed: change at least one detail.")
        before = {field: getattr(locked, field) for field in changed}
        for field, value in changed.items():
            setattr(locked, field, value)
        is_escalation = locked.entry_type == EntryType.ESCALATION
        partnership, protocol = locked.partnership, locked.protocol
        if "summary" in changed:
            locked.summary = check_text(
                locked.summary,
                field="summary",
                phone_confirmed=phone_confirmed,
                label="What it is about",
            )
        if locked.raising_agency is None or locked.raising_agency.pk not in set(
            partnership.agencies.values_list("pk", flat=True)
        ):
            raise ValidationError({"raising_agency": f"Choose one of {partnership}'s agencies"})
        _check_agencies(partnership, locked.raising_agency, locked.receiving_agency)
        _check_level(partnership, locked.level, required=False)
        _check_of_protocol(protocol, locked.theme, "themes", "theme", "Choose one of the themes")
        _check_of_protocol(protocol, locked.stage, "stages", "stage", "Choose one of the stages")
        _check_of_protocol(
            protocol, locked.outcome, "outcomes", "outcome", "Choose one of the outcomes"
        )
        _check_date(locked.raised_on, field="raised_on", today=today)
        if is_escalation:
            if locked.stage is None:
                raise ValidationError({"stage": "Choose the stage it has reached"})
            _check_date(
                locked.stage_started_on,
                field="stage_started_on",
                today=today,
                not_before=locked.raised_on,
                not_before_text=", the date it was raised",
            )
        if (locked.outcome is None) != (locked.closed_on is None):
            raise ValidationError(
                {"closed_on": "A closed escalation has both an outcome and a date closed"}
            )
        if locked.closed_on is not None:
            _check_date(
                locked.closed_on,
                field="closed_on",
                today=today,
                not_before=locked.stage_started_on or locked.raised_on,
                not_before_text=", the date its stage started",
            )
        if "raised_on" in changed and locked.raised_on.year != locked.year:
            raise ValidationError(
                {"raised_on": "The date raised must stay in the year of its reference"}
            )
        locked.save(update_fields=[*changed, "updated_at"])
        what = "; ".join(
            f"{CORRECTABLE[field]} from {_shown(field, before[field])} "
            f"to {_shown(field, changed[field])}"
            for field in changed
        )
        note = f"Corrected {what}. {reason}"[:FREE_TEXT_LIMIT]
        Step.objects.create(
            escalation=locked,
            kind=Step.Kind.CORRECTED,
            side=Step.Side.PARTNERSHIP,
            on=today,
            stage=locked.stage,
            role_level=RoleLevel.PANEL,
            note=note,
            recorded_by=by,
        )
        _audit(
            by,
            "hub.escalations.corrected",
            locked,
            details={"changed": [CORRECTABLE[field] for field in changed]},
        )
    return locked


def escalation_viewed(*, by, escalation, request=None):
    """Audit that someone opened an escalation."""
    _audit(by, "hub.escalations.viewed", escalation, request=request)


# --- Jobs -----------------------------------------------------------------------------------


def _lead_emails(agency_ids):
    leads = RoleAssignment.objects.current().filter(
        agency__in=agency_ids, role__in=roles_with(Action.VIEW_AGENCY_RECORDS)
    )
    return sorted(
        set(
            User.objects.filter(is_active=True, pk__in=leads.values("user_id")).values_list(
                "email", flat=True
            )
        )
    )


def send_stage_reminders(now):
    """Email both agencies' leads once when an open escalation passes its stage's target.
    The StageReminder row is claimed in the same transaction as the send, so a second run
    (or a second scheduler) sends nothing; a failed send rolls the claim back."""
    from hub.training.emails import base_url

    today = timezone.localdate(now)
    candidates = queries.overdue(
        Escalation.objects.select_related(
            "partnership__site", "raising_agency", "receiving_agency", "theme"
        ),
        today,
    )
    sent = 0
    for escalation in candidates:
        if StageReminder.objects.filter(escalation=escalation, stage=escalation.stage).exists():
            continue
        recipients = _lead_emails([escalation.raising_agency_id, escalation.receiving_agency_id])
        body = render_to_string(
            "escalations/email/stage_reminder.txt",
            {
                "escalation": escalation,
                "stage": escalation.stage,
                "due_on": queries.stage_due_on(escalation),
                "partnership": escalation.partnership,
                "base_url": base_url(escalation.partnership),
            },
        )
        message = EmailMessage(
            subject=f"{escalation.reference} has passed its target at {escalation.stage.name}",
            body=body,
            to=recipients,
        )
        with transaction.atomic():
            try:
                with transaction.atomic():
                    StageReminder.objects.create(escalation=escalation, stage=escalation.stage)
            except IntegrityError:
                continue
            if recipients:
                message.send()
        sent += 1
    return sent


def prune_escalations(now):
    """Delete escalations closed more than ESCALATION_RETENTION_YEARS years ago, and good
    practice entries recorded that long ago, with their steps and reminders."""
    cutoff = timezone.localdate(now) - relativedelta(years=settings.ESCALATION_RETENTION_YEARS)
    old = Escalation.objects.filter(
        Q(closed_on__lt=cutoff) | Q(entry_type=EntryType.GOOD_PRACTICE, raised_on__lt=cutoff)
    )
    count = old.count()
    with transaction.atomic():
        old.delete()
    return count
