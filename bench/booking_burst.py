"""Two hundred people press "Book" on a twenty-place session at the same moment.

    .venv/bin/python bench/booking_burst.py                      # 200 people, 20 places
    .venv/bin/python bench/booking_burst.py --people 400 --threads 8
    .venv/bin/python bench/booking_burst.py --server runserver   # Django's dev server

Against PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/hub_bench): the
bench database is created afresh (dropped first if it is there), migrated and loaded with the
demo, and dropped at the end. It adds one session with --places places and --people
practitioners, each signed in by a session row made directly in the database (as a sign-in
would leave it), then starts two web processes on two ports. Each person fetches the session
page once (for the CSRF token), opens a connection to one of the two processes, and waits;
then all send `POST /training/sessions/<pk>/` (`action=book`) at once. Prints how many were
booked, how many joined the waiting list, how many requests failed, and latency percentiles.
Prints figures only; asserts nothing.

Web processes (--server):
- `gunicorn` (the default when it is installed): two gunicorn servers configured as in
  production (deploy/gunicorn.conf.py: sync workers, two per core plus one, unless
  --workers says otherwise); connections beyond the workers wait in the listen queue.
- `threads`: the Django WSGI application behind Django's threaded WSGI server, at most
  --threads requests at a time per process; for a machine without gunicorn.
- `runserver`: `manage.py runserver --noreload`, one thread per connection with no bound:
  200 requests at once open up to 200 database connections, more than PostgreSQL's default
  max_connections (100), so expect errors; it shows why production bounds its workers.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/hub_bench"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- The bench database -----------------------------------------------------------------


def admin_connection(url):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=urllib.parse.unquote(parts.username or "postgres"),
        password=urllib.parse.unquote(parts.password) if parts.password else None,
        dbname="postgres",
        autocommit=True,
    )


def database_name(url):
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or name in {"postgres", "template0", "template1"}:
        raise SystemExit(f"Refusing to use {name!r} as the bench database: give it its own name.")
    return name


def recreate_database(url):
    name = database_name(url)
    with admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url):
    with admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')


# --- Setting up, in this process (Django pointed at the bench database) -------------------


def set_up(people, places):
    """Demo content, then a bench course with one session and `people` signed-in
    practitioners. Returns the session's id and each person's session key."""
    import django

    django.setup()
    import datetime

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from hub.core.models import Agency, Partnership, User
    from hub.training.models import Course, Format, Level, Session

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115 - closed at exit
    westshire = Partnership.objects.get(slug="westshire")
    course = Course.objects.create(
        partnership=westshire,
        slug="booking-burst-bench",
        title="Booking burst (bench)",
        summary="A session for the booking benchmark.",
        level=Level.ONE,
        format=Format.FACE_TO_FACE,
        outcomes="Book a place",
        who_for="Benchmark practitioners",
        hours=2,
    )
    starts_at = timezone.now() + datetime.timedelta(days=30)
    session = Session.objects.create(
        course=course,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        capacity=places,
        venue="Bench venue (demo)",
    )
    agencies = list(Agency.objects.filter(partnerships=westshire).order_by("pk"))
    password = make_password("bench-password-not-secret")  # hashed once, shared: a bench
    users = User.objects.bulk_create(
        User(
            email=f"bench{number}@bench.example",
            first_name="Bench",
            last_name=f"Person {number}",
            partnership=westshire,
            agency=agencies[number % len(agencies)],
            password=password,
        )
        for number in range(people)
    )
    keys = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        keys.append(store.session_key)
    connection.close()
    return session.pk, keys


def results(session_pk):
    from django.db import connection
    from django.db.models import Count

    from hub.training.models import Booking, WaitingListEntry

    booked = dict(
        Booking.objects.filter(session_id=session_pk).values_list("status").annotate(Count("pk"))
    )
    waiting = dict(
        WaitingListEntry.objects.filter(session_id=session_pk)
        .values_list("status")
        .annotate(Count("pk"))
    )
    connection.close()
    return booked, waiting


# --- The web processes ----------------------------------------------------------------


def serve(port, threads):
    """One web process: Django's threaded WSGI server with at most `threads` requests in
    hand at once; other connections wait in the listen queue, as with a production server."""
    import django

    django.setup()
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class Bounded(ThreadedWSGIServer):
        request_queue_size = 1024

        def __init__(self, *args, **kwargs):
            self.slots = threading.BoundedSemaphore(threads)
            super().__init__(*args, **kwargs)

        def process_request(self, request, client_address):
            self.slots.acquire()
            super().process_request(request, client_address)

        def process_request_thread(self, request, client_address):
            try:
                super().process_request_thread(request, client_address)
            finally:
                self.slots.release()

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = Bounded(("127.0.0.1", port), QuietHandler)
    server.set_app(get_wsgi_application())
    server.serve_forever()


def start_servers(kind, count, threads, workers, environment, scratch):
    processes, ports = [], []
    for number in range(count):
        port = free_port()
        if kind == "runserver":
            command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
        elif kind == "gunicorn":
            command = [GUNICORN, "--config", "deploy/gunicorn.conf.py", "hub.wsgi:application"]
            environment = {**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"}
            if workers:
                environment["WEB_CONCURRENCY"] = str(workers)
        else:
            command = [sys.executable, __file__, "--serve", str(port), "--threads", str(threads)]
        log = open(scratch / f"server-{number}.log", "wb")  # noqa: SIM115 - closed with the process
        processes.append(
            (
                subprocess.Popen(
                    command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
                ),
                log,
            )
        )
        ports.append(port)
    for (process, _), port in zip(processes, ports, strict=True):
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    stop_servers(processes)
                    logs = "\n".join(p.read_text() for p in scratch.glob("server-*.log"))
                    raise SystemExit(f"A web process did not start:\n{logs}") from None
                time.sleep(0.2)
    return processes, ports


def stop_servers(processes):
    for process, log in processes:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


# --- The burst --------------------------------------------------------------------------


def fetch_csrf(port, path, session_key):
    """The CSRF cookie and form token a person's browser would have after loading the page."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Cookie": f"sessionid={session_key}"})
    response = connection.getresponse()
    body = response.read().decode()
    cookies = response.headers.get_all("Set-Cookie") or []
    connection.close()
    cookie = next(
        (c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("csrftoken=")), None
    )
    token = CSRF_INPUT.search(body)
    if response.status != 200 or cookie is None or token is None:
        raise RuntimeError(f"GET {path} answered {response.status} without a CSRF token")
    return cookie, token.group(1)


