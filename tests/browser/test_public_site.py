"""A reader's journeys through the public site in a real Chromium, with axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility

pytestmark = pytest.mark.browser

EXIT_DESTINATION = "https://www.bbc.co.uk/weather"


def _stub_exit_destination(page):
    # The sandbox has no internet: answer for the exit destination so the test sees arrival.
    page.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"
        ),
    )


def test_home_to_professionals_to_a_content_page_and_back(live_site, page):
    page.goto(live_site["url"] + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Westshire")
    check_accessibility(page)

    page.get_by_role("link", name="Professionals and volunteers").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Professionals and volunteers")
    check_accessibility(page)

    page.get_by_role("main").get_by_role("link", name="Making a referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Making a referral")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text(
        "Professionals and volunteers"
    )
    check_accessibility(page)

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Professionals and volunteers")


@pytest.mark.parametrize(
    "path",
    [
        "/news/",
        "/professionals/working-together/",
        "/professionals/useful-links/",
        "/professionals/local-protocols-and-guidance/",
        "/parents-and-carers/",
        "/children-and-young-people/",
        "/accessibility-statement/",
        "/search/?q=neglect",
        "/search/?q=" + "x" * 300,
        "/no-such-page/",
    ],
)
def test_every_page_type_passes_axe(live_site, page, path):
    page.goto(live_site["url"] + path)
    check_accessibility(page)


def test_a_news_article_passes_axe(live_site, page):
    page.goto(live_site["url"] + "/news/")
    page.get_by_role("main").locator(".hub-news-item a").first.click()
    expect(page.locator(".govuk-caption-m")).to_have_text("News")
    check_accessibility(page)


def test_the_second_partnership_is_served_on_its_hostname(live_site, page):
    page.goto(f"http://northmoor.localhost:{live_site['port']}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Northmoor")
    expect(page.locator(".hub-worried")).to_contain_text("01632 960 300")
    check_accessibility(page)


def test_keyboard_only_skip_link_focus_and_navigation(live_site, page):
    page.goto(live_site["url"] + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".govuk-skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()

    # Tab onwards from the main content until the professionals' route has focus; every
    # focused element along the way must show a visible focus style.
    target = page.get_by_role("main").get_by_role("link", name="Professionals and volunteers")
    for _ in range(30):
        page.keyboard.press("Tab")
        focus_style = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return [s.outlineStyle, s.boxShadow, s.backgroundColor]; }"""
        )
        assert focus_style[0] != "none" or focus_style[1] != "none", focus_style
        if target.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the Professionals and volunteers link")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Professionals and volunteers")


def test_exit_this_page_button_leaves_the_site(live_site, page):
    _stub_exit_destination(page)
    page.goto(live_site["url"] + "/professionals/")
    page.get_by_role("button", name=re.compile("Exit this page")).click()
    page.wait_for_url(EXIT_DESTINATION + "**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Weather")


def test_exit_this_page_by_pressing_shift_three_times(live_site, page):
    _stub_exit_destination(page)
    page.goto(live_site["url"] + "/professionals/")
    page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_DESTINATION + "**")


def test_pages_are_readable_without_javascript(live_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_site["url"] + "/professionals/resolving-professional-differences/")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Resolving professional differences"
        )
        expect(page.locator(".hub-worried")).to_be_visible()
        # Without JavaScript, Exit this page is a plain link to the destination.
        exit_link = page.get_by_role("button", name=re.compile("Exit this page"))
        expect(exit_link).to_be_visible()
        expect(exit_link).to_have_attribute("href", EXIT_DESTINATION)
        details = page.locator("details.govuk-details").first
        details.locator("summary").click()
        expect(details.locator(".govuk-details__text")).to_be_visible()
        page.goto(live_site["url"] + "/search/?q=neglect")
        expect(page.locator("#results-heading")).to_contain_text("for ‘neglect’")
        page.get_by_role("link", name="Professionals and volunteers").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Professionals and volunteers")
    finally:
        context.close()
