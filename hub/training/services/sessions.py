"""The partnership cancelling a session."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hub.core.permissions import Action, can
from hub.training.models import BookingStatus, SessionStatus, WaitingListEntry, WaitStatus
from hub.training.services.common import confirmed, email_after_commit, lock_session, log


def session_cancel(*, by, session, now=None, request=None):
    """The partnership cancels a session: every place is released with no charge, everyone
    booked is told, and the waiting list closes."""
    now = now or timezone.now()
    if not can(by, Action.MANAGE_TRAINING, session.course.partnership):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(session)
        if session.status == SessionStatus.CANCELLED:
            raise ValidationError("This session is already cancelled.")
        if session.starts_at <= now:
            raise ValidationError("A session that has started cannot be cancelled.")
        bookings = list(confirmed(session))
        for booking in bookings:
            booking.status = BookingStatus.CANCELLED
            booking.cancelled_at = now
            booking.save(update_fields=["status", "cancelled_at"])
            email_after_commit("session_cancelled", booking)
        WaitingListEntry.objects.filter(
            session=session, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
        ).update(status=WaitStatus.LEFT, decided_at=now)
        session.status = SessionStatus.CANCELLED
        session.save(update_fields=["status"])
        log(
            by,
            "hub.training.session_cancelled",
            session,
            partnership_id=session.course.partnership_id,
            details={"bookings": len(bookings)},
            request=request,
        )
    return session
