"""The site as each kind of person can reach it, crawled once per run.

The crawl starts from every address in the URL configuration that takes no argument and
follows every link, so the tests here cover screens nobody listed. It runs in a transaction
that is rolled back, so the audit entries and sessions its requests write are gone before
any test starts."""

import pytest
from allauth.mfa.utils import is_mfa_enabled
from django.db import transaction
from django.test import Client

from tests.conftest import give_second_factor
from tests.crawler import argument_free_paths, crawl

SUPERUSER = "superuser@hub.example"
# Who crawls, and where from. Each reaches a different part of the site.
PEOPLE = [
    SUPERUSER,
    "editor@westshire.example",
    "admin@northmoor.example",
    "lead@westbury-academy.example",
    "practitioner@westbury-academy.example",
    "training@westshire.example",
    "s11@westshire.example",
    None,  # signed out
]


def person(email):
    from hub.core.models import User

    if email == SUPERUSER:
        user = User.objects.filter(email=email).first() or User.objects.create_superuser(
            email=email, password="a long test password"
        )
    else:
        user = User.objects.get(email=email)
    if not is_mfa_enabled(user):
        give_second_factor(user)
    return user


def client_for(email, **kwargs):
    client = Client(**kwargs)
    if email is not None:
        client.force_login(person(email))
    return client


@pytest.fixture(scope="session")
def site_maps(django_db_setup, django_db_blocker):
    """{email: SiteMap} for every person in PEOPLE (None: signed out)."""
    maps = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for email in PEOPLE:
            maps[email] = crawl(
                client_for(email, raise_request_exception=False), argument_free_paths()
            )
        transaction.set_rollback(True)
    return maps
