"""Every write to a review case record, and the audit entry of every view of one: opening a
review on the partnership's working-day timeline, changing its key dates, status, decision,
themes and summary, marking a timeline step done, asking agencies for information and an
agency returning it.

Each service takes keyword-only arguments, checks everything before it writes, runs in one
transaction holding the row lock it needs, and writes one audit entry per record it changes
(hub/core/audit.py); a view of a case record or a request for information is audited too.
A refusal of the input is a ValidationError worded for the person, keyed by the form field it
concerns (views put it on the form through hub/core/forms.service_call); acting outside one's
part is PermissionDenied (a 404).

Free text (the summary, an agency's summary of its involvement) goes through the identifier
guard (hub/core/identifiers.py): a case record never holds a child's or family's name, date of
birth, address or number.

Locks: opening a review locks the partnership's row, so reviews are numbered one at a time,
the default timeline is made once, and a form sent twice finds the review it already opened.
A change, a step done, a request or a return locks the review's (or the request's) row, so
two people saving at once are applied one after the other, and what the second would repeat
is refused with the reason.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from hub.core import identifiers
from hub.core.audit import record
from hub.core.models import Partnership
from hub.core.permissions import Action, scope_queryset
from hub.core.tasks import enqueue_on_commit
from hub.core.working_days import working_days_after
from hub.reviews.models import (
    FREE_TEXT_LIMIT,
    KIND_CODES,
    AgeBand,
    Decision,
    InformationRequest,
    Recommendation,
    Review,
    ReviewKind,
    ReviewStatus,
    ReviewStep,
    Theme,
    TimelineStep,
)
from hub.reviews.queries import manages_cases

# The rapid review is due this many working days after the notification (day 0).
RAPID_REVIEW_WORKING_DAYS = 15

# A partnership's steps until it sets its own: (first day, day due, name, requests information).
DEFAULT_STEPS = (
    (None, 1, "Notification shared with the safeguarding partners", False),
    (2, 10, "Agencies return information", True),
    (None, 12, "Rapid review meeting", False),
    (None, 14, "Partners sign off the rapid review", False),
    (None, 15, "Rapid review sent to the national panel", False),
)

# A review of the same notification opened again within this time is the form sent twice.
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(minutes=30)

RETURN_SUMMARY_LIMIT = InformationRequest._meta.get_field("summary").max_length

SEND_REQUEST_EMAIL = "hub.reviews.timeline.send_information_request_email"

# What `review_update` may change, with its name in messages.
EDITABLE = {
    "incident_on": "incident",
    "notified_on": "notification",
    "rapid_review_sent_on": "date the rapid review was sent",
    "decision": "decision",
    "decision_on": "date of the decision",
    "reviewer_commissioned_on": "date the reviewer was commissioned",
    "draft_on": "date of the draft report",
    "final_on": "date of the final report",
    "published_on": "date of publication",
    "removal_on": "date of removal from the website",
    "status": "status",
    "age_band": "age band",
    "themes": "themes",
    "summary": "summary",
}


# --- Checks every service shares ------------------------------------------------------------


def _today(now):
    return timezone.localdate(now or timezone.now())


def _shown(day):
    return f"{day.day} {day:%B %Y}"


def check_text(text, *, field, limit=FREE_TEXT_LIMIT, label="This"):
    """Optional free text: at most `limit` characters, nothing that identifies a child or
    family (refused, naming what was found, never the value)."""
    text = (text or "").strip()
    if len(text) > limit:
        raise ValidationError({field: f"{label} must be {limit} characters or fewer"})
    identifiers.check(text, field=field)
    return text


def _audit(by, action, instance, *, partnership_id, agency_id=None, request=None, details=None):
    record(
        actor=by,
        action=action,
        instance=instance,
        request=request,
        partnership_id=partnership_id,
        agency_id=agency_id,
        details=details,
    )


def _require_manager(by, partnership):
    if not manages_cases(by, partnership):
        raise PermissionDenied("Only the partnership's review panel and admin run case records.")


def _check_themes(partnership, themes):
    themes = list(themes or [])
    ids = {theme.pk for theme in themes}
    if ids and Theme.objects.filter(partnership=partnership, pk__in=ids).count() != len(ids):
        raise ValidationError({"themes": "Choose from the partnership's themes"})
    return themes


# --- The timeline ---------------------------------------------------------------------------


def _make_default_steps(partnership):
    TimelineStep.objects.bulk_create(
        TimelineStep(
            partnership=partnership,
            position=position,
            name=name,
            first_day=first_day,
            day=day,
            requests_information=requests_information,
        )
        for position, (first_day, day, name, requests_information) in enumerate(DEFAULT_STEPS)
    )


def ensure_timeline(partnership):
    """The partnership's timeline steps, made from the defaults if it has none yet (under the
    partnership's lock, so two first uses make them once). True if they were made now."""
    with transaction.atomic():
        Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
        if TimelineStep.objects.filter(partnership=partnership).exists():
            return False
        _make_default_steps(partnership)
    return True


