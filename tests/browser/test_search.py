"""Site search in Chromium: a practitioner misspells a word, gets the corrected results,
narrows them with a filter (no script needed) and follows one; an editor pins a best bet from
the admin's menu and sees it first on the site; the business unit opens the search insight
report and the synonyms. axe on every page and screen."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import admin_menu as _menu
from tests.browser.conftest import check_accessibility
from tests.browser.conftest import signed_in_page as _as
from tests.browser.keyboard import in_site

pytestmark = pytest.mark.browser

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from hub.core.models import Partnership
from tests.conftest import demo_agency, make_person

westshire = Partnership.objects.get(slug="westshire")
user = make_person(
    "search-editor@council.example", partnership=westshire, agency=demo_agency("council"),
    roles=["editor"],
)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({"editor": session.session_key}))
"""


@pytest.fixture(scope="module")
def editor(live_site):
    return json.loads(in_site(live_site, SETUP).strip().splitlines()[-1])["editor"]


@pytest.mark.parametrize("javascript", [True, False])
def test_a_practitioner_misspells_filters_and_follows_a_result(browser, live_site, javascript):
    context = browser.new_context(java_script_enabled=javascript, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(live_site["url"] + "/search/")
        box = page.get_by_label("Search this site")
        box.fill("neglet")
        box.press("Enter")
        expect(page.locator("#corrected")).to_contain_text("Showing results for ‘neglect’")
        results = page.locator(".hub-search-result")
        expect(results.first.get_by_role("link")).to_have_text("Neglect")
        if javascript:
            check_accessibility(page)
        # A filter, with its count, applied with the form's button.
        label = page.locator("label", has_text="Documents (").inner_text()
        count = int(label.split("(")[1].rstrip(")"))
        page.get_by_label(label).check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page.locator(".hub-search-result .hub-meta").first).not_to_contain_text(
            "Procedure chapter"
        )
        expect(page.locator("#results-heading")).to_contain_text(f"{count} result")
        if javascript:
            check_accessibility(page)
        first = results.first.get_by_role("link")
        title = first.inner_text()
        first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(title)
        # A query nobody can satisfy still offers a way on.
        page.goto(live_site["url"] + "/search/?q=zzqqxx")
        expect(
            page.get_by_role("link", name="browse the procedures chapter by chapter")
        ).to_be_visible()
        if javascript:
            check_accessibility(page)
    finally:
        context.close()


def test_an_editor_pins_a_best_bet_and_reads_what_people_search_for(browser, live_site, editor):
    context, page = _as(browser, live_site, editor)
    try:
        page.goto(live_site["url"] + "/admin/")
        _menu(page, "Content", "Search best bets")
        check_accessibility(page)
        page.get_by_role("link", name="Add").first.click()
        page.get_by_role("textbox", name="Query").fill("disagreement form")
        page.get_by_role("textbox", name="Result's address").fill("/library/no-such-document/")
        page.get_by_role("button", name="Create").first.click()
        expect(
            page.get_by_text("No page, document or chapter on this site has that address")
        ).to_be_visible()
        check_accessibility(page)
        page.get_by_role("textbox", name="Result's address").fill(
            "/library/professional-differences-record-sheet/"
        )
        page.get_by_role("button", name="Create").first.click()
        expect(page.locator("table.listing")).to_contain_text("disagreement form")
        check_accessibility(page)

        public = context.new_page()
        public.goto(live_site["url"] + "/search/?q=Disagreement+form")
        first = public.locator(".hub-search-result").first
        expect(first.get_by_role("link")).to_have_text("Professional differences record sheet")
        expect(first).to_contain_text("Recommended")
        check_accessibility(public)

        page.goto(live_site["url"] + "/admin/")
        _menu(page, "Content", "What people search for")
        expect(page.locator("h1")).to_contain_text("What people search for")
        check_accessibility(page)
        page.goto(live_site["url"] + "/admin/")
        _menu(page, "Content", "Search synonyms")
        expect(page.locator("table.listing")).to_contain_text("LADO")
        check_accessibility(page)
    finally:
        context.close()
