"""Several processes, one database and one Redis, and processes that die: bookings never
exceed capacity across two web processes, a web process killed with SIGKILL mid-burst leaves
no half-made booking, and a worker stopped mid-queue and started again sends every email
exactly once."""

import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from email import message_from_bytes
from pathlib import Path

import pytest
import redis

from tests.ops.processes import COUNTS, SETUP, book, burst, shell
from tests.servers import MANAGE, Server

REDIS_URL = "redis://127.0.0.1:6379/14"


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
