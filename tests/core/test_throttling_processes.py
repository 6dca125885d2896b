"""Two web processes share one Redis: a failed sign-in counted by one is counted by both, and
a session started on one is valid on the other."""

import http.cookiejar
import re
import shutil
import tempfile
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis

from tests.servers import (
    Server,
    read_demo_password,
)

REDIS_URL = "redis://127.0.0.1:6379/15"
EMAIL = "practitioner@westbury-academy.example"


@pytest.fixture(scope="module")
def two_processes(demo_template):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail("Redis is not running at 127.0.0.1:6379; `.ci/run` starts it.")
    scratch = Path(tempfile.mkdtemp(prefix="hub-two-processes-"))
    prefix = f"test-{uuid.uuid4().hex}"
    environment, drop = demo_template.site(
        scratch,
        "hub_two_processes",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=prefix,
        SESSION_ENGINE="django.contrib.sessions.backends.cache",
    )
    first = Server(environment, scratch / "first.log")
    second = Server(environment, scratch / "second.log")
    yield first, second, read_demo_password(scratch, EMAIL), prefix
    first.stop()
    second.stop()
    drop()
    shutil.rmtree(scratch, ignore_errors=True)


class Browser:
    """Cookies and CSRF like a browser, over plain HTTP, against any of the servers."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def get(self, url):
        try:
            response = self.opener.open(url, timeout=20)
            return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def sign_in(self, server, email, password):
        _, html, _ = self.get(server.url + "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "login": email, "password": password}
        ).encode()
        request = urllib.request.Request(
            server.url + "/accounts/login/", data=body, headers={"Referer": server.url + "/"}
        )
        try:
            response = self.opener.open(request, timeout=20)
            return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_failed_attempts_on_either_process_count_towards_one_lock(two_processes):
    first, second, password, _ = two_processes
    for attempt in range(10):
        server = first if attempt % 2 == 0 else second
        status, html, _ = Browser().sign_in(server, EMAIL, "wrong password")
        assert status == 200
        assert "Too many failed attempts" not in html
    for server in (first, second):
        status, html, _ = Browser().sign_in(server, EMAIL, password)
        assert status == 200
        assert "Too many failed attempts to sign in" in html


def test_a_session_started_on_one_process_is_valid_on_the_other(two_processes):
    first, second, password, prefix = two_processes
    # Forget the previous test's lock: this run's keys only (another run may share Redis).
    store = redis.Redis.from_url(REDIS_URL)
    for key in store.scan_iter(f"{prefix}:*"):
        store.delete(key)
    browser = Browser()
    status, _, headers = browser.sign_in(first, "lead@moorhampton-high.example", "x")
    assert status == 200  # wrong password: still on the form
    status, _, headers = browser.sign_in(first, EMAIL, password)
    assert status == 302, headers
    # Same cookie jar, other process: the account page opens without signing in again.
    for cookie in browser.cookies:
        cookie.port = None
    status, html, _ = browser.get(second.url.replace("127.0.0.1", "127.0.0.1") + "/accounts/")
    assert status == 200
    assert EMAIL in html
