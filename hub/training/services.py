"""Every change to a place on the training programme.

Each write is one transaction that first locks the session's row, then settles the session
(expires overdue offers and offers any free place to the next person waiting), then checks
and acts. Places are counted from rows under that lock, never kept as a counter, so two
people racing for the last place get one booking and one waiting-list entry. SQLite ignores
row locks but runs one write transaction at a time (IMMEDIATE mode in settings), which gives
the same guarantee on one machine; the race is tested on PostgreSQL.

Permission failures raise PermissionDenied (views answer 404); rule failures raise
ValidationError with the message the person sees. Emails go out after commit, once each.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hub.core import audit
from hub.core.models import AgencyType
from hub.core.permissions import Action, can
from hub.training.models import (
    COMPLETED,
    Attendance,
    Booking,
    BookingStatus,
    Charge,
    ChargeReason,
    Evaluation,
    ImpactResponse,
    Session,
    SessionStatus,
    Tariff,
    WaitingListEntry,
    WaitStatus,
    policy_for,
)
from hub.training.working_days import working_days_before


def _email_after_commit(kind, obj):
    from hub.training.tasks import send_training_email

    pk = obj.pk
    transaction.on_commit(lambda: send_training_email.enqueue(kind, pk))


def _log(by, action, instance, *, partnership_id, agency_id=None, details=None, request=None):
    audit.record(
        actor=by,
        action=action,
        instance=instance,
        request=request,
        partnership_id=partnership_id,
        agency_id=agency_id,
        details=details,
    )


def _lock(session):
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("course__partnership")
        .get(pk=session.pk if isinstance(session, Session) else session)
    )


def _confirmed(session):
    return Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED)


def places_left(session, now=None):
    """Capacity less confirmed bookings and offers still open. Call under the lock to act."""
    now = now or timezone.now()
    offers = WaitingListEntry.objects.filter(
        session=session, status=WaitStatus.OFFERED, offer_expires_at__gt=now
    ).count()
    return session.capacity - _confirmed(session).count() - offers


def _settle(session, now):
    """Expire offers whose time is up, then offer free places to those waiting, in order.
    Idempotent; the caller holds the session's lock. One query when no one is waiting."""
    live = list(
        WaitingListEntry.objects.filter(
            session=session, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
        ).order_by("joined_at", "pk")
    )
    if not live:
        return
    for entry in live:
        if entry.status == WaitStatus.OFFERED and entry.offer_expires_at <= now:
            entry.status = WaitStatus.EXPIRED
            entry.decided_at = now
            entry.save(update_fields=["status", "decided_at"])
            _log(
                None,
                "hub.training.offer_expired",
                entry,
                partnership_id=session.course.partnership_id,
                agency_id=entry.agency_id,
            )
    if session.status != SessionStatus.SCHEDULED or session.starts_at <= now:
        return
    waiting = [entry for entry in live if entry.status == WaitStatus.WAITING]
    if not waiting:
        return
    open_offers = sum(1 for entry in live if entry.status == WaitStatus.OFFERED)
    free = session.capacity - _confirmed(session).count() - open_offers
    if free <= 0:
        return
    hold = datetime.timedelta(hours=policy_for(session.course.partnership).offer_hold_hours)
    # An offer never runs past the start of the session.
    expires = min(now + hold, session.starts_at)
    for entry in waiting[:free]:
        entry.status = WaitStatus.OFFERED
        entry.offered_at = now
        entry.offer_expires_at = expires
        entry.save(update_fields=["status", "offered_at", "offer_expires_at"])
        _log(
            None,
            "hub.training.offer_made",
            entry,
            partnership_id=session.course.partnership_id,
            agency_id=entry.agency_id,
        )
        _email_after_commit("offer", entry)


def _require_open(session, now):
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError("This session has been cancelled.")
    if session.starts_at <= now:
        raise ValidationError("This session has already started, so it can no longer be booked.")
    if not session.course.is_published:
        raise ValidationError("This course is not open for booking.")