def _step_dates(notified_on, first_day, day):
    starts_on = working_days_after(notified_on, first_day) if first_day else None
    return starts_on, working_days_after(notified_on, day)


def _copy_timeline(review):
    steps = TimelineStep.objects.filter(partnership=review.partnership_id).order_by(
        "day", "position", "pk"
    )
    copies = []
    for step in steps:
        starts_on, due_on = _step_dates(review.notified_on, step.first_day, step.day)
        copies.append(
            ReviewStep(
                review=review,
                position=step.position,
                name=step.name,
                first_day=step.first_day,
                day=step.day,
                requests_information=step.requests_information,
                starts_on=starts_on,
                due_on=due_on,
            )
        )
    ReviewStep.objects.bulk_create(copies)


def _reschedule(review):
    """The review's steps' dates again from a corrected notification date; a step whose due
    date moves and is not done may be reminded again."""
    for step in review.steps.all():
        starts_on, due_on = _step_dates(review.notified_on, step.first_day, step.day)
        if (step.starts_on, step.due_on) == (starts_on, due_on):
            continue
        step.starts_on = starts_on
        if step.due_on != due_on and step.done_on is None:
            step.reminded_at = None
        step.due_on = due_on
        step.save(update_fields=["starts_on", "due_on", "reminded_at"])


def information_due_on(review):
    """When the review's requests for information are due by default: the due date of its
    information step (copied from the partnership's step that `requests_information` when the
    review opened), or, for a review with no such step, the partnership's information day
    counted from its notification; None if neither exists."""
    if review.notified_on is None:
        return None
    step = review.steps.filter(requests_information=True).order_by("day", "position").first()
    if step is not None:
        return step.due_on
    template = (
        TimelineStep.objects.filter(partnership=review.partnership_id, requests_information=True)
        .order_by("day", "position", "pk")
        .first()
    )
    if template is not None:
        return working_days_after(review.notified_on, template.day)
    return None


# --- Opening a review -----------------------------------------------------------------------


def _check_incident(incident_on, today):
    if incident_on is None:
        raise ValidationError({"incident_on": "Enter the date of the incident"})
    if incident_on > today:
        raise ValidationError({"incident_on": "The date of the incident must be in the past"})


def _check_notification(notified_on, incident_on, today, *, required):
    if notified_on is None:
        if required:
            raise ValidationError({"notified_on": "Enter the date the national panel was notified"})
        return
    if notified_on > today:
        raise ValidationError(
            {"notified_on": "The date of the notification must be today or in the past"}
        )
    if notified_on < incident_on:
        raise ValidationError(
            {
                "notified_on": "The date of the notification must be on or after the incident "
                f"({_shown(incident_on)})"
            }
        )


def _allocate(partnership, year):
    """The partnership's next number of the year; the caller holds the partnership's lock."""
    last = Review.objects.filter(partnership=partnership, year=year).aggregate(last=Max("number"))[
        "last"
    ]
    return (last or 0) + 1


def _reference(kind, year, number):
    return f"{KIND_CODES[kind]}-{year}-{number:02d}"


