"""/health/ tells a load balancer and an operator whether the database, the cache and the
task worker are working, and nothing else."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from hub.ops.tasks import HEARTBEAT_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def test_health_reports_each_part_and_no_secrets():
    response = Client().get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    # Tests run tasks at once, so asking for a heartbeat is answered straight away.
    assert body["checks"]["worker"] == "ok"
    assert body["status"] == "ok"
    text = json.dumps(body).lower()
    for secret in ("password", "secret", "postgres://", "sqlite", "redis://", "127.0.0.1"):
        assert secret not in text
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_worker_that_stopped_answering_is_reported_stale_but_pages_still_serve():
    from hub.ops.health import ASKED_KEY

    cache.set(ASKED_KEY, "1", timeout=60)  # a heartbeat was asked for and never ran
    cache.set(HEARTBEAT_KEY, (timezone.now() - datetime.timedelta(minutes=10)).isoformat())
    response = Client().get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["checks"]["worker"]) == ("degraded", "stale")
    assert body["worker_heartbeat_age_seconds"] >= 600


def test_an_unreachable_database_fails_the_check(monkeypatch):
    from hub.ops import health

    def broken_cursor(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)
    response = Client().get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"
