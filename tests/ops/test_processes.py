"""Several processes, one database and one Redis, and processes that die: bookings never
exceed capacity across two web processes, a web process killed with SIGKILL mid-burst leaves
no half-made booking, and a worker stopped mid-queue and started again sends every email
exactly once."""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import textwrap
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from email import message_from_bytes
from pathlib import Path

import pytest
import redis

from tests.servers import MANAGE, Server

REDIS_URL = "redis://127.0.0.1:6379/14"
CSRF = "a" * 32  # an unmasked CSRF secret, sent as both the cookie and the form field

SETUP = textwrap.dedent(
    """
    import datetime, json, sys
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.utils import timezone
    from hub.core.models import Agency, Partnership, User
    from hub.training.models import Course, Session

    westshire = Partnership.objects.get(slug="westshire")
    agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
    course = Course.objects.create(
        partnership=westshire, title="Process test course TAG", slug="process-test-course-TAG",
        summary="x", level=1, format="face_to_face", outcomes="x", who_for="x", hours=2,
    )
    starts = timezone.now() + datetime.timedelta(days=20)
    session = Session.objects.create(
        course=course, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
        capacity=CAPACITY,
    )
    cookies = []
    for n in range(PEOPLE):
        user = User.objects.create_user(
            email=f"racer{n}-TAG@process.example", password=None, partnership=westshire,
            agency=agency, first_name="Racer", last_name=str(n),
        )
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies.append(store.session_key)
    print(json.dumps({"session": session.pk, "cookies": cookies}))
    """
)

COUNTS = textwrap.dedent(
    """
    import json
    from hub.core.audit import entries
    from hub.training.models import Booking, WaitingListEntry
    bookings = Booking.objects.filter(session_id=SESSION, status="confirmed")
    print(json.dumps({
        "confirmed": bookings.count(),
        "waiting": WaitingListEntry.objects.filter(session_id=SESSION).count(),
        "booked_log": entries().filter(
            action="hub.training.booked",
            object_id__in=[str(pk) for pk in bookings.values_list("pk", flat=True)],
        ).count(),
        "people_twice": len(
            set(bookings.values_list("person_id", flat=True))
            & set(WaitingListEntry.objects.filter(session_id=SESSION).values_list(
                "person_id", flat=True))
        ),
    }))
    """
)


