"""Agencies and partnerships are isolated: fuzzed and forged ids on every object URL answer
404 unless the record is in the caller's scope, and change nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.core.models import Agency, Role, RoleAssignment, User
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

OBJECT_URLS = [
    ("accounts:person", "get"),
    ("accounts:grant_role", "post"),
    ("accounts:deactivate", "post"),
    ("accounts:reactivate", "post"),
]
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def two_agencies(westshire, northmoor):
    westbury = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
    college = Agency.objects.get(name="Westshire College (demo)")
    moorhampton = Agency.objects.get(name="Moorhampton High School (demo)")
    lead = make_person(
        "fuzz-lead@westbury.example",
        partnership=westshire,
        agency=westbury,
        roles=[Role.AGENCY_LEAD],
    )
    for index in range(3):
        make_person(f"staff{index}@westbury.example", partnership=westshire, agency=westbury)
        make_person(f"staff{index}@college.example", partnership=westshire, agency=college)
        make_person(f"staff{index}@moorhampton.example", partnership=northmoor, agency=moorhampton)
    own = set(User.objects.filter(agency=westbury).values_list("pk", flat=True))
    others = set(User.objects.exclude(agency=westbury).values_list("pk", flat=True))
    return lead, own, others


def _state():
    return (
        RoleAssignment.objects.count(),
        User.objects.filter(is_active=True).count(),
    )


def _ids(own, others):
    return st.one_of(
        st.sampled_from(sorted(own | others)),
        st.integers(min_value=0, max_value=2**31 - 1),
    )


@pytest.mark.parametrize(("name", "method"), OBJECT_URLS)
def test_an_agency_lead_reaches_only_their_own_agencys_people(name, method, two_agencies):
    lead, own, others = two_agencies
    client = Client()
    client.force_login(lead)
    before = _state()

    @FUZZ
    @given(pk=_ids(own, others))
    def check(pk):
        response = getattr(client, method)(reverse(name, kwargs={"pk": pk}), {"role": "editor"})
        if method == "get" and pk in own:
            assert response.status_code == 200
        else:
            # Leads may see their people but never manage anyone; strangers do not exist.
            assert response.status_code == 404, (pk, response.status_code)

    check()
    assert _state() == before


@pytest.mark.parametrize(("name", "method"), OBJECT_URLS)
def test_a_partnership_admin_never_reaches_another_partnerships_people(
    name, method, two_agencies, northmoor
):
    _, own, others = two_agencies
    admin = User.objects.get(email="admin@northmoor.example")
    from tests.conftest import give_second_factor

    give_second_factor(admin)
    client = Client(HTTP_HOST="northmoor.localhost")
    client.force_login(admin)
    northmoor_people = set(User.objects.filter(partnership=northmoor).values_list("pk", flat=True))
    before = _state()

    @FUZZ
    @given(pk=_ids(own, others))
    def check(pk):
        response = getattr(client, method)(reverse(name, kwargs={"pk": pk}), {"role": "trainer"})
        if pk in northmoor_people:
            assert response.status_code in (200, 302)
        else:
            assert response.status_code == 404, (pk, response.status_code)

    check()
    after = _state()
    if name == "accounts:person":
        assert after == before
