"""No input a person can type or forge gets a server error.

Every form the crawl found, as every kind of person (tests/security/conftest.py), is sent a
fixed corpus of hostile values, one field at a time with the other fields as the page filled
them, and every address the crawl visited is asked again with hostile query strings. A
refusal is fine (400, 403, 404, the form again with its message); a 500 is a failure.

Forms that end a session or destroy something whatever is typed (sign out, delete, remove,
withdraw) are left out: their inputs are none or a confirmation, and their refusals are
pinned by each domain's own tests.
"""

import re
from collections import defaultdict

import pytest
from django.core.cache import cache

from tests.crawler import route_of
from tests.security.conftest import PEOPLE, client_for

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    "",
    '"',
    "' OR '1'='1' --",
    '<script>alert("x")</script>',
    "9" * 40,
    "-1",
    "1e309",
    "\x00",
    "ä" * 5000,
    "../../../../etc/passwd",
    "%s%n{0}{{7*7}}",
    "2026-02-30",
    "\u202e😀\ufeff",
    "[]{}*?()|\\",
    "NaN",
]

# Actions, by route words, that destroy or end something whatever their input is.
LEFT_OUT = re.compile(r"logout|delete|remove|withdraw|deactivate|unpublish|revert|cancel")
# Field kinds a person cannot type into.
NOT_TYPED = {"submit", "button", "image", "reset", "file"}
# A formset's counts: Django caps them (a forged TOTAL_FORMS builds at most 1,000 forms, by
# design), and a form missing them is refused (tested by leaving them out, below).
MANAGEMENT = re.compile(r"-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$")


def _forms(site_maps):
    """Each distinct form once, with the person who found it."""
    seen, forms = set(), []
    for email in PEOPLE:
        for form in site_maps[email].forms:
            route = route_of(form.action)
            if route is None or LEFT_OUT.search(route):
                continue
            names = frozenset(f.name for f in form.fields if f.kind not in NOT_TYPED)
            key = (route, form.method, names)
            if key in seen or not names - {"csrfmiddlewaretoken"}:
                continue
            seen.add(key)
            forms.append((email, form))
    return forms


def _defaults(form):
    data = defaultdict(list)
    for f in form.fields:
        if f.kind in NOT_TYPED or (f.kind in ("checkbox", "radio") and not f.checked):
            continue
        data[f.name].append(f.value)
    return data


def _send(client, form, data):
    if form.method == "post":
        return client.post(form.action, data)
    return client.get(form.action, data)


# The values most likely to reach a database unchecked: a NUL (which PostgreSQL refuses) and
# a number too big for any column. (A quote goes to every field in the all-at-once batch.)
NASTIEST = ["\x00", "9" * 40]
SEARCH_BOXES = {"q", "query", "search"}


def _submissions(form):
    """(fields, value) pairs to send.

    The Hub's own forms, whether they search (GET) or change something (POST): every value
    in all the fields at once, then the nastiest values one field at a time (so a field
    refused first cannot hide another). Forms Wagtail renders in the admin
    run Wagtail's own form code, the same on every screen: the nastiest values in each search
    box, then in all the other fields at once.
    """
    names = sorted(
        {f.name for f in form.fields if f.kind not in NOT_TYPED and not MANAGEMENT.search(f.name)}
        - {"csrfmiddlewaretoken"}
    )
    if form.action.startswith("/admin/") and not _is_the_hubs_own(form):
        searches = [name for name in names if name in SEARCH_BOXES]
        others = [name for name in names if name not in SEARCH_BOXES]
        batches = [([name], value) for name in searches for value in NASTIEST]
        return batches + ([(others, value) for value in NASTIEST] if others else [])
    return [(names, value) for value in HOSTILE_VALUES] + [
        ([name], value) for name in names for value in NASTIEST
    ]


