"""The open-data API over HTTP: ETags and Last-Modified with 304s; CORS for any site, with
preflight and never credentials; read only; a rate limit per client address that lets
requests through (and says so in the log) when the cache cannot count; answers kept in the
page cache like anonymous pages, and purged when what they show changes."""

import json
import logging
import types

import django_ratelimit.core
import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from hub.library.models import LibraryDocument
from hub.opendata import middleware

pytestmark = pytest.mark.django_db

DOCUMENTS = "/api/v1/library/documents/"


@pytest.fixture(autouse=True)
def fresh_counts(monkeypatch):
    """No requests counted before a test, in a rate-limit window that does not end during
    it (django-ratelimit's windows follow the clock), and no answer kept from another."""
    caches["default"].clear()
    caches["volatile"].clear()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1.8e9))
    yield
    caches["default"].clear()
    caches["volatile"].clear()


def test_an_answer_has_an_etag_and_the_same_etag_gets_a_304():
    client = Client()
    first = client.get(DOCUMENTS)
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) > 10
    again = client.get(DOCUMENTS, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(DOCUMENTS, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_procedures_say_when_they_last_changed_and_answer_if_modified_since():
    client = Client()
    first = client.get("/api/v1/procedures/releases/")
    modified = first["Last-Modified"]
    newest = json.loads(first.content)["results"][0]["published_at"]
    assert modified.endswith("GMT") and newest
    again = client.get("/api/v1/procedures/releases/", HTTP_IF_MODIFIED_SINCE=modified)
    assert again.status_code == 304
    stale = client.get(
        "/api/v1/procedures/releases/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT"
    )
    assert stale.status_code == 200


def test_documents_carry_no_last_modified_since_their_details_change_undated():
    assert "Last-Modified" not in Client().get(DOCUMENTS)


def test_any_site_may_read_the_api_but_never_with_credentials():
    client = Client()
    for response in (client.get(DOCUMENTS), client.get("/api/v1/library/documents/0/")):
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
        assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        DOCUMENTS,
        HTTP_ORIGIN="https://intranet.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_the_api_is_read_only_and_head_answers_the_headers():
    client = Client()
    for method in (client.post, client.put, client.delete, client.patch):
        response = method(DOCUMENTS, data="{}", content_type="application/json")
        assert response.status_code == 405
        assert "read only" in json.loads(response.content)["detail"]
        assert response["Allow"] == "GET, HEAD, OPTIONS"
    count = LibraryDocument.objects.count()
    head = client.head(DOCUMENTS)
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == client.get(DOCUMENTS)["ETag"]
    assert LibraryDocument.objects.count() == count


@override_settings(OPEN_DATA_RATE="3/m", PAGE_CACHE_SECONDS=300)
def test_a_client_over_the_rate_is_told_to_wait_even_for_cached_answers():
    client = Client(REMOTE_ADDR="203.0.113.7")
    statuses = [client.get(DOCUMENTS) for _ in range(3)]
    assert [each.status_code for each in statuses] == [200, 200, 200]
    assert statuses[-1]["X-Page-Cache"] == "hit"
    refused = client.get(DOCUMENTS)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "Too many requests" in json.loads(refused.content)["detail"]
    assert refused["Access-Control-Allow-Origin"] == "*"
    # Another address has its own count.
    assert Client(REMOTE_ADDR="203.0.113.8").get(DOCUMENTS).status_code == 200


@override_settings(OPEN_DATA_RATE="1/m")
def test_requests_go_through_and_a_warning_is_logged_when_the_cache_cannot_count(
    monkeypatch, caplog
):
    cache = caches["default"]

    def unreachable(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "add", unreachable)
    monkeypatch.setattr(cache, "incr", unreachable)
    monkeypatch.setattr(middleware, "_warned_at", [float("-inf")])
    client = Client(REMOTE_ADDR="203.0.113.9")
    with caplog.at_level(logging.WARNING, logger="hub.opendata"):
        assert [client.get(DOCUMENTS).status_code for _ in range(3)] == [200, 200, 200]
    warnings = [record for record in caplog.records if record.name == "hub.opendata"]
    assert len(warnings) == 1  # once a minute, not once a request
    assert "letting requests through" in warnings[0].getMessage()


@override_settings(OPEN_DATA_RATE="1/m")
def test_requests_go_through_when_the_cache_answers_without_counting(monkeypatch, caplog):
    """The shape of an unreachable Redis behind the resilient cache: add says no, incr
    finds nothing."""
    cache = caches["default"]

    def not_found(*args, **kwargs):
        raise ValueError("Key not found (the cache is unreachable).")

    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: False)
    monkeypatch.setattr(cache, "incr", not_found)
    monkeypatch.setattr(middleware, "_warned_at", [float("-inf")])
    client = Client(REMOTE_ADDR="203.0.113.10")
    with caplog.at_level(logging.WARNING, logger="hub.opendata"):
        assert [client.get(DOCUMENTS).status_code for _ in range(2)] == [200, 200]
    assert any(record.name == "hub.opendata" for record in caplog.records)


@override_settings(PAGE_CACHE_SECONDS=300)
def test_answers_are_kept_per_query_and_host_and_a_change_shows_in_the_next(
    westshire, django_capture_on_commit_callbacks
):
    client = Client()
    assert client.get(DOCUMENTS)["X-Page-Cache"] == "miss"
    assert client.get(DOCUMENTS)["X-Page-Cache"] == "hit"
    # The same question asked in another order is the same answer.
    assert client.get(f"{DOCUMENTS}?page_size=2&page=1")["X-Page-Cache"] == "miss"
    assert client.get(f"{DOCUMENTS}?page=1&page_size=2")["X-Page-Cache"] == "hit"
    assert Client(HTTP_HOST="northmoor.localhost").get(DOCUMENTS)["X-Page-Cache"] == "miss"
    first = json.loads(client.get(DOCUMENTS).content)["results"][0]
    with django_capture_on_commit_callbacks(execute=True):
        LibraryDocument.objects.get(pk=first["id"]).save()  # any saved document purges
        document = LibraryDocument.objects.get(pk=first["id"])
        document.title = "Aardvark protocol, renamed for the cache test"
        document.save()
    renamed = client.get(DOCUMENTS)
    assert renamed["X-Page-Cache"] == "miss"
    assert json.loads(renamed.content)["results"][0]["title"] == document.title


@override_settings(PAGE_CACHE_SECONDS=300)
def test_a_booking_shows_in_the_next_answers_places_left(
    westshire, django_capture_on_commit_callbacks
):
    from hub.training import services
    from hub.training.models import Session
    from tests.conftest import demo_agency, make_person

    client = Client()
    listed = json.loads(client.get("/api/v1/training/sessions/?has_places=true").content)
    item = listed["results"][0]
    path = f"/api/v1/training/sessions/{item['id']}/"
    before = json.loads(client.get(path).content)["places_left"]
    assert client.get(path)["X-Page-Cache"] == "hit"
    person = make_person(
        "api-booker@westbury.example", partnership=westshire, agency=demo_agency("westbury")
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.place_request(by=person, session=Session.objects.get(pk=item["id"]), person=person)
    after = client.get(path)
    assert after["X-Page-Cache"] == "miss"
    assert json.loads(after.content)["places_left"] == before - 1


def test_signed_in_people_get_the_same_public_answers(westshire):
    from tests.conftest import demo_agency, make_person

    person = make_person(
        "api-reader@westbury.example", partnership=westshire, agency=demo_agency("westbury")
    )
    restricted = LibraryDocument.objects.filter(
        partnership=westshire, is_restricted=True, status="current"
    ).first()
    signed_in = Client()
    signed_in.force_login(person)
    assert restricted.title not in signed_in.get(f"{DOCUMENTS}?page_size=100").content.decode()
    assert signed_in.get(f"{DOCUMENTS}{restricted.pk}/").status_code == 404
