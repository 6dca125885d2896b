"""Redis unreachable, in one process: every cache call answers as an empty cache (or from the
database, for what must keep counting), pages and sessions work, /health/ says "degraded",
and the loss is logged once, not once per call. A lost database answers 503 with the page
written to disk beforehand. (tests/ops/test_outages.py stops real servers under real
processes.)"""

import logging

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import reverse

from hub.core.models import Agency, WorriedAboutAChild
from hub.ops import outage
from hub.ops.models import CacheEntry
from hub.ops.resilient_cache import ResilientRedisCache
from tests.conftest import make_person
from tests.servers import free_port

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"


def nowhere():
    """A Redis URL where nothing listens (a new port each time: breakers are per server)."""
    return f"redis://127.0.0.1:{free_port()}/0"


def lost_redis_caches(url):
    shared = {
        "BACKEND": "hub.ops.resilient_cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "outage-test",
    }
    return {
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "hub_cache_fallback",
        },
        "default": shared | {"OPTIONS": {"FALLBACK": "database"}},
        "volatile": shared,
    }


@pytest.fixture
def redis_lost():
    with override_settings(
        CACHES=lost_redis_caches(nowhere()),
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
        PAGE_CACHE_SECONDS=300,
    ):
        yield
    for alias in ("default", "volatile", "database"):
        caches[alias].clear()


def test_every_call_answers_as_an_empty_cache_and_the_loss_is_logged_once(caplog):
    cache = ResilientRedisCache(nowhere(), {"OPTIONS": {"RETRY_AFTER": 60}})
    with caplog.at_level(logging.WARNING, logger="hub.ops.cache"):
        for _ in range(50):
            cache.set("a", 1)
            assert cache.get("a", "missing") == "missing"
            assert cache.add("a", 1) is False
            assert cache.get_many(["a", "b"]) == {}
            assert cache.has_key("a") is False
            assert cache.delete("a") is False
            assert cache.set_many({"a": 1}) == ["a"]
            with pytest.raises(ValueError):
                cache.incr("a")
    lost = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(lost) == 1, [r.getMessage() for r in caplog.records]
    assert "redis://" not in lost[0].getMessage()  # where, never the URL (it may hold a password)
    assert cache.breaker.answered_without >= 399  # one try reached for the network, no more
    assert cache.reachable() is False


def test_what_must_keep_counting_is_counted_in_the_database_meanwhile():
    cache = ResilientRedisCache(nowhere(), {"OPTIONS": {"FALLBACK": "database"}})
    cache.set("counted", [1, 2, 3], 300)
    assert cache.get("counted") == [1, 2, 3]
    assert cache.add("counted", "again") is False
    assert CacheEntry.objects.filter(cache_key__endswith=":counted").count() == 1
    caches["database"].clear()


def test_pages_sessions_and_health_while_redis_is_unreachable(redis_lost, westshire):
    anonymous = Client()
    for path in ("/", "/library/", "/procedures/", "/training/", "/search/?q=neglect"):
        for _ in range(2):  # the second time too: nothing was stored, nothing is read
            response = anonymous.get(path)
            assert response.status_code == 200, path
            assert response.get("X-Page-Cache") != "hit"
    assert anonymous.get(reverse("account_login")).status_code == 200

    agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
    person = make_person("cacheless@westbury.example", partnership=westshire, agency=agency)
    signed_in = Client()
    signed_in.force_login(person)
    assert anonymous.get(reverse("training:my_training")).status_code == 302  # to sign in
    for _ in range(2):  # the session is read from the database both times
        page = signed_in.get(reverse("training:my_training"))
        assert page.status_code == 200
        assert "<title>My training" in page.content.decode()

    health = anonymous.get("/health/")
    assert health.status_code == 200
    body = health.json()
    assert body["checks"]["cache"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert body["status"] == "degraded"


def test_sign_in_throttling_keeps_counting_in_the_database(redis_lost, westshire, settings):
    agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
    person = make_person("throttled@westbury.example", partnership=westshire, agency=agency)
    client = Client()
    for _ in range(settings.LOGIN_ATTEMPTS_LIMIT):
        response = client.post(
            reverse("account_login"), {"login": person.email, "password": "wrong"}
        )
        assert "Too many failed attempts" not in response.content.decode()
    refused = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert "Too many failed attempts to sign in" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert CacheEntry.objects.exists()


@pytest.fixture
def database_lost(monkeypatch):
    """Every request fails as it would with PostgreSQL gone: at its first query."""
    from wagtail.models import Site

    def unreachable(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    monkeypatch.setattr(Site, "find_for_request", unreachable)
    return Client(raise_request_exception=False)


def test_a_lost_database_answers_503_with_the_numbers_saved_last(
    westshire, django_capture_on_commit_callbacks, database_lost
):
    safety = WorriedAboutAChild.for_site(westshire.site)
    safety.front_door_phone = "01632 960 777"
    with django_capture_on_commit_callbacks(execute=True):
        safety.save()

    response = database_lost.get("/library/", HTTP_HOST=westshire.site.hostname)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in html
    assert "01632 960 777" in html
    assert westshire.name in html
    assert 'href="tel:999"' in html


def test_without_a_saved_page_the_national_numbers_are_shown(database_lost, settings, tmp_path):
    settings.VAR_DIR = tmp_path  # no page has been written here
    response = database_lost.get("/")
    html = response.content.decode()
    assert response.status_code == 503
    assert "tel:999" in html and "0808 800 5000" in html
    assert not (tmp_path / "outage").exists()


def test_a_hostile_host_header_never_picks_a_file(database_lost, westshire):
    outage.write_all()
    for host in ("../../etc/passwd", "westshire.example/../x", "%2e%2e", "a" * 300):
        response = database_lost.get("/", HTTP_HOST=host)
        assert response.status_code in (400, 503)
        assert "passwd" not in response.content.decode()


def test_a_lost_database_is_logged_once_a_minute_not_once_per_request(monkeypatch):
    import sys

    from hub.ops.outage import DatabaseLostOnce

    clock = {"now": 1000.0}
    monkeypatch.setattr("hub.ops.outage.time.monotonic", lambda: clock["now"])
    filter_ = DatabaseLostOnce()

    def record():
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            info = sys.exc_info()
        return logging.LogRecord("django.request", logging.ERROR, "", 0, "%s", ("x",), info)

    first = record()
    assert filter_.filter(first) and first.exc_info is not None  # with its traceback
    assert [filter_.filter(record()) for _ in range(40)] == [False] * 40
    clock["now"] += 61
    summary = record()
    assert filter_.filter(summary)
    assert summary.exc_info is None and "40 more requests" in summary.getMessage()
    other = logging.LogRecord("django.request", logging.ERROR, "", 0, "boom", (), None)
    assert filter_.filter(other)  # anything else is logged as it comes
