"""Booking a place: requesting one (a booking if a place is free, else the waiting list),
cancelling it, and passing it to a colleague."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
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
    recorded,
    require_open,
    share_session,
)
from hub.training.services.waiting_list import needs_settling, settle, waiting_list


def place_request(*, by, session, person, now=None, request=None):
    """Book `person` on `session` if a place is free and no one is waiting before them;
    otherwise put them on the waiting list. Returns the Booking or the WaitingListEntry.
    The person books themself, a booker books a colleague, or the training team books
    anyone who works with the partnership, by the same rule.

    The session's lock is taken exclusively when no one else holds it, as almost always.
    When others hold it (a burst of people asking for one session) and the session turns
    out to be full with nothing to settle, the request only joins the waiting list, which
    moves no one's place: it does so holding the lock in share mode, alongside the others
    joining, instead of queueing for the exclusive lock one commit at a time. Otherwise it
    queues for the exclusive lock. Under the lock are only the reads the decision needs, the
    insert and its audit entry; the email is queued after the commit."""
    now = now or timezone.now()
    if not person.is_active or not may_book_on(by, session, person):
        raise PermissionDenied
    shared = False
    try:
        with transaction.atomic():
            locked = lock_session(session, wait=False)
            if locked is not None:
                return _book_or_wait(by=by, session=locked, person=person, now=now, request=request)
            shared = True
            entry = _wait_if_full(
                by=by, session=share_session(session), person=person, now=now, request=request
            )
            if entry is not None:
                return entry
    except IntegrityError:
        if not shared:
            raise
        # The same person asking twice at once, both in share mode: the database keeps one
        # live entry each (one_live_wait_per_person), and the second waited for the first.
        raise ValidationError("Already on the waiting list for this session.") from None
    with transaction.atomic():
        return _book_or_wait(
            by=by, session=lock_session(session), person=person, now=now, request=request
        )


def _refuse_twice(*, by, person, booked, entries):
    """A person is booked once, and waits (or holds an offer) once, per session."""
    if person.pk in booked:
        who = "You are" if by.pk == person.pk else f"{person.display_name} is"
        raise ValidationError(f"{who} already booked on this session.")
    for _, person_id, status, _ in entries:
        if person_id != person.pk:
            continue
        if status == WaitStatus.OFFERED:
            raise ValidationError(
                "A place is being held for this person: accept the offer in My training."
            )
        raise ValidationError("Already on the waiting list for this session.")


def _book_or_wait(*, by, session, person, now, request):
    """place_request's decision, holding the session's lock exclusively."""
    require_open(session, now)
    booked = list(confirmed(session).values_list("person_id", flat=True))
    entries = settle(session, now, confirmed_count=len(booked))
    _refuse_twice(by=by, person=person, booked=booked, entries=entries)
    open_offers = _open_offers(entries)
    someone_waiting = len(entries) > open_offers
    places = free(session.capacity, confirmed=len(booked), open_offers=open_offers)
    if places <= 0 or someone_waiting:
        return _join_waiting_list(by=by, session=session, person=person, now=now, request=request)
    booking = Booking.objects.create(
        session=session, person=person, agency_id=person.agency_id, booked_by=by, created_at=now
    )
    return recorded(
        by, "hub.training.booked", booking, session=session, email="booked", request=request
    )


def _wait_if_full(*, by, session, person, now, request):
    """place_request's decision holding the session's lock in share mode: the waiting-list
    entry if the session is full and nothing needs settling; None, having written nothing,
    if a place could be free (the caller then takes the lock exclusively)."""
    require_open(session, now)
    booked = list(confirmed(session).values_list("person_id", flat=True))
    entries = waiting_list(session)
    _refuse_twice(by=by, person=person, booked=booked, entries=entries)
    if needs_settling(session, now, confirmed_count=len(booked), entries=entries):
        return None
    if free(session.capacity, confirmed=len(booked), open_offers=_open_offers(entries)) > 0:
        return None
    return _join_waiting_list(by=by, session=session, person=person, now=now, request=request)


def _open_offers(entries):
    """How many of the waiting list's rows (as `waiting_list` reads them) hold an open offer."""
    return sum(1 for _, _, status, _ in entries if status == WaitStatus.OFFERED)


def _join_waiting_list(*, by, session, person, now, request):
    """The person's entry at the end of the waiting list, audited; its email after commit."""
    entry = WaitingListEntry.objects.create(
        session=session, person=person, agency_id=person.agency_id, joined_at=now
    )
    return recorded(
        by,
        "hub.training.joined_waiting_list",
        entry,
        session=session,
        email="waiting",
        request=request,
    )


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
