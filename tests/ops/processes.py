"""What the tests of several processes share: demo people signed in by session cookie, a
booking made as a browser makes it, a burst of calls at once, and the counts that must hold
after any burst (capacity, one place per person, every booking audited)."""

import json
import signal
import subprocess
import textwrap
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from email import message_from_bytes

from tests.servers import MANAGE, Server

# Pages every visitor can read, one of each kind.
PUBLIC_PATHS = ("/", "/library/", "/procedures/", "/training/", "/search/?q=neglect")
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


def fetch(server, path, *, cookie=None, data=None):
    """(status, headers, body) of one request, never following a redirect; a failure to get
    any answer is reported as the status."""
    headers = {}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}; csrftoken={CSRF}"
    if data is not None:
        headers["Cookie"] = headers.get("Cookie", f"csrftoken={CSRF}")
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF, **data}).encode()
    request = urllib.request.Request(server.url + path, data=data, headers=headers)
    try:
        response = urllib.request.build_opener(NoRedirect()).open(request, timeout=30)
        return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()
    except OSError as error:
        return type(error).__name__, {}, ""


def confirmations(outbox, course_title):
    found = []
    for path in outbox.glob("*.log") if outbox.exists() else []:
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if f"Subject: You are booked on {course_title}".encode() in chunk:
                found.append(message_from_bytes(chunk.strip())["To"])
    return found


def confirmations_once_sent(outbox, course_title, expected, *, timeout=90):
    """The confirmations' recipients once `expected` have been sent (or the time is up), and
    a second later, so that anything sent twice is among them."""
    deadline = time.monotonic() + timeout
    while len(confirmations(outbox, course_title)) < expected and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)
    return confirmations(outbox, course_title)


class Processes:
    """Servers and workers of one test, stopped at its end."""

    def __init__(self, environment, scratch):
        self.environment, self.scratch = environment, scratch
        self.running = []

    def server(self, name):
        server = Server(self.environment, self.scratch / f"{name}.log", gunicorn=True)
        self.running.append(server.process)
        return server

    def worker(self):
        log = open(self.scratch / "worker.log", "ab")  # noqa: SIM115 - lives with the process
        process = subprocess.Popen(
            MANAGE + ["db_worker", "--interval", "0.2"],
            env=self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.running.append(process)
        return process

    def stop(self):
        for process in self.running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()

    def logs(self):
        return {path.name: path.read_text() for path in self.scratch.glob("*.log")}