def may_book_for(by, person):
    """Yourself; or, with the booking role, a colleague of an agency in your scope."""
    if not by.is_authenticated or not by.is_active:
        return False
    if by.pk == person.pk:
        return True
    return person.agency_id is not None and can(by, Action.BOOK_FOR_AGENCY, person.agency)


def _may_act_on(by, item):
    """The person themself, a booker for their agency, or the partnership's training team."""
    if by.pk == item.person_id:
        return True
    if item.agency_id and can(by, Action.BOOK_FOR_AGENCY, item.agency):
        return True
    return can(by, Action.MANAGE_TRAINING, item.session.course.partnership)


def _name(person):
    return person.get_full_name() or person.email


def request_place(*, by, session, person, now=None, request=None):
    """Book `person` on `session` if a place is free and no one is waiting before them;
    otherwise put them on the waiting list. Returns the Booking or the WaitingListEntry."""
    now = now or timezone.now()
    if not may_book_for(by, person) or not person.is_active:
        raise PermissionDenied
    with transaction.atomic():
        session = _lock(session)
        _require_open(session, now)
        _settle(session, now)
        booked = list(_confirmed(session).values_list("person_id", flat=True))
        if person.pk in booked:
            who = "You are" if by.pk == person.pk else f"{_name(person)} is"
            raise ValidationError(f"{who} already booked on this session.")
        live = list(
            WaitingListEntry.objects.filter(
                session=session, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
            ).values_list("person_id", "status", "offer_expires_at")
        )
        for person_id, status, _ in live:
            if person_id != person.pk:
                continue
            if status == WaitStatus.OFFERED:
                raise ValidationError(
                    "A place is being held for this person: accept the offer in My training."
                )
            raise ValidationError("Already on the waiting list for this session.")
        open_offers = sum(1 for _, status, _ in live if status == WaitStatus.OFFERED)
        someone_waiting = any(status == WaitStatus.WAITING for _, status, _ in live)
        partnership_id = session.course.partnership_id
        free = session.capacity - len(booked) - open_offers
        if free > 0 and not someone_waiting:
            booking = Booking.objects.create(
                session=session, person=person, agency=person.agency, booked_by=by, created_at=now
            )
            _log(
                by,
                "hub.training.booked",
                booking,
                partnership_id=partnership_id,
                agency_id=booking.agency_id,
                request=request,
            )
            _email_after_commit("booked", booking)
            return booking
        entry = WaitingListEntry.objects.create(
            session=session, person=person, agency=person.agency, joined_at=now
        )
        _log(
            by,
            "hub.training.joined_waiting_list",
            entry,
            partnership_id=partnership_id,
            agency_id=entry.agency_id,
            request=request,
        )
        _email_after_commit("waiting", entry)
        return entry


def waiting_position(entry):
    """1 for the first person waiting."""
    return (
        WaitingListEntry.objects.filter(session_id=entry.session_id, status=WaitStatus.WAITING)
        .filter(Q(joined_at__lt=entry.joined_at) | Q(joined_at=entry.joined_at, pk__lt=entry.pk))
        .count()
        + 1
    )


def is_late_cancellation(session, when, policy=None):
    """Cancelling at `when` is late if it is after the last free day: that many working days
    before the session's date (weekends and England and Wales bank holidays skipped)."""
    policy = policy or policy_for(session.course.partnership)
    session_day = timezone.localtime(session.starts_at).date()
    last_free_day = working_days_before(session_day, policy.free_cancellation_working_days)
    return timezone.localtime(when).date() > last_free_day


def _tariff(booking):
    """The tariff for the booked person's confirmed organisation's type; someone with no
    confirmed organisation pays the course's "Other" rate."""
    agency_type = booking.agency.agency_type if booking.agency_id else AgencyType.OTHER
    return Tariff.objects.filter(
        course_id=booking.session.course_id, agency_type=agency_type
    ).first()


