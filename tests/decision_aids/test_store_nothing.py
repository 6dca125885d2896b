"""A screening tool stores nothing: after a full walk (every page, Back, Change, a validation
error, a refused state, the PDF), signed out and signed in, every table of the database is
exactly as it was (sessions included), and no table outside the tool's own definition, no
cache, no log record and no SQL statement holds an answer: an indicator key, a rating key or
a signed state. No audit entry is written, and an error report of a flow POST shows none of
its parameters."""

import logging
import pickle

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter
from wagtail.models import ModelLogEntry

from hub.core import audit
from hub.core import forms as core_forms
from hub.decision_aids import rules
from hub.decision_aids.models import RatingOption, ToolVersion
from hub.decision_aids.services import tool_publish
from hub.ops import fragments
from tests.decision_aids.test_flow import NC, NK, PDF_URL, SC, URL, VC, Walker

pytestmark = pytest.mark.django_db

# The rows that define the tool may hold its keys; nothing else may.
TOOL_DEFINITION_TABLES = {ToolVersion._meta.db_table, "decision_aids_tool"}
# Rating keys are "r<id>"; ids this large make each key a string no other row holds by chance.
DISTINCT_RATING_ID = 7_300_000_001


@pytest.fixture
def tool(test_tool):
    """The test tool with rating ids no other row could hold by chance, published again (as
    version 2), so every rating key is a distinctive string."""
    for offset, option in enumerate(test_tool.scale.order_by("sort_order")):
        RatingOption.objects.filter(pk=option.pk).update(id=DISTINCT_RATING_ID + offset)
    test_tool.refresh_from_db()
    version = tool_publish(tool=test_tool, by=None)
    assert version.number == 2
    return test_tool


def _needles(version):
    """Every indicator key and rating key of the version: the answers' vocabulary."""
    content = version.content
    indicators = {i["key"] for domain in content["domains"] for i in domain["indicators"]}
    ratings = {option["key"] for option in content["scale"]}
    assert all(key.startswith(f"r{DISTINCT_RATING_ID // 1000}") for key in ratings)
    return indicators | ratings


# -- what the database, the caches and the logs hold -----------------------------------------


def _value(value):
    # A PostgreSQL bytea arrives as a memoryview, whose repr is its address.
    return bytes(value) if isinstance(value, memoryview) else value


def _table_names():
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor, include_views=False))
    # Every model's table, Django's sessions and whatever no model covers (the cache table,
    # the search index's own tables) are all in the introspected list.
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            assert model._meta.db_table in tables, model
    assert "django_session" in tables
    if connection.vendor == "sqlite":
        tables.add("sqlite_sequence")  # bumped by any insert, even one deleted after
    return sorted(tables)


def dump_database():
    """{table: sorted rows as text} for every table, and every sequence's last value."""
    dump = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in _table_names():
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - introspected names
            dump[table] = sorted(repr(tuple(_value(v) for v in row)) for row in cursor.fetchall())
        if connection.vendor == "postgresql":
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences")
            dump["(sequences)"] = sorted(repr(row) for row in cursor.fetchall())
    return dump


def dump_caches():
    """{cache alias: its entries as text}, for every cache the settings configure, and the
    process's own kept fragments and rendered form fields."""
    dump = {}
    for alias in settings.CACHES:
        cache = caches[alias]
        if isinstance(cache, LocMemCache):
            with cache._lock:
                entries = list(cache._cache.items())
            dump[alias] = sorted(
                f"{key!r}: {pickle.loads(value)!r}"  # noqa: S301 - this process's own cache
                for key, value in entries
            )
        elif isinstance(cache, DatabaseCache):
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(cache._table)}")  # noqa: S608
                dump[alias] = sorted(repr(row) for row in cursor.fetchall())
        elif isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=False)
            dump[alias] = sorted(
                f"{key!r}: {client.get(key)!r}" for key in client.scan_iter(count=1000)
            )
        else:
            pytest.fail(f"Cannot read the {alias!r} cache ({type(cache).__name__})")
    with fragments._lock:
        dump["fragments"] = [repr(fragments._held)]
    with core_forms._rendered_lock:
        dump["rendered fields"] = [repr(list(core_forms._rendered.items()))]
    return dump


