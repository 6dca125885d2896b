"""Every email the training programme sends, each sent at most once.

`send(kind, obj)` claims a TrainingEmail row and sends inside one transaction: if sending
fails the claim is rolled back and a retry sends it; if the claim already exists (a retried
task, a second run of a command, two workers at once) nothing is sent. Callers enqueue
`send_training_email` after their own transaction commits.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from hub.training.calendar import booking_invitation
from hub.training.models import (
    Booking,
    BookingStatus,
    Session,
    TrainingEmail,
    WaitingListEntry,
    policy_for,
)

# kind -> (model, subject). The template is training/email/<kind>.txt.
KINDS = {
    "booked": (Booking, "You are booked on {course}"),
    "waiting": (WaitingListEntry, "You are on the waiting list for {course}"),
    "offer": (WaitingListEntry, "A place is free on {course}: accept it by {deadline}"),
    "cancelled": (Booking, "Your place on {course} is cancelled"),
    "transferred": (Booking, "Your place on {course} has been passed to a colleague"),
    "moved": (Booking, "Your place on {course} has moved to {date}"),
    "reminder": (Booking, "Reminder: {course} on {date}"),
    "evaluation": (Booking, "Tell us how {course} went and get your certificate"),
    "impact": (Booking, "{course}: has it changed your practice?"),
    "session_cancelled": (Booking, "Cancelled: {course} on {date}"),
}
ATTACH_INVITATION = {"booked", "moved", "reminder"}


def base_url(partnership):
    site = partnership.site
    return site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL


def _session_of(obj):
    return obj.session if not isinstance(obj, Session) else obj


def send(kind, obj):
    """Send the `kind` email about `obj` unless it has been sent before. True if sent."""
    model, subject = KINDS[kind]
    if not isinstance(obj, model):
        raise TypeError(f"{kind} emails are about {model.__name__} rows")
    session = _session_of(obj)
    partnership = session.course.partnership
    url = base_url(partnership)
    local = timezone.localtime(session.starts_at)
    deadline = getattr(obj, "offer_expires_at", None)
    context = {
        "kind": kind,
        "item": obj,
        "person": obj.person,
        "session": session,
        "course": session.course,
        "partnership": partnership,
        "policy": policy_for(partnership),
        "base_url": url,
    }
    message = EmailMessage(
        subject=subject.format(
            course=session.course.title,
            date=f"{local:%-d %B %Y}",
            deadline=f"{timezone.localtime(deadline):%-d %B %Y at %H:%M}" if deadline else "",
        ),
        body=render_to_string(f"training/email/{kind}.txt", context),
        to=[obj.person.email],
    )
    if kind in ATTACH_INVITATION:
        message.attach("session.ics", booking_invitation(obj, base_url=url), "text/calendar")
    with transaction.atomic():
        try:
            with transaction.atomic():
                TrainingEmail.objects.create(kind=kind, key=f"{model.__name__}:{obj.pk}")
        except IntegrityError:
            return False
        message.send()
    return True


def send_message(message):
    """Send the training team's message to each person booked on the session when it was
    sent, once each (a retry sends only to those not yet sent to). Returns how many sent."""
    session = message.session
    partnership = session.course.partnership
    bookings = Booking.objects.filter(
        session=session, status=BookingStatus.CONFIRMED, created_at__lte=message.sent_at
    ).select_related("person")
    sent = 0
    for booking in bookings:
        context = {
            "kind": "message",
            "message": message,
            "person": booking.person,
            "session": session,
            "course": session.course,
            "partnership": partnership,
            "base_url": base_url(partnership),
        }
        email = EmailMessage(
            subject=f"{session.course.title}: {message.subject}",
            body=render_to_string("training/email/message.txt", context),
            to=[booking.person.email],
        )
        with transaction.atomic():
            try:
                with transaction.atomic():
                    TrainingEmail.objects.create(
                        kind="message", key=f"SessionMessage:{message.pk}:{booking.pk}"
                    )
            except IntegrityError:
                continue
            email.send()
        sent += 1
    return sent
