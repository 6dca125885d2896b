"""How many places a session has left, stated once: its capacity, less confirmed bookings,
less offers still open to someone on the waiting list. A place is never a counter.

The services count under the session's row lock before they act (`free`, `places_left`);
lists of sessions annotate the figure in the same query (`with_places`), and pages show it
through `places_shown`."""

from django.db.models import Count, F, Q
from django.utils import timezone

from hub.training.models import Booking, BookingStatus, WaitingListEntry, WaitStatus


def free(capacity, *, confirmed, open_offers):
    """Places left from the three figures; works on numbers and on query expressions."""
    return capacity - confirmed - open_offers


def places_left(session, now=None):
    """The session's places left, counted now. Call under the session's lock to act on it."""
    now = now or timezone.now()
    return free(
        session.capacity,
        confirmed=Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED).count(),
        open_offers=WaitingListEntry.objects.filter(
            session=session, status=WaitStatus.OFFERED, offer_expires_at__gt=now
        ).count(),
    )


def with_places(sessions, now=None):
    """Annotate a queryset of sessions with `places_left` (and `_waiting`, how many wait), so
    a list of sessions costs no query per row."""
    now = now or timezone.now()
    return sessions.annotate(
        _confirmed=Count(
            "bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED), distinct=True
        ),
        _offers=Count(
            "waiting_list",
            filter=Q(
                waiting_list__status=WaitStatus.OFFERED,
                waiting_list__offer_expires_at__gt=now,
            ),
            distinct=True,
        ),
        _waiting=Count(
            "waiting_list", filter=Q(waiting_list__status=WaitStatus.WAITING), distinct=True
        ),
    ).annotate(places_left=free(F("capacity"), confirmed=F("_confirmed"), open_offers=F("_offers")))


def places_shown(session):
    """An annotated session's places left as a page shows them: never fewer than none (a
    capacity lowered below the places taken leaves the session full, not negative)."""
    return max(session.places_left, 0)
