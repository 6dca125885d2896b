"""Booking a place: requesting one (a booking if a place is free, else the waiting list),
cancelling it, and passing it to a colleague."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hub.core.permissions import Action, can
from hub.training.availability import free
from hub.training.models import (
    Booking,
    BookingStatus,
    ChargeReason,
    WaitingListEntry,
    WaitStatus,
)
from hub.training.services.access import may_act_on, may_book_on
from hub.training.services.charges import charge_raise, is_late_cancellation
from hub.training.services.common import (
    confirmed,
    email_after_commit,
    lock_session,
    log,
    pass_on,
    require_open,
)
from hub.training.services.waiting_list import settle


def place_request(*, by, session, person, now=None, request=None):
    """Book `person` on `session` if a place is free and no one is waiting before them;
    otherwise put them on the waiting list. Returns the Booking or the WaitingListEntry.
    The person books themself, a booker books a colleague, or the training team books
    anyone who works with the partnership, by the same rule."""
    now = now or timezone.now()
    if not person.is_active or not may_book_on(by, session, person):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(session)
        require_open(session, now)
        settle(session, now)
        booked = list(confirmed(session).values_list("person_id", flat=True))
        if person.pk in booked:
            who = "You are" if by.pk == person.pk else f"{person.display_name} is"
            raise ValidationError(f"{who} already booked on this session.")
        live = list(
            WaitingListEntry.objects.filter(
                session=session, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
            ).values_list("person_id", "status")
        )
        for person_id, status in live:
            if person_id != person.pk:
                continue
            if status == WaitStatus.OFFERED:
                raise ValidationError(
                    "A place is being held for this person: accept the offer in My training."
                )
            raise ValidationError("Already on the waiting list for this session.")
        open_offers = sum(1 for _, status in live if status == WaitStatus.OFFERED)
        someone_waiting = any(status == WaitStatus.WAITING for _, status in live)
        partnership_id = session.course.partnership_id
        places = free(session.capacity, confirmed=len(booked), open_offers=open_offers)
        if places > 0 and not someone_waiting:
            booking = Booking.objects.create(
                session=session, person=person, agency=person.agency, booked_by=by, created_at=now
            )
            log(
                by,
                "hub.training.booked",
                booking,
                partnership_id=partnership_id,
                agency_id=booking.agency_id,
                request=request,
            )
            email_after_commit("booked", booking)
            return booking
        entry = WaitingListEntry.objects.create(
            session=session, person=person, agency=person.agency, joined_at=now
        )
        log(
            by,
            "hub.training.joined_waiting_list",
            entry,
            partnership_id=partnership_id,
            agency_id=entry.agency_id,
            request=request,
        )
        email_after_commit("waiting", entry)
        return entry


def booking_cancel(*, by, booking, now=None, request=None):
    """Cancel a confirmed place before the session starts. Late cancellations are charged
    by the tariff; the freed place is offered to the first person waiting."""
    now = now or timezone.now()
    if not may_act_on(by, booking):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(booking.session)
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("person", "agency")
            .get(pk=booking.pk)
        )
        booking.session = session
        if booking.status != BookingStatus.CONFIRMED:
            raise ValidationError("This booking is already cancelled.")
        if session.starts_at <= now:
            raise ValidationError(
                "The session has started, so the booking can no longer be cancelled."
            )
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        late = is_late_cancellation(session, now)
        if late:
            charge_raise(booking, ChargeReason.LATE_CANCELLATION, now)
        log(
            by,
            "hub.training.cancelled",
            booking,
            partnership_id=session.course.partnership_id,
            agency_id=booking.agency_id,
            details={"late": late},
            request=request,
        )
        settle(session, now)
        email_after_commit("cancelled", booking)
    return booking


def booking_transfer(*, by, booking, to_person, now=None, request=None):
    """Pass a booked place to a colleague of the same agency before the session, at no
    charge: the place never frees, so the waiting list is not involved."""
    now = now or timezone.now()
    if not booking.agency_id or not can(by, Action.BOOK_FOR_AGENCY, booking.agency):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(booking.session)
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("agency")
            .get(pk=booking.pk)
        )
        if booking.status != BookingStatus.CONFIRMED:
            raise ValidationError("Only a booked place can be transferred.")
        if session.starts_at <= now:
            raise ValidationError("The session has started, so the place cannot be transferred.")
        if to_person.agency_id != booking.agency_id or not to_person.is_active:
            raise ValidationError(
                f"{to_person.display_name} does not work for {booking.agency}: a place can "
                "only be passed to a colleague in the same organisation."
            )
        if to_person.pk == booking.person_id:
            raise ValidationError("Choose a colleague other than the person already booked.")
        if confirmed(session).filter(person=to_person).exists():
            raise ValidationError(f"{to_person.display_name} is already booked on this session.")
        new = pass_on(
            booking,
            session=session,
            person=to_person,
            by=by,
            status=BookingStatus.TRANSFERRED,
            now=now,
        )
        settle(session, now)  # an offer the colleague held is free for the next person
        log(
            by,
            "hub.training.transferred",
            new,
            partnership_id=session.course.partnership_id,
            agency_id=new.agency_id,
            details={"from_booking": booking.pk},
            request=request,
        )
        email_after_commit("transferred", booking)
        email_after_commit("booked", new)
    return new