def _is_the_hubs_own(form):
    """A screen the Hub wrote itself (not one of Wagtail's generic admin views)."""
    from django.urls import Resolver404, resolve

    try:
        view = resolve(form.action.split("?")[0]).func
    except Resolver404:
        return False
    module = getattr(view, "view_class", view).__module__
    # The Hub's admin screens built on Wagtail's generic views (viewsets, scoped views) run
    # Wagtail's form code; its hand-written ones live in <domain>/admin_views.py.
    return module.startswith("hub.") and (
        module.endswith("admin_views") or not form.action.startswith("/admin/")
    )


def test_no_form_answers_a_hostile_value_with_a_server_error(site_maps):
    failures, sent = [], 0
    forms = _forms(site_maps)
    for email, form in forms:
        client = client_for(email, raise_request_exception=False)
        defaults = _defaults(form)
        for names, value in _submissions(form):
            response = _send(client, form, {**defaults, **{name: [value] for name in names}})
            sent += 1
            if response.status_code >= 500:
                failures.append(f"{email}: {form.method.upper()} {form.action} {names}={value!r}")
        cache.clear()  # sign-in throttling counts must not spill into other tests
    print(f"{sent} hostile submissions to {len(forms)} forms")
    assert sent > 1000
    assert not failures, "Server errors:\n" + "\n".join(failures[:60])


def test_no_form_answers_missing_formset_counts_with_a_server_error(site_maps):
    """A truncated or forged post without a formset's counts is refused, never a 500."""
    tried, failures = 0, []
    for email, form in _forms(site_maps):
        defaults = _defaults(form)
        if form.method != "post" or not any(MANAGEMENT.search(name) for name in defaults):
            continue
        client = client_for(email, raise_request_exception=False)
        data = {name: value for name, value in defaults.items() if not MANAGEMENT.search(name)}
        tried += 1
        if _send(client, form, data).status_code >= 500:
            failures.append(f"{email}: POST {form.action} without its formset counts")
    assert tried >= 3
    assert not failures, "\n".join(failures)


# A quote and a NUL byte together (a NUL is what PostgreSQL refuses), and a number too big
# for any column.
QUERY_VALUES = ['"\x00', "9" * 40]
QUERY_NAMES = ["q", "page", "p", "ordering", "as_at_day", "as_at_month", "as_at_year", "kind"]


def test_no_page_answers_a_hostile_query_string_with_a_server_error(site_maps):
    """Each route once signed out and once signed in (as the first person the crawl found
    it for: the same view code reads the query string whoever is signed in); an admin route
    (Wagtail's code, whoever asks) once."""
    failures = [
        f"{email}: GET {path}" for email in PEOPLE for path in site_maps[email].server_errors
    ]
    done = set()
    for email in PEOPLE:
        client = client_for(email, raise_request_exception=False)
        first_of_each_route = {}
        for path, route in site_maps[email].pages.items():
            key = (route, email is None and not path.startswith("/admin/"))
            if key in done:
                continue
            done.add(key)
            first_of_each_route.setdefault(route, path)
        for path in first_of_each_route.values():
            for value in QUERY_VALUES:
                response = client.get(path.split("?")[0], {name: value for name in QUERY_NAMES})
                if response.status_code >= 500:
                    failures.append(f"{email}: GET {path} ?…={value[:20]!r}")
        cache.clear()
    assert not failures, "Server errors:\n" + "\n".join(failures[:60])


def test_every_admin_listing_with_a_search_box_finds_things(site_maps):
    """Wagtail's listings search through the Hub's search backend on this database; each
    answers a real search with its results page."""
    searched, found = set(), 0
    for email in PEOPLE:
        client = client_for(email, raise_request_exception=False)
        for form in site_maps[email].forms:
            names = {f.name for f in form.fields}
            if not form.action.startswith("/admin/") or not names & SEARCH_BOXES:
                continue
            if form.action in searched:
                continue
            searched.add(form.action)
            box = next(iter(names & SEARCH_BOXES))
            for words in ("safeguarding", "Westshire neglect", "child's"):
                response = client.get(form.action, {box: words})
                # The admin's search bar is on every admin page; a listing the person may not
                # use sends them back to the dashboard (302).
                assert response.status_code in (200, 302), f"{email}: {form.action}?{box}={words}"
                found += response.status_code == 200
    assert len(searched) > 20
    assert found > 60
