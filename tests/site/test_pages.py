"""Every public page type renders from the demo content with what a reader needs."""

import pytest
from wagtail.models import Page

from hub.site.models import (
    ContentPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    SectionPage,
    UsefulLinksPage,
    WorkingTogetherPage,
)

pytestmark = pytest.mark.django_db


def test_home_page_routes_by_audience_and_shows_latest_news(client, westshire):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Westshire Safeguarding Children Partnership (demo)" in html
    home = HomePage.objects.get(pk=westshire.site.root_page_id)
    sections = SectionPage.objects.child_of(home)
    assert sorted(sections.values_list("audience", flat=True)) == [
        "parents",
        "professionals",
        "young_people",
    ]
    for section in sections:
        assert section.title in html
    latest = NewsArticlePage.objects.descendant_of(home).live().order_by("-date").first()
    assert latest.title in html


@pytest.mark.parametrize(
    "model",
    [
        SectionPage,
        ContentPage,
        NewsIndexPage,
        NewsArticlePage,
        WorkingTogetherPage,
        UsefulLinksPage,
    ],
)
def test_each_page_type_renders_with_title_breadcrumbs_and_demo_marker(client, westshire, model):
    page = model.objects.descendant_of(westshire.site.root_page).live().first()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f">{page.title}<" in html or f">{page.title}\n" in html
    assert 'class="govuk-breadcrumbs' in html
    assert "This page is fictional demonstration content" in html


def test_every_page_has_the_worried_panel_exit_this_page_and_skip_link(client, westshire):
    pages = Page.objects.descendant_of(westshire.site.root_page, inclusive=True).live()
    assert pages.count() > 20
    for page in pages:
        html = client.get(page.url).content.decode()
        assert "Worried about a child?" in html, page.url
        assert 'href="tel:01632960100"' in html, page.url
        assert 'href="tel:999"' in html, page.url
        assert 'data-module="govuk-exit-this-page"' in html, page.url
        assert 'class="govuk-skip-link"' in html, page.url
        assert 'id="main-content"' in html, page.url


def test_footer_links_to_accessibility_privacy_and_cookies(client):
    html = client.get("/").content.decode()
    for title in ("Accessibility statement", "Privacy notice", "Cookies"):
        assert title in html


def test_no_govuk_crown_or_transport_font(client):
    html = client.get("/").content.decode()
    assert "govuk-logo" not in html
    assert "Crown copyright" not in html
    assert "GDS Transport" not in html


def test_working_together_lists_this_partnerships_partners_and_agencies(client, westshire):
    page = WorkingTogetherPage.objects.descendant_of(westshire.site.root_page).get()
    html = client.get(page.url).content.decode()
    assert "Westshire County Council (demo)" in html
    assert "NHS Westshire Integrated Care Board (demo)" in html
    assert "Westmoor Police (demo)" in html
    assert "Westbury Cross Academy Trust (demo)" in html
    # Northmoor's own agencies belong on Northmoor's page, not here.
    assert "Northmoor Borough Council (demo)" not in html
    assert "Moorhampton High School (demo)" not in html
    assert "section 11" in html.lower()


def test_news_index_paginates_and_survives_a_bad_page_number(client, westshire):
    index = NewsIndexPage.objects.descendant_of(westshire.site.root_page).get()
    total = NewsArticlePage.objects.child_of(index).live().count()
    assert total > index.page_size
    first = client.get(index.url).content.decode()
    assert 'class="govuk-pagination' in first
    second = client.get(index.url + "?page=2")
    assert second.status_code == 200
    for bad in ("abc", "-1", "99999", "1%00"):
        assert client.get(index.url, {"page": bad}).status_code == 200


def test_useful_links_show_description_and_last_checked_date(client, westshire):
    page = UsefulLinksPage.objects.descendant_of(westshire.site.root_page).get()
    html = client.get(page.url).content.decode()
    assert "Link checked" in html
    assert "(another website)" in html


def test_branding_stylesheet_carries_each_partnerships_colours(client, northmoor_client):
    westshire_css = client.get("/branding.css")
    assert westshire_css["Content-Type"].startswith("text/css")
    assert "--hub-brand: #0b3d60" in westshire_css.content.decode()
    northmoor_css = northmoor_client.get("/branding.css").content.decode()
    assert "--hub-brand: #5a1f56" in northmoor_css


def test_a_draft_page_is_not_shown_to_the_public(client, westshire):
    page = ContentPage.objects.descendant_of(westshire.site.root_page).live().first()
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_rich_text_and_blocks_render_as_markup_not_escaped_text(client, westshire):
    page = ContentPage.objects.descendant_of(westshire.site.root_page).get(
        slug="resolving-professional-differences"
    )
    html = client.get(page.url).content.decode()
    assert '<details class="govuk-details">' in html
    assert "<h2>" in html
    assert "&lt;" not in html
