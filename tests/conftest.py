"""Shared fixtures. The demo consortium is loaded once per run into the test database, and
each test runs inside a transaction that is rolled back, so every test sees the same data."""

import tempfile
from pathlib import Path

import pytest

_scratch = Path(tempfile.mkdtemp(prefix="hub-tests-"))


def pytest_configure(config):
    from django.test.utils import override_settings

    # Tests never touch a developer's var/ folder: uploads and demo passwords go to scratch.
    # Background tasks run at once, so a test sees their effect (search index, emails).
    # override_settings tells the libraries that cache these settings to read them again.
    override_settings(
        VAR_DIR=_scratch,
        MEDIA_ROOT=_scratch / "media",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ).enable()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from hub.demo.loader import load_demo

    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def westshire(db):
    from hub.core.models import Partnership

    return Partnership.objects.select_related("site").get(slug="westshire")


@pytest.fixture
def northmoor(db):
    from hub.core.models import Partnership

    return Partnership.objects.select_related("site").get(slug="northmoor")


@pytest.fixture
def northmoor_client(db):
    """A visitor on the second partnership's site."""
    from django.test import Client

    return Client(HTTP_HOST="northmoor.localhost")