def _charge(booking, reason, now):
    """Record a charge if the agency's tariff has one for `reason`; once per booking and
    reason, so closing a register twice charges once."""
    tariff = _tariff(booking)
    amount = {
        ChargeReason.PLACE: "place_pence",
        ChargeReason.LATE_CANCELLATION: "late_cancellation_pence",
        ChargeReason.NO_SHOW: "no_show_pence",
    }[reason]
    if tariff is None or getattr(tariff, amount) == 0:
        return None
    session = booking.session
    charge, created = Charge.objects.get_or_create(
        booking=booking,
        reason=reason,
        defaults={
            "partnership_id": session.course.partnership_id,
            "agency": booking.agency,
            "amount_pence": getattr(tariff, amount),
            "course_title": session.course.title,
            "session_starts_at": session.starts_at,
            "person_name": _name(booking.person),
            "created_at": now,
        },
    )
    if created:
        _log(
            None,
            "hub.training.charged",
            charge,
            partnership_id=charge.partnership_id,
            agency_id=charge.agency_id,
            details={"reason": reason.value},
        )
    return charge


def cancel_booking(*, by, booking, now=None, request=None):
    """Cancel a confirmed place before the session starts. Late cancellations are charged
    by the tariff; the freed place is offered to the first person waiting."""
    now = now or timezone.now()
    if not _may_act_on(by, booking):
        raise PermissionDenied
    with transaction.atomic():
        session = _lock(booking.session)
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("person", "agency")
            .get(pk=booking.pk)
        )
        booking.session = session
        if booking.status != BookingStatus.CONFIRMED:
            raise ValidationError("This booking is already cancelled.")
        if session.starts_at <= now:
            raise ValidationError(
                "The session has started, so the booking can no longer be cancelled."
            )
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        late = is_late_cancellation(session, now)
        if late:
            _charge(booking, ChargeReason.LATE_CANCELLATION, now)
        _log(
            by,
            "hub.training.cancelled",
            booking,
            partnership_id=session.course.partnership_id,
            agency_id=booking.agency_id,
            details={"late": late},
            request=request,
        )
        _settle(session, now)
        _email_after_commit("cancelled", booking)
    return booking


def accept_offer(*, by, entry, now=None, request=None):
    now = now or timezone.now()
    if not _may_act_on(by, entry):
        raise PermissionDenied
    with transaction.atomic():
        session = _lock(entry.session)
        entry = WaitingListEntry.objects.select_related("person").get(pk=entry.pk)
        if entry.status == WaitStatus.ACCEPTED:
            raise ValidationError("You have already accepted this place.")
        expired = entry.status == WaitStatus.EXPIRED or (
            entry.status == WaitStatus.OFFERED and entry.offer_expires_at <= now
        )
        if expired:
            # Pass the place on now (committed), then tell the person.
            _settle(session, now)
    if expired:
        raise ValidationError(
            "This offer expired at "
            f"{timezone.localtime(entry.offer_expires_at):%H:%M on %-d %B %Y}, "
            "and the place has gone to the next person waiting."
        )
    with transaction.atomic():
        session = _lock(entry.session)
        entry = WaitingListEntry.objects.select_related("person").get(pk=entry.pk)
        if entry.status != WaitStatus.OFFERED or entry.offer_expires_at <= now:
            raise ValidationError("There is no place on offer to accept.")
        _require_open(session, now)
        booking = Booking.objects.create(
            session=session,
            person=entry.person,
            agency=entry.person.agency,
            booked_by=by,
            created_at=now,
        )
        entry.status = WaitStatus.ACCEPTED
        entry.decided_at = now
        entry.booking = booking
        entry.save(update_fields=["status", "decided_at", "booking"])
        _log(
            by,
            "hub.training.offer_accepted",
            booking,
            partnership_id=session.course.partnership_id,
            agency_id=booking.agency_id,
            request=request,
        )
        _email_after_commit("booked", booking)
    return booking


def leave_waiting_list(*, by, entry, now=None, request=None):
    """Decline an offer, or stop waiting. The place goes to the next person."""
    now = now or timezone.now()
    if not _may_act_on(by, entry):
        raise PermissionDenied
    with transaction.atomic():
        session = _lock(entry.session)
        entry = WaitingListEntry.objects.get(pk=entry.pk)
        if entry.status not in (WaitStatus.WAITING, WaitStatus.OFFERED):
            raise ValidationError("This is no longer on the waiting list.")
        entry.status = (
            WaitStatus.DECLINED if entry.status == WaitStatus.OFFERED else WaitStatus.LEFT
        )
        entry.decided_at = now
        entry.save(update_fields=["status", "decided_at"])
        _log(
            by,
            "hub.training.left_waiting_list",
            entry,
            partnership_id=session.course.partnership_id,
            agency_id=entry.agency_id,
            request=request,
        )
        _settle(session, now)
    return entry


