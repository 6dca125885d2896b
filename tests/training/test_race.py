"""Thirty people ask for a session's five places at the same moment, each through their own
database connection, as thirty web requests would. The session row lock in
hub.training.services must give exactly five bookings and a waiting list of twenty-five,
with no error and no one twice.

On PostgreSQL the threads race for the row lock. On SQLite they race for the database's one
write lock: the suite's in-memory database cannot show that (its shared cache locks tables
without waiting), so there the test runs on a file database, as the Hub runs out of the box,
where IMMEDIATE transactions and the busy timeout must queue all thirty without a "database is
locked" error. The test commits its data for the threads to see, so it is a transactional
test: pytest-django runs those after every other database test and empties the database
afterwards.
"""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from hub.core.models import Agency, Consortium, Partnership, User
from hub.training import services
from hub.training.models import (
    Booking,
    BookingStatus,
    Course,
    Format,
    Level,
    Session,
    WaitingListEntry,
    WaitStatus,
)

PEOPLE = 30
PLACES = 5

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def race(racing_database):
    """A session with five places and thirty practitioners, committed. Made here rather
    than taken from the demo, because a transactional test may run on an empty database."""
    consortium = Consortium.objects.create(name="Race consortium", slug="race")
    partnership = Partnership.objects.create(
        name="Race partnership", short_name="Race", slug="race", consortium=consortium
    )
    agency = Agency.objects.create(name="Race agency", agency_type="school")
    agency.partnerships.add(partnership)
    course = Course.objects.create(
        partnership=partnership,
        title="Race course",
        slug="race-course",
        summary="Five places.",
        level=Level.ONE,
        format=Format.FACE_TO_FACE,
        outcomes="Book a place",
        who_for="Everyone",
        hours=2,
    )
    starts_at = timezone.now() + datetime.timedelta(days=14)
    session = Session.objects.create(
        course=course,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        capacity=PLACES,
        venue="Race venue",
    )
    people = [
        User.objects.create_user(
            email=f"racer{number}@race.example", partnership=partnership, agency=agency
        )
        for number in range(PEOPLE)
    ]
    return session, people


def test_thirty_people_racing_for_five_places_get_five_bookings_and_twenty_five_waits(race):
    session, people = race
    start = threading.Barrier(PEOPLE)
    results, errors = [], []

    def ask(person):
        try:
            connection.ensure_connection()  # this thread's own connection, open before the off
            start.wait(timeout=60)
            results.append(services.place_request(by=person, session=session, person=person))
        except Exception as error:  # every failure is reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert len(results) == PEOPLE
    booked = Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED)
    waiting = WaitingListEntry.objects.filter(session=session)
    assert booked.count() == PLACES
    assert waiting.count() == PEOPLE - PLACES
    assert set(waiting.values_list("status", flat=True)) == {WaitStatus.WAITING}
    everyone = list(booked.values_list("person_id", flat=True)) + list(
        waiting.values_list("person_id", flat=True)
    )
    assert sorted(everyone) == sorted(person.pk for person in people)
    positions = sorted(services.waiting_position(entry) for entry in waiting)
    assert positions == list(range(1, PEOPLE - PLACES + 1))
    # Each person was told once: booked, or on the waiting list.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in people)
    assert sum(message.subject.startswith("You are booked") for message in mail.outbox) == PLACES
