"""The training team's bookings screen for one session: booked, offered (with the offer's
end), waiting in order, cancelled; free places offered at once; exports; nobody else's."""

import csv
import io

import pytest
from django.test import Client

from hub.training import services
from hub.training.models import WaitingListEntry, WaitStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_session(session_factory, people):
    """Two places, both booked; two people waiting; one cancelled and re-booked by another."""
    session = session_factory(capacity=2)
    for person in people[:4]:
        services.place_request(by=person, session=session, person=person)
    return session


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_screen_shows_booked_waiting_in_order_and_offers(full_session, people, training_team):
    client = _client(training_team)
    address = f"/training/manage/sessions/{full_session.pk}/bookings/"
    html = client.get(address).content.decode()
    assert "Booked (2)" in html and "Waiting, in order (2)" in html
    booked, rest = html.split("Offered a place (")
    assert people[0].email in booked and people[1].email in booked
    waiting = rest.split("Waiting, in order")[1].split("Cancelled or moved")[0]
    assert waiting.index(people[2].email) < waiting.index(people[3].email)

    # Someone cancels: the first waiting is offered the place, with the offer's end shown.
    booking = full_session.bookings.get(person=people[0])
    services.booking_cancel(by=people[0], booking=booking)
    html = client.get(address).content.decode()
    assert "Offered a place (1)" in html and "Cancelled or moved to a colleague (1)" in html
    offered = html.split("Offered a place (")[1].split("Waiting, in order")[0]
    assert people[2].email in offered


def test_raised_places_are_offered_at_once_and_audited(full_session, people, training_team):
    from hub.core import audit

    full_session.capacity = 4
    full_session.save(update_fields=["capacity"])
    client = _client(training_team)
    address = f"/training/manage/sessions/{full_session.pk}/bookings/"
    response = client.post(address, follow=True)
    assert "A place was offered to 2 people, by email." in response.content.decode()
    offered = WaitingListEntry.objects.filter(session=full_session, status=WaitStatus.OFFERED)
    assert {e.person for e in offered} == {people[2], people[3]}
    assert audit.entries().filter(action="hub.training.offer_made").count() >= 2
    # Again, with nobody left waiting: a message, nothing changed.
    response = client.post(address, follow=True)
    assert "No one is waiting for a place on this session." in response.content.decode()
    assert offered.count() == 2


def test_nothing_to_offer_says_so(full_session, training_team):
    response = _client(training_team).post(
        f"/training/manage/sessions/{full_session.pk}/bookings/", follow=True
    )
    assert "No place is free to offer" in response.content.decode()
    assert not WaitingListEntry.objects.filter(
        session=full_session, status=WaitStatus.OFFERED
    ).exists()


def test_the_exports_list_everyone_with_their_state(full_session, people, training_team):
    client = _client(training_team)
    response = client.get(f"/training/manage/sessions/{full_session.pk}/bookings.csv")
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Status", "Name", "Email"]
    assert [row[0] for row in rows[1:]] == ["Booked", "Booked", "Waiting (1)", "Waiting (2)"]
    xlsx = client.get(f"/training/manage/sessions/{full_session.pk}/bookings.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_only_the_partnerships_training_team_sees_a_sessions_bookings(full_session, people, staff):
    address = f"/training/manage/sessions/{full_session.pk}/bookings/"
    # Places were raised: a forged offer would have someone to offer them to.
    full_session.capacity = 4
    full_session.save(update_fields=["capacity"])
    for outsider in (
        staff("training_coordinator", partnership="northmoor"),
        staff("trainer"),
        staff("agency_lead", agency="westbury"),
        people[0],
    ):
        client = _client(outsider)
        assert client.get(address).status_code == 404
        assert client.post(address).status_code == 404
        assert client.get(address.rstrip("/") + ".csv").status_code == 404
    assert not WaitingListEntry.objects.filter(
        session=full_session, status=WaitStatus.OFFERED
    ).exists()


def test_the_screen_is_linked_from_my_sessions_and_the_admins_session_list(
    full_session, training_team
):
    client = _client(training_team)
    link = f'href="/training/manage/sessions/{full_session.pk}/bookings/"'
    assert link in client.get("/training/manage/sessions/").content.decode()
    listing = client.get("/admin/training_sessions/", {"q": "recognising neglect"})
    assert link in listing.content.decode()


def test_the_screen_costs_the_same_queries_however_many_are_on_it(
    session_factory, people, staff, training_team, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    session = session_factory(capacity=1)
    client = _client(training_team)
    address = f"/training/manage/sessions/{session.pk}/bookings/"
    services.place_request(by=people[0], session=session, person=people[0])
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    for n in range(8):
        person = staff(agency="westbury", email=f"queue{n}@westbury.example")
        services.place_request(by=person, session=session, person=person)
    with django_assert_max_num_queries(len(one)):
        html = client.get(address).content.decode()
    assert "Waiting, in order (8)" in html
