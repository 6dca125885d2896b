"""A practitioner reads the levels of need with the keyboard alone, on a phone and on a
desktop: the guide, a level, the same need at another level, one area across every level;
axe on every page, and nothing wider than a 320 px screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import follow, heading

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


def fits_the_screen(page):
    """Nothing scrolls sideways: the page is no wider than the viewport."""
    width, viewport = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width <= viewport, f"{page.url} is {width}px wide in a {viewport}px viewport"


def need(page, topic):
    """An indicator on a level's page, by its topic."""
    return page.locator(".hub-need").filter(has=page.get_by_role("heading", name=topic, exact=True))


def hidden_context(text, context):
    """A link's name: its text, then the visually hidden words saying which one it is
    (the browser puts spaces around hidden text, as it is positioned on its own)."""
    return re.compile(rf"^{re.escape(text)}\W+{re.escape(context)}$")


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def screen(request, browser):
    context = browser.new_context(bypass_csp=True, viewport=request.param)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, request.param
    context.close()


def test_guide_to_level_to_the_same_need_at_another_level_by_keyboard(live_site, screen):
    page, viewport = screen
    page.goto(live_site["url"] + "/levels-of-need/")
    heading(page, "Levels of need")
    table = page.locator(".hub-levels-table")
    if viewport is PHONE:
        # The overview table is for wide screens; the list of levels holds the same links.
        expect(table).to_be_hidden()
    else:
        expect(table).to_be_visible()
        expect(table.get_by_role("columnheader", name="Specialist")).to_be_visible()
    fits_the_screen(page)
    check_accessibility(page)

    levels = page.locator(".hub-level-summary")
    follow(page, levels.get_by_role("link", name="Targeted", exact=True))
    heading(page, "Targeted")
    expect(page.get_by_role("heading", name="What to do next")).to_be_visible()
    fits_the_screen(page)
    check_accessibility(page)

    basic_care = need(page, "Basic care")
    expect(basic_care).to_contain_text("Local services")
    expect(basic_care.get_by_role("link", name="Neglect", exact=True)).to_be_visible()
    follow(page, basic_care.get_by_role("link", name=hidden_context("Specialist", "Basic care")))
    heading(page, "Specialist")
    assert re.search(r"/levels-of-need/specialist/#need-\d+$", page.url), page.url
    landed = page.locator(".hub-need:target")
    expect(landed.get_by_role("heading", name="Basic care")).to_be_visible()
    expect(landed).to_be_in_viewport()
    fits_the_screen(page)
    check_accessibility(page)

    follow(page, page.get_by_role("link", name="Parenting capacity at every level"))
    heading(page, "Parenting capacity")
    if viewport is PHONE:
        expect(page.locator(".hub-levels-stacked")).to_be_visible()
        expect(page.locator(".hub-levels-table")).to_be_hidden()
    else:
        expect(page.get_by_role("rowheader", name="Supervision and safety")).to_be_visible()
    fits_the_screen(page)
    check_accessibility(page)


def test_previous_and_next_levels_by_keyboard(live_site, screen):
    page, _ = screen
    page.goto(live_site["url"] + "/levels-of-need/early-help/")
    heading(page, "Early help")
    pagination = page.get_by_role("navigation", name="Other levels")
    follow(page, pagination.get_by_role("link", name=re.compile("Next")))
    heading(page, "Targeted")
    follow(page, pagination.get_by_role("link", name=re.compile("Previous")), key="Shift+Tab")
    heading(page, "Early help")


def test_northmoor_reads_the_regional_guide(live_site, screen):
    page, _ = screen
    base = f"http://northmoor.localhost:{live_site['port']}"
    page.goto(base + "/levels-of-need/")
    expect(page.locator(".govuk-caption-l")).to_contain_text("Shared by the partnerships")
    check_accessibility(page)
    page.goto(base + "/levels-of-need/specialist/")
    expect(page.locator(".hub-what-to-do")).to_contain_text("front door for the child's area")
    fits_the_screen(page)
    check_accessibility(page)


def test_the_guide_reads_without_javascript(live_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(live_site["url"] + "/levels-of-need/")
        page.locator(".hub-level-summary").get_by_role(
            "link", name="Early help", exact=True
        ).click()
        heading(page, "Early help")
        need(page, "Health").get_by_role("link", name=hidden_context("Universal", "Health")).click()
        expect(page.locator(".hub-need:target")).to_contain_text("Healthy and growing")
    finally:
        context.close()
