"""What a place costs an organisation: the tariff that applies, the charges raised when a
booking is cancelled late or a register closes, and waiving a charge."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hub.core.models import AgencyType
from hub.core.permissions import Action, can
from hub.core.working_days import working_days_before
from hub.training.models import Charge, ChargeReason, Tariff, policy_for
from hub.training.services.common import log

_AMOUNT = {
    ChargeReason.PLACE: "place_pence",
    ChargeReason.LATE_CANCELLATION: "late_cancellation_pence",
    ChargeReason.NO_SHOW: "no_show_pence",
}


def is_late_cancellation(session, when, policy=None):
    """Cancelling at `when` is late if it is after the last free day: that many working days
    before the session's date (weekends and England and Wales bank holidays skipped)."""
    policy = policy or policy_for(session.course.partnership)
    session_day = timezone.localtime(session.starts_at).date()
    last_free_day = working_days_before(session_day, policy.free_cancellation_working_days)
    return timezone.localtime(when).date() > last_free_day


def tariff_for(booking):
    """The tariff for the booked person's confirmed organisation's type; someone with no
    confirmed organisation pays the course's "Other" rate. None if the course has none."""
    agency_type = booking.agency.agency_type if booking.agency_id else AgencyType.OTHER
    return Tariff.objects.filter(
        course_id=booking.session.course_id, agency_type=agency_type
    ).first()


def charge_due(booking, reason):
    """What `reason` costs for this booking, in pence (0 when the tariff charges nothing)."""
    tariff = tariff_for(booking)
    return getattr(tariff, _AMOUNT[reason]) if tariff is not None else 0


def late_cancellation_charge(booking, now=None):
    """What cancelling the booking at `now` would cost, in pence: 0 unless it is late."""
    if not is_late_cancellation(booking.session, now or timezone.now()):
        return 0
    return charge_due(booking, ChargeReason.LATE_CANCELLATION)


def charge_raise(booking, reason, now):
    """Record a charge if the tariff has one for `reason`; once per booking and reason, so
    closing a register twice charges once. The caller holds the session's lock."""
    amount = charge_due(booking, reason)
    if amount == 0:
        return None
    session = booking.session
    charge, created = Charge.objects.get_or_create(
        booking=booking,
        reason=reason,
        defaults={
            "partnership_id": session.course.partnership_id,
            "agency": booking.agency,
            "amount_pence": amount,
            "course_title": session.course.title,
            "session_starts_at": session.starts_at,
            "person_name": booking.person.display_name,
            "created_at": now,
        },
    )
    if created:
        log(
            None,
            "hub.training.charged",
            charge,
            partnership_id=charge.partnership_id,
            agency_id=charge.agency_id,
            details={"reason": reason.value},
        )
    return charge


def charge_waive(*, by, charge, reason, now=None, request=None):
    """The training team waives a charge, once, giving a reason finance will see."""
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
        log(
            by,
            "hub.training.charge_waived",
            charge,
            partnership_id=charge.partnership_id,
            agency_id=charge.agency_id,
            request=request,
        )
    return charge


AMOUNTS = tuple(_AMOUNT.values())


def charges_set(*, by, course, amounts, request=None):
    """Set what the course costs each type of organisation at once: `amounts` maps an
    agency type to {amount field: pence}. A type charged nothing for anything has no row
    (free, as before). Returns the types whose charges changed; audited when any did."""
    if not can(by, Action.MANAGE_TRAINING, course.partnership):
        raise PermissionDenied
    unknown = set(amounts) - set(AgencyType.values)
    if unknown or any(set(each) - set(AMOUNTS) for each in amounts.values()):
        raise ValidationError("Charges can be set only for the listed types of organisation.")
    if any(pence < 0 for each in amounts.values() for pence in each.values()):
        raise ValidationError("A charge cannot be less than nothing.")
    changed = []
    with transaction.atomic():
        current = {
            tariff.agency_type: tariff
            for tariff in Tariff.objects.select_for_update().filter(course=course)
        }
        for agency_type, wanted in amounts.items():
            wanted = {name: wanted.get(name, 0) for name in AMOUNTS}
            tariff = current.get(agency_type)
            now_set = {name: getattr(tariff, name) for name in AMOUNTS} if tariff else None
            if not any(wanted.values()):
                if tariff is not None:
                    tariff.delete()
                    changed.append(agency_type)
                continue
            if now_set == wanted:
                continue
            Tariff.objects.update_or_create(course=course, agency_type=agency_type, defaults=wanted)
            changed.append(agency_type)
        if changed:
            log(
                by,
                "hub.training.charges_set",
                course,
                partnership_id=course.partnership_id,
                details={"types": sorted(changed)},
                request=request,
            )
    return changed
