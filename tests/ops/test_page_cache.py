"""The anonymous page cache: signed-out visitors get a stored page until something it shows
changes; signed-in people, pages with forms and responses that set cookies never come from
or go into it."""

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from hub.core.models import Agency
from hub.library.models import LibraryDocument
from hub.site.models import ContentPage
from tests.conftest import make_person

pytestmark = [pytest.mark.django_db(transaction=False)]


@pytest.fixture(autouse=True)
def page_cache_on(django_capture_on_commit_callbacks):
    caches["volatile"].clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    caches["volatile"].clear()


def fetch(client, path="/"):
    response = client.get(path)
    return response, response.get("X-Page-Cache")


def test_a_public_page_is_served_from_the_cache_the_second_time():
    client = Client()
    first, state = fetch(client)
    assert (first.status_code, state) == (200, "miss")
    second, state = fetch(client)
    assert state == "hit"
    assert second.content == first.content
    # Security headers are added to stored pages too.
    assert "default-src 'self'" in second["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"


def test_each_partnership_site_has_its_own_cached_pages(northmoor_client):
    westshire_page = Client().get("/")
    Client().get("/")
    northmoor_page, state = fetch(northmoor_client)
    assert state == "miss"
    assert northmoor_page.content != westshire_page.content


def test_publishing_a_page_purges_it(django_capture_on_commit_callbacks):
    client = Client()
    page = ContentPage.objects.live().filter(url_path__startswith="/westshire/").first()
    path = page.get_url()
    fetch(client, path)
    assert fetch(client, path)[1] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Newly renamed for the cache test"
        page.save_revision().publish()
    response, state = fetch(client, path)
    assert state == "miss"
    assert "Newly renamed for the cache test" in response.content.decode()


def test_a_booking_purges_training_pages_but_not_the_rest(
    django_capture_on_commit_callbacks, westshire
):
    from hub.training.models import Audience  # any training row will do

    client = Client()
    fetch(client, "/")
    fetch(client, "/training/")
    with django_capture_on_commit_callbacks(execute=True):
        Audience.objects.create(name="Cache test audience", slug="cache-test-audience")
    assert fetch(client, "/")[1] == "hit"
    assert fetch(client, "/training/")[1] == "miss"


def test_signed_in_people_never_get_or_fill_the_cache(westshire):
    person = make_person(
        "cache-reader@westbury.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westbury Cross Academy Trust (demo)"),
    )
    restricted = LibraryDocument.objects.filter(
        partnership=westshire, is_restricted=True, status="current"
    ).first()
    anonymous = Client()
    fetch(anonymous, "/library/")
    assert fetch(anonymous, "/library/")[1] == "hit"
    signed_in = Client()
    signed_in.force_login(person)
    for _ in range(2):
        response, state = fetch(signed_in, "/library/")
        assert state is None
        assert restricted.title in response.content.decode()
    assert restricted.title not in fetch(anonymous, "/library/")[0].content.decode()


def test_pages_with_forms_and_queries_are_never_cached():
    client = Client()
    # The procedures updates page has a subscription form with a CSRF token.
    assert fetch(client, "/procedures/updates/")[1] is None
    assert fetch(client, "/procedures/updates/")[1] is None
    assert fetch(client, "/search/?q=neglect")[1] is None


def test_the_cache_is_off_when_no_time_is_set():
    with override_settings(PAGE_CACHE_SECONDS=0):
        client = Client()
        assert fetch(client)[1] is None
        assert fetch(client)[1] is None
