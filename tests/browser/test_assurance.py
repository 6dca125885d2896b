"""An agency's safeguarding lead completes a section 11 self-assessment in a real Chromium,
with the keyboard alone: signs in with a password and an authenticator code, opens Section 11
from the account page, starts, rates and describes every standard, answers the local
question, adds an action, is told what is missing when submitting too early, then checks the
answers and submits. axe runs on every page visited.

The framework (three standards), the round and the lead are made in the live site's own
database through `manage.py shell`; the round is opened through the services, as the
partnership's admin would open it."""

import base64
import json
import re
import secrets
import time
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import (
    MAKE_PERSON,
    follow,
    heading,
    in_site,
    tab_to,
    totp_code,
    type_into,
)

pytestmark = pytest.mark.browser

PASSWORD = "orchard lantern kettle 58"

SETUP = (
    MAKE_PERSON
    + """
import datetime, json
from django.utils import timezone
from hub.assurance import services
from hub.assurance.models import Framework, FrameworkVersion, LocalQuestion, Round, Standard
from hub.core.models import Agency, Partnership, Role

westshire = Partnership.objects.get(slug="westshire")
school = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
council = Agency.objects.get(name="Westshire County Council (demo)")
name = dict(first_name="Lena", last_name="Lead")

lead = person("s11-lead-{run}@westbury.example", school, Role.AGENCY_LEAD, {secret!r}, **name)
admin = person("s11-admin-{run}@westshire.example", council, Role.PARTNERSHIP_ADMIN, **name)

framework = Framework.objects.create(partnership=westshire, name="Browser standards {run}")
version = FrameworkVersion.objects.create(
    framework=framework, number=1, rating_scale="rag",
    introduction="Rate your organisation against each standard.",
)
for number, (key, title) in enumerate(
    [("leadership", "Leadership"), ("recruitment", "Safer recruitment"), ("training", "Training")],
    start=1,
):
    Standard.objects.create(
        version=version, sort_order=number, key=key, number=str(number), title=title,
        summary=f"What {{title.lower()}} expects.", sub_standards="First part\\nSecond part",
        guidance="Named people, written down.", evidence_prompts="A policy",
    )
version.published_at = timezone.now()
version.save()
today = timezone.localdate()
round_ = Round.objects.create(
    partnership=westshire, title="Browser round {run}", framework_version=version,
    opens_on=today, due_on=today + datetime.timedelta(days=30),
)
round_.partnerships.set([westshire])
round_.agencies.set([school])
question = LocalQuestion.objects.create(
    round=round_, partnership=westshire, text="How do staff use the threshold document?",
)
services.round_open(by=admin, round_=round_)
submission = round_.submissions.get(agency=school)
print(json.dumps({{
    "lead": lead.email, "round": round_.title, "submission": submission.pk,
    "question": question.pk,
    "standards": list(version.standards.values_list("pk", flat=True)),
}}))
"""
)

STATUS = """
from hub.assurance.models import Submission
s = Submission.objects.get(pk={pk})
print(s.status, s.answers.filter(rating__isnull=False).count(), s.actions.count())
"""


def _answer_standard(page, *, arrow_downs, narrative, button="Save and continue"):
    """Rate with the radios (Space picks the first, the arrow keys move along) and describe
    the evidence, then save."""
    first_radio = page.locator("#rating")
    tab_to(page, first_radio)
    page.keyboard.press("Space")
    for _ in range(arrow_downs):
        page.keyboard.press("ArrowDown")
    type_into(page, page.locator("#narrative"), narrative)
    follow(page, page.get_by_role("button", name=button, exact=True))


@pytest.fixture
def assurance_people(live_site):
    secret = base64.b32encode(secrets.token_bytes(20)).decode()
    run = uuid.uuid4().hex[:8]
    output = in_site(live_site, SETUP.format(password=PASSWORD, run=run, secret=secret))
    return {**json.loads(output.strip().splitlines()[-1]), "secret": secret}


