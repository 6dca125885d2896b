"""What every training service shares: the session's row lock, the audit log, emails sent
after commit, and the checks that a session can still be booked."""

from django.core.exceptions import ValidationError
from django.db import connection

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


def recorded(by, action, row, *, session, email, request=None):
    """A booking or waiting-list row just written for `session`: audited in its transaction
    (the session's partnership, the row's agency), its `email` sent once it commits."""
    log(
        by,
        action,
        row,
        partnership_id=session.course.partnership_id,
        agency_id=row.agency_id,
        request=request,
    )
    email_after_commit(email, row)
    return row


def lock_session(session, *, wait=True):
    """The session's row, locked until the transaction ends: every change to a place takes
    this lock first, so places are counted from rows nobody else is changing. With
    `wait=False`, None at once if another transaction holds the lock in any mode."""
    rows = (
        Session.objects.select_for_update(of=("self",), skip_locked=not wait)
        .select_related("course__partnership")
        .filter(pk=session.pk if isinstance(session, Session) else session)
    )
    if wait:
        return rows.get()
    return rows.first()


def share_session(session):
    """The session's row, locked in share mode until the transaction ends: any number of
    transactions may hold it so at once, while none can take it exclusively (lock_session)
    or change the row. So nothing that moves a place happens while it is held, and those
    holding it may only add what moves no place: people joining a full session's waiting
    list. SQLite has no row locks; its IMMEDIATE transactions run one at a time anyway."""
    pk = session.pk if isinstance(session, Session) else session
    if connection.vendor == "postgresql":
        # The ORM only asks for exclusive row locks.
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM training_session WHERE id = %s FOR SHARE", [pk])
    return Session.objects.select_related("course__partnership").get(pk=pk)


def confirmed(session):
    """The session's confirmed bookings, oldest first (by pk: Booking's own ordering would
    join the session only to sort by a date every row shares)."""
    return Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED).order_by("pk")


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
