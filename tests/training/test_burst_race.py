"""A burst of people asking for a full session at once. Joining a full session's waiting list
moves no one's place, so on PostgreSQL those requests hold the session's lock in share mode
and join together (hub.training.services.place_request); anything that moves a place still
takes the lock exclusively. These races pin what must hold whichever way each request goes:
everyone joins once and in order, a place freed in the middle of the burst goes to the first
person waiting, and one person asking twice at once joins once.

Like test_race, each test commits its data for the threads to see (a transactional test),
on SQLite through a file copy of the demo where IMMEDIATE transactions queue every request.
"""

import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from hub.training import services
from hub.training.availability import places_left
from hub.training.models import Booking, BookingStatus, WaitingListEntry, WaitStatus
from tests.training import test_race

pytestmark = pytest.mark.django_db(transaction=True)

# test_race's session of five places and thirty people, on the database the threads share.
PLACES = test_race.PLACES
race = test_race.race


def at_once(*calls):
    """Run each call on its own thread and database connection, all released together;
    return (results, errors) in the order the calls were given."""
    start = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), [None] * len(calls)

    def run(index, call):
        try:
            connection.ensure_connection()  # this thread's own connection, open before the off
            start.wait(timeout=60)
            results[index] = call()
        except Exception as error:  # every failure is reported to the test
            errors[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


def ask(session, person):
    return lambda: services.place_request(by=person, session=session, person=person)


def full(race):
    """The race's session with every place booked, one at a time, before the burst."""
    session, people = race
    for person in people[:PLACES]:
        services.place_request(by=person, session=session, person=person)
    return session, people[:PLACES], people[PLACES:]


def test_everyone_asking_for_a_full_session_at_once_joins_its_waiting_list_once_in_order(race):
    session, _, others = full(race)
    mail.outbox.clear()

    results, errors = at_once(*(ask(session, person) for person in others))

    assert errors == [None] * len(others)
    assert all(isinstance(result, WaitingListEntry) for result in results)
    assert Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED).count() == PLACES
    waiting = WaitingListEntry.objects.filter(session=session)
    assert sorted(waiting.values_list("person_id", flat=True)) == sorted(p.pk for p in others)
    assert set(waiting.values_list("status", flat=True)) == {WaitStatus.WAITING}
    positions = sorted(services.waiting_position(entry) for entry in waiting)
    assert positions == list(range(1, len(others) + 1))
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in others)
    assert all(m.subject.startswith("You are on the waiting list") for m in mail.outbox)


def test_a_place_freed_during_the_burst_is_offered_to_the_first_person_waiting(race):
    session, booked, others = full(race)
    first = others[0]
    services.place_request(by=first, session=session, person=first)
    leaving = Booking.objects.get(session=session, person=booked[0])
    cancel = lambda: services.booking_cancel(by=booked[0], booking=leaving)  # noqa: E731

    results, errors = at_once(cancel, *(ask(session, person) for person in others[1:]))

    assert errors == [None] * len(results)
    assert Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED).count() == (
        PLACES - 1
    )
    offered = WaitingListEntry.objects.get(session=session, status=WaitStatus.OFFERED)
    assert offered.person == first
    waiting = WaitingListEntry.objects.filter(session=session, status=WaitStatus.WAITING)
    assert sorted(waiting.values_list("person_id", flat=True)) == sorted(p.pk for p in others[1:])
    # No place is left free while anyone waits: the freed one is held for the first.
    assert places_left(session) == 0


def test_one_person_asking_twice_at_once_joins_the_waiting_list_once(race):
    session, _, others = full(race)
    twice = others[0]
    calls = [ask(session, twice), ask(session, twice)] + [ask(session, p) for p in others[1:9]]

    results, errors = at_once(*calls)

    assert errors[2:] == [None] * 8
    mine = [result for result in results[:2] if result is not None]
    refused = [error for error in errors[:2] if error is not None]
    assert len(mine) == 1 and len(refused) == 1
    assert isinstance(refused[0], ValidationError)
    assert refused[0].messages == ["Already on the waiting list for this session."]
    assert WaitingListEntry.objects.filter(session=session, person=twice).count() == 1
