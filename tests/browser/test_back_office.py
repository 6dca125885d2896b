"""The business unit's daily tasks in Chromium, each started from the admin's menu or the
account page and reached by links alone: the partnership admin changes the out-of-hours
number, checks the public panel and sees it on the site; an editor publishes a news article
after looking at it in the page editor's side preview (under the policies the site really
sends); the training coordinator finds the charges, the report and a register, then sets up
a course with its charges and a session, books people on it until the waiting list starts,
offers the next place and closes a register early; an editor's local information, with a
link, is signed off by a second editor. axe on the Hub's own admin screens and the staff
pages."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import admin_menu as _menu
from tests.browser.conftest import check_accessibility
from tests.browser.conftest import signed_in_page as _as
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
westbury = demo_agency("westbury")
trainees = [
    make_person(f"journey-trainee{n}@westbury.example", partnership=westshire, agency=westbury)
    for n in (1, 2)
]
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
    "trainees": [trainee.email for trainee in trainees],
}))
"""


@pytest.fixture(scope="module")
def people(live_site):
    return json.loads(in_site(live_site, SETUP).strip().splitlines()[-1])


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


def test_the_coordinator_sets_up_a_course_books_people_offers_a_place_and_closes_a_register(
    browser, live_site, people
):
    context, page = _as(browser, live_site, people["coordinator"])
    page.goto(live_site["url"] + "/admin/")
    _menu(page, "Training team", "Courses")
    page.get_by_role("link", name=re.compile("^Add ")).first.click()
    expect(page.locator("#id_title")).to_be_visible()
    page.locator("#id_title").fill("Journey course: safer sleep (demo)")
    page.locator("#id_summary").fill("A course the browser journey sets up.")
    page.locator("#id_level").select_option(label="Level 1: awareness for everyone")
    page.locator("#id_format").select_option(label="Face to face")
    page.locator("#id_who_for").fill("Everyone.")
    page.locator("#id_outcomes").fill("Know the safer sleep advice")
    page.locator("#id_hours").fill("2")
    page.get_by_role("button", name=re.compile("^(Save|Create)$")).first.click()

    # A new course goes on to its charges, as one grid, without a web address typed.
    expect(page.get_by_text("is saved. Next, set what a place costs")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Place: Voluntary or community organisation").fill("25")
    page.get_by_label("Place: School or college").fill("40.50")
    page.get_by_role("button", name="Save the charges").click()
    expect(page.get_by_text("are saved")).to_be_visible()
    expect(page.get_by_label("Place: School or college")).to_have_value("40.50")

    # "Add a session" starts with the course chosen.
    page.get_by_role("link", name="Add a session of this course").click()
    expect(page.locator("#id_course")).to_have_value(re.compile(r"^\d+$"))
    course_id = page.locator("#id_course").input_value()
    selected = page.locator("#id_course").locator("option:checked")
    expect(selected).to_have_text("Journey course: safer sleep (demo)")
    check_accessibility(page)
    page.locator("#id_starts_at").fill("2030-03-04 09:30")
    page.keyboard.press("Escape")
    page.locator("#id_ends_at").fill("2030-03-04 12:30")
    page.keyboard.press("Escape")
    page.locator("#id_capacity").fill("1")
    page.locator("#id_venue").fill("Journey hall (demo)")
    page.get_by_role("button", name=re.compile("^(Save|Create)$")).first.click()
    expect(page.get_by_text("created")).to_be_visible()

    # From the sessions list to the session's bookings: book one person, then another,
    # who joins the waiting list.
    page.goto(f"{live_site['url']}/admin/training_sessions/?course={course_id}")
    # The row's "Bookings and waiting list" link (in its "More options" menu).
    link = page.locator("a[href$='/bookings/']").first
    page.goto(live_site["url"] + link.get_attribute("href"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Journey course: safer sleep (demo)")
    first, second = people["trainees"]
    page.get_by_label("Work email address of the person to book").fill(first)
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_text("is booked. They get an email.")).to_be_visible()
    page.get_by_label("Work email address of the person to book").fill(second)
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_text("is number 1 on the waiting list")).to_be_visible()
    waiting = page.get_by_role("table", name=re.compile("Waiting, in order"))
    expect(waiting).to_contain_text(second)
    # A typo is an error on the field, not a booking.
    page.get_by_label("Work email address of the person to book").fill("nobody@nowhere.example")
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_role("alert")).to_contain_text("No one with that email address")
    check_accessibility(page)

    # A second place: the next person waiting is offered it, at once, by the team.
    session_id = re.search(r"/sessions/(\d+)/bookings/", page.url).group(1)
    bookings = f"{live_site['url']}/training/manage/sessions/{session_id}/bookings/"
    page.goto(f"{live_site['url']}/admin/training_sessions/edit/{session_id}/")
    page.locator("#id_capacity").fill("2")
    page.get_by_role("button", name=re.compile("^Save")).first.click()
    expect(page).not_to_have_url(re.compile("/edit/"))
    page.goto(bookings)
    page.get_by_role("button", name="Offer free places to the next people waiting").click()
    expect(page.get_by_text("A place was offered to 1 person, by email.")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Offered a place"))).to_contain_text(second)
    check_accessibility(page)

    # The same course, held this morning: the register, everyone marked, closed early.
    code = ENDED_SESSION.replace("COURSE", course_id).replace("EMAILS", repr([first, second]))
    in_site(live_site, code)
    page.goto(live_site["url"] + "/training/manage/sessions/")
    page.get_by_role("link", name=re.compile(r"Take the register\s*: Journey course")).click()
    # The register has loaded (two people booked) before its radios are listed.
    attended = page.get_by_label("Attended", exact=True)
    expect(attended).to_have_count(2)
    for radio in attended.all():
        radio.check()
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_text("Register saved.")).to_be_visible()
    page.get_by_role("button", name="Close the register now").click()
    expect(page.get_by_text("The register is closed and any charges are raised.")).to_be_visible()
    expect(page.get_by_text("The register for this session closed")).to_be_visible()
    check_accessibility(page)
    context.close()


