"""The register: who may take it, when it is open, marking attendance (which withdraws a
certificate whose attendance is corrected), and closing it (which raises the place and
no-show charges)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hub.core.permissions import Action, can
from hub.training.models import COMPLETED, Attendance, ChargeReason, Session, SessionStatus
from hub.training.services.certificates import certificates_follow_attendance
from hub.training.services.charges import charge_raise
from hub.training.services.common import confirmed, email_after_commit, lock_session, log


def may_take_register(user, session):
    """The partnership's training team, or a trainer named on the session."""
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


def attendance_mark(*, by, session, marks, now=None, request=None):
    """Record attendance for the session's booked people: `marks` maps booking id to an
    Attendance value. Only while the register is open; ids of other sessions are refused.
    A certificate already issued to someone whose mark no longer counts as completed is
    withdrawn (services.certificates). Returns how many marks changed."""
    now = now or timezone.now()
    if not may_take_register(by, session):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(session)
        if session.starts_at > now:
            raise ValidationError("The register opens when the session starts.")
        if not register_is_open(session, now):
            raise ValidationError("The register for this session is closed.")
        bookings = {b.pk: b for b in confirmed(session)}
        unknown = set(marks) - set(bookings)
        if unknown:
            raise ValidationError("The register lists only people booked on this session.")
        valid = set(Attendance.values)
        if any(mark not in valid for mark in marks.values()):
            raise ValidationError("Choose attended, late, left early or absent for each person.")
        changed = []
        for pk, mark in marks.items():
            booking = bookings[pk]
            if booking.attendance == mark:
                continue
            booking.attendance = mark
            booking.attendance_marked_at = now
            booking.save(update_fields=["attendance", "attendance_marked_at"])
            changed.append(booking)
            if mark in COMPLETED:
                email_after_commit("evaluation", booking)
        if changed:
            certificates_follow_attendance(changed, by=by, now=now, request=request)
        log(
            by,
            "hub.training.register_taken",
            session,
            partnership_id=session.course.partnership_id,
            details={"changed": len(changed)},
            request=request,
        )
    return len(changed)


def register_close(session, now=None):
    """Close a register whose time is up and raise its charges: the place fee for those who
    came, the no-show fee for those marked absent. Idempotent; True if it closed it now."""
    now = now or timezone.now()
    with transaction.atomic():
        session = lock_session(session)
        if session.register_closed_at is not None or now < session.register_closes_at():
            return False
        _close(session, now)
    return True


def register_close_now(*, by, session, now=None, request=None):
    """The trainer or the training team closes a register before its time is up, once the
    session has ended and everyone booked is marked; its charges are raised now, as when
    it closes by itself. A register already closed is refused, so closing twice changes
    nothing."""
    now = now or timezone.now()
    if not may_take_register(by, session):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(session)
        if session.register_closed_at is not None or session.status != SessionStatus.SCHEDULED:
            raise ValidationError("This register is already closed.", code="already_closed")
        if now < session.ends_at:
            raise ValidationError("A register can be closed once the session has ended.")
        unmarked = confirmed(session).filter(attendance="").count()
        if unmarked:
            people = "person is" if unmarked == 1 else "people are"
            raise ValidationError(f"Mark everyone first: {unmarked} {people} not marked yet.")
        _close(session, now, by=by, request=request)
    return True


def _close(session, now, *, by=None, request=None):
    """Inside the caller's transaction, on the locked session."""
    for booking in confirmed(session).select_related("person", "agency", "session__course"):
        if booking.attendance == Attendance.ABSENT:
            charge_raise(booking, ChargeReason.NO_SHOW, now)
        elif booking.attendance:
            charge_raise(booking, ChargeReason.PLACE, now)
    session.register_closed_at = now
    session.save(update_fields=["register_closed_at"])
    log(
        by,
        "hub.training.register_closed",
        session,
        partnership_id=session.course.partnership_id,
        request=request,
    )


def registers_close_due(now=None):
    """Close every register whose time is up; return how many closed. Safe to run often."""
    now = now or timezone.now()
    closed = 0
    candidates = Session.objects.filter(
        register_closed_at__isnull=True, status=SessionStatus.SCHEDULED, ends_at__lt=now
    ).select_related("course__partnership")
    for session in candidates:
        if register_close(session, now):
            closed += 1
    return closed
