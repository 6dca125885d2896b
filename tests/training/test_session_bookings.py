"""The training team's bookings screen for one session: booked, offered (with the offer's
end), waiting in order, cancelled; free places offered at once; exports; nobody else's."""

import csv
import io
from datetime import timedelta

import pytest
from django.test import Client

from hub.training import services
from hub.training.models import BookingStatus, WaitingListEntry, WaitStatus

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
    assert "Offered a place (1)" in html and "Cancelled or moved (1)" in html
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


# --- Book someone, move someone, email everyone booked ----------------------------------


def test_the_team_books_someone_by_email_or_puts_them_on_the_waiting_list(
    session_factory, people, staff, training_team
):
    from hub.core import audit

    session = session_factory(capacity=1)
    client = _client(training_team)
    book = f"/training/manage/sessions/{session.pk}/bookings/book/"
    response = client.post(book, {"email": people[0].email.upper()}, follow=True)
    assert f"{people[0].display_name} is booked." in response.content.decode()
    booking = session.bookings.get(person=people[0], status=BookingStatus.CONFIRMED)
    assert booking.booked_by == training_team
    assert audit.entries().filter(action="hub.training.booked", user=training_team).exists()

    # Full: the next person joins the waiting list, and the team is told their place in it.
    response = client.post(book, {"email": people[1].email}, follow=True)
    assert "is number 1 on the waiting list" in response.content.decode()
    assert WaitingListEntry.objects.filter(session=session, person=people[1]).exists()

    # Booked already: the service's words, on the form, and nothing changes.
    response = client.post(book, {"email": people[0].email})
    assert response.status_code == 400
    assert "already booked on this session" in response.content.decode()

    # Nobody of the partnership's organisations has the address: Northmoor's own staff,
    # an unknown address, nonsense. Each is an error on the field; no booking is made.
    northmoor = staff(partnership="northmoor", email="someone@moorhampton.example")
    for email in (northmoor.email, "nobody@nowhere.example", "not an email", ""):
        response = client.post(book, {"email": email})
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html and 'href="#book-email"' in html
    assert session.bookings.count() == 1
    assert not WaitingListEntry.objects.filter(session=session, person=northmoor).exists()


def test_booking_someone_is_for_the_partnerships_training_team_only(full_session, people, staff):
    book = f"/training/manage/sessions/{full_session.pk}/bookings/book/"
    for outsider in (
        staff("training_coordinator", partnership="northmoor"),
        staff("agency_lead", agency="westbury"),
        people[4],
    ):
        assert _client(outsider).post(book, {"email": people[4].email}).status_code == 404
    assert not full_session.bookings.filter(person=people[4]).exists()
    assert not WaitingListEntry.objects.filter(session=full_session, person=people[4]).exists()


def test_a_place_moves_to_another_date_and_the_place_left_goes_to_the_first_waiting(
    full_session,
    session_factory,
    people,
    training_team,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    from hub.core import audit

    later = session_factory(capacity=3, starts_at=full_session.starts_at + timedelta(days=14))
    moving = full_session.bookings.get(person=people[0])
    client = _client(training_team)
    address = f"/training/manage/sessions/{full_session.pk}/bookings/{moving.pk}/move/"
    page = client.get(address).content.decode()
    assert "(3 places free)" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, {"session": later.pk}, follow=True)
    assert "place has moved to" in response.content.decode()
    moving.refresh_from_db()
    assert moving.status == BookingStatus.MOVED and moving.transferred_to.session == later
    assert later.bookings.filter(person=people[0], status=BookingStatus.CONFIRMED).exists()
    offered = WaitingListEntry.objects.get(session=full_session, person=people[2])
    assert offered.status == WaitStatus.OFFERED
    entry = audit.entries().get(action="hub.training.moved")
    assert entry.data["details"]["from_session"] == full_session.pk
    moved_mail = [m for m in mailoutbox if m.to == [people[0].email]]
    assert len(moved_mail) == 1 and "has moved to" in moved_mail[0].subject
    assert moved_mail[0].attachments[0][0] == "session.ics"
    # The screen says where the place went, without a query per row.
    html = client.get(f"/training/manage/sessions/{full_session.pk}/bookings/").content.decode()
    assert "Moved to another date" in html