def transfer_booking(*, by, booking, to_person, now=None, request=None):
    """Pass a booked place to a colleague of the same agency before the session, at no
    charge: the place never frees, so the waiting list is not involved."""
    now = now or timezone.now()
    if not booking.agency_id or not can(by, Action.BOOK_FOR_AGENCY, booking.agency):
        raise PermissionDenied
    with transaction.atomic():
        session = _lock(booking.session)
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("agency")
            .get(pk=booking.pk)
        )
        if booking.status != BookingStatus.CONFIRMED:
            raise ValidationError("Only a booked place can be transferred.")
        if session.starts_at <= now:
            raise ValidationError("The session has started, so the place cannot be transferred.")
        if to_person.agency_id != booking.agency_id or not to_person.is_active:
            raise ValidationError(
                f"{_name(to_person)} does not work for {booking.agency}: a place can only be "
                "passed to a colleague in the same organisation."
            )
        if to_person.pk == booking.person_id:
            raise ValidationError("Choose a colleague other than the person already booked.")
        if _confirmed(session).filter(person=to_person).exists():
            raise ValidationError(f"{_name(to_person)} is already booked on this session.")
        new = Booking.objects.create(
            session=session,
            person=to_person,
            agency=booking.agency,
            booked_by=by,
            created_at=now,
        )
        booking.status = BookingStatus.TRANSFERRED
        booking.cancelled_at = now
        booking.transferred_to = new
        booking.save(update_fields=["status", "cancelled_at", "transferred_to"])
        # A colleague waiting for the same session no longer needs to wait.
        WaitingListEntry.objects.filter(
            session=session, person=to_person, status=WaitStatus.WAITING
        ).update(status=WaitStatus.LEFT, decided_at=now)
        _log(
            by,
            "hub.training.transferred",
            new,
            partnership_id=session.course.partnership_id,
            agency_id=new.agency_id,
            details={"from_booking": booking.pk},
            request=request,
        )
        _email_after_commit("transferred", booking)
        _email_after_commit("booked", new)
    return new


def may_take_register(user, session):
    if can(user, Action.MANAGE_TRAINING, session.course.partnership):
        return True
    return (
        can(user, Action.TAKE_REGISTER, session.course.partnership)
        and session.trainers.filter(pk=user.pk).exists()
    )


def register_is_open(session, now=None):
    now = now or timezone.now()
    return (
        session.status == SessionStatus.SCHEDULED
        and session.register_closed_at is None
        and session.starts_at <= now < session.register_closes_at()
    )


def mark_attendance(*, by, session, marks, now=None, request=None):
    """Record attendance for the session's booked people: `marks` maps booking id to an
    Attendance value. Only while the register is open; ids of other sessions are refused."""
    now = now or timezone.now()
    if not may_take_register(by, session):
        raise PermissionDenied
    with transaction.atomic():
        session = _lock(session)
        if session.starts_at > now:
            raise ValidationError("The register opens when the session starts.")
        if not register_is_open(session, now):
            raise ValidationError("The register for this session is closed.")
        bookings = {b.pk: b for b in _confirmed(session)}
        unknown = set(marks) - set(bookings)
        if unknown:
            raise ValidationError("The register lists only people booked on this session.")
        valid = set(Attendance.values)
        if any(mark not in valid for mark in marks.values()):
            raise ValidationError("Choose attended, late, left early or absent for each person.")
        changed = 0
        for pk, mark in marks.items():
            booking = bookings[pk]
            if booking.attendance == mark:
                continue
            booking.attendance = mark
            booking.attendance_marked_at = now
            booking.save(update_fields=["attendance", "attendance_marked_at"])
            changed += 1
            if mark in COMPLETED:
                _email_after_commit("evaluation", booking)
        _log(
            by,
            "hub.training.register_taken",
            session,
            partnership_id=session.course.partnership_id,
            details={"changed": changed},
            request=request,
        )
    return changed


