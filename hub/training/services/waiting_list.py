"""The waiting list: offering a freed place to the next person waiting, accepting or
declining an offer, leaving the list, and expiring offers whose time is up."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
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
    recorded,
    require_open,
)

LIVE = (WaitStatus.WAITING, WaitStatus.OFFERED)


def waiting_list(session):
    """Who is on the session's waiting list now (waiting, or holding an offer), first come
    first: (entry pk, person pk, status, offer expires at) for each, read as plain rows
    because a full session's list is read on every request for a place."""
    return list(
        WaitingListEntry.objects.filter(session=session, status__in=LIVE)
        .order_by("joined_at", "pk")
        .values_list("pk", "person_id", "status", "offer_expires_at")
    )


def _overdue(entries, now):
    """The offers among `entries` (waiting_list rows) whose time is up."""
    return {
        pk for pk, _, status, expires in entries if status == WaitStatus.OFFERED and expires <= now
    }


def _places_to_offer(session, now, *, confirmed_count, entries):
    """How many places to offer now to those waiting among `entries` (waiting_list rows, no
    offer overdue): the free places, while the session can still be booked."""
    waiting = sum(1 for _, _, status, _ in entries if status == WaitStatus.WAITING)
    if not waiting or session.status != SessionStatus.SCHEDULED or session.starts_at <= now:
        return 0
    places = free(session.capacity, confirmed=confirmed_count, open_offers=len(entries) - waiting)
    return max(min(places, waiting), 0)


def needs_settling(session, now, *, confirmed_count, entries):
    """Whether settle would change anything: an offer whose time is up, or a free place
    while someone waits."""
    if _overdue(entries, now):
        return True
    return _places_to_offer(session, now, confirmed_count=confirmed_count, entries=entries) > 0


def settle(session, now, *, confirmed_count=None):
    """Expire offers whose time is up, then offer free places to those waiting, in order.
    Idempotent; the caller holds the session's lock (exclusively). Returns the waiting list
    as it leaves it (rows as `waiting_list` gives them). One query when nothing changes; a
    caller that has counted the confirmed bookings under the lock passes `confirmed_count`."""
    entries = waiting_list(session)
    expired = _overdue(entries, now)
    if expired:
        for entry in WaitingListEntry.objects.filter(pk__in=expired):
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
        entries = [row for row in entries if row[0] not in expired]
    if not any(status == WaitStatus.WAITING for _, _, status, _ in entries):
        return entries
    if confirmed_count is None:
        confirmed_count = confirmed(session).count()
    places = _places_to_offer(session, now, confirmed_count=confirmed_count, entries=entries)
    if not places:
        return entries
    hold = datetime.timedelta(hours=policy_for(session.course.partnership).offer_hold_hours)
    # An offer never runs past the start of the session.
    expires = min(now + hold, session.starts_at)
    waiting = [pk for pk, _, status, _ in entries if status == WaitStatus.WAITING]
    offered = set(waiting[:places])
    for entry in WaitingListEntry.objects.filter(pk__in=offered).order_by("joined_at", "pk"):
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
    return [
        (pk, person_id, WaitStatus.OFFERED, expires)
        if pk in offered
        else (pk, person_id, status, until)
        for pk, person_id, status, until in entries
    ]


def _ahead_of(session_id, joined_at, pk):
    """The entries waiting ahead of one (given by its fields, or OuterRefs to them)."""
    return WaitingListEntry.objects.filter(session_id=session_id, status=WaitStatus.WAITING).filter(
        Q(joined_at__lt=joined_at) | Q(joined_at=joined_at, pk__lt=pk)
    )


def waiting_position(entry):
    """1 for the first person waiting."""
    return _ahead_of(entry.session_id, entry.joined_at, entry.pk).count() + 1


def with_waiting_positions(entries):
    """Annotate a queryset of waiting entries with `position` (as waiting_position gives
    it), so a list of them costs no query per row."""
    ahead = (
        _ahead_of(OuterRef("session_id"), OuterRef("joined_at"), OuterRef("pk"))
        .order_by()
        .values("session_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return entries.annotate(position=Coalesce(Subquery(ahead), 0) + 1)


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
        recorded(
            by,
            "hub.training.offer_accepted",
            booking,
            session=session,
            email="booked",
            request=request,
        )
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
