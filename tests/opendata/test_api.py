"""The open-data API at /api/v1/: its OpenAPI document validates; every address it documents
answers JSON for the demo (so a new address is covered by being documented); each
partnership's host answers only for that partnership; nothing restricted or unpublished is
ever listed or answered by id; bad input is a JSON 4xx, never a 500; lists page through
everything once in a stable order; lists keep a query budget."""

import json

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone
from openapi_spec_validator import validate

from hub.library.models import DocumentVersion, LibraryDocument
from tests.budgets import within_budget

pytestmark = pytest.mark.django_db

NORTHMOOR = "northmoor.localhost"


@pytest.fixture(autouse=True)
def fresh_counts():
    """No requests counted before a test (the rate limit), and no answer kept from another."""
    caches["default"].clear()
    caches["volatile"].clear()
    yield
    caches["default"].clear()
    caches["volatile"].clear()


def get(path, host=None, **headers):
    client = Client(HTTP_HOST=host) if host else Client()
    return client.get(path, **headers)


def answer(path, host=None, status=200):
    response = get(path, host)
    assert response.status_code == status, (path, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def document():
    return answer("/api/v1/openapi.json")


def list_paths():
    return [path for path in document()["paths"] if "{" not in path]


def item_paths():
    return [path for path in document()["paths"] if "{" in path]


def every_id(path, host=None):
    """The ids a list answers, every page of it."""
    ids, page = [], f"{path}?page_size=100"
    while page:
        found = answer(page, host)
        ids += [item["id"] for item in found["results"]]
        page = found["next"]
    return ids


def test_the_openapi_document_validates():
    found = document()
    validate(found)
    assert found["info"]["version"] == "1"
    assert found["paths"], "the API documents no address"


def test_every_documented_address_answers_json_for_the_demo():
    """Items are read at their list's address with the first id it gives: a new resource
    needs only to be documented (and to have demo data) to be fetched here."""
    paths = document()["paths"]
    assert {path.split("/")[3] for path in paths} >= {"library", "procedures", "training", "news"}
    for path in paths:
        if "{id}" in path:
            listed = answer(path.replace("{id}/", ""))["results"]
            assert listed, f"the demo has nothing at {path.replace('{id}/', '')}"
            path = path.replace("{id}", str(listed[0]["id"]))
        found = answer(path)
        assert isinstance(found, dict) and found


def test_each_host_answers_only_for_its_own_partnership(westshire, northmoor):
    only_westshire = {}
    for path in list_paths():
        west, north = set(every_id(path)), set(every_id(path, NORTHMOOR))
        only_westshire[path] = west - north
        for pk in list(west - north)[:3]:
            answer(f"{path}{pk}/", NORTHMOOR, status=404)
    for resource in ("library/documents", "training/courses", "training/sessions", "news/articles"):
        assert only_westshire[f"/api/v1/{resource}/"], resource
    westshire_documents = set(
        LibraryDocument.objects.filter(partnership=westshire).values_list("pk", flat=True)
    )
    assert not westshire_documents & set(every_id("/api/v1/library/documents/", NORTHMOOR))


def test_a_restricted_or_unpublished_document_is_never_listed_nor_answered(westshire):
    restricted = LibraryDocument.objects.filter(
        partnership=westshire, is_restricted=True, status="current"
    ).first()
    assert restricted is not None, "the demo has a restricted document"
    unpublished = (
        LibraryDocument.objects.filter(partnership=westshire, is_restricted=False)
        .exclude(status="withdrawn")
        .first()
    )
    DocumentVersion.objects.filter(document=unpublished).update(
        published_at=timezone.now() + timezone.timedelta(days=3)
    )
    listed = every_id("/api/v1/library/documents/")
    missing = answer("/api/v1/library/documents/999999/", status=404)
    for hidden in (restricted, unpublished):
        assert hidden.pk not in listed
        assert answer(f"/api/v1/library/documents/{hidden.pk}/", status=404) == missing
    assert restricted.title not in get("/api/v1/library/documents/?page_size=100").content.decode()


def test_a_document_says_what_its_current_version_is_and_where_to_download_it(westshire):
    first = answer("/api/v1/library/documents/?page_size=1")["results"][0]
    found = LibraryDocument.objects.get(pk=first["id"])
    current = found.current_version
    assert first["title"] == found.title
    assert first["current_version"]["number"] == current.number
    assert first["current_version"]["size_bytes"] == current.size_bytes
    assert first["download_url"] == f"http://testserver{found.get_download_url()}"
    assert get(first["download_url"].removeprefix("http://testserver")).status_code == 200


BAD_INPUT = [
    # (address, status, words the detail must hold)
    ("/api/v1/library/documents/?colour=red", 400, "Unknown query parameter: colour"),
    ("/api/v1/library/documents/?updated_since=2026-13-45", 400, "updated_since"),
    ("/api/v1/library/documents/?updated_since=yesterday", 400, "updated_since"),
    ("/api/v1/library/documents/?updated_since=0001-01-01", 400, "updated_since"),
    ("/api/v1/library/documents/?page_size=1000", 400, "page_size"),
    ("/api/v1/library/documents/?page_size=0", 400, "page_size"),
    ("/api/v1/library/documents/?page=0", 400, "page"),
    ("/api/v1/library/documents/?page=-1", 400, "page"),
    (f"/api/v1/library/documents/?page={10**30}", 400, "page"),
    ("/api/v1/library/documents/?page=999", 404, "no page 999"),
    ("/api/v1/library/documents/?page=1&page=2", 400, "once"),
    ("/api/v1/library/documents/?type=novel", 400, "type"),
    ("/api/v1/library/documents/?topic=%00", 400, "topic"),
    ("/api/v1/library/documents/?topic=n%C3%A9glect", 400, "topic"),
    (f"/api/v1/library/documents/{10**30}/", 404, "no document"),
    ("/api/v1/library/documents/-1/", 404, "with this id on this site"),
    ("/api/v1/library/documents/abc/", 404, "with this id on this site"),
    ("/api/v1/procedures/chapters/?as_at=2999-01-01", 400, "future"),
    ("/api/v1/procedures/chapters/?as_at=1999-01-01", 400, "first published"),
    ("/api/v1/procedures/chapters/?as_at=3%2F3%2F2026", 400, "as_at"),
    ("/api/v1/training/courses/?level=9", 400, "level"),
    ("/api/v1/training/sessions/?has_places=maybe", 400, "has_places"),
    (f"/api/v1/training/sessions/?course={10**30}", 400, "course"),
    ("/api/v1/news/articles/?q=safeguarding", 400, "accepts: page, page_size"),
    ("/api/v1/nothing-here/", 404, "nothing at this address"),
]


@pytest.mark.parametrize(("path", "status", "words"), BAD_INPUT)
def test_bad_input_gets_a_json_refusal_saying_what_was_wrong(path, status, words):
    found = answer(path, status=status)
    assert words.lower() in found["detail"].lower(), found["detail"]


HOSTILE = ["", "x" * 5000, "\x00", "ünïcødé ✓", "-1", str(10**30), "1.5", "' OR 1=1 --", "%"]


def test_hostile_values_on_every_parameter_never_make_a_500(client):
    """Every documented query parameter of every address, and every path id, given values
    meant to break something: always a JSON answer below 500."""
    for template, operations in document()["paths"].items():
        for parameter in operations["get"].get("parameters", ()):
            for value in HOSTILE:
                if parameter["in"] == "path":
                    path, query = template.replace("{id}", value.replace("/", "") or "0"), {}
                else:
                    path, query = template.replace("{id}", "1"), {parameter["name"]: value}
                response = client.get(path, query)
                assert response.status_code < 500, (path, query, response.status_code)
                assert response["Content-Type"].startswith("application/json"), (path, query)


def test_lists_page_through_every_item_once_in_a_stable_order():
    whole = answer("/api/v1/library/documents/?page_size=100")
    assert whole["count"] == len(whole["results"]) > 2
    seen, page = [], "/api/v1/library/documents/?page_size=2"
    while page:
        found = answer(page.removeprefix("http://testserver"))
        assert found["count"] == whole["count"]
        assert len(found["results"]) <= 2
        seen += [item["id"] for item in found["results"]]
        page = found["next"]
    assert seen == [item["id"] for item in whole["results"]]
    second = answer("/api/v1/library/documents/?page_size=2&page=2")
    assert second["previous"].endswith("page=1") and "page_size=2" in second["previous"]
    assert answer("/api/v1/library/documents/?page_size=2")["previous"] is None


def test_chapters_as_at_a_past_date_are_the_chapters_then(westshire):
    from hub.procedures import queries
    from hub.procedures.models import end_of

    manual = queries.manual_for(westshire)
    first = timezone.localtime(queries.first_publication(manual)).date()
    then = answer(f"/api/v1/procedures/chapters/?as_at={first.isoformat()}&page_size=100")
    now = answer("/api/v1/procedures/chapters/?page_size=100")
    expected = [
        view.chapter.pk
        for part in queries.contents_at(westshire, end_of(first))
        for view in part.chapters
    ]
    assert [item["id"] for item in then["results"]] == expected
    assert all(f"/as-at/{first.isoformat()}/" in item["url"] for item in then["results"])
    assert now["count"] >= 1


def test_a_regional_chapter_comes_with_this_partnerships_local_information(westshire, northmoor):
    from hub.procedures.models import LocalInformationVersion

    local = (
        LocalInformationVersion.objects.filter(
            partnership=westshire, release__published_at__lte=timezone.now()
        )
        .exclude(body="")
        .select_related("chapter")
        .first()
    )
    assert local is not None, "the demo has local information"
    west = answer(f"/api/v1/procedures/chapters/{local.chapter_id}/")
    north = answer(f"/api/v1/procedures/chapters/{local.chapter_id}/", NORTHMOOR)
    assert west["local_information_html"]
    assert west["local_information_html"] != north["local_information_html"]
    assert west["body_html"]


def test_sessions_show_places_left_and_never_how_to_join(westshire):
    from hub.training.availability import places_left
    from hub.training.models import Session

    found = answer("/api/v1/training/sessions/?page_size=100")
    assert found["results"]
    for item in found["results"][:5]:
        session = Session.objects.get(pk=item["id"])
        assert item["places_left"] == max(places_left(session), 0)
    text = get("/api/v1/training/sessions/?page_size=100").content.decode()
    for session in Session.objects.filter(course__partnership=westshire).exclude(joining_link=""):
        assert session.joining_link not in text
    assert "joining" not in text


@pytest.mark.parametrize(
    ("path", "budget"),
    [
        # the count, the page, then what the page's rows share (topics and versions; a
        # course's audiences), and the site's partnership
        ("/api/v1/library/documents/?page_size=100", 6),
        ("/api/v1/procedures/chapters/?page_size=100", 6),
        ("/api/v1/procedures/releases/?page_size=100", 6),
        ("/api/v1/training/courses/?page_size=100", 5),
        ("/api/v1/training/sessions/?page_size=100", 4),
        ("/api/v1/news/articles/?page_size=100", 5),
    ],
)
def test_lists_keep_their_query_budget(path, budget, client, django_assert_max_num_queries):
    within_budget(django_assert_max_num_queries, client, path, budget)


def test_the_reference_page_lists_every_address_with_its_parameters(client):
    response = client.get("/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    for path, operations in document()["paths"].items():
        assert path.replace("{", "&#123;").replace("}", "&#125;") in html or path in html
        for parameter in operations["get"].get("parameters", ()):
            assert f"<code>{parameter['name']}</code>" in html
    assert "/api/v1/openapi.json" in html
    assert client.get("/api/v1/").url == "/open-data/"
