"""The training screens in Wagtail's admin: a training coordinator runs their own
partnership's courses, charges, sessions and booking rules; impossible sessions are refused
with a message; another partnership's rows answer 404; cancelling goes through the service."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.core.models import Agency, Role
from hub.training.models import (
    Booking,
    BookingStatus,
    Course,
    Format,
    Level,
    Session,
    SessionStatus,
    Tariff,
    TrainingPolicy,
)
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def coordinator_client(training_team):
    client = Client()
    client.force_login(training_team)
    return client


@pytest.fixture
def northmoor_course(northmoor):
    return Course.objects.create(
        partnership=northmoor,
        title="Northmoor test course: early help",
        slug="northmoor-test-early-help",
        summary="A test course.",
        level=Level.ONE,
        format=Format.LIVE_ONLINE,
        outcomes="Know the early help offer",
        who_for="Everyone.",
        hours=2,
    )


def admin_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def session_data(course, *, starts_at=None, hours=3, capacity=12, **extra):
    starts_at = starts_at or timezone.now() + datetime.timedelta(days=40)
    return {
        "course": course.pk,
        "starts_at": admin_time(starts_at),
        "ends_at": admin_time(starts_at + datetime.timedelta(hours=hours)),
        "capacity": capacity,
        "venue": "Admin test venue",
        "joining_link": "",
        "joining_instructions": "",
        **extra,
    }


def test_a_training_coordinator_creates_a_session(coordinator_client, course, westshire):
    trainer = make_person(
        "admin-test-trainer@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire County Council (demo)"),
        roles=[Role.TRAINER],
    )
    html = page(coordinator_client.get(reverse("training_sessions:add")))
    assert course.title in html
    assert trainer.email in html

    response = coordinator_client.post(
        reverse("training_sessions:add"), session_data(course, trainers=[trainer.pk])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    session = Session.objects.get(course=course, venue="Admin test venue")
    assert session.capacity == 12
    assert list(session.trainers.all()) == [trainer]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"hours": -1}, "The session must end after it starts"),
        ({"hours": 0}, "The session must end after it starts"),
        ({"hours": 13}, "A session must end within 12 hours of starting"),
        ({"capacity": 0}, "A session must have between 1 and 500 places"),
        ({"capacity": 501}, "A session must have between 1 and 500 places"),
        (
            {"starts_at": timezone.now() - datetime.timedelta(days=1)},
            "A new session must start in the future",
        ),
    ],
)
def test_impossible_sessions_are_refused_with_a_message(
    coordinator_client, course, change, message
):
    response = coordinator_client.post(
        reverse("training_sessions:add"), session_data(course, **change)
    )
    assert message in page(response)
    assert not Session.objects.filter(course=course, venue="Admin test venue").exists()


def test_another_partnerships_rows_answer_404(
    coordinator_client, course, northmoor_course, session_factory
):
    northmoor_session = session_factory(course=northmoor_course)
    assert (
        coordinator_client.get(
            reverse("training_courses:edit", args=[northmoor_course.pk])
        ).status_code
        == 404
    )
    assert (
        coordinator_client.get(
            reverse("training_courses:history", args=[northmoor_course.pk])
        ).status_code
        == 404
    )
    for name in ("edit", "cancel", "history"):
        url = reverse(f"training_sessions:{name}", args=[northmoor_session.pk])
        assert coordinator_client.get(url).status_code == 404, name

    html = page(coordinator_client.get(reverse("training_courses:index")))
    assert course.title in html
    assert northmoor_course.title not in html

    # Nor can a session be added to another partnership's course.
    html = page(
        coordinator_client.post(reverse("training_sessions:add"), session_data(northmoor_course))
    )
    assert "Select a valid choice" in html
    assert not northmoor_course.sessions.filter(venue="Admin test venue").exists()


def test_the_sessions_list_shows_places_left_and_the_register(
    coordinator_client, training_session, people
):
    Booking.objects.create(session=training_session, person=people[0], agency=people[0].agency)
    index = reverse("training_sessions:index")
    html = page(coordinator_client.get(index, {"course": training_session.course_id}))
    assert "Places left" in html
    assert reverse("training:register", args=[training_session.pk]) in html
    assert reverse("training_sessions:cancel", args=[training_session.pk]) in html
    row = html[html.index(reverse("training_sessions:edit", args=[training_session.pk])) :]
    cells = re.findall(r"<td[^>]*>\s*(.*?)\s*</td>", row[: row.index("</tr>")], re.S)
    assert cells[-4:-2] == ["3", "2"]  # capacity, places left


def test_cancelling_a_session_in_the_admin_releases_every_place(
    coordinator_client, training_session, people
):
    booking = Booking.objects.create(
        session=training_session, person=people[0], agency=people[0].agency
    )
    url = reverse("training_sessions:cancel", args=[training_session.pk])
    html = page(coordinator_client.get(url))
    assert "1 person booked will be told" in html

    page(coordinator_client.post(url, {}))
    training_session.refresh_from_db()
    assert training_session.status == SessionStatus.SCHEDULED

    response = coordinator_client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    training_session.refresh_from_db()
    booking.refresh_from_db()
    assert training_session.status == SessionStatus.CANCELLED
    assert booking.status == BookingStatus.CANCELLED


def test_a_coordinator_sets_a_courses_charges_and_the_booking_rules(
    coordinator_client, course, westshire, northmoor
):
    response = coordinator_client.post(
        reverse("training_tariffs:add"),
        {
            "course": course.pk,
            "agency_type": "voluntary",
            "place_pence": "2500",
            "late_cancellation_pence": "2500",
            "no_show_pence": "5000",
        },
    )
    assert response.status_code == 302
    assert Tariff.objects.get(course=course, agency_type="voluntary").no_show_pence == 5000
    html = page(coordinator_client.get(reverse("training_tariffs:index"), {"course": course.pk}))
    assert "£50" in html

    TrainingPolicy.objects.filter(partnership=westshire).delete()
    html = page(coordinator_client.get(reverse("training_policies:add")))
    assert northmoor.name not in html
    response = coordinator_client.post(
        reverse("training_policies:add"),
        {
            "partnership": westshire.pk,
            "offer_hold_hours": "24",
            "free_cancellation_working_days": "3",
            "register_open_hours": "48",
            "reminder_days": "2",
            "impact_follow_up_weeks": "8",
            "certificate_needs_evaluation": "on",
        },
    )
    assert response.status_code == 302
    assert TrainingPolicy.objects.get(partnership=westshire).offer_hold_hours == 24


def test_the_training_menu_is_only_for_the_training_team(coordinator_client, westshire):
    assert "Training" in page(coordinator_client.get("/admin/"))
    editor = make_person(
        "admin-test-editor@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire County Council (demo)"),
        roles=[Role.EDITOR],
    )
    client = Client()
    client.force_login(editor)
    assert reverse("training_sessions:index") not in page(client.get("/admin/"))
    response = client.get(reverse("training_sessions:index"))
    assert response.status_code in (302, 403)


def test_a_session_keeps_room_for_the_people_already_booked(
    coordinator_client, training_session, people
):
    for person in people[:2]:
        Booking.objects.create(session=training_session, person=person, agency=person.agency)
    data = session_data(training_session.course, starts_at=training_session.starts_at, capacity=1)
    url = reverse("training_sessions:edit", args=[training_session.pk])
    html = page(coordinator_client.post(url, data))
    assert "2 people are already booked" in html
    training_session.refresh_from_db()
    assert training_session.capacity == 3

    response = coordinator_client.post(url, {**data, "capacity": 2})
    assert response.status_code == 302
    training_session.refresh_from_db()
    assert training_session.capacity == 2