class Everything(logging.Handler):
    """Keeps every log record, formatted and with every attribute it carries."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.texts = []

    def emit(self, record):
        self.texts.append(self.format(record))
        self.texts.append(repr(record.__dict__))


@pytest.fixture
def every_log_record():
    handler = Everything()
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)


def _found(texts, needles):
    return sorted({needle for needle in needles for text in texts if needle in text})


# -- the walk --------------------------------------------------------------------------------


def full_walk(client):
    """Every page and button of the tool, a validation error, a refused state and the PDF;
    returns the walker and every signed state the pages carried."""
    walker = Walker(client)
    states = set()

    def seen():
        if walker.state():
            states.add(walker.state())

    walker.open()
    walker.press("Start now")
    seen()
    walker.press("Back")
    walker.press("Continue")
    walker.press("Supervision")
    walker.press("Save and continue", (VC, None, NK))  # an error: one left unrated
    seen()
    walker.press("Save and continue", (VC, SC, NK))
    seen()
    walker.press("Save and continue", (NK, NC, VC))
    seen()
    walker.press("Change your answers for Basic care")
    walker.press("Save and continue", (NK, VC, VC))
    seen()
    walker.press("See the outcome")
    seen()
    assert walker.heading() == "Indicative level of need: Test statutory"
    state = walker.state()
    assert walker.press("Download a summary (PDF)")["Content-Type"] == "application/pdf"
    # A refused state (tampered), and the PDF address opened as a link.
    tampered = state[:10] + ("A" if state[10] != "A" else "B") + state[11:]
    walker.post(URL, {"state": tampered, "action": "outcome"}, expect=400)
    assert walker._record(client.get(PDF_URL)).status_code == 405
    states.add(tampered)
    assert len(states) >= 5
    return walker, states


def _assert_the_walk_stored_nothing(client, tool, every_log_record):
    version = tool.versions.order_by("-number").first()
    needles = _needles(version)
    # A page served first, as the site has served many: the layout's first use makes what
    # every page shares and keeps (the partnership logo's rendition, say).
    assert client.get(URL).status_code == 200
    audit_entries = audit.entries().count()
    log_entries = ModelLogEntry.objects.count()
    tables_before = dump_database()
    caches_before = dump_caches()
    with (
        override_settings(PAGE_CACHE_SECONDS=300),
        CaptureQueriesContext(connection) as statements,
    ):
        walker, states = full_walk(client)
    states_and_payloads = states | {state.split(":", 1)[0] for state in states}
    tables_after = dump_database()

    # The database is exactly as it was.
    changed = [table for table in tables_after if tables_after[table] != tables_before[table]]
    assert not changed, f"The walk changed {changed}"
    assert audit.entries().count() == audit_entries
    assert ModelLogEntry.objects.count() == log_entries
    # No row outside the tool's definition holds a key; no row at all holds a state.
    outside = [
        row
        for table, rows in tables_after.items()
        if table not in TOOL_DEFINITION_TABLES
        for row in rows
    ]
    assert _found(outside, needles) == []
    every_row = [row for rows in tables_after.values() for row in rows]
    assert _found(every_row, states_and_payloads) == []
    # No SQL statement the walk sent carried any of them either.
    sql = [f"{query['sql']}" for query in statements.captured_queries]
    assert _found(sql, needles | states_and_payloads) == []

    # No cache holds them, nor anything it did not hold before but a page of the flow.
    caches_after = dump_caches()
    texts = [entry for entries in caches_after.values() for entry in entries]
    assert _found(texts, needles | states_and_payloads) == []
    for alias, entries in caches_after.items():
        if alias in ("fragments", "rendered fields"):
            continue
        added = set(entries) - set(caches_before[alias])
        assert not [entry for entry in added if "decision-aids" in entry], alias

    # No log record holds them.
    assert every_log_record.texts, "the handler saw nothing: is logging on?"
    assert _found(every_log_record.texts, needles | states_and_payloads) == []
    return walker


def test_a_full_walk_signed_out_stores_nothing(tool, every_log_record):
    client = Client()
    walker = _assert_the_walk_stored_nothing(client, tool, every_log_record)
    # Signed out, the walk never started a session.
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert not [r for r in walker.responses if settings.SESSION_COOKIE_NAME in r.cookies]


def test_a_full_walk_signed_in_stores_nothing_in_the_session_or_anywhere(
    tool, staff, every_log_record
):
    client = Client()
    client.force_login(staff())
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    _assert_the_walk_stored_nothing(client, tool, every_log_record)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value == session_key


# -- error reports ---------------------------------------------------------------------------


def test_a_flow_post_marks_every_parameter_sensitive(tool, client):
    walker = Walker(client)
    walker.open()
    walker.press("Start now")
    walker.press("Basic care")
    response = walker.press("Save and continue", (VC, SC, NK))
    # The request the view saw.
    request = response.wsgi_request
    assert request.sensitive_post_parameters == "__ALL__"
    reporter_filter = SafeExceptionReporterFilter()
    shown = reporter_filter.get_post_parameters(request)
    assert set(shown) == {"csrfmiddlewaretoken", "state", "action", *walker_fields(3)}
    assert set(shown.values()) == {reporter_filter.cleansed_substitute}


def walker_fields(count):
    return {f"rating-{position}" for position in range(1, count + 1)}


@pytest.mark.parametrize("address", [URL, PDF_URL])
def test_an_error_report_of_a_fault_in_the_flow_shows_no_answer(tool, monkeypatch, address):
    """A fault while the outcome is worked out (answers in many frames' variables): the
    report an administrator would be sent shows no POST parameter and no frame's variables."""
    client = Client(raise_request_exception=False)
    walker = Walker(client)
    walker.open()
    walker.press("Start now")
    walker.press("Basic care")
    walker.press("Save and continue", (NK, VC, VC))
    walker.press("Save and continue", (VC, SC, NC))
    walker.press("See the outcome")
    state = walker.state()
    real_outcome = rules.outcome

    def faulty(content, answers):
        real_outcome(content, answers)
        raise RuntimeError("a fault while working out the outcome")

    monkeypatch.setattr(rules, "outcome", faulty)
    data = {"state": state, "action": "outcome"}
    response = client.post(address, data)
    assert response.status_code == 500
    request = response.wsgi_request
    assert request.sensitive_post_parameters == "__ALL__"
    report = ExceptionReporter(request, *response.exc_info, is_email=True)
    text = report.get_traceback_text() + report.get_traceback_html()
    assert "a fault while working out the outcome" in text
    version = tool.versions.order_by("-number").first()
    needles = _needles(version) | {state, state.split(":", 1)[0]}
    assert _found([text], needles) == []
