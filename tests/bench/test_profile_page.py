"""bench/profile_page.py: one command prints a page's queries and where its time goes, and
changes nothing."""

import importlib.util
import io
import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session

from hub.core.models import User
from tests.servers import ROOT

pytestmark = pytest.mark.django_db


def _profile_page():
    spec = importlib.util.spec_from_file_location("profile_page", ROOT / "bench/profile_page.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*argv):
    out = io.StringIO()
    assert _profile_page().main(list(argv), out=out) == 0
    return out.getvalue()


def test_it_prints_the_queries_and_the_profile_of_a_page():
    printed = _run("/library/", "--requests", "2", "--limit", "5")
    assert "Answer: 200" in printed
    assert re.search(r"== Time over 2 requests, no profiler: p50 [\d.]+ ms", printed)
    assert re.search(r"== \d+ queries in one request", printed)
    # Each query names the line of hub/ that made it.
    assert re.search(r"ms  hub/library/queries\.py:\d+ register_page", printed)
    assert "== Profile of 2 requests by cumulative time (top 5)" in printed
    assert "== Profile of 2 requests by own time (top 5)" in printed
    # own ms, cumulative ms and calls per request, then the function
    assert re.search(r"^ +[\d.]+ +[\d.]+ +\d+  hub/", printed, re.MULTILINE)


def test_signing_in_as_staff_changes_nothing():
    editor = User.objects.get(email="editor@westshire.example")
    before = (Session.objects.count(), Authenticator.objects.filter(user=editor).count())
    printed = _run("/library/", "--user", editor.email, "--requests", "1", "--sort", "tottime")
    assert "signed in as editor@westshire.example" in printed
    assert "Answer: 200" in printed  # past the second factor staff must have
    assert "by own time" in printed and "by cumulative time" not in printed
    after = (Session.objects.count(), Authenticator.objects.filter(user=editor).count())
    assert after == before
