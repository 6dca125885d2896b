"""The permissions matrix, pinned: every role × every action, in scope and out of scope, and
every role × every protected URL, generated from one table: the core's with every domain's
roles and actions merged in (the example domain's kudos moderator included)."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from hub.core.models import Agency, Role, User
from hub.core.permissions import (
    PRACTITIONER,
    Action,
    actions_of,
    can,
    permissions_matrix_markdown,
    policy,
    role_scope,
    scope_queryset,
)
from tests.conftest import make_person
from tests.example_domain.domain import DOMAIN as EXAMPLE
from tests.example_domain.domain import registered

pytestmark = pytest.mark.django_db

ALL_ROLES = list(policy().labels)
ALL_ACTIONS = list(policy().actions)


@pytest.fixture
def other_westshire_agency(college):
    return college


def person_with(role, partnership, agency, email=None):
    roles = [] if role == PRACTITIONER else [role]
    return make_person(
        email or f"{role}@matrix.example", partnership=partnership, agency=agency, roles=roles
    )


def test_readme_shows_the_permissions_matrix_exactly_as_the_code_defines_it():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    with registered(None, instead_of=EXAMPLE):
        assert permissions_matrix_markdown() in readme


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_each_role_may_do_exactly_its_actions_within_its_scope(
    role, action, westshire, northmoor, westbury, other_westshire_agency
):
    user = person_with(role, westshire, westbury)
    colleague = make_person("colleague@westbury.example", partnership=westshire, agency=westbury)
    in_scope = user if action in actions_of(PRACTITIONER) else colleague
    allowed = action in actions_of(role) or action in actions_of(PRACTITIONER)
    assert can(user, action, in_scope) is (
        allowed and (action not in actions_of(PRACTITIONER) or in_scope == user)
    )

    # Out of scope: someone of another partnership, or for agency roles another agency.
    stranger = make_person(
        "stranger@northmoor.example",
        partnership=northmoor,
        agency=Agency.objects.get(name="Moorhampton High School (demo)"),
    )
    assert can(user, action, stranger) is (
        role != PRACTITIONER
        and role_scope(role) == "consortium"
        and allowed
        and action not in actions_of(PRACTITIONER)
    )
    if role != PRACTITIONER and role_scope(role) == "agency":
        same_partnership_other_agency = make_person(
            "other-agency@westshire.example", partnership=westshire, agency=other_westshire_agency
        )
        assert can(user, action, same_partnership_other_agency) is False


def test_a_deactivated_account_may_do_nothing(westshire, westbury):
    admin = person_with(Role.PARTNERSHIP_ADMIN, westshire, westbury)
    admin.is_active = False
    admin.save()
    assert not any(can(admin, action) for action in ALL_ACTIONS)


def test_queries_are_scoped_by_the_same_rules(westshire, northmoor, westbury):
    lead = person_with(Role.AGENCY_LEAD, westshire, westbury)
    admin = person_with(Role.PARTNERSHIP_ADMIN, westshire, westbury, email="a@matrix.example")
    northmoor_admin = User.objects.get(email="admin@northmoor.example")

    lead_sees = scope_queryset(lead, Action.VIEW_PEOPLE, User.objects.all())
    assert set(lead_sees.values_list("agency_id", flat=True)) == {westbury.pk}
    admin_sees = scope_queryset(admin, Action.VIEW_PEOPLE, User.objects.all())
    assert set(admin_sees.values_list("partnership_id", flat=True)) == {westshire.pk}
    assert northmoor_admin not in admin_sees
    practitioner = person_with(PRACTITIONER, westshire, westbury, email="p@matrix.example")
    assert list(scope_queryset(practitioner, Action.VIEW_PEOPLE, User.objects.all())) == []


# (name, method, url kwargs key, action it needs). Object URLs point at a member of staff of
# Westshire's Westbury Cross Academy Trust, so scope matters for every role.
PROTECTED_URLS = [
    ("accounts:home", "get", None, Action.MANAGE_OWN_ACCOUNT),
    ("accounts:my_data", "get", None, Action.MANAGE_OWN_ACCOUNT),
    ("accounts:people", "get", None, Action.VIEW_PEOPLE),
    ("accounts:person", "get", "pk", Action.VIEW_PEOPLE),
    ("accounts:invite", "get", None, Action.MANAGE_PEOPLE),
    ("accounts:grant_role", "post", "pk", Action.MANAGE_PEOPLE),
    ("accounts:deactivate", "post", "pk", Action.MANAGE_PEOPLE),
    ("accounts:reactivate", "post", "pk", Action.MANAGE_PEOPLE),
    ("accounts:audit_log", "get", None, Action.VIEW_AUDIT_LOG),
]


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize(("name", "method", "object_key", "action"), PROTECTED_URLS)
def test_every_protected_url_answers_each_role_as_the_matrix_says(
    role, name, method, object_key, action, westshire, westbury
):
    user = person_with(role, westshire, westbury)
    target = make_person("target@westbury.example", partnership=westshire, agency=westbury)
    url = reverse(name, kwargs={object_key: target.pk} if object_key else None)
    client = Client()
    client.force_login(user)
    response = getattr(client, method)(url, {"role": "trainer"} if method == "post" else None)
    allowed = action in actions_of(role) or action in actions_of(PRACTITIONER)
    if allowed:
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "/accounts/2fa/" not in response["Location"]
    else:
        # A page of a kind the role never uses: 403. A record: 404, never revealing it.
        assert response.status_code == (404 if object_key else 403)


@pytest.mark.parametrize(("name", "method", "object_key", "action"), PROTECTED_URLS)
def test_signed_out_visitors_are_sent_to_sign_in(
    name, method, object_key, action, westshire, westbury
):
    target = make_person("target@westbury.example", partnership=westshire, agency=westbury)
    url = reverse(name, kwargs={object_key: target.pk} if object_key else None)
    response = getattr(Client(), method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
