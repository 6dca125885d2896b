"""What /health/ reports: can we reach the database and the cache, and is the task worker
taking work? Names and states only, never settings, hosts or versions. "failing" (503) means
the database is down; a lost cache or worker is "degraded" (200)."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from hub.ops.tasks import HEARTBEAT_KEY, heartbeat

# A heartbeat task is queued at most this often, and the worker counts as working if it ran
# one within WORKER_STALE.
HEARTBEAT_EVERY = datetime.timedelta(seconds=30)
WORKER_STALE = datetime.timedelta(minutes=3)
ASKED_KEY = "hub:worker-heartbeat-asked"


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return "unavailable"
    return "ok"


def _cache():
    """Redis itself, not the fallback that answers for it while it is away."""
    if hasattr(cache, "reachable"):
        return "ok" if cache.reachable() else "unavailable"
    try:
        cache.set("hub:health-probe", "1", timeout=10)
        ok = cache.get("hub:health-probe") == "1"
    except Exception:  # noqa: BLE001
        return "unavailable"
    return "ok" if ok else "unavailable"


def _worker(now):
    try:
        if cache.add(ASKED_KEY, "1", timeout=int(HEARTBEAT_EVERY.total_seconds())):
            heartbeat.enqueue()
        last = cache.get(HEARTBEAT_KEY)
    except Exception:  # noqa: BLE001
        return "unknown", None
    if last is None:
        return "waiting for first heartbeat", None
    seen = datetime.datetime.fromisoformat(last)
    age = (now - seen).total_seconds()
    return ("ok" if now - seen <= WORKER_STALE else "stale"), round(age)


def report(now=None):
    now = now or timezone.now()
    worker, age = _worker(now)
    checks = {"database": _database(), "cache": _cache(), "worker": worker}
    # Only the database failing fails the site: without the cache or the worker pages are
    # still served (slower, emails later), so a load balancer must keep sending traffic.
    if checks["database"] != "ok":
        status = "failing"
    elif checks["cache"] == "ok" and worker == "ok":
        status = "ok"
    else:
        status = "degraded"
    return {
        "status": status,
        "checks": checks,
        "worker_heartbeat_age_seconds": age,
    }