def burst(ports, path, people):
    """Every person on their own connection, opened first; then all POST at once."""
    start = threading.Barrier(len(people))
    outcomes = [None] * len(people)

    def book(index, session_key, cookie, token):
        port = ports[index % len(ports)]
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "action": "book"})
        headers = {
            "Cookie": f"sessionid={session_key}; csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        connection = None
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.connect()
            start.wait(timeout=120)
            started = time.perf_counter()
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            outcomes[index] = (response.status, (time.perf_counter() - started) * 1000)
        except Exception as error:  # a failed request is counted, not raised
            outcomes[index] = (type(error).__name__, None)
        finally:
            if connection is not None:
                connection.close()

    threads = [
        threading.Thread(target=book, args=(index, *person)) for index, person in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--places", type=int, default=20)
    parser.add_argument("--processes", type=int, default=2, help="web processes (default 2)")
    parser.add_argument(
        "--workers", type=int, help="gunicorn workers per server (default: production's)"
    )
    parser.add_argument(
        "--threads", type=int, default=5, help="requests at once per `threads` server"
    )
    parser.add_argument(
        "--server",
        choices=["gunicorn", "threads", "runserver"],
        default="gunicorn" if Path(GUNICORN).exists() else "threads",
    )
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    if options.serve:
        serve(options.serve, options.threads)
        return
    if options.server == "gunicorn" and not Path(GUNICORN).exists():
        raise SystemExit("gunicorn is not installed; use --server threads or runserver.")

    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        raise SystemExit("The booking burst runs against PostgreSQL: set DATABASE_URL.")
    scratch = Path(tempfile.mkdtemp(prefix="hub-bench-burst-"))
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "HUB_VAR_DIR": str(scratch),
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        # Emails are queued in the database as in production; no worker sends them.
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DEBUG": "",
        "PRODUCTION": "",
        "DATABASE_CONN_MAX_AGE": "0",
    }
    environment.pop("REDIS_URL", None)
    os.environ.update(environment)

    where = urllib.parse.urlsplit(url)
    print(f"Database: {where.hostname}:{where.port or 5432}/{database_name(url)} (made afresh)")
    recreate_database(url)
    processes = []
    try:
        started = time.perf_counter()
        session_pk, keys = set_up(options.people, options.places)
        seconds = time.perf_counter() - started
        print(f"Set up (migrate, demo, {options.people} people): {seconds:.0f} s")
        processes, ports = start_servers(
            options.server,
            options.processes,
            options.threads,
            options.workers,
            environment,
            scratch,
        )
        path = f"/training/sessions/{session_pk}/"
        people, page_ms = [], []
        for index, key in enumerate(keys):
            started = time.perf_counter()
            people.append((key, *fetch_csrf(ports[index % len(ports)], path, key)))
            page_ms.append((time.perf_counter() - started) * 1000)
        outcomes = burst(ports, path, people)
        booked, waiting = results(session_pk)
    finally:
        stop_servers(processes)
        if not options.keep:
            drop_database(url)
        shutil.rmtree(scratch, ignore_errors=True)

    redirected = [ms for status, ms in outcomes if status == 302]
    failures = {}
    for status, _ in outcomes:
        if status != 302:
            failures[str(status)] = failures.get(str(status), 0) + 1
    timings = [ms for _, ms in outcomes if ms is not None]
    workers = options.workers or os.cpu_count() * 2 + 1  # deploy/gunicorn.conf.py's default
    bound = {
        "gunicorn": f", {workers} sync workers each",
        "threads": f", at most {options.threads} requests at once each",
        "runserver": ", a thread per connection",
    }[options.server]
    print(
        json.dumps(
            {
                "server": f"{options.processes} x {options.server}{bound}",
                "people": options.people,
                "places": options.places,
                "confirmed": booked.get("confirmed", 0),
                "waiting": waiting.get("waiting", 0),
                "answered_302": len(redirected),
                "errors": sum(failures.values()),
                "errors_by_status": failures,
                "p50_ms": round(statistics.median(timings), 1) if timings else None,
                "p99_ms": round(percentile(timings, 0.99), 1) if timings else None,
                "max_ms": round(max(timings), 1) if timings else None,
                "session_page_one_at_a_time_p50_ms": round(statistics.median(page_ms), 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
