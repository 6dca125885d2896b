"""The training programme's figures for reports (hub/training/figures.py), on a year of its
own: 1 April 2019 to 31 March 2020, which the demo leaves empty.

In it, Westshire held two sessions (capacity 10 and 6). On the first, five Westbury people
kept their places (attended, arrived late, absent, left early, not yet marked) and a sixth
cancelled; on the second, a council officer and a Westbury person attended. Left out: a
cancelled session and a session just after the year (each with a booking), and Northmoor's
session in the year."""

import datetime

import pytest
from django.utils import timezone

from hub.core.domains import figures
from hub.training import figures as training_figures
from hub.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Course,
    Evaluation,
    Format,
    ImpactResponse,
    Level,
    SessionStatus,
)
from tests.training.conftest import moment

pytestmark = pytest.mark.django_db

START = datetime.date(2019, 4, 1)
END = datetime.date(2020, 3, 31)


def book(session, person, attendance="", status=BookingStatus.CONFIRMED):
    return Booking.objects.create(
        session=session,
        person=person,
        agency=person.agency,
        status=status,
        attendance=attendance,
    )


def evaluate(booking, before, after):
    Evaluation.objects.create(
        booking=booking,
        overall=4,
        trainer=4,
        relevance=4,
        confidence_before=before,
        confidence_after=after,
    )


@pytest.fixture
def year(session_factory, people, staff, northmoor):
    first = session_factory(starts_at=moment(2019, 6, 10), capacity=10)
    marks = [
        Attendance.ATTENDED,
        Attendance.LATE,
        Attendance.ABSENT,
        Attendance.LEFT_EARLY,
        "",
    ]
    bookings = [book(first, person, mark) for person, mark in zip(people, marks, strict=True)]
    leaver = staff(agency="westbury", email="leaver@westbury.example")
    book(first, leaver, status=BookingStatus.CANCELLED)
    second = session_factory(starts_at=moment(2020, 3, 31, 14), capacity=6)
    officer = staff(agency="council", email="officer@council.example")
    council_booking = book(second, officer, Attendance.ATTENDED)
    book(second, leaver, Attendance.ATTENDED)
    evaluate(bookings[0], 2, 4)
    evaluate(bookings[1], 3, 5)
    ImpactResponse.objects.create(booking=bookings[0], practice_changed=True)
    ImpactResponse.objects.create(booking=bookings[1], practice_changed=False)
    ImpactResponse.objects.create(booking=council_booking, practice_changed=True)

    cancelled = session_factory(
        starts_at=moment(2019, 9, 2), capacity=20, status=SessionStatus.CANCELLED
    )
    book(cancelled, people[0], Attendance.ATTENDED)
    after = session_factory(starts_at=moment(2020, 4, 1), capacity=8)
    late_booking = book(after, people[1], Attendance.ABSENT)
    evaluate(late_booking, 1, 1)
    ImpactResponse.objects.create(booking=late_booking, practice_changed=False)
    elsewhere = Course.objects.create(
        partnership=northmoor,
        title="Northmoor test course",
        slug="northmoor-test-course",
        summary="A test course.",
        level=Level.ONE,
        format=Format.FACE_TO_FACE,
        outcomes="Know who to tell",
        who_for="Anyone.",
        hours=2,
    )
    theirs = session_factory(course=elsewhere, starts_at=moment(2019, 7, 1), capacity=30)
    book(theirs, staff(partnership="northmoor", email="nm@moorhampton.example"), "absent")


def value(key, partnership):
    _domain, figure = figures()[f"training.{key}"]
    return figure.compute(partnership, START, END)


def test_sessions_and_places_count_the_years_sessions_held_only(year, westshire):
    assert value("sessions-held", westshire) == 2
    assert value("places-offered", westshire) == 16
    assert value("places-taken", westshire) == 7
    assert value("fill-rate", westshire) == 43.8


def test_attendance_and_no_shows_are_shares_of_the_places_marked(year, westshire):
    assert value("attendance-rate", westshire) == 83.3
    assert value("no-show-rate", westshire) == 16.7


def test_attendance_by_agency_type_is_a_stacked_breakdown(year, westshire):
    _domain, figure = figures()["training.attendance-by-agency-type"]
    assert figure.columns == ("Attended", "Did not attend")
    assert figure.counts_people
    assert figure.compute(westshire, START, END) == 6
    assert figure.breakdown(westshire, START, END) == [
        ("Local authority", [1, 0]),
        ("School or college", [4, 1]),
    ]


def test_confidence_averages_come_from_the_years_evaluations(year, westshire):
    assert value("confidence-before", westshire) == 2.5
    assert value("confidence-after", westshire) == 4.5


def test_impact_answers_give_the_share_whose_practice_changed(year, westshire):
    _domain, figure = figures()["training.practice-changed"]
    assert figure.compute(westshire, START, END) == 66.7
    assert figure.breakdown(westshire, START, END) == [
        ("Practice changed", 2),
        ("Not changed yet", 1),
    ]


def test_another_partnerships_sessions_are_its_own(year, northmoor):
    assert value("sessions-held", northmoor) == 1
    assert value("places-taken", northmoor) == 1
    assert value("no-show-rate", northmoor) == 100.0


def test_a_year_with_no_sessions_has_no_rates(westshire):
    start, end = datetime.date(2011, 4, 1), datetime.date(2012, 3, 31)
    assert training_figures.sessions_held(westshire, start, end) == 0
    for rate in ("fill-rate", "attendance-rate", "no-show-rate", "practice-changed"):
        _domain, figure = figures()[f"training.{rate}"]
        assert figure.compute(westshire, start, end) is None, rate
    assert training_figures.confidence_after(westshire, start, end) is None
    assert training_figures.attendance_by_agency_type(westshire, start, end) == []


def test_sessions_still_to_come_are_not_counted_as_held(session_factory, people, westshire):
    today = timezone.localdate()
    coming = session_factory(starts_at=timezone.now() + datetime.timedelta(days=3))
    book(coming, people[0])
    end = today + datetime.timedelta(days=60)
    assert training_figures.sessions_held(westshire, today + datetime.timedelta(days=1), end) == 0
    assert training_figures.places_taken(westshire, today + datetime.timedelta(days=1), end) == 0


def test_every_training_figure_has_a_lasting_key_and_a_description():
    mine = {
        key: figure for key, (domain, figure) in figures().items() if domain.label == "training"
    }
    assert set(mine) >= {
        f"training.{key}"
        for key in (
            "sessions-held",
            "places-offered",
            "places-taken",
            "fill-rate",
            "attendance-rate",
            "no-show-rate",
            "attendance-by-agency-type",
            "confidence-before",
            "confidence-after",
            "practice-changed",
        )
    }
    for figure in training_figures.FIGURES:
        assert figure.key and figure.description, figure.name
    assert figures()["training.places-taken"][1].counts_people
    assert not figures()["training.fill-rate"][1].counts_people
