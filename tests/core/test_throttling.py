"""Sign-in throttling: at most 10 failed attempts in 5 minutes per account and per client
address; during the lock even the right password is refused and the message says when to
try again."""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from hub.core.models import Agency
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def person(westshire):
    agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
    return make_person("throttle@westbury.example", partnership=westshire, agency=agency)


def sign_in(client, email, password, address="198.51.100.7"):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address
    )


def test_the_eleventh_attempt_is_refused_even_with_the_right_password(person):
    client = Client()
    for _ in range(10):
        response = sign_in(client, person.email, "wrong password")
        assert response.status_code == 200
        assert "Too many failed attempts" not in response.content.decode()
    refused = sign_in(client, person.email, PASSWORD)
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "Too many failed attempts to sign in" in html
    assert re.search(r"Try again in 5 minutes \(after \d\d:\d\d\)", html)
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_when_the_window_has_passed(person):
    import time as real_time

    client = Client()
    start = real_time.time()
    with mock.patch("time.time", return_value=start):
        for _ in range(10):
            sign_in(client, person.email, "wrong password")
    with mock.patch("time.time", return_value=start + 5 * 60 + 1):
        response = sign_in(client, person.email, PASSWORD)
    assert response.status_code == 302


def test_a_success_before_the_limit_does_not_reset_the_count_for_an_attacker(person):
    client = Client()
    for _ in range(9):
        sign_in(client, person.email, "wrong password")
    assert sign_in(client, person.email, PASSWORD).status_code == 302
    Client().logout()
    attacker = Client()
    assert sign_in(attacker, person.email, "wrong password").status_code == 200
    refused = sign_in(attacker, person.email, PASSWORD)
    assert "Too many failed attempts" in refused.content.decode()


def test_many_accounts_from_one_address_are_throttled_per_address(westshire):
    agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
    people = [
        make_person(f"spray{i}@westbury.example", partnership=westshire, agency=agency)
        for i in range(11)
    ]
    client = Client()
    for victim in people[:10]:
        sign_in(client, victim.email, "wrong password", address="203.0.113.9")
    blocked = sign_in(client, people[10].email, PASSWORD, address="203.0.113.9")
    assert "Too many failed attempts" in blocked.content.decode()
    # The same account from another address is not locked by that address's failures.
    elsewhere = sign_in(Client(), people[10].email, PASSWORD, address="192.0.2.44")
    assert elsewhere.status_code == 302


def test_the_message_does_not_reveal_whether_an_account_exists(person):
    client = Client()
    unknown = sign_in(client, "nobody@nowhere.example", "whatever").content.decode()
    wrong = sign_in(client, person.email, "wrong password").content.decode()

    message = "The email address and/or password you specified are not correct."
    assert message in unknown
    assert message in wrong
