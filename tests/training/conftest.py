"""Shared training fixtures: a course of Westshire's with a session of its own, and people
of two agencies. Tests may add more; every test's data is rolled back."""

import datetime

import pytest
from django.utils import timezone

from hub.core.models import Agency, Role
from hub.training.models import Course, Format, Level, Session, Tariff
from tests.conftest import make_person


def moment(year, month, day, hour=9, minute=30):
    """A Europe/London wall-clock time, timezone-aware."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture
def westbury(db):
    return Agency.objects.get(name="Westbury Cross Academy Trust (demo)")


@pytest.fixture
def college(db):
    return Agency.objects.get(name="Westshire College (demo)")


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
def people(westshire, westbury):
    """Five practitioners of Westbury Cross Academy Trust."""
    return [
        make_person(f"trainee{n}@westbury.example", partnership=westshire, agency=westbury)
        for n in range(5)
    ]


@pytest.fixture
def outsider(westshire, college):
    return make_person("outsider@college.example", partnership=westshire, agency=college)


@pytest.fixture
def agency_coordinator(westshire, westbury):
    return make_person(
        "coordinator@westbury.example",
        partnership=westshire,
        agency=westbury,
        roles=[Role.AGENCY_TRAINING_COORDINATOR],
    )


@pytest.fixture
def training_team(westshire, db):
    council = Agency.objects.get(name="Westshire County Council (demo)")
    return make_person(
        "training-team@westshire.example",
        partnership=westshire,
        agency=council,
        roles=[Role.TRAINING_COORDINATOR],
    )
