"""A practitioner reads the regional procedures: contents, a chapter, a glossary term, the
updates page, and a chapter as it stood on a past date; axe on every page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility

pytestmark = pytest.mark.browser


def test_contents_to_chapter_to_glossary_to_updates(live_site, page):
    page.goto(live_site["url"] + "/")
    page.get_by_role("link", name="Procedures", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Child Protection Procedures")
    check_accessibility(page)

    page.locator(".hub-chapter-list a").first.click()
    expect(page.locator(".hub-chapter-body")).to_be_visible()
    expect(page.get_by_text("Last amended in the")).to_be_visible()
    check_accessibility(page)

    glossary_link = page.locator(".hub-glossary-link").first
    term = glossary_link.inner_text()
    glossary_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Glossary")
    expect(page.locator(".hub-glossary")).to_contain_text(term)
    check_accessibility(page)

    page.goto(live_site["url"] + "/procedures/updates/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Updates to the procedures")
    expect(page.get_by_role("heading", name="June 2026 update")).to_be_visible()
    check_accessibility(page)


def test_a_chapter_with_local_information_and_its_past_version(live_site, page):
    page.goto(live_site["url"] + "/procedures/making-a-referral/")
    expect(page.get_by_role("heading", name="Local information — Westshire")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/procedures/as-at/2025-03-03/making-a-referral/")
    expect(page.get_by_role("region", name="Past version")).to_contain_text("3 March 2025")
    check_accessibility(page)
