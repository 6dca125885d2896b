"""The staff training pages: a trainer's register (their own sessions only, closed registers
read-only, forged ids refused), My sessions, an agency's staff training records (own agency
only), moving a place to a colleague, and the records' CSV."""

import csv
import datetime
import io
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.test import Client
from django.utils import timezone

from hub.core import audit
from hub.core.models import Agency, Role
from hub.training import services
from hub.training.models import Attendance, Booking, BookingStatus, Course, Format, Level
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def signed_in(user, host=None):
    client = Client(HTTP_HOST=host) if host else Client()
    client.force_login(user)
    return client


def booked(session, person, **fields):
    return Booking.objects.create(session=session, person=person, agency=person.agency, **fields)


def marks(**by_booking):
    return {f"mark-{booking_pk}": mark for booking_pk, mark in by_booking.items()}


@pytest.fixture
def trainer(staff):
    return staff(Role.TRAINER, email="staff-pages-trainer@westshire.example")


@pytest.fixture
def other_trainer(staff):
    return staff(Role.TRAINER, email="staff-pages-other-trainer@westshire.example")


@pytest.fixture
def running(session_factory, trainer, people):
    """A session of the trainer's that started an hour ago, with two people booked."""
    session = session_factory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    session.trainers.add(trainer)
    booked(session, people[0])
    booked(session, people[1])
    return session


@pytest.fixture
def agency_lead(staff):
    return staff(Role.AGENCY_LEAD, agency="westbury", email="staff-pages-lead@westbury.example")


# --- The register ----------------------------------------------------------------------


def test_a_trainer_takes_the_register_of_their_own_session(trainer, running):
    first, second = running.bookings.order_by("pk")
    client = signed_in(trainer)
    html = page(client.get(f"/training/manage/sessions/{running.pk}/register/"))
    assert "govuk-radios--small" in html and "govuk-radios--inline" in html
    assert f'name="mark-{first.pk}"' in html and f'name="mark-{second.pk}"' in html
    assert "<table" not in html, "the register is a list of questions, never a wide table"

    response = client.post(
        f"/training/manage/sessions/{running.pk}/register/",
        marks(**{str(first.pk): "attended", str(second.pk): "absent"}),
        follow=True,
    )
    assert "Register saved" in page(response)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.attendance, second.attendance) == (Attendance.ATTENDED, Attendance.ABSENT)
    assert audit.entries().filter(action="hub.training.register_taken").exists()


def test_a_trainer_gets_404_for_another_trainers_session(
    trainer, other_trainer, running, session_factory, people
):
    theirs = session_factory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    theirs.trainers.add(other_trainer)
    booking = booked(theirs, people[2])
    client = signed_in(trainer)
    url = f"/training/manage/sessions/{theirs.pk}/register/"
    assert client.get(url).status_code == 404
    assert client.post(url, marks(**{str(booking.pk): "attended"})).status_code == 404
    booking.refresh_from_db()
    assert booking.attendance == ""


def test_a_forged_booking_id_is_refused_and_nothing_is_saved(
    trainer, running, session_factory, people
):
    elsewhere = booked(session_factory(), people[3])
    mine = running.bookings.order_by("pk").first()
    response = signed_in(trainer).post(
        f"/training/manage/sessions/{running.pk}/register/",
        marks(**{str(mine.pk): "attended", str(elsewhere.pk): "absent"}),
    )
    html = page(response)
    assert "govuk-error-summary" in html
    assert "The register lists only people booked on this session." in html
    mine.refresh_from_db()
    elsewhere.refresh_from_db()
    assert mine.attendance == "" and elsewhere.attendance == ""


def test_a_closed_register_is_read_only_and_refuses_changes(
    trainer, session_factory, people, tariff
):
    past = session_factory(starts_at=timezone.now() - datetime.timedelta(days=10))
    past.trainers.add(trainer)
    booking = booked(past, people[0], attendance=Attendance.ABSENT)
    services.register_close(past)
    client = signed_in(trainer)
    url = f"/training/manage/sessions/{past.pk}/register/"

    html = page(client.get(url))
    assert "The register for this session closed" in html
    assert "govuk-radios" not in html
    assert "Absent" in html

    html = page(client.post(url, marks(**{str(booking.pk): "attended"})))
    assert "The register for this session is closed." in html
    booking.refresh_from_db()
    assert booking.attendance == Attendance.ABSENT


