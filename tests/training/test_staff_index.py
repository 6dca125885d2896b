"""The training team reaches every one of its screens by links alone: the account page leads
to /training/manage/, which lists the screens each role may use (and only those)."""

import re

import pytest
from django.test import Client

from hub.core.models import Role

pytestmark = pytest.mark.django_db

SCREENS = {
    "/training/manage/sessions/": "Sessions and registers",
    "/training/manage/agency/": "Staff training records",
    "/training/manage/reports/": "Training report",
    "/training/manage/charges/": "Charges",
}


def _links(html):
    return set(re.findall(r'href="(/training/manage/[^"]*)"', html))


@pytest.mark.parametrize(
    ("role", "agency", "reachable"),
    [
        (Role.TRAINING_COORDINATOR, "council", set(SCREENS)),
        (Role.TRAINER, "council", {"/training/manage/sessions/"}),
        (Role.AGENCY_TRAINING_COORDINATOR, "westbury", {"/training/manage/agency/"}),
        (Role.AGENCY_LEAD, "westbury", {"/training/manage/agency/"}),
        (Role.PARTNERSHIP_ADMIN, "council", set(SCREENS)),
    ],
)
def test_each_role_reaches_its_training_screens_from_the_account_page(
    staff, role, agency, reachable
):
    client = Client()
    client.force_login(staff(role, agency=agency))
    home = client.get("/accounts/").content.decode()
    assert 'href="/training/manage/"' in home
    index = client.get("/training/manage/")
    assert index.status_code == 200
    listed = _links(index.content.decode())
    assert listed == reachable
    for address in listed:
        assert client.get(address).status_code == 200, address


def test_a_practitioner_has_no_training_team_screens(staff):
    client = Client()
    client.force_login(staff(None, agency="westbury"))
    assert 'href="/training/manage/"' not in client.get("/accounts/").content.decode()
    assert client.get("/training/manage/").status_code == 404


def test_the_training_team_is_told_of_this_weeks_sessions(staff, session_factory):
    import datetime

    from django.utils import timezone

    client = Client()
    client.force_login(staff(Role.TRAINING_COORDINATOR))
    session_factory(starts_at=timezone.now() + datetime.timedelta(days=2))
    home = client.get("/accounts/").content.decode()
    assert re.search(
        r'href="/training/manage/sessions/">Training sessions in the next 7 days</a>', home
    )
