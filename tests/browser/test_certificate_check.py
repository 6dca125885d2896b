"""An employer checks a certificate of attendance in a real Chromium, without signing in: the
code typed in lower case with spaces finds it, the page says what the certificate says, and
after the partnership withdraws it the same address says so. axe runs on each page."""

import json
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import MAKE_PERSON, heading, in_site

pytestmark = pytest.mark.browser

CERTIFIED = (
    MAKE_PERSON
    + """
import datetime, json
from django.utils import timezone
from hub.core.models import Agency, Partnership
from hub.training import services
from hub.training.models import Booking, Course, Evaluation, Session

westshire = Partnership.objects.get(slug="westshire")
agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
user = person("certified-{run}@westbury.example", agency, first_name="Αλέξανδρος",
              last_name="Παπαδόπουλος")
course = Course.objects.create(
    partnership=westshire, title="Checked course {run}", slug="checked-{run}",
    summary="A course the browser test's certificate is for.", level=3, format="face_to_face",
    outcomes="Be checked", who_for="Test practitioners.", hours=2.5,
)
starts_at = timezone.now() - datetime.timedelta(days=20)
session = Session.objects.create(
    course=course, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=3),
    capacity=10,
)
booking = Booking.objects.create(session=session, person=user, agency=agency,
                                 attendance="attended")
Evaluation.objects.create(booking=booking, overall=4, trainer=4, relevance=4,
                          confidence_before=2, confidence_after=4)
certificate = services.certificate_issue(by=user, booking=booking)
team = person("team-{run}@westshire.example", agency, Role.TRAINING_COORDINATOR,
              first_name="Tam", last_name="Team")
print(json.dumps({{"code": certificate.display_code, "pk": certificate.pk, "team": team.pk,
                  "course": course.title}}))
"""
)

WITHDRAW = """
from hub.core.models import User
from hub.training import services
from hub.training.models import Certificate
services.certificate_withdraw(
    by=User.objects.get(pk={team}),
    certificate=Certificate.objects.get(pk={pk}),
    reason="Issued for the wrong session.",
)
"""


def test_an_employer_checks_a_certificate_then_sees_it_withdrawn(live_site, page):
    run = uuid.uuid4().hex[:8]
    output = in_site(live_site, CERTIFIED.format(password="not used 7 times", run=run))
    data = json.loads(output.strip().splitlines()[-1])
    typed = data["code"].lower().replace("-", " ")

    page.goto(f"{live_site['url']}/certificates/{typed}/")
    heading(page, "This certificate is valid")
    facts = page.locator(".govuk-summary-list")
    expect(facts.locator("dt")).to_have_text(
        ["Name", "Course", "Level", "Date", "Learning time", "Issued by"]
    )
    expect(facts).to_contain_text("Αλέξανδρος Παπαδόπουλος")
    expect(facts).to_contain_text(data["course"])
    expect(facts).to_contain_text("2.5 hours")
    expect(page.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    check_accessibility(page)

    in_site(live_site, WITHDRAW.format(pk=data["pk"], team=data["team"]))
    page.reload()
    heading(page, "This certificate has been withdrawn")
    expect(page.locator(".govuk-warning-text")).to_contain_text("Withdrawn on")
    expect(page.get_by_text("Reason: Issued for the wrong session.")).to_be_visible()
    check_accessibility(page)

    page.goto(f"{live_site['url']}/certificates/not-a-code/")
    heading(page, "Page not found")
    check_accessibility(page)
