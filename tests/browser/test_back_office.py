"""The business unit's daily tasks in Chromium, each started from the admin's menu or the
account page and reached by links alone: the partnership admin changes the out-of-hours
number, checks the public panel and sees it on the site; an editor publishes a news article
after looking at it in the page editor's side preview (under the policies the site really
sends); the training coordinator finds the charges, the report and a register. axe on the
Hub's own admin screens and the staff pages."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import in_site

pytestmark = pytest.mark.browser

SETUP = """
import datetime, json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from hub.core.models import Partnership
from hub.site.models import NewsArticlePage, NewsIndexPage
from hub.training.models import Session
from tests.conftest import demo_agency, make_person

westshire = Partnership.objects.get(slug="westshire")
council = demo_agency("council")

def signed_in(email, role):
    user = make_person(email, partnership=westshire, agency=council, roles=[role])
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key

news = NewsIndexPage.objects.descendant_of(westshire.site.root_page).get()
draft = news.add_child(instance=NewsArticlePage(
    title="Draft article (demo)", slug="back-office-draft", live=False,
    summary="A draft the journey publishes.",
    body=[("text", "<p>What the partnership did this month (demo).</p>")],
))
draft.save_revision()
session = Session.objects.filter(
    course__partnership=westshire, starts_at__gte=timezone.now(), status="scheduled"
).order_by("starts_at").first()
print(json.dumps({
    "admin": signed_in("journey-admin@council.example", "partnership_admin"),
    "editor": signed_in("journey-editor@council.example", "editor"),
    "coordinator": signed_in("journey-coordinator@council.example", "training_coordinator"),
    "draft": draft.pk,
    "draft_url": news.relative_url(westshire.site) + "back-office-draft/",
    "course": session.course.title,
}))
"""


@pytest.fixture(scope="module")
def people(live_site):
    return json.loads(in_site(live_site, SETUP).strip().splitlines()[-1])


def _as(browser, live_site, session_key, *, bypass_csp=True):
    # bypass_csp lets axe be injected; the preview journey runs under the real policies.
    context = browser.new_context(bypass_csp=bypass_csp, viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": session_key, "url": live_site["url"]}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _menu(page, group, link):
    """Open a group of the admin's menu and follow one of its links."""
    page.locator("[data-wagtail-sidebar]").get_by_role("button", name=group).click()
    page.locator("[data-wagtail-sidebar]").get_by_role("link", name=link).click()


def test_the_admin_changes_the_out_of_hours_number_and_the_site_shows_it(
    browser, live_site, people
):
    context, page = _as(browser, live_site, people["admin"])
    page.goto(live_site["url"] + "/admin/")
    _menu(page, "Content", "Contact numbers and hours")
    expect(page.locator("h1")).to_contain_text("Contact numbers and hours")
    check_accessibility(page)

    field = page.get_by_label("Out-of-hours phone number")
    field.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("01632 960 555")
    page.get_by_role("button", name="Check the panel").click()
    preview = page.get_by_role("region", name="Check the panel before you save it")
    expect(preview.locator(".hub-worried")).to_contain_text("01632 960 555")
    check_accessibility(page)
    # Nothing is public until it is saved.
    public = context.new_page()
    public.goto(live_site["url"] + "/")
    expect(public.locator(".hub-worried")).not_to_contain_text("01632 960 555")

    page.get_by_role("button", name="Save: show these on every page").click()
    expect(page.get_by_text("saved: the public site shows them now")).to_be_visible()
    public.goto(live_site["url"] + "/")
    expect(public.locator(".hub-worried")).to_contain_text("01632 960 555")
    check_accessibility(public)

    # The change is in the audit log, old and new, reached from the menu.
    page.goto(live_site["url"] + "/admin/")
    _menu(page, "People and audit", "Audit log")
    expect(page.locator("table")).to_contain_text("Contact numbers and hours changed")
    expect(page.locator("ins").first).to_have_text("01632 960 555")
    check_accessibility(page)
    context.close()


def test_an_editor_publishes_a_news_article_seen_first_in_the_side_preview(
    browser, live_site, people
):
    context, page = _as(browser, live_site, people["editor"], bypass_csp=False)
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    page.goto(f"{live_site['url']}/admin/pages/{people['draft']}/edit/")
    title = page.locator("#id_title")
    title.fill("Partnership news: our year in brief (demo)")

    page.get_by_role("button", name="Toggle preview").click()
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.get_by_role("heading", level=1)).to_have_text(
        "Partnership news: our year in brief (demo)"
    )
    assert not [text for text in violations if "frame-ancestors" in text], violations

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("has been published")).to_be_visible()
    context.close()

    context, public = _as(browser, live_site, people["editor"])
    public.goto(live_site["url"] + people["draft_url"])
    expect(public.get_by_role("heading", level=1)).to_have_text(
        "Partnership news: our year in brief (demo)"
    )
    check_accessibility(public)
    context.close()


def test_the_coordinator_finds_charges_the_report_and_a_register_by_links(
    browser, live_site, people
):
    context, page = _as(browser, live_site, people["coordinator"])
    page.goto(live_site["url"] + "/admin/")
    _menu(page, "Training team", "Charges to organisations")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training charges")
    check_accessibility(page)

    page.goto(live_site["url"] + "/accounts/")
    page.get_by_role("link", name="Training report", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Training report")
    check_accessibility(page)

    page.goto(live_site["url"] + "/accounts/")
    page.get_by_role("link", name="Sessions and registers", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My sessions")
    bookings = re.compile(rf"Bookings and waiting list\s*: {re.escape(people['course'])}")
    page.get_by_role("link", name=bookings).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(people["course"])
    expect(page.get_by_role("table", name=re.compile("Waiting, in order"))).to_be_visible()
    check_accessibility(page)
    page.go_back()
    register = re.compile(rf"(Take|See) the register\s*: {re.escape(people['course'])}")
    expect(page.get_by_role("link", name=register).first).to_be_visible()
    page.get_by_role("link", name=register).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(people["course"])
    check_accessibility(page)

    # The training team's own index lists the same screens.
    page.goto(live_site["url"] + "/training/manage/")
    for screen in ("Sessions and registers", "Training report", "Charges to organisations"):
        expect(page.get_by_role("link", name=screen, exact=True)).to_be_visible()
    check_accessibility(page)
    context.close()