def shell(environment, code, **values):
    for name, value in values.items():
        code = code.replace(name, str(value))
    result = subprocess.run(
        MANAGE + ["shell", "-v", "0", "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def book(server_url, session_pk, cookie):
    """POST the booking form as a signed-in browser would; the HTTP status, or the error."""
    request = urllib.request.Request(
        f"{server_url}/training/sessions/{session_pk}/",
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF}).encode(),
        headers={"Cookie": f"sessionid={cookie}; csrftoken={CSRF}"},
        method="POST",
    )
    opener = urllib.request.build_opener(NoRedirect())
    try:
        return opener.open(request, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError as error:
        return type(error).__name__


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def burst(calls):
    results = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(index, call):
        start.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    return threads, results


@pytest.fixture(scope="module")
def site_database(demo_template):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail("Redis is not running at 127.0.0.1:6379; `.ci/run` starts it.")
    scratch = Path(tempfile.mkdtemp(prefix="hub-processes-"))
    environment, drop = demo_template.site(
        scratch,
        "hub_processes",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    yield environment, scratch
    drop()
    shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture
def site(site_database):
    """The shared demo database, and a list of this test's servers, stopped afterwards."""
    servers = []
    yield *site_database, servers
    for server in servers:
        server.stop()


def test_two_web_processes_never_overbook_and_share_sessions(site):
    environment, scratch, servers = site
    setup = shell(environment, SETUP, CAPACITY=5, PEOPLE=24, TAG="two")
    servers += [Server(environment, scratch / "a.log"), Server(environment, scratch / "b.log")]
    calls = [
        (lambda url=servers[n % 2].url, cookie=cookie: book(url, setup["session"], cookie))
        for n, cookie in enumerate(setup["cookies"])
    ]
    threads, results = burst(calls)
    for thread in threads:
        thread.join()
    assert results == [302] * 24, results
    counts = shell(environment, COUNTS, SESSION=setup["session"])
    assert counts == {"confirmed": 5, "waiting": 19, "booked_log": 5, "people_twice": 0}

    # A session started through one process is valid on the other: My training shows the
    # booking made through the first server when read through the second.
    request = urllib.request.Request(
        f"{servers[1].url}/training/my-training/",
        headers={"Cookie": f"sessionid={setup['cookies'][0]}"},
    )
    page = urllib.request.urlopen(request, timeout=30).read().decode()  # noqa: S310
    assert "Process test course two" in page


def test_a_web_process_killed_mid_burst_leaves_no_half_made_booking(site):
    environment, scratch, servers = site
    setup = shell(environment, SETUP, CAPACITY=8, PEOPLE=30, TAG="kill")
    victim = Server(environment, scratch / "victim.log")
    survivor = Server(environment, scratch / "survivor.log")
    servers += [victim, survivor]
    calls = [
        (
            lambda url=(victim if n % 2 else survivor).url, cookie=cookie: book(
                url, setup["session"], cookie
            )
        )
        for n, cookie in enumerate(setup["cookies"])
    ]
    threads, results = burst(calls)
    time.sleep(0.15)
    os.kill(victim.process.pid, signal.SIGKILL)
    for thread in threads:
        thread.join()
    victim.process.wait(timeout=10)

    survivor_results = results[0::2]
    assert survivor_results == [302] * 15, survivor_results
    counts = shell(environment, COUNTS, SESSION=setup["session"])
    # Every booking that exists was made whole (its audit entry committed with it), no one is
    # both booked and waiting, and capacity holds whatever the killed process was doing.
    assert counts["confirmed"] <= 8
    assert counts["booked_log"] == counts["confirmed"]
    assert counts["people_twice"] == 0
    assert counts["confirmed"] + counts["waiting"] >= 15


def test_a_worker_stopped_mid_queue_sends_every_email_exactly_once(site):
    environment, scratch, servers = site
    # Only this test's emails in the queue: earlier tests' tasks are dropped first.
    shell(
        environment,
        "from django_tasks_db.models import DBTaskResult; DBTaskResult.objects.all().delete(); "
        "print('{}')",
    )
    setup = shell(environment, SETUP, CAPACITY=40, PEOPLE=30, TAG="worker")
    server = Server(environment, scratch / "web.log")
    servers.append(server)
    for cookie in setup["cookies"]:
        assert book(server.url, setup["session"], cookie) == 302
    outbox = scratch / "outbox"

    def confirmations():
        found = []
        for path in outbox.glob("*.log") if outbox.exists() else []:
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if b"Subject: You are booked on Process test course worker" in chunk:
                    found.append(message_from_bytes(chunk.strip())["To"])
        return found

    worker_command = MANAGE + ["db_worker", "--interval", "0.2"]
    log = open(scratch / "worker.log", "wb")  # noqa: SIM115 - closed below
    worker = subprocess.Popen(worker_command, env=environment, stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while len(confirmations()) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    worker.send_signal(signal.SIGTERM)
    worker.wait(timeout=60)
    sent_before_restart = len(confirmations())
    assert 0 < sent_before_restart < 30, (
        f"the worker was not stopped mid-queue ({sent_before_restart} sent):\n"
        + (scratch / "worker.log").read_text()[-3000:]
    )

    worker = subprocess.Popen(worker_command, env=environment, stdout=log, stderr=log)
    deadline = time.monotonic() + 120
    while len(confirmations()) < 30 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)  # anything sent twice would arrive now
    worker.send_signal(signal.SIGTERM)
    worker.wait(timeout=60)
    log.close()
    recipients = confirmations()
    assert sorted(recipients) == sorted(f"racer{n}-worker@process.example" for n in range(30))
