"""What the training programme holds about a person, and how long it keeps it.

A person's bookings, certificates, waiting-list entries, evaluations and impact answers are
theirs: they are in their data download and go when their account is deleted (a certificate
goes with its booking, so its code then checks as unknown). Charges keep the name and
course as an invoice line (the agency's finance record), without a link to the account.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from hub.training.models import (
    Booking,
    Certificate,
    Evaluation,
    ImpactResponse,
    SessionMessage,
    TrainingEmail,
    WaitingListEntry,
)

# Waiting-list entries matter only until the session has happened.
WAITING_LIST_RETENTION = datetime.timedelta(days=90)
# The once-only email log must outlive every job that might send: reminders look 30 days
# ahead and impact questions a year back.
EMAIL_LOG_RETENTION = datetime.timedelta(days=400)


def personal_data(user):
    bookings = Booking.objects.filter(person=user).select_related("session__course", "agency")
    return {
        "bookings": [
            {
                "course": booking.session.course.title,
                "session_starts_at": booking.session.starts_at.isoformat(),
                "status": booking.get_status_display(),
                "attendance": booking.get_attendance_display() if booking.attendance else None,
                "agency": str(booking.agency) if booking.agency else None,
                "booked_at": booking.created_at.isoformat(),
            }
            for booking in bookings
        ],
        "certificates": [
            {
                "course": certificate.booking.session.course.title,
                "session_starts_at": certificate.booking.session.starts_at.isoformat(),
                "code": certificate.display_code,
                "issued_at": certificate.issued_at.isoformat(),
                "withdrawn_at": certificate.withdrawn_at.isoformat()
                if certificate.withdrawn_at
                else None,
                "withdrawn_reason": certificate.withdrawn_reason or None,
            }
            for certificate in Certificate.objects.filter(booking__person=user)
            .select_related("booking__session__course")
            .order_by("issued_at", "pk")
        ],
        "waiting_lists": [
            {
                "course": entry.session.course.title,
                "session_starts_at": entry.session.starts_at.isoformat(),
                "status": entry.get_status_display(),
                "joined_at": entry.joined_at.isoformat(),
            }
            for entry in WaitingListEntry.objects.filter(person=user).select_related(
                "session__course"
            )
        ],
        "evaluations": [
            {
                "course": evaluation.booking.session.course.title,
                "overall": evaluation.overall,
                "trainer": evaluation.trainer,
                "relevance": evaluation.relevance,
                "confidence_before": evaluation.confidence_before,
                "confidence_after": evaluation.confidence_after,
                "most_useful": evaluation.most_useful,
                "could_improve": evaluation.could_improve,
                "submitted_at": evaluation.submitted_at.isoformat(),
            }
            for evaluation in Evaluation.objects.filter(booking__person=user).select_related(
                "booking__session__course"
            )
        ],
        "impact_answers": [
            {
                "course": answer.booking.session.course.title,
                "practice_changed": answer.practice_changed,
                "example": answer.example,
                "submitted_at": answer.submitted_at.isoformat(),
            }
            for answer in ImpactResponse.objects.filter(booking__person=user).select_related(
                "booking__session__course"
            )
        ],
        "emails_sent_to_a_session": [
            {
                "course": message.session.course.title,
                "session_starts_at": message.session.starts_at.isoformat(),
                "subject": message.subject,
                "sent_at": message.sent_at.isoformat(),
                "recipients": message.recipients,
            }
            for message in SessionMessage.objects.filter(sent_by=user).select_related(
                "session__course"
            )
        ],
    }


@transaction.atomic
def prune(now=None):
    """Delete waiting-list entries and the training team's emails of sessions long past, and
    the old email log; return (entries and team emails, email log rows) deleted."""
    now = now or timezone.now()
    entries, _ = WaitingListEntry.objects.filter(
        session__ends_at__lt=now - WAITING_LIST_RETENTION
    ).delete()
    messages, _ = SessionMessage.objects.filter(
        session__ends_at__lt=now - WAITING_LIST_RETENTION
    ).delete()
    entries += messages
    emails, _ = TrainingEmail.objects.filter(sent_at__lt=now - EMAIL_LOG_RETENTION).delete()
    return entries, emails
