"""What the training team does from a session's bookings screen beyond booking someone (which
is place_request, by the same rule as everyone): move a booked place to another date of the
same course, and email everyone booked."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.core.permissions import Action, can
from hub.core.tasks import enqueue_on_commit
from hub.training.availability import free
from hub.training.models import (
    Booking,
    BookingStatus,
    Session,
    SessionMessage,
    WaitingListEntry,
    WaitStatus,
)
from hub.training.services.common import (
    confirmed,
    email_after_commit,
    lock_session,
    log,
    pass_on,
    require_open,
)
from hub.training.services.waiting_list import settle

SEND_MESSAGE = "hub.training.tasks.send_session_message"


def _require_team(by, session):
    if not can(by, Action.MANAGE_TRAINING, session.course.partnership):
        raise PermissionDenied


def move_choices(session, now=None):
    """The other dates of the session's course a booked place can move to: scheduled and not
    yet started, soonest first."""
    return (
        Session.objects.upcoming(now)
        .filter(course_id=session.course_id)
        .exclude(pk=session.pk)
        .select_related("course")
        .order_by("starts_at", "pk")
    )


def booking_move(*, by, booking, to_session, now=None, request=None):
    """Move a booked place to another date of the same course, at no charge: the person is
    booked there if a place is free, and the place they leave goes to the first person
    waiting. Returns the new booking."""
    now = now or timezone.now()
    _require_team(by, booking.session)
    if to_session.course_id != booking.session.course_id:
        raise PermissionDenied
    if to_session.pk == booking.session_id:
        raise ValidationError("Choose a different date from the one already booked.")
    with transaction.atomic():
        # Both sessions' rows, always in the same order, so two moves between the same two
        # dates in opposite directions cannot wait on each other for ever.
        first, second = sorted([booking.session_id, to_session.pk])
        locked = {pk: lock_session(pk) for pk in (first, second)}
        source, target = locked[booking.session_id], locked[to_session.pk]
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("person", "agency")
            .get(pk=booking.pk)
        )
        if booking.status != BookingStatus.CONFIRMED:
            raise ValidationError("Only a booked place can be moved.")
        if source.starts_at <= now:
            raise ValidationError("The session has started, so the place can no longer be moved.")
        require_open(target, now)
        settle(target, now)
        if confirmed(target).filter(person_id=booking.person_id).exists():
            raise ValidationError(
                f"{booking.person.display_name} is already booked on the other date."
            )
        open_offers = WaitingListEntry.objects.filter(
            session=target, status=WaitStatus.OFFERED
        ).count()
        if free(target.capacity, confirmed=confirmed(target).count(), open_offers=open_offers) <= 0:
            raise ValidationError(
                "No place is free on that date: every place is booked or offered. Add places "
                "to it first, or choose another date."
            )
        # Waiting for the new date is over; the old date's place goes to whoever waits for it.
        new = pass_on(
            booking,
            session=target,
            person=booking.person,
            by=by,
            status=BookingStatus.MOVED,
            now=now,
        )
        settle(target, now)
        settle(source, now)
        log(
            by,
            "hub.training.moved",
            new,
            partnership_id=target.course.partnership_id,
            agency_id=new.agency_id,
            details={"from_booking": booking.pk, "from_session": source.pk},
            request=request,
        )
        email_after_commit("moved", new)
    return new


def session_message_send(*, by, session, subject, body, token, now=None, request=None):
    """Email everyone booked on the session (sent by the worker, once each). The form's
    `token` makes a second submission of the same form send nothing: it raises
    ValidationError saying the message was sent. Returns the SessionMessage."""
    now = now or timezone.now()
    _require_team(by, session)
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise ValidationError("Enter a subject and a message.")
    with transaction.atomic():
        session = lock_session(session)
        if session.ends_at <= now:
            raise ValidationError("The session is over: there is no one to tell about it.")
        recipients = confirmed(session).count()
        if not recipients:
            raise ValidationError("No one is booked on this session, so there is no one to email.")
        try:
            with transaction.atomic():
                message = SessionMessage.objects.create(
                    session=session,
                    subject=subject,
                    body=body,
                    sent_by=by,
                    sent_at=now,
                    recipients=recipients,
                    token=token,
                )
        except IntegrityError as error:
            raise ValidationError(
                "This message has already been sent. It is listed under Emails sent."
            ) from error
        log(
            by,
            "hub.training.message_sent",
            message,
            partnership_id=session.course.partnership_id,
            details={"recipients": recipients},
            request=request,
        )
        enqueue_on_commit(SEND_MESSAGE, message.pk)
    return message