def _already_opened(*, partnership, kind, incident_on, notified_on, age_band):
    return (
        Review.objects.filter(
            partnership=partnership,
            kind=kind,
            incident_on=incident_on,
            notified_on=notified_on,
            age_band=age_band,
            # created_at is the database's clock, so the window is measured on it too.
            created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )


def open_review(
    *,
    by,
    partnership,
    kind,
    incident_on,
    notified_on,
    age_band,
    themes=(),
    summary="",
    now=None,
):
    """Open a case record with the partnership's next reference of the year ("RR-2026-03").

    A rapid review needs its notification date (day 0 of its clock): it gets a copy of the
    partnership's timeline steps (the defaults, made now, if the partnership has none), each
    due a number of working days after the notification, and is due itself 15 working days
    after it. The same notification opened again within half an hour is refused, naming the
    review already opened (code "double_submit", params["reference"])."""
    _require_manager(by, partnership)
    today = _today(now)
    if kind not in ReviewKind.values:
        raise ValidationError({"kind": "Choose the type of review"})
    if age_band not in AgeBand.values:
        raise ValidationError({"age_band": "Choose the child's age band"})
    _check_incident(incident_on, today)
    _check_notification(notified_on, incident_on, today, required=kind == ReviewKind.RAPID)
    themes = _check_themes(partnership, themes)
    summary = check_text(summary, field="summary", label="The summary")
    year = (notified_on or incident_on).year
    for attempt in range(3):
        try:
            with transaction.atomic():
                Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
                made = _already_opened(
                    partnership=partnership,
                    kind=kind,
                    incident_on=incident_on,
                    notified_on=notified_on,
                    age_band=age_band,
                )
                if made is not None:
                    raise ValidationError(
                        f"This notification is already open as {made.reference}: the form was "
                        "sent twice. Nothing more was opened.",
                        code="double_submit",
                        params={"reference": made.reference},
                    )
                number = _allocate(partnership, year)
                is_rapid = kind == ReviewKind.RAPID
                review = Review.objects.create(
                    partnership=partnership,
                    reference=_reference(kind, year, number),
                    year=year,
                    number=number,
                    kind=kind,
                    age_band=age_band,
                    summary=summary,
                    incident_on=incident_on,
                    notified_on=notified_on,
                    rapid_review_due_on=working_days_after(notified_on, RAPID_REVIEW_WORKING_DAYS)
                    if is_rapid
                    else None,
                    opened_by=by,
                )
                review.themes.set(themes)
                if is_rapid:
                    if not TimelineStep.objects.filter(partnership=partnership).exists():
                        _make_default_steps(partnership)
                    _copy_timeline(review)
                _audit(by, "hub.reviews.opened", review, partnership_id=partnership.pk)
            return review
        except IntegrityError:
            # Only where the partnership's lock is no lock (another process numbered the same
            # review between our read and write): number it again.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


# --- Changing a review ----------------------------------------------------------------------


def _not_future(values, field, today, label):
    on = values.get(field)
    if on is not None and on > today:
        raise ValidationError({field: f"The date {label} must be today or in the past"})


def _not_before(values, field, earlier, label, earlier_label):
    on, before = values.get(field), values.get(earlier)
    if on is not None and before is not None and on < before:
        raise ValidationError(
            {field: f"The date {label} must be on or after {earlier_label} ({_shown(before)})"}
        )


# Dates of things that have happened: (field, how a message names it).
_HAPPENED = (
    ("rapid_review_sent_on", "the rapid review was sent"),
    ("decision_on", "of the decision"),
    ("reviewer_commissioned_on", "the reviewer was commissioned"),
    ("draft_on", "of the draft report"),
    ("final_on", "of the final report"),
    ("published_on", "of publication"),
)


def _check_dates(values, today, kind):
    """Every key date on or after the incident, none that has happened in the future, and the
    ones that follow each other in order."""
    _check_incident(values["incident_on"], today)
    incident_on = values["incident_on"]
    _check_notification(
        values["notified_on"], incident_on, today, required=kind == ReviewKind.RAPID
    )
    for field, label in _HAPPENED:
        _not_future(values, field, today, label)
    for field, label in (*_HAPPENED, ("removal_on", "of removal")):
        on = values.get(field)
        if on is not None and on < incident_on:
            raise ValidationError(
                {
                    field: f"The date {label} must be on or after the incident "
                    f"({_shown(incident_on)})"
                }
            )
    if values.get("rapid_review_sent_on") and values.get("notified_on") is None:
        raise ValidationError({"rapid_review_sent_on": "Enter the date of the notification first"})
    _not_before(
        values,
        "rapid_review_sent_on",
        "notified_on",
        "the rapid review was sent",
        "the notification",
    )
    _not_before(values, "decision_on", "notified_on", "of the decision", "the notification")
    _not_before(
        values,
        "decision_on",
        "rapid_review_sent_on",
        "of the decision",
        "the rapid review was sent",
    )
    _not_before(
        values,
        "reviewer_commissioned_on",
        "decision_on",
        "the reviewer was commissioned",
        "the decision",
    )
    _not_before(
        values,
        "draft_on",
        "reviewer_commissioned_on",
        "of the draft report",
        "the reviewer was commissioned",
    )
    _not_before(values, "final_on", "draft_on", "of the final report", "the draft report")
    _not_before(values, "published_on", "final_on", "of publication", "the final report")
    removal_on, published_on = values.get("removal_on"), values.get("published_on")
    if removal_on is not None:
        if published_on is None:
            raise ValidationError({"removal_on": "Enter the date of publication first"})
        earliest = published_on + relativedelta(years=1)
        if removal_on < earliest:
            raise ValidationError(
                {
                    "removal_on": "A published review stays online for at least a year: the "
                    f"date of removal must be on or after {_shown(earliest)}"
                }
            )


def _check_decision(values):
    if values.get("decision") and values["decision"] not in Decision.values:
        raise ValidationError({"decision": "Choose one of the decisions"})
    if values.get("decision") and values.get("decision_on") is None:
        raise ValidationError({"decision_on": "Enter the date of the decision"})
    if values.get("decision_on") is not None and not values.get("decision"):
        raise ValidationError({"decision": "Choose the decision made on that date"})


def _check_status(review, values):
    """What a review needs before it is completed, and before it is closed."""
    status = values["status"]
    if status not in ReviewStatus.values:
        raise ValidationError({"status": "Choose the review's status"})
    if status == ReviewStatus.OPEN:
        return
    word = "completed" if status == ReviewStatus.COMPLETED else "closed"
    if review.kind == ReviewKind.RAPID:
        if values.get("rapid_review_sent_on") is None:
            raise ValidationError(
                {
                    "rapid_review_sent_on": f"A rapid review is {word} once it is sent to the "
                    "national panel: enter the date it was sent"
                }
            )
        if not values.get("decision"):
            raise ValidationError(
                {"decision": f"A rapid review is {word} once the decision is made: choose it"}
            )
    elif (
        review.kind in (ReviewKind.LCSPR, ReviewKind.LOCAL_LEARNING)
        and values.get("final_on") is None
    ):
        raise ValidationError(
            {
                "final_on": f"A review is {word} once its final report is in: enter the "
                "date of the final report"
            }
        )
    if status == ReviewStatus.CLOSED:
        still_open = Recommendation.objects.filter(review=review, closed_on__isnull=True).count()
        if still_open:
            raise ValidationError(
                {
                    "status": f"The review has {still_open} recommendation"
                    f"{'s' if still_open > 1 else ''} not yet closed: close "
                    f"{'them' if still_open > 1 else 'it'} before closing the review"
                }
            )


def review_update(*, by, review, changes, now=None):
    """Change any of the review's key dates, status, decision, age band, themes and summary
    (`changes`: field -> new value, the keys of EDITABLE). Every rule for the whole review
    holds afterwards. Closing it sets the date it closed (today), from which its retention
    runs; reopening clears it. A corrected notification date moves its timeline's due dates
    and the rapid review's due date. Returns the names of the fields that changed (none:
    nothing was written)."""
    today = _today(now)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    with transaction.atomic():
        locked = (
            Review.objects.select_for_update(of=("self",))
            .select_related("partnership")
            .get(pk=review.pk)
        )
        _require_manager(by, locked.partnership)
        current = {field: getattr(locked, field) for field in EDITABLE if field != "themes"}
        current["themes"] = set(locked.themes.values_list("pk", flat=True))
        values = dict(current)
        for field, value in changes.items():
            if field == "themes":
                themes = _check_themes(locked.partnership, value)
                values["themes"] = {theme.pk for theme in themes}
            elif field == "summary":
                values["summary"] = check_text(value, field="summary", label="The summary")
            elif field == "decision":
                values["decision"] = value or ""
            else:
                values[field] = value
        changed = [field for field in EDITABLE if values[field] != current[field]]
        if not changed:
            return []
        if values["age_band"] not in AgeBand.values:
            raise ValidationError({"age_band": "Choose the child's age band"})
        _check_dates(values, today, locked.kind)
        _check_decision(values)
        _check_status(locked, values)
        for field in changed:
            if field != "themes":
                setattr(locked, field, values[field])
        updated = [field for field in changed if field != "themes"]
        if "status" in changed:
            locked.closed_on = today if values["status"] == ReviewStatus.CLOSED else None
            updated.append("closed_on")
        if "notified_on" in changed and locked.kind == ReviewKind.RAPID:
            locked.rapid_review_due_on = working_days_after(
                locked.notified_on, RAPID_REVIEW_WORKING_DAYS
            )
            updated.append("rapid_review_due_on")
            _reschedule(locked)
        locked.save(update_fields=[*updated, "updated_at"])
        if "themes" in changed:
            locked.themes.set(values["themes"])
        _audit(
            by,
            "hub.reviews.changed",
            locked,
            partnership_id=locked.partnership_id,
            details={"changed": [EDITABLE[field] for field in changed]},
        )
    review.refresh_from_db()
    return changed


def step_mark_done(*, by, review, step, now=None):
    """Mark one of an open review's timeline steps done today. A step already done (the
    button pressed twice) is refused, and keeps the date and person it was done by."""
    today = _today(now)
    with transaction.atomic():
        locked = (
            Review.objects.select_for_update(of=("self",))
            .select_related("partnership")
            .get(pk=review.pk)
        )
        _require_manager(by, locked.partnership)
        step = ReviewStep.objects.filter(review=locked, pk=getattr(step, "pk", step)).first()
        if step is None:
            raise PermissionDenied("Not a step of this review.")
        if locked.status != ReviewStatus.OPEN:
            raise ValidationError(
                f"{locked.reference} is {locked.get_status_display().lower()}: its timeline "
                "no longer changes.",
                code="not_open",
            )
        if step.done_on is not None:
            raise ValidationError(
                f"“{step.name}” was already marked done on {_shown(step.done_on)}. Nothing "
                "was changed.",
                code="already_done",
            )
        step.done_on = today
        step.done_by = by
        step.save(update_fields=["done_on", "done_by"])
        _audit(
            by,
            "hub.reviews.step_done",
            step,
            partnership_id=locked.partnership_id,
            details={"review": locked.reference, "day": step.day},
        )
    return step


# --- Requests for information -----------------------------------------------------------------


def request_information(*, by, review, agencies, due_on=None, now=None):
    """Ask each of `agencies` (the partnership's own) for information about its involvement:
    due on `due_on`, or by default on the due date of the review's information step. One
    request per agency and review: an agency already asked is refused, and nothing is made.
    Each agency's leads get an email once the requests are saved. Returns the requests."""
    today = _today(now)
    agencies = list(agencies or [])
    if not agencies:
        raise ValidationError({"agencies": "Choose at least one agency to ask"})
    with transaction.atomic():
        locked = (
            Review.objects.select_for_update(of=("self",))
            .select_related("partnership")
            .get(pk=review.pk)
        )
        partnership = locked.partnership
        _require_manager(by, partnership)
        if locked.status != ReviewStatus.OPEN:
            raise ValidationError(
                f"{locked.reference} is {locked.get_status_display().lower()}: reopen it to "
                "ask agencies for information.",
                code="not_open",
            )
        ids = {agency.pk for agency in agencies}
        if partnership.agencies.filter(pk__in=ids).count() != len(ids):
            raise ValidationError({"agencies": f"Choose from {partnership.name}'s agencies"})
        asked = InformationRequest.objects.filter(review=locked, agency__in=ids).select_related(
            "agency"
        )
        asked = sorted(asked, key=lambda row: row.agency.name)
        if asked:
            names = ", ".join(
                f"{row.agency.name} (asked on {_shown(row.asked_on)})" for row in asked
            )
            raise ValidationError(
                {
                    "agencies": f"Already asked for this review: {names}. Nothing was sent: "
                    "choose only agencies not yet asked"
                },
                code="already_asked",
            )
        if due_on is None:
            due_on = information_due_on(locked)
            if due_on is None:
                raise ValidationError({"due_on": "Enter the date the information is due"})
            if due_on < today:
                raise ValidationError(
                    {
                        "due_on": "The timeline's date for agencies' information "
                        f"({_shown(due_on)}) has passed: enter a date today or later"
                    }
                )
        elif due_on < today:
            raise ValidationError({"due_on": "The date it is due must be today or later"})
        made = []
        for agency in sorted(agencies, key=lambda agency: agency.name):
            information_request = InformationRequest.objects.create(
                review=locked, agency=agency, asked_on=today, due_on=due_on, asked_by=by
            )
            _audit(
                by,
                "hub.reviews.information_requested",
                information_request,
                partnership_id=partnership.pk,
                agency_id=agency.pk,
                details={"review": locked.reference},
            )
            enqueue_on_commit(SEND_REQUEST_EMAIL, information_request.pk)
            made.append(information_request)
    return made


def requests_to_return(user, partnership):
    """The partnership's requests for information this person may record the return of: those
    addressed to the agency they lead, and, for the review panel and the partnership admin,
    every one of the partnership's (information that reached them by secure email)."""
    rows = InformationRequest.objects.filter(review__partnership=partnership)
    if manages_cases(user, partnership):
        return rows
    return scope_queryset(user, Action.EDIT_AGENCY_RECORDS, rows)


def information_return(*, by, information_request, summary="", chronology_sent=False, now=None):
    """Record that the agency returned its information today: by whom, that its chronology
    went through the partnership's secure route (which must be confirmed: the chronology
    itself never passes through the Hub), and an optional short summary of its involvement
    and learning. A request already returned is refused, and keeps its first return."""
    today = _today(now)
    with transaction.atomic():
        locked = (
            InformationRequest.objects.select_for_update(of=("self",))
            .select_related("review__partnership", "agency")
            .get(pk=information_request.pk)
        )
        partnership = locked.review.partnership
        if not requests_to_return(by, partnership).filter(pk=locked.pk).exists():
            raise PermissionDenied("Only the agency asked, or the panel, records its return.")
        if locked.returned_on is not None:
            raise ValidationError(
                f"{locked.agency.name}'s information for {locked.review.reference} was already "
                f"recorded as returned on {_shown(locked.returned_on)}. Nothing was changed.",
                code="already_returned",
            )
        if locked.review.status == ReviewStatus.CLOSED:
            raise ValidationError(
                f"{locked.review.reference} is closed: nothing more is recorded on it.",
                code="closed",
            )
        summary = check_text(
            summary, field="summary", limit=RETURN_SUMMARY_LIMIT, label="The summary"
        )
        if not chronology_sent:
            raise ValidationError(
                {
                    "chronology_sent": "Confirm that your agency has sent its information "
                    "through the partnership's secure email or case system"
                }
            )
        locked.returned_on = today
        locked.returned_by = by
        locked.summary = summary
        locked.chronology_sent = True
        locked.save(update_fields=["returned_on", "returned_by", "summary", "chronology_sent"])
        _audit(
            by,
            "hub.reviews.information_returned",
            locked,
            partnership_id=partnership.pk,
            agency_id=locked.agency_id,
            details={"review": locked.review.reference},
        )
    return locked


# --- Views, audited -------------------------------------------------------------------------


def review_viewed(*, by, review, request=None, page="record"):
    """Audit that someone opened a case record (`page`: "record", or "edit" for the form that
    shows its details to change)."""
    _audit(
        by,
        "hub.reviews.viewed",
        review,
        partnership_id=review.partnership_id,
        request=request,
        details={"page": page},
    )


def information_request_viewed(*, by, information_request, partnership_id, request=None):
    """Audit that someone opened a request for information."""
    _audit(
        by,
        "hub.reviews.information_request_viewed",
        information_request,
        partnership_id=partnership_id,
        agency_id=information_request.agency_id,
        request=request,
    )
