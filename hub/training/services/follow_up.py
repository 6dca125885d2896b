"""After the course and around it: the attendee's evaluation and impact answer, reminders,
impact questions some weeks on, and emails whose task was lost. Certificates are in
certificates.py."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hub.training import emails
from hub.training.models import (
    COMPLETED,
    Booking,
    BookingStatus,
    Evaluation,
    ImpactResponse,
    SessionStatus,
    TrainingEmail,
    WaitingListEntry,
    WaitStatus,
)
from hub.training.services.common import log, policies

# A confirmation or offer whose task was lost (a worker killed mid-task never retries it) is
# sent by the periodic job once it is this old and still has no record of being sent.
LOST_EMAIL_AFTER = datetime.timedelta(minutes=15)


def evaluation_submit(*, by, booking, answers, now=None, request=None):
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
        log(
            by,
            "hub.training.evaluated",
            booking,
            partnership_id=booking.session.course.partnership_id,
            agency_id=booking.agency_id,
            request=request,
        )
    return evaluation


def impact_submit(*, by, booking, practice_changed, example="", now=None, request=None):
    """The attendee's own answer to whether the course changed their practice, once."""
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


def reminders_send(now=None):
    """Remind each person booked on a session that starts within the partnership's reminder
    period, once per booking; return how many were sent."""
    now = now or timezone.now()
    policy = policies()
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


def impact_follow_ups_send(now=None):
    """Ask each person who attended, some weeks on, whether the course changed their
    practice; once per booking."""
    now = now or timezone.now()
    policy = policies()
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


def lost_emails_send(now=None):
    """Send booking confirmations and offers that have no record of being sent, for places
    still current; each once (emails.send claims it). Return how many were sent."""
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