def close_register(session, now=None):
    """Close a register whose time is up and raise its charges: the place fee for those who
    came, the no-show fee for those marked absent. Idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(session)
        if session.register_closed_at is not None or now < session.register_closes_at():
            return False
        for booking in _confirmed(session).select_related("person", "agency", "session__course"):
            if booking.attendance == Attendance.ABSENT:
                _charge(booking, ChargeReason.NO_SHOW, now)
            elif booking.attendance:
                _charge(booking, ChargeReason.PLACE, now)
        session.register_closed_at = now
        session.save(update_fields=["register_closed_at"])
        _log(
            None,
            "hub.training.register_closed",
            session,
            partnership_id=session.course.partnership_id,
        )
    return True


def cancel_session(*, by, session, now=None, request=None):
    """The partnership cancels a session: every place is released with no charge, everyone
    booked is told, and the waiting list closes."""
    now = now or timezone.now()
    if not can(by, Action.MANAGE_TRAINING, session.course.partnership):
        raise PermissionDenied
    with transaction.atomic():
        session = _lock(session)
        if session.status == SessionStatus.CANCELLED:
            raise ValidationError("This session is already cancelled.")
        if session.starts_at <= now:
            raise ValidationError("A session that has started cannot be cancelled.")
        bookings = list(_confirmed(session))
        for booking in bookings:
            booking.status = BookingStatus.CANCELLED
            booking.cancelled_at = now
            booking.save(update_fields=["status", "cancelled_at"])
            _email_after_commit("session_cancelled", booking)
        WaitingListEntry.objects.filter(
            session=session, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
        ).update(status=WaitStatus.LEFT, decided_at=now)
        session.status = SessionStatus.CANCELLED
        session.save(update_fields=["status"])
        _log(
            by,
            "hub.training.session_cancelled",
            session,
            partnership_id=session.course.partnership_id,
            details={"bookings": len(bookings)},
            request=request,
        )
    return session


def waive_charge(*, by, charge, reason, now=None, request=None):
    now = now or timezone.now()
    if not can(by, Action.MANAGE_TRAINING, charge.partnership):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Enter why the charge is waived.")
    with transaction.atomic():
        charge = Charge.objects.select_for_update(of=("self",)).get(pk=charge.pk)
        if charge.waived_at is not None:
            raise ValidationError("This charge has already been waived.")
        charge.waived_at = now
        charge.waived_by = by
        charge.waived_reason = reason[:300]
        charge.save(update_fields=["waived_at", "waived_by", "waived_reason"])
        _log(
            by,
            "hub.training.charge_waived",
            charge,
            partnership_id=charge.partnership_id,
            agency_id=charge.agency_id,
            request=request,
        )
    return charge


def certificate_available(booking):
    if not booking.completed:
        return False
    if not policy_for(booking.session.course.partnership).certificate_needs_evaluation:
        return True
    return Evaluation.objects.filter(booking=booking).exists()


def submit_evaluation(*, by, booking, answers, now=None, request=None):
    """The attendee's own evaluation, once, after attending."""
    now = now or timezone.now()
    if by.pk != booking.person_id:
        raise PermissionDenied
    if not booking.completed:
        raise ValidationError("You can evaluate a course once the trainer has marked you present.")
    with transaction.atomic():
        if Evaluation.objects.filter(booking=booking).exists():
            raise ValidationError("You have already sent your evaluation of this course.")
        evaluation = Evaluation(booking=booking, submitted_at=now, **answers)
        evaluation.full_clean()
        evaluation.save()
        _log(
            by,
            "hub.training.evaluated",
            booking,
            partnership_id=booking.session.course.partnership_id,
            agency_id=booking.agency_id,
            request=request,
        )
    return evaluation


