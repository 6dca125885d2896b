"""The waiting list: offering a freed place to the next person waiting, accepting or
declining an offer, leaving the list, and expiring offers whose time is up."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hub.core.permissions import Action, can
from hub.training.availability import free
from hub.training.models import (
    Booking,
    Session,
    SessionStatus,
    WaitingListEntry,
    WaitStatus,
    policy_for,
)
from hub.training.services.access import may_act_on
from hub.training.services.common import (
    confirmed,
    email_after_commit,
    lock_session,
    log,
    require_open,
)


def settle(session, now):
    """Expire offers whose time is up, then offer free places to those waiting, in order.
    Idempotent; the caller holds the session's lock. One query when no one is waiting."""
    live = list(
        WaitingListEntry.objects.filter(
            session=session, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
        ).order_by("joined_at", "pk")
    )
    if not live:
        return
    for entry in live:
        if entry.status == WaitStatus.OFFERED and entry.offer_expires_at <= now:
            entry.status = WaitStatus.EXPIRED
            entry.decided_at = now
            entry.save(update_fields=["status", "decided_at"])
            log(
                None,
                "hub.training.offer_expired",
                entry,
                partnership_id=session.course.partnership_id,
                agency_id=entry.agency_id,
            )
    if session.status != SessionStatus.SCHEDULED or session.starts_at <= now:
        return
    waiting = [entry for entry in live if entry.status == WaitStatus.WAITING]
    if not waiting:
        return
    open_offers = sum(1 for entry in live if entry.status == WaitStatus.OFFERED)
    places = free(session.capacity, confirmed=confirmed(session).count(), open_offers=open_offers)
    if places <= 0:
        return
    hold = datetime.timedelta(hours=policy_for(session.course.partnership).offer_hold_hours)
    # An offer never runs past the start of the session.
    expires = min(now + hold, session.starts_at)
    for entry in waiting[:places]:
        entry.status = WaitStatus.OFFERED
        entry.offered_at = now
        entry.offer_expires_at = expires
        entry.save(update_fields=["status", "offered_at", "offer_expires_at"])
        log(
            None,
            "hub.training.offer_made",
            entry,
            partnership_id=session.course.partnership_id,
            agency_id=entry.agency_id,
        )
        email_after_commit("offer", entry)


def waiting_position(entry):
    """1 for the first person waiting."""
    return (
        WaitingListEntry.objects.filter(session_id=entry.session_id, status=WaitStatus.WAITING)
        .filter(Q(joined_at__lt=entry.joined_at) | Q(joined_at=entry.joined_at, pk__lt=entry.pk))
        .count()
        + 1
    )


def offer_accept(*, by, entry, now=None, request=None):
    """Take up an offered place while the offer is open: the entry becomes a booking. An
    offer found expired is passed on to the next person first, then refused."""
    now = now or timezone.now()
    if not may_act_on(by, entry):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(entry.session)
        entry = WaitingListEntry.objects.select_related("person").get(pk=entry.pk)
        if entry.status == WaitStatus.ACCEPTED:
            raise ValidationError("You have already accepted this place.")
        expired = entry.status == WaitStatus.EXPIRED or (
            entry.status == WaitStatus.OFFERED and entry.offer_expires_at <= now
        )
        if expired:
            # Pass the place on now (committed), then tell the person.
            settle(session, now)
    if expired:
        raise ValidationError(
            "This offer expired at "
            f"{timezone.localtime(entry.offer_expires_at):%H:%M on %-d %B %Y}, "
            "and the place has gone to the next person waiting."
        )
    with transaction.atomic():
        session = lock_session(entry.session)
        entry = WaitingListEntry.objects.select_related("person").get(pk=entry.pk)
        if entry.status != WaitStatus.OFFERED or entry.offer_expires_at <= now:
            raise ValidationError("There is no place on offer to accept.")
        require_open(session, now)
        booking = Booking.objects.create(
            session=session,
            person=entry.person,
            agency=entry.person.agency,
            booked_by=by,
            created_at=now,
        )
        entry.status = WaitStatus.ACCEPTED
        entry.decided_at = now
        entry.booking = booking
        entry.save(update_fields=["status", "decided_at", "booking"])
        log(
            by,
            "hub.training.offer_accepted",
            booking,
            partnership_id=session.course.partnership_id,
            agency_id=booking.agency_id,
            request=request,
        )
        email_after_commit("booked", booking)
    return booking


def waiting_list_leave(*, by, entry, now=None, request=None):
    """Decline an offer, or stop waiting. The place goes to the next person."""
    now = now or timezone.now()
    if not may_act_on(by, entry):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(entry.session)
        entry = WaitingListEntry.objects.get(pk=entry.pk)
        if entry.status not in (WaitStatus.WAITING, WaitStatus.OFFERED):
            raise ValidationError("This is no longer on the waiting list.")
        entry.status = (
            WaitStatus.DECLINED if entry.status == WaitStatus.OFFERED else WaitStatus.LEFT
        )
        entry.decided_at = now
        entry.save(update_fields=["status", "decided_at"])
        log(
            by,
            "hub.training.left_waiting_list",
            entry,
            partnership_id=session.course.partnership_id,
            agency_id=entry.agency_id,
            request=request,
        )
        settle(session, now)
    return entry


def waiting_list_offer(*, by, session, now=None, request=None):
    """Offer every free place to the next people waiting, now: after the training team
    raised a session's places, say, instead of at the next booking or cancellation. Each
    offer is audited and emailed as any other. Returns how many offers were made."""
    now = now or timezone.now()
    if not can(by, Action.MANAGE_TRAINING, session.course.partnership):
        raise PermissionDenied
    with transaction.atomic():
        session = lock_session(session)
        require_open(session, now)
        if not WaitingListEntry.objects.filter(session=session, status=WaitStatus.WAITING):
            raise ValidationError("No one is waiting for a place on this session.")
        settle(session, now)
        made = WaitingListEntry.objects.filter(
            session=session, status=WaitStatus.OFFERED, offered_at=now
        ).count()
        if not made:
            raise ValidationError(
                "No place is free to offer: every place is booked or already offered."
            )
    return made


def offers_expire(now=None):
    """Settle every session with an offer whose time is up; return how many were settled.
    Safe to run as often as cron likes."""
    now = now or timezone.now()
    sessions = (
        Session.objects.filter(
            waiting_list__status=WaitStatus.OFFERED, waiting_list__offer_expires_at__lte=now
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    count = 0
    for pk in list(sessions):
        with transaction.atomic():
            settle(lock_session(pk), now)
        count += 1
    return count
