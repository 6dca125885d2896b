"""Shared fixtures. The demo consortium is loaded once per run into a template database,
which the test database copies; each test runs inside a transaction that is rolled back, so
every test sees the same data."""

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
        # Hashing passwords slowly is the point in production and a waste of time here.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        # Shared fragments on, as in production (the test process is the only one serving).
        SHARED_FRAGMENTS=True,
    ).enable()


@pytest.fixture
def outside_server():
    """A web server outside the Hub that records every request (tests/pdfs.py)."""
    from tests.pdfs import recording_server

    with recording_server() as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh_fragments():
    """Each test starts with no shared fragments: a rolled-back test's changes never moved
    the content generation, so what it left in process memory could outlive its data."""
    from hub.ops import fragments

    fragments.forget()
    yield
    fragments.forget()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo, migrated and loaded once per run (tests/servers.py): the in-process test
    database and every server-process site start as copies of it."""
    from tests.servers import DemoTemplate

    template = DemoTemplate(tmp_path_factory.mktemp("demo-template"))
    yield template
    template.drop()


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, demo_template):
    """The test database: a copy of the demo template, rolled back after each test (and
    emptied after a transactional one, which pytest-django runs last). On PostgreSQL a
    database of this run's own, so two runs on one server never drop each other's."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from tests.servers import copy_sqlite

    demo_template.copy_files(_scratch)
    settings_dict = connection.settings_dict
    with django_db_blocker.unblock():
        connection.close()
        if connection.vendor == "sqlite":
            name = "file:memorydb_default?mode=memory&cache=shared"
            settings_dict["NAME"] = settings.DATABASES["default"]["NAME"] = name
            connection.ensure_connection()
            copy_sqlite(demo_template.url.removeprefix("sqlite:///"), connection.connection)
            drop = None
        else:
            url, drop = demo_template.database(_scratch, f"test_{settings_dict['NAME']}")
            name = url.rsplit("/", 1)[1]
            settings_dict["NAME"] = settings.DATABASES["default"]["NAME"] = name
        # The template is the Hub as `make run` makes it; the tests' own example domain
        # (tests/settings.py) adds its tables here.
        call_command("migrate", verbosity=0)
    yield
    with django_db_blocker.unblock():
        connection.close()
        if drop is not None:
            drop()


@pytest.fixture
def racing_database(tmp_path, demo_template):
    """The database threads racing each other share, for a transactional test: the test
    database on PostgreSQL; on SQLite a file copy of the demo for the test's length (the
    in-memory test database's shared cache locks tables without waiting, so it cannot show
    IMMEDIATE transactions queueing; it is kept alive meanwhile and comes back afterwards).
    A transactional test may run on an emptied database, so the racers' data is the test's
    own."""
    import sqlite3

    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    from tests.servers import copy_sqlite

    memory = connection.settings_dict["NAME"]
    keeper = sqlite3.connect(memory, uri=True)  # holds the in-memory database open
    path = tmp_path / "race.sqlite3"
    copy_sqlite(demo_template.url.removeprefix("sqlite:///"), path)
    connection.settings_dict["NAME"] = str(path)
    connection.close()
    connection.connection = None
    yield
    connection.close()
    connection.settings_dict["NAME"] = memory
    connection.ensure_connection()  # back on the in-memory database before the keeper goes
    keeper.close()


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


def give_second_factor(user):
    """Staff must have a second factor before they can do anything; tests give them one."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


def make_person(email, *, partnership, agency, roles=(), second_factor=True):
    """An active, verified account with the given roles in `partnership`."""
    from allauth.account.models import EmailAddress

    from hub.core.models import RoleAssignment, User
    from hub.core.permissions import assignment_scope

    user = User.objects.create_user(
        email=email, password="a long test password", partnership=partnership, agency=agency
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    for role in roles:
        RoleAssignment.objects.create(
            user=user,
            role=role,
            **assignment_scope(role, partnership=partnership, agency=agency),
        )
    if roles:
        from hub.accounts.services import sync_admin_access

        sync_admin_access(user)
    if roles and second_factor:
        give_second_factor(user)
    return user


# --- The one factory for people in tests ------------------------------------------------------
# Every domain's tests make their people here: a role (or none), a demo partnership and a demo
# agency by short name. Nothing else in tests/ types out a person with a role.

DEMO_AGENCIES = {
    "westbury": "Westbury Cross Academy Trust (demo)",  # a school, Westshire only
    "college": "Westshire College (demo)",  # Westshire only
    "council": "Westshire County Council (demo)",  # Westshire only
    "police": "Westmoor Police (demo)",  # works in Westshire and Northmoor
    "moorhampton": "Moorhampton High School (demo)",  # a school, Northmoor only
}


def demo_agency(key):
    from hub.core.models import Agency

    return Agency.objects.get(name=DEMO_AGENCIES[key])


@pytest.fixture
def westbury(db):
    return demo_agency("westbury")


@pytest.fixture
def college(db):
    return demo_agency("college")


@pytest.fixture
def council(db):
    return demo_agency("council")


@pytest.fixture
def police(db):
    return demo_agency("police")


@pytest.fixture
def moorhampton(db):
    return demo_agency("moorhampton")


@pytest.fixture
def staff(db):
    """`staff(role, partnership="westshire", agency=None, email=None)`: an active, verified
    person holding `role` (None: a practitioner) in a demo partnership, working for a demo
    agency (by short name or object; by default the council in Westshire, Moorhampton High
    School in Northmoor), with a second factor when the role needs one."""
    from hub.core.models import Agency, Partnership

    made = []

    def make(role=None, *, partnership="westshire", agency=None, email=None, **options):
        if isinstance(partnership, str):
            partnership = Partnership.objects.select_related("site").get(slug=partnership)
        if agency is None:
            agency = "council" if partnership.slug == "westshire" else "moorhampton"
        agency_key = agency if isinstance(agency, str) else None
        if not isinstance(agency, Agency):
            agency = demo_agency(agency)
        made.append(role)
        if email is None:
            email = f"{role or 'practitioner'}-{len(made)}@{agency_key or agency.pk}.example"
        roles = [role] if role else []
        return make_person(email, partnership=partnership, agency=agency, roles=roles, **options)

    return make