def submit_impact(*, by, booking, practice_changed, example="", now=None, request=None):
    now = now or timezone.now()
    if by.pk != booking.person_id:
        raise PermissionDenied
    if not booking.completed:
        raise ValidationError("Only people who attended can answer this question.")
    with transaction.atomic():
        if ImpactResponse.objects.filter(booking=booking).exists():
            raise ValidationError("You have already answered this question.")
        response = ImpactResponse.objects.create(
            booking=booking, practice_changed=practice_changed, example=example, submitted_at=now
        )
    return response


# Periodic work: each function is safe to run as often as cron likes.


def expire_offers(now=None):
    """Settle every session with an offer whose time is up; return how many were settled."""
    now = now or timezone.now()
    sessions = (
        Session.objects.filter(
            waiting_list__status=WaitStatus.OFFERED, waiting_list__offer_expires_at__lte=now
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    count = 0
    for pk in list(sessions):
        with transaction.atomic():
            _settle(_lock(pk), now)
        count += 1
    return count


def close_due_registers(now=None):
    now = now or timezone.now()
    closed = 0
    candidates = Session.objects.filter(
        register_closed_at__isnull=True, status=SessionStatus.SCHEDULED, ends_at__lt=now
    ).select_related("course__partnership")
    for session in candidates:
        if close_register(session, now):
            closed += 1
    return closed


def _policies():
    cache = {}

    def get(partnership):
        if partnership.pk not in cache:
            cache[partnership.pk] = policy_for(partnership)
        return cache[partnership.pk]

    return get


def send_reminders(now=None):
    """Remind each person booked on a session that starts within the partnership's reminder
    period, once per booking; return how many were sent."""
    from hub.training import emails

    now = now or timezone.now()
    policy = _policies()
    sent = 0
    bookings = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        session__status=SessionStatus.SCHEDULED,
        session__starts_at__gt=now,
        session__starts_at__lte=now + datetime.timedelta(days=30),
    ).select_related("session__course__partnership__site", "person")
    for booking in bookings:
        days = policy(booking.session.course.partnership).reminder_days
        if booking.session.starts_at <= now + datetime.timedelta(days=days):
            sent += emails.send("reminder", booking)
    return sent


def send_impact_follow_ups(now=None):
    """Ask each person who attended, some weeks on, whether the course changed their
    practice; once per booking."""
    from hub.training import emails

    now = now or timezone.now()
    policy = _policies()
    sent = 0
    bookings = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        attendance__in=COMPLETED,
        impact__isnull=True,
        session__ends_at__gt=now - datetime.timedelta(days=365),
    ).select_related("session__course__partnership__site", "person")
    for booking in bookings:
        weeks = policy(booking.session.course.partnership).impact_follow_up_weeks
        if booking.session.ends_at <= now - datetime.timedelta(weeks=weeks):
            sent += emails.send("impact", booking)
    return sent


# A confirmation or offer whose task was lost (a worker killed mid-task never retries it) is
# sent by the periodic job once it is this old and still has no record of being sent.
LOST_EMAIL_AFTER = datetime.timedelta(minutes=15)


def send_lost_emails(now=None):
    """Send booking confirmations and offers that have no record of being sent, for places
    still current; each once (emails.send claims it). Return how many were sent."""
    from hub.training import emails
    from hub.training.models import TrainingEmail

    now = now or timezone.now()
    before = now - LOST_EMAIL_AFTER
    sent = 0
    checks = [
        (
            "booked",
            Booking.objects.filter(
                status=BookingStatus.CONFIRMED,
                created_at__lt=before,
                session__starts_at__gt=now,
                session__status=SessionStatus.SCHEDULED,
            ),
        ),
        (
            "offer",
            WaitingListEntry.objects.filter(
                status=WaitStatus.OFFERED, offered_at__lt=before, offer_expires_at__gt=now
            ),
        ),
    ]
    for kind, queryset in checks:
        model = queryset.model.__name__
        items = list(queryset.select_related("session__course__partnership__site", "person"))
        done = set(
            TrainingEmail.objects.filter(
                kind=kind, key__in=[f"{model}:{item.pk}" for item in items]
            ).values_list("key", flat=True)
        )
        for item in items:
            if f"{model}:{item.pk}" not in done:
                sent += emails.send(kind, item)
    return sent
