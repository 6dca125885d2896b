"""Shared fragments (hub/ops/fragments.py): what every page shows is worked out once per
content change, dropped when any process moves the content generation on, never trusted
while the generation cannot be read, and never filled or read by a preview."""

import pytest
from django.core.cache import caches
from django.test import Client
from wagtail.models import Page

from hub.core.models import WorriedAboutAChild
from hub.ops import fragments, page_cache
from hub.site.models import HomePage

pytestmark = pytest.mark.django_db


def home(client=None):
    return (client or Client()).get("/").content.decode()


def menu_page():
    """The first page of Westshire's main menu."""
    root = HomePage.objects.get(url_path="/westshire/")
    return root.get_children().live().in_menu().first().specific


def rename_quietly(page, title):
    """Another process's change, as this one sees it: the row changes, no signal here."""
    Page.objects.filter(pk=page.pk).update(title=title)


def test_a_change_in_another_process_shows_once_the_generation_moves():
    page = menu_page()
    assert page.title in home()
    rename_quietly(page, "Renamed elsewhere")
    # Until the generation moves, this process serves what it worked out.
    assert "Renamed elsewhere" not in home()
    page_cache.purge()
    assert "Renamed elsewhere" in home()


def test_a_change_saved_here_shows_at_once(django_capture_on_commit_callbacks):
    home()
    safety = WorriedAboutAChild.for_site(menu_page().get_site())
    with django_capture_on_commit_callbacks(execute=True):
        safety.front_door_phone = "01632 960 999"
        safety.save()
    assert "01632 960 999" in home()


def test_publishing_a_page_changes_the_menu_and_breadcrumbs(django_capture_on_commit_callbacks):
    page = menu_page()
    child = page.get_children().live().first()
    Client().get(child.url)
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "A section renamed by its editor"
        page.save_revision().publish()
    shown = Client().get(child.url).content.decode()
    assert shown.count("A section renamed by its editor") >= 2  # the menu and the breadcrumbs


def test_while_the_generation_cannot_be_read_nothing_held_is_used(monkeypatch):
    page = menu_page()
    home()
    cache = caches["volatile"]
    monkeypatch.setattr(cache, "state", lambda: None, raising=False)
    rename_quietly(page, "Renamed while Redis was away")
    # Worked out afresh on every request: the change shows though the generation never moved.
    assert "Renamed while Redis was away" in home()
    rename_quietly(page, "Renamed again while Redis was away")
    assert "Renamed again while Redis was away" in home()
    # And nothing was kept: with Redis back, what was held before the outage is still
    # under the old generation and is what shows until the generation moves on.
    monkeypatch.setattr(cache, "state", lambda: 0, raising=False)
    assert "Renamed again while Redis was away" not in home()
    page_cache.purge()
    assert "Renamed again while Redis was away" in home()


def test_a_preview_neither_fills_nor_reads_the_fragments():
    site_home = HomePage.objects.get(url_path="/westshire/")
    draft = site_home.get_latest_revision_as_object()
    draft.intro = "An intro only the draft has"
    draft.featured_links = [
        (
            "link",
            {
                "page": None,
                "document": None,
                "url": "https://example.org/",
                "title": "A draft-only link",
                "description": "",
            },
        )
    ]
    # The preview, made first, must not leave its lists where the public page finds them.
    preview = draft.make_preview_request()
    assert "A draft-only link" in preview.content.decode()
    public = home()
    assert "A draft-only link" not in public
    assert "An intro only the draft has" not in public
    # Nor does a preview read what the public page left.
    assert "A draft-only link" in draft.make_preview_request().content.decode()


def test_a_fragment_is_worked_out_once_per_generation(rf, settings):
    request = rf.get("/")
    calls = []

    def work():
        calls.append(1)
        return len(calls)

    assert fragments.shared(request, "count", work) == 1
    assert fragments.shared(rf.get("/"), "count", work) == 1
    page_cache.purge()
    assert fragments.shared(rf.get("/"), "count", work) == 2
    preview = rf.get("/")
    preview.is_preview = True
    assert fragments.shared(preview, "count", work) == 3
    assert fragments.shared(rf.get("/"), "count", work) == 2
    settings.SHARED_FRAGMENTS = False
    assert fragments.shared(rf.get("/"), "count", work) == 4


def test_a_page_made_private_is_private_at_once(django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    page = menu_page().get_children().live().first()
    client = Client()
    assert client.get(page.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]
    # Nor is it in the menu's or a section's list for a signed-out reader any more.
    assert page.title not in client.get(menu_page().url).content.decode()


def test_made_up_hosts_share_one_entry(settings):
    settings.ALLOWED_HOSTS = ["*"]
    home()
    held = len(fragments._held["values"])
    for number in range(30):
        assert Client(HTTP_HOST=f"made-up-{number}.example").get("/").status_code == 200
    # One entry for every host no site names (the default site's), not one per host.
    assert len(fragments._held["values"]) <= held + 1
