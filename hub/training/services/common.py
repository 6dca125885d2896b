"""What every training service shares: the session's row lock, the audit log, emails sent
after commit, and the checks that a session can still be booked."""

from django.core.exceptions import ValidationError

from hub.core import audit
from hub.core.tasks import enqueue_on_commit
from hub.training.models import (
    Booking,
    BookingStatus,
    Session,
    SessionStatus,
    WaitingListEntry,
    WaitStatus,
    policy_for,
)

SEND_EMAIL = "hub.training.tasks.send_training_email"


def email_after_commit(kind, obj):
    """Send the `kind` email about `obj` once the transaction commits (never if it rolls back)."""
    enqueue_on_commit(SEND_EMAIL, kind, obj.pk)


def log(by, action, instance, *, partnership_id, agency_id=None, details=None, request=None):
    audit.record(
        actor=by,
        action=action,
        instance=instance,
        request=request,
        partnership_id=partnership_id,
        agency_id=agency_id,
        details=details,
    )


def lock_session(session):
    """The session's row, locked until the transaction ends: every change to a place takes
    this lock first, so places are counted from rows nobody else is changing."""
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("course__partnership")
        .get(pk=session.pk if isinstance(session, Session) else session)
    )


def confirmed(session):
    return Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED)


def require_open(session, now):
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError("This session has been cancelled.")
    if session.starts_at <= now:
        raise ValidationError("This session has already started, so it can no longer be booked.")
    if not session.course.is_published:
        raise ValidationError("This course is not open for booking.")


def policies():
    """policy_for, remembered per partnership for one run of a periodic job."""
    cache = {}

    def get(partnership):
        if partnership.pk not in cache:
            cache[partnership.pk] = policy_for(partnership)
        return cache[partnership.pk]

    return get


def pass_on(booking, *, session, person, by, status, now):
    """Give a booked place to `person` on `session` (a colleague, or the same person on
    another date): a new booking, the old one marked `status` and linked to it, and the
    person's own wait or held offer for that session over (the caller settles it, so a
    place held for them goes to the next person). The caller holds the sessions' locks."""
    new = Booking.objects.create(
        session=session, person=person, agency=booking.agency, booked_by=by, created_at=now
    )
    booking.status = status
    booking.cancelled_at = now
    booking.transferred_to = new
    booking.save(update_fields=["status", "cancelled_at", "transferred_to"])
    WaitingListEntry.objects.filter(
        session=session, person=person, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
    ).update(status=WaitStatus.LEFT, decided_at=now)
    return new
