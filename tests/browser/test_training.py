"""A practitioner in a real Chromium: finds a course in the programme, books a place and
cancels it with the keyboard alone, joins the waiting list of a full session and accepts
the place when it frees. axe runs on every page visited.

The test's courses and people are made in the live site's own database through
`manage.py shell`, and the place is freed there through the booking services, exactly as a
colleague cancelling would free it."""

import json
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import MAKE_PERSON, heading, in_site, tab_to

pytestmark = pytest.mark.browser

PASSWORD = "lantern kettle orchard 73"
MAX_TABS = 80

SETUP = (
    MAKE_PERSON
    + """
import datetime, json
from django.utils import timezone
from hub.core.models import Agency, Partnership
from hub.training import services
from hub.training.models import Course, Session

westshire = Partnership.objects.get(slug="westshire")
agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")

trainee = person("trainee-{run}@westbury.example", agency, first_name="Tess", last_name="Browser")
holder = person("holder-{run}@westbury.example", agency, first_name="Hal", last_name="Browser")
course = Course.objects.create(
    partnership=westshire, title="Browser test course {run}", slug="browser-test-{run}",
    summary="A course made for the browser test.", level=3, format="face_to_face",
    outcomes="Book a place\\nCancel it", who_for="Test practitioners.", hours=2,
)
start = timezone.localtime() + datetime.timedelta(days=40)
start = start.replace(hour=9, minute=30, second=0, microsecond=0)
def session(days, capacity):
    starts_at = start + datetime.timedelta(days=days)
    return Session.objects.create(
        course=course, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=3),
        capacity=capacity, venue="Browser Hall, Westbury",
        joining_instructions="Sign in at reception.",
    )
open_session = session(0, 5)
full_session = session(7, 1)
held = services.place_request(by=holder, session=full_session, person=holder)
print(json.dumps({{
    "trainee": trainee.email, "open": open_session.pk, "full": full_session.pk,
    "held": held.pk, "holder": holder.pk, "course": course.title,
}}))
"""
)

ATTENDED = (
    MAKE_PERSON
    + """
import datetime, json
from django.utils import timezone
from hub.core.models import Agency, Partnership
from hub.training.models import Booking, Course, Session

westshire = Partnership.objects.get(slug="westshire")
agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
email = "attendee-{run}@westbury.example"
user = person(email, agency, first_name="Ada", last_name="Attendee")
course = Course.objects.create(
    partnership=westshire, title="Evaluated course {run}", slug="evaluated-{run}",
    summary="A course the browser test has attended.", level=2, format="live_online",
    outcomes="Evaluate it", who_for="Test practitioners.", hours=1.5,
)
starts_at = timezone.now() - datetime.timedelta(days=14)
session = Session.objects.create(
    course=course, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2),
    capacity=10,
)
Booking.objects.create(session=session, person=user, agency=agency, attendance="attended")
print(json.dumps({{"attendee": email, "course": course.title}}))
"""
)

FREE_THE_PLACE = """
from hub.core.models import User
from hub.training import services
from hub.training.models import Booking
booking = Booking.objects.get(pk={held})
services.booking_cancel(by=User.objects.get(pk={holder}), booking=booking)
"""


def _sign_in(page, address):
    page.get_by_label("Email").fill(address)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def programme_data(live_site):
    output = in_site(live_site, SETUP.format(password=PASSWORD, run=uuid.uuid4().hex[:8]))
    return json.loads(output.strip().splitlines()[-1])