def test_the_register_is_closed_early_once_everyone_is_marked_and_charges_raised(
    trainer, session_factory, people, tariff, other_trainer
):
    ended = session_factory(starts_at=timezone.now() - datetime.timedelta(hours=4))
    ended.trainers.add(trainer)
    came, missed = booked(ended, people[0]), booked(ended, people[1])
    client = signed_in(trainer)
    url = f"/training/manage/sessions/{ended.pk}/register/"
    close = url + "close/"
    assert "Close the register now" in page(client.get(url))

    # Not before everyone is marked.
    client.post(url, marks(**{str(came.pk): "attended"}))
    html = page(client.post(close, follow=True))
    assert "Mark everyone first: 1 person is not marked yet." in html
    ended.refresh_from_db()
    assert ended.register_closed_at is None

    # Another trainer, or a GET, closes nothing.
    assert signed_in(other_trainer).post(close).status_code == 404
    assert client.get(close).status_code == 405

    client.post(url, marks(**{str(came.pk): "attended", str(missed.pk): "absent"}))
    html = page(client.post(close, follow=True))
    assert "The register is closed and any charges are raised." in html
    ended.refresh_from_db()
    assert ended.register_closed_at is not None
    assert [charge.reason for charge in missed.charges.all()] == ["no_show"]
    entry = audit.entries().get(action="hub.training.register_closed", object_id=str(ended.pk))
    assert entry.user == trainer  # closed by a person, not by the clock
    # A second press changes nothing.
    html = page(client.post(close, follow=True))
    assert "This register was already closed." in html
    assert missed.charges.count() == 1


def test_a_register_cannot_be_closed_before_the_session_ends(trainer, running):
    client = signed_in(trainer)
    url = f"/training/manage/sessions/{running.pk}/register/"
    assert "Close the register now" not in page(client.get(url))
    html = page(client.post(url + "close/", follow=True))
    assert "A register can be closed once the session has ended." in html
    running.refresh_from_db()
    assert running.register_closed_at is None


def test_the_register_opens_only_when_the_session_starts(trainer, session_factory, people):
    later = session_factory()
    later.trainers.add(trainer)
    booking = booked(later, people[0])
    client = signed_in(trainer)
    url = f"/training/manage/sessions/{later.pk}/register/"
    assert "The register opens when the session starts" in page(client.get(url))
    html = page(client.post(url, marks(**{str(booking.pk): "attended"})))
    assert "The register opens when the session starts." in html
    booking.refresh_from_db()
    assert booking.attendance == ""


def test_my_sessions_lists_a_trainers_own_sessions_and_all_for_the_training_team(
    trainer, other_trainer, running, session_factory, training_team
):
    theirs = session_factory()
    theirs.trainers.add(other_trainer)
    html = page(signed_in(trainer).get("/training/manage/sessions/"))
    assert f"/training/manage/sessions/{running.pk}/register/" in html
    assert "Take the register" in html
    assert f"/training/manage/sessions/{theirs.pk}/register/" not in html

    html = page(signed_in(training_team).get("/training/manage/sessions/"))
    assert f"/training/manage/sessions/{running.pk}/register/" in html
    assert f"/training/manage/sessions/{theirs.pk}/register/" in html