ENDED_SESSION = """
import datetime
from django.utils import timezone
from hub.core.models import User
from hub.training.models import Booking, Course, Session

start = timezone.now() - datetime.timedelta(hours=4)
session = Session.objects.create(
    course=Course.objects.get(pk=COURSE), starts_at=start,
    ends_at=start + datetime.timedelta(hours=3), capacity=5, venue="Journey hall (demo)",
)
for person in User.objects.filter(email__in=EMAILS):
    Booking.objects.create(session=session, person=person, agency=person.agency)
"""


SECOND_EDITOR = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from hub.core.models import Partnership
from tests.conftest import demo_agency, make_person

user = make_person(
    "journey-second-editor@council.example",
    partnership=Partnership.objects.get(slug="westshire"),
    agency=demo_agency("council"),
    roles=["editor"],
)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""

NO_SIGN_OFF = """
from hub.core.models import Partnership
Partnership.objects.filter(slug="westshire").update(sign_off=[])
"""


def test_an_editor_drafts_local_information_with_a_link_that_a_second_editor_signs_off(
    browser, live_site, people
):
    """The admin asks for sign-off of procedures releases; an editor writes local information
    in Wagtail's rich text editor with a link added through its chooser, previews it and
    sends the release for sign-off at a time; a second editor finds it on their account
    page and approves it, and it is scheduled for that time."""
    context, page = _as(browser, live_site, people["admin"])
    page.goto(live_site["url"] + "/admin/")
    try:
        _menu(page, "Content", "Sign-off by a second person")
        page.get_by_label(re.compile("Procedures releases")).check()
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("now wait for a second person's approval")).to_be_visible()
        check_accessibility(page)
        context.close()
        _draft_and_send_for_sign_off(browser, live_site, people)
        _second_editor_signs_off(browser, live_site)
    finally:
        in_site(live_site, NO_SIGN_OFF)


def _draft_and_send_for_sign_off(browser, live_site, people):
    context, page = _as(browser, live_site, people["editor"])
    page.goto(live_site["url"] + "/admin/")
    _menu(page, "Procedures", "Releases and chapters")
    page.get_by_label("Title").fill("Journey local update (demo)")
    page.get_by_role("button", name="Start release").click()
    expect(page.get_by_text("started. Draft its changes")).to_be_visible()
    page.get_by_label("Regional chapter").select_option(index=0)
    page.get_by_role("button", name="Draft local information").click()

    editor = page.locator(".Draftail-Editor [contenteditable='true']").first
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.type("Use the referral form")
    for _ in "referral form":
        page.keyboard.press("Shift+ArrowLeft")
    page.locator(".Draftail-Editor").get_by_role("button", name=re.compile("^Link")).click()
    modal = page.locator(".modal")
    modal.get_by_role("link", name="External link").click()
    modal.get_by_label("URL").fill("https://www.example.org/referral-form")
    modal.get_by_role("button", name="Insert link").click()
    expect(editor.locator("a, [data-draftail-link], .TooltipEntity")).to_have_count(1)
    check_accessibility(page)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("saved in the draft")).to_be_visible()
    expect(page.get_by_text("Removed when saved")).to_have_count(0)

    page.get_by_role("link", name=re.compile("^Preview")).first.click()
    link = page.locator("a[href='https://www.example.org/referral-form']")
    expect(link).to_have_text("referral form")
    check_accessibility(page)

    page.go_back()
    page.get_by_label("Publish at").fill("2030-06-01T09:00")
    page.get_by_role("button", name="Send for sign-off: schedule").click()
    expect(page.get_by_text("is waiting for sign-off")).to_be_visible()
    # The editor who asked is not offered the approval.
    expect(page.get_by_text("another editor must approve it")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Approve"))).to_have_count(0)
    check_accessibility(page)
    context.close()


def _second_editor_signs_off(browser, live_site):
    session = in_site(live_site, SECOND_EDITOR).strip().splitlines()[-1]
    context, page = _as(browser, live_site, session)
    page.goto(live_site["url"] + "/accounts/")
    page.get_by_role("link", name="Procedures releases to sign off").click()
    waiting = page.get_by_role("region", name="Waiting for sign-off")
    waiting.get_by_role("link", name="Journey local update (demo)").click()
    expect(page.get_by_text("asked for sign-off")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Approve: schedule it").click()
    signed_off = re.compile(r"Signed off\. .* is scheduled: readers see it from 1 June 2030")
    expect(page.get_by_text(signed_off)).to_be_visible()
    context.close()
