import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from hub.core.models import Agency, Partnership
from hub.site.models import ContentPage

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Page.objects.count(),
        Site.objects.count(),
        Partnership.objects.count(),
        Agency.objects.count(),
        sum(page.revisions.count() for page in Page.objects.all()),
    )


def test_loading_the_demo_twice_changes_nothing():
    before = _counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == before


def test_demo_has_two_partnerships_in_one_consortium_with_their_own_sites(westshire, northmoor):
    assert westshire.consortium == northmoor.consortium
    assert westshire.consortium.name == "South West (demo)"
    assert westshire.site.is_default_site
    assert northmoor.site.hostname == "northmoor.localhost"


def test_every_demo_page_is_marked_as_demo_content(westshire):
    pages = Page.objects.descendant_of(westshire.site.root_page, inclusive=True).specific()
    assert all(page.is_demo_content for page in pages)


def test_each_site_has_at_least_twelve_content_pages(westshire, northmoor):
    for partnership in (westshire, northmoor):
        content = ContentPage.objects.descendant_of(partnership.site.root_page).live()
        assert content.count() >= 12


def test_the_demo_prints_how_to_sign_in(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in out
    assert "editor@westshire.example" in out
    assert "password" in out
