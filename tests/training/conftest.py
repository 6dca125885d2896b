"""Shared training fixtures: a course of Westshire's with a session of its own, and people
of two agencies (made with the root `staff` fixture). Tests may add more; every test's data
is rolled back."""

import datetime

import pytest
from django.utils import timezone

from hub.core.models import Role
from hub.training.models import Course, Format, Level, Session, Tariff


def moment(year, month, day, hour=9, minute=30):
    """A Europe/London wall-clock time, timezone-aware."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture
def course(westshire):
    return Course.objects.create(
        partnership=westshire,
        title="Test course: recognising neglect",
        slug="test-recognising-neglect",
        summary="A test course.",
        level=Level.TWO,
        format=Format.FACE_TO_FACE,
        outcomes="Spot the signs\nKnow who to tell",
        who_for="Anyone who works with children.",
        hours=3,
    )


@pytest.fixture
def tariff(course, westbury):
    return Tariff.objects.create(
        course=course,
        agency_type=westbury.agency_type,
        place_pence=0,
        late_cancellation_pence=4000,
        no_show_pence=6000,
    )


@pytest.fixture
def session_factory(course):
    def make(*, starts_at=None, capacity=3, **extra):
        starts_at = starts_at or timezone.now() + datetime.timedelta(days=30)
        return Session.objects.create(
            course=extra.pop("course", course),
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=3),
            capacity=capacity,
            venue="Test venue, Westbury",
            joining_instructions="Bring a pen.",
            **extra,
        )

    return make


@pytest.fixture
def training_session(session_factory):
    return session_factory()


@pytest.fixture
def people(staff):
    """Five practitioners of Westbury Cross Academy Trust."""
    return [staff(agency="westbury", email=f"trainee{n}@westbury.example") for n in range(5)]


@pytest.fixture
def outsider(staff):
    return staff(agency="college", email="outsider@college.example")


@pytest.fixture
def agency_coordinator(staff):
    return staff(
        Role.AGENCY_TRAINING_COORDINATOR, agency="westbury", email="coordinator@westbury.example"
    )


@pytest.fixture
def training_team(staff):
    return staff(
        Role.TRAINING_COORDINATOR, agency="council", email="training-team@westshire.example"
    )
