"""A partner's developer reads the open-data reference page in a real Chromium: every resource
is there with its addresses and parameters, the fields of an answer open without a mouse, and
a list's example address answers JSON. axe runs on the page, with the details open."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import heading

pytestmark = pytest.mark.browser


def test_the_reference_page_reads_and_its_examples_answer(page, live_site):
    page.goto(f"{live_site['url']}/open-data/")
    heading(page, "Open data API")
    for title in ("Library documents", "Procedures", "Training programme", "News"):
        expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()
    fields = page.locator("summary", has_text="Fields of the answer to documents").first
    fields.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("table", name="Fields of the answer to documents")).to_be_visible()
    check_accessibility(page)
    example = page.get_by_role("link", name="/api/v1/library/documents/", exact=False).first
    answer = page.request.get(live_site["url"] + example.get_attribute("href"))
    assert answer.status == 200
    assert json.loads(answer.body())["count"] > 0