def test_a_move_to_a_full_or_foreign_date_is_refused_and_changes_nothing(
    full_session, session_factory, people, staff, training_team
):
    from hub.training.models import Course

    full_date = session_factory(capacity=1, starts_at=full_session.starts_at + timedelta(days=7))
    services.place_request(by=people[4], session=full_date, person=people[4])
    other_course = (
        Course.objects.filter(partnership=full_session.course.partnership)
        .exclude(pk=full_session.course_id)
        .first()
    )
    elsewhere = session_factory(capacity=5, course=other_course)
    northmoor_course = Course.objects.filter(partnership__slug="northmoor").first()
    northmoor = session_factory(capacity=5, course=northmoor_course)
    moving = full_session.bookings.get(person=people[0])
    client = _client(training_team)
    address = f"/training/manage/sessions/{full_session.pk}/bookings/{moving.pk}/move/"
    response = client.post(address, {"session": full_date.pk})
    assert response.status_code == 400
    assert "No place is free on that date" in response.content.decode()
    for forged in (elsewhere.pk, northmoor.pk, full_session.pk, "x", ""):
        response = client.post(address, {"session": forged})
        assert response.status_code == 400, forged
        assert "There is a problem" in response.content.decode()
    moving.refresh_from_db()
    assert moving.status == BookingStatus.CONFIRMED
    assert full_date.bookings.count() == 1
    # Another session's booking under this session's address: 404.
    other = full_date.bookings.get()
    forged = f"/training/manage/sessions/{full_session.pk}/bookings/{other.pk}/move/"
    assert client.post(forged, {"session": full_date.pk}).status_code == 404
    # Outside the training team: 404, nothing moves.
    lead = staff("agency_lead", agency="westbury")
    assert _client(lead).post(address, {"session": full_date.pk}).status_code == 404


def test_the_team_emails_everyone_booked_once_even_if_the_form_is_sent_twice(
    full_session, people, training_team, mailoutbox, django_capture_on_commit_callbacks
):
    from hub.core import audit
    from hub.training.models import SessionMessage

    client = _client(training_team)
    address = f"/training/manage/sessions/{full_session.pk}/bookings/email/"
    page = client.get(address).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]
    form = {
        "subject": "Room change",
        "body": "We are in room 4 now.\nParking is free.",
        "token": token,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, form, follow=True)
    assert "Your email is on its way to 2 people." in response.content.decode()
    sent = [m for m in mailoutbox if "Room change" in m.subject]
    assert sorted(m.to[0] for m in sent) == sorted([people[0].email, people[1].email])
    assert "We are in room 4 now." in sent[0].body and full_session.course.title in sent[0].subject
    # The same form again (a double click): nothing more is sent, and the team is told.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, form, follow=True)
    assert "already been sent" in response.content.decode()
    assert len([m for m in mailoutbox if "Room change" in m.subject]) == 2
    assert SessionMessage.objects.filter(session=full_session).count() == 1
    assert audit.entries().filter(action="hub.training.message_sent").count() == 1
    # The screen lists it; the worker running the task again sends nobody a second copy.
    html = client.get(f"/training/manage/sessions/{full_session.pk}/bookings/").content.decode()
    assert "Emails sent to everyone booked" in html and "Room change" in html
    from hub.training import emails

    assert emails.send_message(SessionMessage.objects.get()) == 0


def test_an_email_with_missing_or_forged_parts_is_refused(full_session, staff, training_team):
    from hub.training.models import SessionMessage

    client = _client(training_team)
    address = f"/training/manage/sessions/{full_session.pk}/bookings/email/"
    for form in (
        {"subject": "", "body": "", "token": "5c1d7c0e-8a6b-4c1e-9d55-3f1f2d0c7a10"},
        {"subject": "x" * 151, "body": "Hello", "token": "5c1d7c0e-8a6b-4c1e-9d55-3f1f2d0c7a11"},
        {"subject": "Hello", "body": "Hello", "token": "not-a-token"},
    ):
        response = client.post(address, form)
        assert response.status_code == 400
        assert "There is a problem" in response.content.decode()
    assert not SessionMessage.objects.exists()
    northmoor_team = staff("training_coordinator", partnership="northmoor")
    form = {"subject": "Hi", "body": "Hi", "token": "5c1d7c0e-8a6b-4c1e-9d55-3f1f2d0c7a12"}
    assert _client(northmoor_team).post(address, form).status_code == 404
    assert not SessionMessage.objects.exists()


def test_the_teams_emails_go_90_days_after_the_session(full_session, training_team):
    import uuid

    from hub.training import privacy
    from hub.training.models import SessionMessage

    services.session_message_send(
        by=training_team, session=full_session, subject="S", body="B", token=uuid.uuid4()
    )
    privacy.prune(full_session.ends_at + timedelta(days=89))
    assert SessionMessage.objects.count() == 1
    privacy.prune(full_session.ends_at + timedelta(days=91))
    assert not SessionMessage.objects.exists()
