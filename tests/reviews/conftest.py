"""What the practice reviews' tests share: the people (a review panel member, the
partnership's admin, agency leads), themes, and review case records made directly in the
database (each test module's services make their own through the real screens too).

Westshire's agencies in the demo: the council, the college, Westbury Cross (a school) and
Westmoor Police (which also works in Northmoor).
"""

import datetime
import itertools

import pytest
from django.test import Client

from hub.reviews.actions import PANEL_ROLE
from hub.reviews.models import (
    ActionStatus,
    AgencyAction,
    Recommendation,
    Review,
    ReviewKind,
    Theme,
)

# A Wednesday with no bank holiday near it.
NOTIFIED_ON = datetime.date(2026, 3, 4)
INCIDENT_ON = datetime.date(2026, 2, 27)
NOW = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)

_numbers = itertools.count(500)


def signed_in(user, host=None):
    client = Client(HTTP_HOST=host) if host else Client()
    client.force_login(user)
    return client


@pytest.fixture
def panel(staff):
    """A member of Westshire's review panel."""
    return staff(PANEL_ROLE)


@pytest.fixture
def northmoor_panel(staff):
    return staff(PANEL_ROLE, partnership="northmoor")


@pytest.fixture
def business_unit(staff):
    """Westshire's partnership admin."""
    return staff("partnership_admin")


@pytest.fixture
def editor(staff):
    return staff("editor")


@pytest.fixture
def practitioner(staff):
    """Confirmed staff of Westbury Cross (a school), with no role."""
    return staff(None, agency="westbury")


@pytest.fixture
def westbury_lead(staff):
    return staff("agency_lead", agency="westbury")


@pytest.fixture
def police_lead(staff):
    return staff("agency_lead", agency="police")


@pytest.fixture
def college_lead(staff):
    return staff("agency_lead", agency="college")


def make_theme(partnership, name):
    from django.utils.text import slugify

    theme, _ = Theme.objects.get_or_create(
        partnership=partnership, slug=slugify(name), defaults={"name": name}
    )
    return theme


@pytest.fixture
def neglect(westshire):
    return make_theme(westshire, "Neglect (test)")


def make_review(partnership, *, kind=ReviewKind.RAPID, notified_on=NOTIFIED_ON, **fields):
    """A case record straight into the database (no timeline steps; the services copy
    those). Its reference is unique in the run."""
    number = next(_numbers)
    year = notified_on.year if notified_on else INCIDENT_ON.year
    values = {
        "partnership": partnership,
        "kind": kind,
        "year": year,
        "number": number,
        "reference": f"TST-{year}-{number}",
        "age_band": "5_10",
        "incident_on": INCIDENT_ON,
        "notified_on": notified_on,
    } | fields
    return Review.objects.create(**values)


def make_action(review, agency, *, number=1, status=ActionStatus.NOT_STARTED, **fields):
    recommendation, _ = Recommendation.objects.get_or_create(
        review=review,
        number=number,
        defaults={"text": f"Recommendation {number}: agencies check the plan (test)."},
    )
    values = {
        "recommendation": recommendation,
        "agency": agency,
        "owner_role": "Designated safeguarding lead",
        "text": "Audit ten plans against the new standard (test).",
        "due_on": datetime.date(2026, 9, 30),
        "status": status,
    } | fields
    return AgencyAction.objects.create(**values)
