"""Certificates of attendance: when one is available, issuing it on first download, and
withdrawing it (by the training team, or by itself when the attendance it rests on is
corrected).

A certificate row is issued once per booking and never reissued: its code is what an
employer checks at /certificates/<code>/ (hub/training/verification.py). Withdrawing keeps
the row, so the check can say it was withdrawn and when, rather than not knowing it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hub.core import identifiers
from hub.core.permissions import Action, can
from hub.training.models import COMPLETED, Booking, Certificate, Evaluation, policy_for
from hub.training.services.common import log

# The reason given when the register is corrected after a certificate was issued. A
# certificate withdrawn for this reason only is valid again if the mark is corrected back.
ATTENDANCE_CORRECTED = "The attendance it was issued for was corrected."


def _logged(by, action, certificate, *, request, details=None):
    """Audited under the course's partnership and the booking's agency."""
    booking = certificate.booking
    log(
        by,
        f"hub.training.{action}",
        certificate,
        partnership_id=booking.session.course.partnership_id,
        agency_id=booking.agency_id,
        details=details,
        request=request,
    )


def _certificate_of(booking):
    """The booking's certificate or None; no query when the caller loaded it with the booking
    (select_related("certificate"))."""
    if Booking.certificate.is_cached(booking):
        return getattr(booking, "certificate", None)
    return Certificate.objects.filter(booking=booking).first()


def certificate_available(booking, *, policy=None):
    """A certificate once the person attended, and evaluated if the partnership asks that,
    unless one issued for this booking was withdrawn. A list of bookings costs no query per
    row when it passes the partnership's `policy` and loads each booking's evaluation and
    certificate with it (select_related("evaluation", "certificate"))."""
    if not booking.completed:
        return False
    certificate = _certificate_of(booking)
    if certificate is not None:
        return certificate.withdrawn_at is None
    policy = policy or policy_for(booking.session.course.partnership)
    if not policy.certificate_needs_evaluation:
        return True
    if Booking.evaluation.is_cached(booking):
        return hasattr(booking, "evaluation")
    return Evaluation.objects.filter(booking=booking).exists()


def may_download_certificate(by, booking):
    """The person themself, or whoever sees their agency's training records."""
    if by.pk == booking.person_id:
        return True
    return booking.agency_id is not None and can(by, Action.VIEW_TRAINING_RECORDS, booking.agency)


def certificate_issue(*, by, booking, now=None, request=None):
    """The booking's certificate, issued (with its code, audited) the first time it is asked
    for and the same row every time after: two downloads at once issue one certificate.
    Refused when the certificate is not available (see certificate_available)."""
    now = now or timezone.now()
    if not may_download_certificate(by, booking):
        raise PermissionDenied
    if not certificate_available(booking):
        raise ValidationError("There is no certificate for this booking.")
    with transaction.atomic():
        # get_or_create catches the unique booking's IntegrityError when a second request
        # inserts at the same moment, and reads the row that request made.
        certificate, created = Certificate.objects.get_or_create(
            booking=booking, defaults={"issued_at": now}
        )
        if created:
            _logged(by, "certificate_issued", certificate, request=request)
    booking.certificate = certificate
    return certificate


def _withdraw(certificate, *, by, reason, now, request):
    """Inside the caller's transaction, on the locked certificate row."""
    certificate.withdrawn_at = now
    certificate.withdrawn_reason = reason
    certificate.save(update_fields=["withdrawn_at", "withdrawn_reason"])
    details = {"automatic": reason == ATTENDANCE_CORRECTED}
    _logged(by, "certificate_withdrawn", certificate, details=details, request=request)


def certificate_withdraw(*, by, certificate, reason, now=None, request=None):
    """The partnership's training team withdraws an issued certificate, once, with a short
    reason that anyone checking the certificate is shown. The certificate can no longer be
    downloaded; its check says it was withdrawn, when and why."""
    now = now or timezone.now()
    booking = certificate.booking
    if not can(by, Action.MANAGE_TRAINING, booking.session.course.partnership):
        raise PermissionDenied
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Enter why the certificate is withdrawn.")
    if len(reason) > Certificate._meta.get_field("withdrawn_reason").max_length:
        raise ValidationError("Why the certificate is withdrawn must be 200 characters or fewer.")
    # Shown to anyone who checks the certificate: nothing that identifies anyone.
    identifiers.check(reason)
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("booking__session__course")
            .get(pk=certificate.pk)
        )
        if certificate.withdrawn_at is not None:
            raise ValidationError("This certificate has already been withdrawn.")
        _withdraw(certificate, by=by, reason=reason, now=now, request=request)
    return certificate


def certificates_follow_attendance(bookings, *, by, now, request=None):
    """Inside attendance_mark's transaction, for the bookings whose mark just changed: a
    certificate issued for one is withdrawn when the booking no longer counts as completed,
    and valid again when a mark corrected by mistake is corrected back (only if that
    correction was what withdrew it; the training team's own withdrawal stands)."""
    marks = {booking.pk: booking.attendance for booking in bookings}
    certificates = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("booking__session__course")
        .filter(booking__in=list(marks))
        .order_by("pk")
    )
    for certificate in certificates:
        completed = marks[certificate.booking_id] in COMPLETED
        if not completed and certificate.withdrawn_at is None:
            _withdraw(certificate, by=by, reason=ATTENDANCE_CORRECTED, now=now, request=request)
        elif (
            completed
            and certificate.withdrawn_at is not None
            and certificate.withdrawn_reason == ATTENDANCE_CORRECTED
        ):
            certificate.withdrawn_at = None
            certificate.withdrawn_reason = ""
            certificate.save(update_fields=["withdrawn_at", "withdrawn_reason"])
            _logged(by, "certificate_reinstated", certificate, request=request)
