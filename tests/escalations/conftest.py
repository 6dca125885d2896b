"""What the escalation log's tests share: a partnership's protocol made anew, the people who
use it, and an escalation raised through the service.

Westshire's agencies in the demo: the council, the college, Westbury Cross (a school) and
Westmoor Police (which also works in Northmoor).
"""

import datetime

import pytest
from django.test import Client

from hub.decision_aids.queries import guide_for
from hub.escalations import services
from hub.escalations.models import Escalation, Protocol, RoleLevel

# A Wednesday with no bank holiday near it.
RAISED_ON = datetime.date(2026, 3, 4)
NOW = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)


def make_protocol(partnership, prefix="T-RPD"):
    """`partnership`'s protocol anew (the demo's removed first): four stages with targets of
    2, 5, 5 and 10 working days, two themes, two outcomes."""
    Escalation.objects.filter(partnership=partnership).delete()
    Protocol.objects.filter(partnership=partnership).delete()
    protocol = Protocol.objects.create(partnership=partnership, reference_prefix=prefix)
    for order, (name, days) in enumerate(
        (("Practitioners talk", 2), ("Managers meet", 5), ("Senior managers", 5), ("Panel", 10))
    ):
        protocol.stages.create(name=name, who="Test", target_working_days=days, sort_order=order)
    protocol.themes.create(name="Referral decision (test)", sort_order=0)
    protocol.themes.create(name="Information sharing (test)", sort_order=1)
    protocol.outcomes.create(name="Resolved at this stage (test)", sort_order=0)
    protocol.outcomes.create(name="Decision changed (test)", sort_order=1)
    protocol.save()  # a ClusterableModel keeps its children in memory until saved
    return Protocol.objects.get(pk=protocol.pk)


def level_of(partnership, index=0):
    return list(guide_for(partnership).levels.order_by("sort_order", "pk"))[index]


def stages_of(protocol):
    return list(protocol.stages.order_by("sort_order", "pk"))


@pytest.fixture
def protocol(westshire):
    return make_protocol(westshire, "WS-RPD")


@pytest.fixture
def northmoor_protocol(northmoor):
    return make_protocol(northmoor, "NM-RPD")


@pytest.fixture
def practitioner(staff):
    """Confirmed staff of Westshire County Council."""
    return staff(None, agency="council")


@pytest.fixture
def council_lead(staff):
    return staff("agency_lead", agency="council")


@pytest.fixture
def police_lead(staff):
    return staff("agency_lead", agency="police")


@pytest.fixture
def college_lead(staff):
    return staff("agency_lead", agency="college")


@pytest.fixture
def business_unit(staff):
    return staff("partnership_admin")


def raise_one(by, partnership, receiving, protocol, *, raised_on=RAISED_ON, now=NOW, **extra):
    fields = {
        "level": level_of(partnership),
        "theme": protocol.themes.order_by("sort_order").first(),
        "summary": "The referral was not accepted at the threshold stage.",
        "raised_on": raised_on,
        "role_level": RoleLevel.PRACTITIONER,
    } | extra
    return services.escalation_raise(
        by=by, partnership=partnership, receiving_agency=receiving, now=now, **fields
    )


@pytest.fixture
def escalation(practitioner, westshire, police, protocol):
    """Raised by the council's practitioner with the police, at stage 1 on RAISED_ON."""
    return raise_one(practitioner, westshire, police, protocol)


def signed_in(user, host=None):
    client = Client(HTTP_HOST=host) if host else Client()
    client.force_login(user)
    return client
