"""PostgreSQL restarted during a booking burst under two gunicorn processes and a worker, then
stopped: every request is answered (a booking either completed or left nothing behind), the
processes recover without a restart, the worker carries on with its queue, and while the
database is down every page is the 503 page with the partnership's numbers. Runs in the
PostgreSQL run of the suite, on a PostgreSQL of its own (tests/services.py); prints its figures
(run with `-s`)."""

import re
import subprocess
import time

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
from tests.servers import MANAGE, site_environment
from tests.services import OwnPostgres

NUMBERS = """
import json
from wagtail.models import Site
from hub.core.models import WorriedAboutAChild
s = WorriedAboutAChild.for_site(Site.objects.get(is_default_site=True))
print(json.dumps({"front_door": s.front_door_phone, "police": s.police_non_emergency_phone}))
"""


# What the worker logs when the database goes, and when it is back (hub/ops db_worker).
WAITS = "the worker waits"
CARRIES_ON = "the worker carries on"


def test_postgresql_restarted_during_a_booking_burst_then_stopped(demo_template, scratch):
    own = OwnPostgres()
    processes = None
    try:
        url = own.copy_database(demo_template.url, "hub_outage")
        environment = site_environment(
            scratch,
            url,
            DATABASE_CONN_MAX_AGE="60",  # connections kept between requests, as in production
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        )
        demo_template.copy_files(scratch)
        # As the web service does before it starts (deploy/systemd/hub-web.service).
        subprocess.run(MANAGE + ["write_outage_pages"], env=environment, check=True)
        numbers = shell(environment, NUMBERS)
        setup = shell(environment, SETUP, CAPACITY=8, PEOPLE=30, TAG="postgres")
        processes = Processes(environment, scratch)
        a, b = processes.server("a"), processes.server("b")
        # One that serves nothing during the restart: its kept connection is the one that died.
        idle = processes.server("idle")
        worker = processes.worker()
        for server in (a, b, idle):
            assert fetch(server, "/")[0] == 200  # each holds a database connection now

        calls = [
            (lambda s=(a, b)[n % 2], c=cookie: book(s.url, setup["session"], c))
            for n, cookie in enumerate(setup["cookies"])
        ]
        threads, results = burst(calls)
        time.sleep(0.1)
        own.restart()
        restarted_at = time.monotonic()
        for thread in threads:
            thread.join()
        # Every booking was answered: made (302), or the 503 page while the database was away.
        assert set(results) <= {302, 503}, results

        # The next requests succeed on every process, none of them restarted.
        after_restart = [fetch(server, "/")[0] for server in (idle, a, b)]
        restart_recovery = time.monotonic() - restarted_at
        assert after_restart == [200, 200, 200]
        # Whoever saw the 503 page tries again. A booking in flight either completed (the 503
        # came after its commit: the retry is told so) or left nothing (the retry books).
        retried = [
            fetch(a, f"/training/sessions/{setup['session']}/", cookie=cookie, data={})
            for cookie, status in zip(setup["cookies"], results, strict=True)
            if status == 503
        ]
        for status, _, body in retried:
            assert status == 302 or (status == 200 and "already" in body), (status, body[-2000:])
        counts = shell(environment, COUNTS, SESSION=setup["session"])
        assert counts == {"confirmed": 8, "waiting": 22, "booked_log": 8, "people_twice": 0}

        # The worker carried on with its queue: every confirmation is sent, once.
        sent = confirmations_once_sent(scratch / "outbox", "Process test course postgres", 8)
        assert len(sent) == len(set(sent)) == 8
        assert worker.poll() is None

        # PostgreSQL stopped: every page is the 503 page with the partnership's numbers.
        worker_log = scratch / "worker.log"
        waited, carried_on = (worker_log.read_text().count(s) for s in (WAITS, CARRIES_ON))
        own.stop()
        down = [fetch(server, path) for server in (a, b) for path in PUBLIC_PATHS]
        for status, headers, body in down:
            assert status == 503
            assert headers["Retry-After"] == "30"
            assert numbers["front_door"] in body and numbers["police"] in body
            assert 'href="tel:999"' in body
        assert fetch(a, "/health/")[0] == 503
        # The worker meets the stopped database at its next look for work (it may not have
        # looked yet: the pages above take well under a second).
        deadline = time.monotonic() + 30
        while worker_log.read_text().count(WAITS) == waited:
            assert time.monotonic() < deadline, worker_log.read_text()[-3000:]
            time.sleep(0.2)
        own.start()
        started_at = time.monotonic()
        while fetch(a, "/")[0] != 200 or fetch(b, "/")[0] != 200:
            assert time.monotonic() - started_at < 30, "the site did not come back by itself"
            time.sleep(0.1)
        stop_recovery = time.monotonic() - started_at
        assert fetch(a, "/health/")[0] == 200
        assert worker.poll() is None, "the worker left when the database went"
        deadline = time.monotonic() + 30
        while worker_log.read_text().count(CARRIES_ON) == carried_on:
            assert time.monotonic() < deadline, worker_log.read_text()[-3000:]
            time.sleep(0.2)

        logs = processes.logs()
        for name in ("a.log", "b.log", "idle.log"):
            assert not re.search(r'" 500 ', logs[name])
            # Dozens of failed requests: one logged with its traceback, then a line a minute.
            lines = logs[name].splitlines()
            with_traceback = [
                line
                for line, after in zip(lines, lines[1:], strict=False)
                if line.startswith("Service Unavailable: ") and after.startswith("Traceback")
            ]
            assert len(with_traceback) <= 1, logs[name][-3000:]
        print(
            f"\nPostgreSQL restart: {len(results)} bookings answered ({results.count(302)} made, "
            f"{results.count(503)} 503 while it restarted, {len(retried)} retried), 0 errors; "
            f"first requests after it came back succeeded {restart_recovery:.2f} s after the "
            f"restart. Stopped: {len(down)} pages answered 503 with the numbers; back "
            f"{stop_recovery:.2f} s after it started."
        )
    finally:
        if processes:
            processes.stop()
        own.close()