def test_find_book_cancel_then_wait_for_a_full_session_and_accept_the_offer(
    live_site, page, programme_data
):
    data = programme_data
    base = live_site["url"]

    # Find the course: the programme, a filter, the course page.
    page.goto(base + "/")
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Training", exact=True
    ).click()
    heading(page, "Training programme")
    check_accessibility(page)

    page.get_by_label("Level", exact=True).select_option("3")
    page.get_by_label("Only courses with places left").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".hub-course-list")).to_contain_text(data["course"])
    check_accessibility(page)

    page.get_by_role("link", name=data["course"]).click()
    heading(page, data["course"])
    expect(page.get_by_text("Free for all organisations.")).to_be_visible()
    check_accessibility(page)

    # Signed out, the session page asks for a sign-in and comes back after it.
    page.locator(f'a[href="/training/sessions/{data["open"]}/"]').click()
    page.get_by_role("link", name="Sign in to book a place").click()
    heading(page, "Sign in")
    check_accessibility(page)
    _sign_in(page, data["trainee"])
    page.wait_for_url(f"**/training/sessions/{data['open']}/")
    check_accessibility(page)

    # Book with the keyboard alone.
    book = page.get_by_role("button", name="Book a place")
    tab_to(page, book, max_presses=MAX_TABS)
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text(f"You are booked on {data['course']}")
    expect(page.get_by_role("heading", name="You are booked")).to_be_visible()
    expect(page.get_by_text("Sign in at reception.")).to_be_visible()
    check_accessibility(page)

    # Cancel with the keyboard alone: the link, then the confirmation button.
    tab_to(page, page.get_by_role("link", name="Cancel your place"), max_presses=MAX_TABS)
    page.keyboard.press("Enter")
    heading(page, "Cancel your place")
    check_accessibility(page)
    tab_to(page, page.get_by_role("button", name="Cancel the place"), max_presses=MAX_TABS)
    page.keyboard.press("Enter")
    heading(page, "My training")
    expect(page.get_by_role("alert")).to_contain_text("Your place on")
    expect(page.get_by_text("You have no places booked.")).to_be_visible()
    check_accessibility(page)

    # The full session: join its waiting list.
    page.goto(f"{base}/training/sessions/{data['full']}/")
    expect(page.get_by_role("heading", name="This session is full")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.get_by_role("region", name="Important")).to_contain_text(
        "The last place was taken; you are number 1 on the waiting list"
    )
    check_accessibility(page)

    # A colleague cancels: the place is offered to the first person waiting.
    in_site(live_site, FREE_THE_PLACE.format(held=data["held"], holder=data["holder"]))

    page.goto(base + "/training/my-training/")
    expect(page.get_by_role("heading", name="Places offered to you")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Accept the place").click()
    page.wait_for_url(f"**/training/sessions/{data['full']}/")
    expect(page.get_by_role("alert")).to_contain_text(f"You are booked on {data['course']}")
    expect(page.get_by_role("heading", name="You are booked")).to_be_visible()
    check_accessibility(page)


def test_evaluate_an_attended_course_then_download_the_certificate(live_site, page):
    run = uuid.uuid4().hex[:8]
    output = in_site(live_site, ATTENDED.format(password=PASSWORD, run=run))
    data = json.loads(output.strip().splitlines()[-1])

    page.goto(live_site["url"] + "/training/my-training/")
    _sign_in(page, data["attendee"])
    page.wait_for_url("**/training/my-training/")
    expect(page.get_by_role("heading", name="Refreshers")).to_be_visible()
    expect(page.locator("#refreshers + table")).to_contain_text("In date")
    check_accessibility(page)

    page.get_by_role("link", name="Evaluate this course").click()
    heading(page, f"Evaluate {data['course']}")
    check_accessibility(page)

    # Sending it half-filled lists each missing answer, each linking to its question.
    page.locator("#overall").check()
    page.get_by_role("button", name="Send evaluation").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select how you rate the trainer")
    expect(summary.get_by_role("link")).to_have_count(4)
    check_accessibility(page)
    summary.get_by_role("link", name="Select how you rate the trainer").click()
    expect(page.locator("#trainer")).to_be_focused()

    for question in ("trainer", "relevance", "confidence_before", "confidence_after"):
        page.locator(f"#{question}-4").check()
    page.get_by_label("What was most useful? (optional)").fill("The group discussion.")
    page.get_by_role("button", name="Send evaluation").click()
    expect(page.get_by_role("alert")).to_contain_text("Your certificate is ready to download.")
    check_accessibility(page)

    with page.expect_download() as download_info:
        page.locator("#certificates").locator("xpath=following-sibling::ul[1]").get_by_role(
            "link"
        ).first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert download.path().read_bytes().startswith(b"%PDF")
