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

Where a booking's time goes: the web processes (gunicorn or `threads`) run the Hub's
application inside `timed_application`, which notes for each POST, from the kernel's own
accounts (/proc/thread-self/schedstat and the PostgreSQL backend's /proc/<pid>/schedstat, so
PostgreSQL must run on this machine for its share): the web worker's CPU time and its time
waiting for a free core (a thread waiting for Python's lock in a threaded worker is not
counted there), the database backend's CPU time, the wait for the session's row lock and how
long it was then held (to the commit), in each mode: exclusively, one booking at a time, or in
share mode, which requests joining a full session's waiting list hold together
(hub.training.services.place_request). The client's latency less the worker's own time is
the time the request waited for a free worker. The "arithmetic" line divides the CPU of all
the bookings (web + database) by the cores: no arrangement of workers drains the burst faster
than that, nor faster than the exclusive lock's time held in all.

Without --redis the web processes have no Redis: sessions are read from the database and
the shared fragments (navigation, the partnership of the host) are worked out per request.
With --redis (a Redis database of the bench's own) they are as in production.

Web processes (--server):
- `gunicorn` (the default when it is installed): two gunicorn servers configured as in
  production (deploy/gunicorn.conf.py, its workers and threads as printed; --workers sets
  WEB_CONCURRENCY); connections beyond what they take wait in the listen queue.
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


def empty_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


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


# --- Where a booking's time goes (inside each web process) ------------------------------


def _schedstat(path):
    """(time on a CPU, time runnable but waiting for a CPU), in ms, from the kernel."""
    try:
        on_cpu, waiting, _ = Path(path).read_text().split()
    except (OSError, ValueError):
        return None
    return int(on_cpu) / 1e6, int(waiting) / 1e6


def timed_application():
    """The Hub's WSGI application, noting where each POST's time went, one JSON line per
    POST in $BURST_TIMINGS/<pid>-<thread>.jsonl. gunicorn loads it as
    `bench.booking_burst:timed_application()`; the `threads` server wraps its own."""
    from django.core.wsgi import get_wsgi_application
    from django.db import connection, transaction

    application = get_wsgi_application()
    folder = Path(os.environ["BURST_TIMINGS"])
    local = threading.local()

    def backend():
        """The PostgreSQL backend serving this thread's connection, if one is open."""
        raw = connection.connection
        return getattr(getattr(raw, "info", None), "backend_pid", None)

    def lock_timer(execute, sql, params, many, context):
        record = local.record
        started = time.perf_counter()
        result = execute(sql, params, many, context)
        ended = time.perf_counter()
        # The session's lock: exclusive (FOR UPDATE, when it returned the row: one tried
        # with SKIP LOCKED returns nothing while another holds it) or in share mode.
        mode = None
        if "FOR SHARE" in sql:
            mode = "share"
        elif "FOR UPDATE" in sql and context["cursor"].rowcount:
            mode = "exclusive"
        if mode:
            record["lock"] = mode
            record["lock_wait_ms"] = record.get("lock_wait_ms", 0) + (ended - started) * 1000
            record["in_lock_queries"], record["in_lock_query_ms"] = 0, 0.0
            local.locked = ended

            def committed():
                record["lock_held_ms"] = (time.perf_counter() - local.locked) * 1000
                local.locked = None

            transaction.on_commit(committed)
        elif "FOR UPDATE" in sql:
            record["lock_wait_ms"] = (ended - started) * 1000  # found it held: no row
        elif local.locked is not None:
            record["in_lock_queries"] += 1
            record["in_lock_query_ms"] += (ended - started) * 1000
        return result

    def timed(environ, start_response):
        if environ.get("REQUEST_METHOD") != "POST":
            return application(environ, start_response)
        local.record = record = {}
        local.locked = None
        backends = {}
        pid = backend()
        if pid:
            backends[pid] = _schedstat(f"/proc/{pid}/schedstat")
        worker = _schedstat("/proc/thread-self/schedstat")
        started = time.perf_counter()
        with connection.execute_wrapper(lock_timer):
            response = application(environ, start_response)
            try:
                body = b"".join(response)
                pid = backend()  # read before the response closes (and the connection with it)
                if pid:
                    ended = _schedstat(f"/proc/{pid}/schedstat")
                    before = backends.get(pid) or (0.0, 0.0)  # a new backend: all of it
                    if ended:
                        record["db_cpu_ms"] = ended[0] - before[0]
                        record["db_cpu_wait_ms"] = ended[1] - before[1]
            finally:
                if hasattr(response, "close"):
                    response.close()
        record["wall_ms"] = (time.perf_counter() - started) * 1000
        after = _schedstat("/proc/thread-self/schedstat")
        if worker and after:
            record["cpu_ms"] = after[0] - worker[0]
            record["cpu_wait_ms"] = after[1] - worker[1]
        name = folder / f"{os.getpid()}-{threading.get_ident()}.jsonl"
        with name.open("a") as out:
            out.write(json.dumps(record) + "\n")
        return [body]

    return timed


def breakdown(folder, latencies):
    """Medians (and means, for the CPU arithmetic) of what the web processes noted."""
    records = [
        json.loads(line)
        for path in Path(folder).glob("*.jsonl")
        for line in path.read_text().splitlines()
    ]
    if not records:
        return None

    def figure(key, how=statistics.median):
        values = [record[key] for record in records if key in record]
        return round(how(values), 1) if values else None

    summary = {
        "posts_timed": len(records),
        "worker_ms_p50": figure("wall_ms"),
        "worker_cpu_ms_p50": figure("cpu_ms"),
        "worker_cpu_ms_mean": figure("cpu_ms", statistics.fmean),
        "worker_waiting_for_a_core_ms_p50": figure("cpu_wait_ms"),
        "database_cpu_ms_p50": figure("db_cpu_ms"),
        "database_cpu_ms_mean": figure("db_cpu_ms", statistics.fmean),
        "database_waiting_for_a_core_ms_p50": figure("db_cpu_wait_ms"),
        "row_lock_wait_ms_p50": figure("lock_wait_ms"),
        "row_lock_wait_ms_max": figure("lock_wait_ms", max),
    }
    for mode in ("exclusive", "share"):
        held = [record for record in records if record.get("lock") == mode]
        if not held:
            continue

        def among(key, how=statistics.median, held=held):
            values = [record[key] for record in held if key in record]
            return round(how(values), 1) if values else None

        summary[f"lock_{mode}"] = {
            "bookings": len(held),
            "held_ms_p50": among("lock_held_ms"),
            "held_ms_max": among("lock_held_ms", max),
            "held_s_in_all": round(sum(r.get("lock_held_ms", 0) for r in held) / 1000, 2),
            # Under the lock, after taking it: the statements (commit aside) and their time.
            "queries_p50": among("in_lock_queries"),
            "their_ms_p50": among("in_lock_query_ms"),
        }
    worker_p50 = summary["worker_ms_p50"]
    if latencies and worker_p50 is not None:
        summary["waiting_for_a_free_worker_ms_p50"] = round(
            statistics.median(latencies) - worker_p50, 1
        )
    cpu = (summary["worker_cpu_ms_mean"] or 0) + (summary["database_cpu_ms_mean"] or 0)
    cores = os.cpu_count()
    exclusive = summary.get("lock_exclusive", {}).get("held_s_in_all", 0)
    summary["arithmetic"] = (
        f"{cpu:.1f} ms CPU a booking (web {summary['worker_cpu_ms_mean']} + database "
        f"{summary['database_cpu_ms_mean']}) x {len(records)} / {cores} cores = "
        f"{cpu * len(records) / cores / 1000:.2f} s at the least to drain the burst; "
        f"the exclusive lock, held by one booking at a time, {exclusive:.2f} s in all"
    )
    return summary


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
    timed = os.environ.get("BURST_TIMINGS")
    server.set_app(timed_application() if timed else get_wsgi_application())
    server.serve_forever()


def start_servers(kind, count, threads, workers, environment, scratch):
    processes, ports = [], []
    for number in range(count):
        port = free_port()
        if kind == "runserver":
            command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
        elif kind == "gunicorn":
            application = "bench.booking_burst:timed_application()"
            command = [GUNICORN, "--config", "deploy/gunicorn.conf.py", application]
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


def gunicorn_workers(workers=None):
    """What each gunicorn server runs, read from deploy/gunicorn.conf.py (`workers`: the
    count --workers gave it instead)."""
    import runpy

    conf = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    kind, workers = conf.get("worker_class", "sync"), workers or conf.get("workers", 1)
    if kind == "gthread":
        return f", {workers} workers x {conf.get('threads', 1)} threads each"
    return f", {workers} {kind} workers each"


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
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="DATABASE_CONN_MAX_AGE of the web processes (default 60, as in production)",
    )
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="a Redis database of the bench's own, emptied before and after (e.g. "
        "redis://127.0.0.1:6379/5): sessions and shared fragments through it, as in production",
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
    timings = scratch / "timings"
    timings.mkdir()
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
        # As production keeps them (deploy/hub.env.example); 0 opens one per request.
        "DATABASE_CONN_MAX_AGE": str(options.conn_max_age),
        "BURST_TIMINGS": str(timings),
    }
    environment.pop("REDIS_URL", None)
    if options.redis:
        # As production: sessions read through Redis, the shared fragments kept by it.
        environment["REDIS_URL"] = options.redis
        empty_redis(options.redis)
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
        latencies = [ms for _, ms in outcomes if ms is not None]
        where_the_time_went = breakdown(timings, latencies)
    finally:
        stop_servers(processes)
        if not options.keep:
            drop_database(url)
        if options.redis:
            empty_redis(options.redis)
        shutil.rmtree(scratch, ignore_errors=True)

    redirected = [ms for status, ms in outcomes if status == 302]
    failures = {}
    for status, _ in outcomes:
        if status != 302:
            failures[str(status)] = failures.get(str(status), 0) + 1
    bound = {
        "gunicorn": gunicorn_workers(options.workers),
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
                "database_conn_max_age": options.conn_max_age,
                "redis": bool(options.redis),
                "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
                "p99_ms": round(percentile(latencies, 0.99), 1) if latencies else None,
                "max_ms": round(max(latencies), 1) if latencies else None,
                "session_page_one_at_a_time_p50_ms": round(statistics.median(page_ms), 1),
                "one_booking": where_the_time_went
                or "not measured (runserver does not run the timed application)",
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
