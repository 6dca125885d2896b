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


class _Lost:
    """The volatile cache's `state()` as hub/ops/resilient_cache.py reports it: a number that
    moves on when Redis is lost or recovered, None while it is away."""

    def __init__(self, *states):
        self.states = list(states)

    def __call__(self):
        return self.states.pop(0) if len(self.states) > 1 else self.states[0]


def test_a_page_is_never_trusted_across_a_loss_or_recovery_of_redis(monkeypatch):
    """The generation is read, then the page: if Redis was lost or recovered in between (an
    old snapshot restored, the generations moved on), the page read is not trusted, and a
    page rendered meanwhile is not stored under a key made before."""
    cache = caches["volatile"]
    client = Client()
    fetch(client)
    assert fetch(client)[1] == "hit"

    # Recovered between the two reads: the stored page is not served.
    monkeypatch.setattr(cache, "state", _Lost(1, 2), raising=False)
    response, state = fetch(client)
    assert response.status_code == 200 and state != "hit"
    # Nor stored: the next request (state steady again) still misses, then fills it.
    monkeypatch.setattr(cache, "state", _Lost(2), raising=False)
    cache.clear()
    monkeypatch.setattr(cache, "state", _Lost(2, 3), raising=False)
    assert fetch(client)[1] != "hit"
    monkeypatch.setattr(cache, "state", _Lost(3), raising=False)
    assert fetch(client)[1] == "miss"
    assert fetch(client)[1] == "hit"

    # While Redis is away (None) nothing is read or stored, though the page is there.
    monkeypatch.setattr(cache, "state", _Lost(None), raising=False)
    response, state = fetch(client)
    assert response.status_code == 200 and state is None