def test_a_lead_completes_and_submits_a_self_assessment_with_the_keyboard_alone(
    live_site, page, assurance_people
):
    data = assurance_people
    base = live_site["url"]
    first, second, third = data["standards"]
    submission_path = f"/assurance/submissions/{data['submission']}/"

    # Sign in: password, then the code from the authenticator app.
    page.goto(base + "/accounts/login/")
    check_accessibility(page)
    type_into(page, page.locator("#id_login"), data["lead"])
    type_into(page, page.locator("#id_password"), PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    check_accessibility(page)
    type_into(page, page.get_by_label("Code"), totp_code(data["secret"]))
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/")
    check_accessibility(page)

    # From the account page to the self-assessment.
    follow(page, page.get_by_role("link", name="Section 11 self-assessment"))
    heading(page, "Section 11 self-assessment")
    check_accessibility(page)
    follow(page, page.get_by_role("link", name=data["round"]))
    heading(page, data["round"])
    expect(page.get_by_role("main")).to_contain_text("Not started")
    check_accessibility(page)
    follow(page, page.get_by_role("button", name="Start your self-assessment"))
    expect(page.get_by_role("main")).to_contain_text("0 of 3 standards completed")
    check_accessibility(page)

    # The first two standards, one after the other.
    follow(page, page.get_by_role("link", name="1. Leadership"))
    heading(page, "1. Leadership")
    check_accessibility(page)
    _answer_standard(page, arrow_downs=2, narrative="The governing board reviews it termly.")
    page.wait_for_url(f"**{submission_path}standards/{second}/")
    heading(page, "2. Safer recruitment")
    check_accessibility(page)
    _answer_standard(page, arrow_downs=1, narrative="Checks are done; one record was late.")
    page.wait_for_url(f"**{submission_path}standards/{third}/")
    check_accessibility(page)

    # Submitting too early: the error summary names the missing standard and local question.
    follow(page, page.get_by_role("link", name=data["round"]))
    follow(page, page.get_by_role("button", name="Check and submit"))
    heading(page, "Check your answers before submitting")
    check_accessibility(page)
    follow(page, page.get_by_role("button", name="Submit self-assessment"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: "))
    links = summary.get_by_role("link")
    expect(links).to_have_count(2)
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        f"#standard-{third}",
        f"#local-{data['question']}",
    ]
    for index in range(2):
        expect(page.locator(links.nth(index).get_attribute("href"))).to_have_count(1)
    check_accessibility(page)

    # The error's link leads to its row, and the row's Change link to the standard.
    follow(page, links.nth(0))
    follow(page, page.locator(f"#standard-{third}").get_by_role("link", name="Change"))
    heading(page, "3. Training")
    _answer_standard(page, arrow_downs=0, narrative="A training plan is being written.")
    page.wait_for_url(f"**{submission_path}")
    expect(page.get_by_role("main")).to_contain_text("3 of 3 standards completed")
    check_accessibility(page)

    # The local question.
    follow(page, page.get_by_role("link", name="Answer 1 local question"))
    heading(page, "Local questions")
    check_accessibility(page)
    type_into(
        page,
        page.get_by_label("How do staff use the threshold document?"),
        "It is discussed in every supervision.",
    )
    follow(page, page.get_by_role("button", name="Save and return"))
    expect(page.get_by_role("alert")).to_contain_text("local questions have been saved")
    check_accessibility(page)

    # An action for the gap the self-assessment found.
    follow(page, page.get_by_role("link", name="Add an action"))
    heading(page, "Add an action")
    check_accessibility(page)
    type_into(page, page.locator("#description"), "Write and run a training plan")
    type_into(page, page.locator("#owner_role"), "Designated safeguarding lead")
    type_into(page, page.locator("#due_on-day"), "31")
    type_into(page, page.locator("#due_on-month"), "3")
    type_into(page, page.locator("#due_on-year"), str(time.localtime().tm_year + 1))
    tab_to(page, page.locator("#status"))
    page.keyboard.press("Space")
    follow(page, page.get_by_role("button", name="Add the action"))
    expect(page.get_by_role("alert")).to_contain_text("The action has been added")
    expect(page.locator("#action-plan + table")).to_contain_text("Write and run a training plan")
    check_accessibility(page)

    # Check the answers and submit.
    follow(page, page.get_by_role("button", name="Check and submit"))
    expect(page.get_by_role("main")).to_contain_text("It is discussed in every supervision.")
    expect(page.get_by_role("main")).to_contain_text("Write and run a training plan")
    check_accessibility(page)
    follow(page, page.get_by_role("button", name="Submit self-assessment"))
    page.wait_for_url(f"**{submission_path}")
    expect(page.get_by_role("alert")).to_contain_text("Your self-assessment has been submitted")
    expect(page.get_by_role("main")).to_contain_text("Submitted")
    check_accessibility(page)

    status = in_site(live_site, STATUS.format(pk=data["submission"])).split()
    assert status == ["submitted", "3", "1"]