def test_the_training_team_takes_any_register_of_the_partnership(training_team, running):
    booking = running.bookings.first()
    response = signed_in(training_team).post(
        f"/training/manage/sessions/{running.pk}/register/",
        marks(**{str(booking.pk): "late"}),
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.attendance == Attendance.LATE


def test_staff_pages_answer_404_to_a_practitioner(people, running):
    client = signed_in(people[0])
    for url in (
        "/training/manage/sessions/",
        f"/training/manage/sessions/{running.pk}/register/",
        "/training/manage/agency/",
        "/training/manage/reports/",
        "/training/manage/charges/",
    ):
        assert client.get(url).status_code == 404, url


# --- Agency records ---------------------------------------------------------------------


def test_an_agency_lead_sees_only_their_own_agencys_staff(agency_lead, people, outsider, college):
    client = signed_in(agency_lead)
    html = page(client.get("/training/manage/agency/"))
    assert "Westbury Cross Academy Trust (demo)" in html
    assert people[0].email in html
    assert outsider.email not in html
    assert client.get(f"/training/manage/agency/?agency={college.pk}").status_code == 404
    assert client.get("/training/manage/agency/?agency=nonsense").status_code == 404
    assert client.get(f"/training/manage/agency/records.csv?agency={college.pk}").status_code == 404


def test_a_northmoor_agency_lead_never_sees_westshire_staff(northmoor, westbury, people):
    moorhampton = Agency.objects.get(name="Moorhampton High School (demo)")
    lead = make_person(
        "staff-pages-lead@moorhampton.example",
        partnership=northmoor,
        agency=moorhampton,
        roles=[Role.AGENCY_LEAD],
    )
    colleague = make_person(
        "staff-pages-teacher@moorhampton.example", partnership=northmoor, agency=moorhampton
    )
    for host in ("northmoor.localhost", None):
        client = signed_in(lead, host)
        html = page(client.get("/training/manage/agency/"))
        assert colleague.email in html
        assert people[0].email not in html
        assert client.get(f"/training/manage/agency/?agency={westbury.pk}").status_code == 404
        csv_url = f"/training/manage/agency/records.csv?agency={westbury.pk}"
        assert client.get(csv_url).status_code == 404


def test_the_training_team_chooses_an_agency_of_its_partnership(training_team, westbury, people):
    client = signed_in(training_team)
    html = page(client.get("/training/manage/agency/"))
    assert "Choose an organisation" in html
    assert people[0].email not in html
    html = page(client.get(f"/training/manage/agency/?agency={westbury.pk}"))
    assert people[0].email in html
    moorhampton = Agency.objects.get(name="Moorhampton High School (demo)")
    assert client.get(f"/training/manage/agency/?agency={moorhampton.pk}").status_code == 404


@pytest.fixture
def level_one(westshire):
    return Course.objects.create(
        partnership=westshire,
        title="Test course: safeguarding basics",
        slug="test-safeguarding-basics",
        summary="A test course.",
        level=Level.ONE,
        format=Format.E_LEARNING,
        outcomes="Know who to tell",
        who_for="Everyone.",
        hours=1,
        refresher_months=24,
    )


@pytest.fixture
def history(session_factory, level_one, people):
    """people[0]: level 2 done 35 months ago (refresher in a month), level 1 done 30 months
    ago (overdue), two sessions marked: one absent."""
    now = timezone.now()
    level_two = session_factory(starts_at=now - datetime.timedelta(days=35 * 30.4))
    booked(level_two, people[0], attendance=Attendance.ATTENDED)
    level_one_session = session_factory(
        starts_at=now - datetime.timedelta(days=30 * 30.4), course=level_one
    )
    booked(level_one_session, people[0], attendance=Attendance.LATE)
    missed = session_factory(starts_at=now - datetime.timedelta(days=60))
    booked(missed, people[0], attendance=Attendance.ABSENT)
    return level_two


def test_records_show_each_levels_latest_training_due_date_and_no_show_rate(
    agency_lead, people, history
):
    html = page(signed_in(agency_lead).get("/training/manage/agency/"))
    person = re.escape(people[0].email)
    row = re.search(rf'<th scope="row"[^>]*>{person}.*?</tr>', html, re.S).group(0)
    assert "Overdue" in row
    assert "Due within 3 months" in row
    assert '33% <span class="govuk-body-s">(1 of 3)</span>' in row
    assert row.count(">None<") == 2


def test_the_records_csv_has_a_row_per_person_with_each_level(
    agency_lead, westbury, people, history
):
    response = signed_in(agency_lead).get(
        f"/training/manage/agency/records.csv?agency={westbury.pk}"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    # Colleagues' training records are never kept by a browser's or a proxy's cache.
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[0]
    assert header[:3] == ["Name", "Email address", "Job role"]
    assert header[-3:] == ["Sessions with attendance recorded", "Absences", "No-show rate"]
    by_email = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert people[1].email in by_email
    mine = by_email[people[0].email]
    assert mine["Level 1 course"] == "Test course: safeguarding basics"
    assert mine["Level 1 status"] == "Overdue"
    assert mine["Level 2 status"] == "Due within 3 months"
    completed = timezone.localtime(history.starts_at).date()
    assert mine["Level 2 completed"] == completed.isoformat()
    assert mine["Level 2 refresher due"] == (completed + relativedelta(months=36)).isoformat()
    assert mine["Level 3 status"] == "None" and mine["Level 4 status"] == "None"
    assert (mine["Sessions with attendance recorded"], mine["Absences"]) == ("3", "1")
    assert mine["No-show rate"] == "33%"
    assert by_email[people[1].email]["No-show rate"] == ""


# --- Moving a place to a colleague ------------------------------------------------------


def test_an_agency_coordinator_transfers_a_place_to_a_colleague(
    agency_coordinator, training_session, people
):
    booking = booked(training_session, people[0])
    client = signed_in(agency_coordinator)
    html = page(client.get("/training/manage/agency/"))
    assert f"/training/manage/agency/bookings/{booking.pk}/transfer/" in html
    assert f"/training/bookings/{booking.pk}/cancel/" in html
    assert "Book a colleague on a course" in html

    response = client.post(
        f"/training/manage/agency/bookings/{booking.pk}/transfer/",
        {"person": people[1].pk},
        follow=True,
    )
    assert "is now" in page(response)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.TRANSFERRED
    assert booking.transferred_to.person == people[1]


def test_transferring_to_someone_of_another_agency_shows_why_and_changes_nothing(
    training_team, agency_coordinator, training_session, people, outsider
):
    booking = booked(training_session, people[0])
    url = f"/training/manage/agency/bookings/{booking.pk}/transfer/"

    # The training team may book for both organisations: the service explains the rule.
    html = page(signed_in(training_team).post(url, {"person": outsider.pk}))
    assert "govuk-error-summary" in html
    assert "does not work for Westbury Cross Academy Trust (demo)" in html

    # An agency coordinator cannot reach the other organisation's people at all.
    html = page(signed_in(agency_coordinator).post(url, {"person": outsider.pk}))
    assert "Choose a colleague from the list" in html

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.person == people[0]
    assert not Booking.objects.filter(session=training_session, person=outsider).exists()


def test_another_agencys_booking_cannot_be_transferred(
    agency_coordinator, training_session, outsider, people
):
    theirs = booked(training_session, outsider)
    url = f"/training/manage/agency/bookings/{theirs.pk}/transfer/"
    client = signed_in(agency_coordinator)
    assert client.get(url).status_code == 404
    assert client.post(url, {"person": people[0].pk}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == BookingStatus.CONFIRMED
