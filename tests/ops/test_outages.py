"""Outages under running processes, on servers of the tests' own (tests/services.py), so that
stopping them never touches the shared ones:

- Redis stopped under two gunicorn processes and a worker: every page, sign-in, booking and
  health check is answered, none with a server error; a sign-out and a publish made during
  the outage hold once Redis is back with its old snapshot; caching resumes by itself.
- PostgreSQL restarted during a booking burst, then stopped: every request is answered (a
  booking either completed or left nothing), the processes recover without a restart, the
  worker carries on with its queue, and while the database is down every page is the 503 page
  with the partnership's numbers.

Each test prints its figures (requests answered, errors, recovery times) for the notes; run
with `-s` to see them.
"""

import json
import re
import time
import uuid

from tests.ops.processes import (
    COUNTS,
    PUBLIC_PATHS,
    SETUP,
    Processes,
    book,
    burst,
    confirmations_once_sent,
    fetch,
    shell,
)

PUBLISH = """
from wagtail.models import Site
page = Site.objects.get(is_default_site=True).root_page.specific
page.intro = "INTRO"
page.save_revision().publish()
print("{}")
"""

RECONCILED = """
import json
from django_tasks_db.models import DBTaskResult
tasks = DBTaskResult.objects.filter(task_path="hub.ops.tasks.reconcile_cache")
print(json.dumps({
    "done": tasks.filter(status="SUCCESSFUL", return_value="done").count(),
    "all": list(tasks.values_list("status", "return_value")),
}))
"""


def server_errors(logs):
    """Lines of the servers' logs that show a server error or an unhandled exception."""
    bad = re.compile(r'" 5\d\d |Traceback|Internal Server Error|Exception in worker')
    return [line for text in logs.values() for line in text.splitlines() if bad.search(line)]


def test_redis_stopped_under_two_web_processes(demo_template, own_redis, scratch):
    environment, drop = demo_template.site(
        scratch,
        "hub_redis_outage",
        REDIS_URL=own_redis.url,
        CACHE_KEY_PREFIX=f"outage-{uuid.uuid4().hex}",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        LOGIN_ATTEMPTS_LIMIT="3",
    )
    processes = Processes(environment, scratch)
    try:
        setup = shell(environment, SETUP, CAPACITY=6, PEOPLE=20, TAG="redis")
        stays, leaves = setup["cookies"][0], setup["cookies"][1]
        a, b, idle = processes.server("a"), processes.server("b"), processes.server("idle")
        processes.worker()

        # Before: pages cached on every process, both people's sessions cached in Redis.
        for server in (a, b, idle):
            for _ in range(2):
                status, headers, before = fetch(server, "/")
            assert (status, headers["X-Page-Cache"]) == (200, "hit")
            for cookie in (stays, leaves):
                assert fetch(server, "/training/my-training/", cookie=cookie)[0] == 200
        old_intro = re.search(r'<p class="govuk-body-l">(.*?)</p>', before).group(1)

        own_redis.stop()
        stopped_at = time.monotonic()
        answers = []

        def answer(server, path, **kwargs):
            status, headers, body = fetch(server, path, **kwargs)
            answers.append((server.url, path, status))
            return status, headers, body

        # Anonymous pages, from both processes: served uncached.
        for server in (a, b):
            for path in PUBLIC_PATHS + ("/accounts/login/",):
                for _ in range(2):
                    status, headers, _ = answer(server, path)
                    assert status == 200, (path, status)
                    assert headers.get("X-Page-Cache") != "hit"
        # Signed in people stay signed in, on both.
        for server in (a, b):
            assert answer(server, "/training/my-training/", cookie=stays)[0] == 200
        # Bookings from both at once: every one answered.
        calls = [
            (lambda s=(a, b)[n % 2], c=cookie: book(s.url, setup["session"], c))
            for n, cookie in enumerate(setup["cookies"])
        ]
        threads, results = burst(calls)
        for thread in threads:
            thread.join()
        answers += [("burst", "booking", status) for status in results]
        assert results == [302] * 20, results
        # Sign-in throttling counts in the database, across both processes.
        for n in range(3):
            status, _, body = answer(
                (a, b)[n % 2],
                "/accounts/login/",
                data={"login": "racer5-redis@process.example", "password": "wrong"},
            )
            assert status == 200 and "Too many failed attempts" not in body
        status, _, body = answer(
            b, "/accounts/login/", data={"login": "racer5-redis@process.example", "password": "x"}
        )
        assert "Too many failed attempts to sign in" in body
        # Health says degraded, not failing, so a load balancer keeps sending traffic.
        status, _, body = answer(a, "/health/")
        assert status == 200
        assert json.loads(body)["checks"]["cache"] == "unavailable"
        assert json.loads(body)["status"] == "degraded"
        # A sign-out and a publish while Redis is away.
        assert answer(a, "/accounts/logout/", cookie=leaves, data={})[0] == 302
        assert fetch(b, "/training/my-training/", cookie=leaves)[0] == 302
        shell(environment, PUBLISH, INTRO="Published during the outage")
        for server in (a, b):
            assert "Published during the outage" in answer(server, "/")[2]
        outage_seconds = time.monotonic() - stopped_at

        # Redis comes back with the snapshot it saved when stopped: the old home page, the old
        # page-cache generation and the signed-out person's session are all in it.
        own_redis.start()
        started_at = time.monotonic()
        first_hit = {}
        while len(first_hit) < 3 and time.monotonic() - started_at < 60:
            for name, server in (("a", a), ("b", b), ("idle", idle)):
                status, headers, body = answer(server, "/")
                assert status == 200
                assert old_intro not in body, f"{name} served the page from before the publish"
                assert "Published during the outage" in body
                if headers.get("X-Page-Cache") == "hit":
                    first_hit.setdefault(name, round(time.monotonic() - started_at, 2))
            time.sleep(0.1)
        assert len(first_hit) == 3, f"caching did not resume by itself: {first_hit}"
        for server in (a, b, idle):
            assert fetch(server, "/training/my-training/", cookie=leaves)[0] == 302
            assert fetch(server, "/training/my-training/", cookie=stays)[0] == 200

        counts = shell(environment, COUNTS, SESSION=setup["session"])
        assert counts["confirmed"] == 6
        assert counts["booked_log"] == 6 and counts["people_twice"] == 0
        assert counts["confirmed"] + counts["waiting"] == 20
        # Nothing queued was lost: the worker sends every confirmation.
        sent = confirmations_once_sent(scratch / "outbox", "Process test course redis", 6)
        assert len(sent) == len(set(sent)) == 6

        # The writes that failed queued a reconciliation, which the worker finished once
        # Redis was back (a process that never called Redis again would rely on it).
        reconciled = shell(environment, RECONCILED)
        assert reconciled["done"] >= 1, reconciled

        logs = processes.logs()
        assert server_errors(logs) == []
        for name in ("a.log", "b.log"):
            # Lost once, back once: never a line per request.
            assert logs[name].count("unreachable (") == 1, logs[name][-2000:]
            assert logs[name].count("reachable again") == 1
        errors = [entry for entry in answers if not isinstance(entry[2], int) or entry[2] >= 500]
        print(
            f"\nRedis outage: {len(answers)} requests answered ({outage_seconds:.1f} s down), "
            f"{len(errors)} errors; first cached page after Redis returned (s): {first_hit}"
        )
        assert errors == []
    finally:
        processes.stop()
        drop()
