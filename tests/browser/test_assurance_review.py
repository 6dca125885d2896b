"""A partnership's section 11 reviewer reviews and agrees an agency's self-assessment in a real
Chromium, with the keyboard alone: signs in with a password and an authenticator code, opens
the round's dashboard from the account page, filters it by type of organisation and downloads
the filtered spreadsheet, opens the submitted self-assessment's review page from the heat map,
starts the review, is told what is missing when agreeing too early, records an agreed rating
for every standard, asks a challenge question, is told the agency has not answered it yet,
and once the agency has answered agrees the self-assessment and sees it agreed on the
dashboard's heat map. axe runs on every page visited.

The framework (three standards), a round of three Westshire agencies and the people taking
part are made in the live site's own database through `manage.py shell`. Everything the other
people do goes through the services, as they would do it: the partnership's admin opens the
round, the school's lead completes and submits its self-assessment, the hospital trust's lead
starts its own, and the school's lead answers the challenge question."""

import base64
import io
import json
import re
import secrets
import uuid

import pytest
from openpyxl import load_workbook
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

PASSWORD = "harbour meadow copper 41"
SCHOOL = "Westbury Cross Academy Trust (demo)"
HOSPITAL = "Westshire Hospitals NHS Foundation Trust (demo)"
FOOTBALL = "Westshire Youth Football League (demo)"

SETUP = (
    MAKE_PERSON
    + """
import datetime, json
from django.utils import timezone
from hub.assurance import services
from hub.assurance.models import Framework, FrameworkVersion, Round, Standard
from hub.core.models import Agency, Partnership, Role

westshire = Partnership.objects.get(slug="westshire")
school = Agency.objects.get(name={school!r})
hospital = Agency.objects.get(name={hospital!r})
football = Agency.objects.get(name={football!r})
council = Agency.objects.get(name="Westshire County Council (demo)")
icb = Agency.objects.get(name="NHS Westshire Integrated Care Board (demo)")
name = dict(first_name="Rhiannon", last_name="Reviewer")

reviewer = person(
    "s11-reviewer-{run}@westshire.example", icb, Role.SECTION_11_REVIEWER, {secret!r}, **name
)
admin = person("s11-admin-{run}@westshire.example", council, Role.PARTNERSHIP_ADMIN, **name)
school_lead = person("s11-lead-{run}@westbury.example", school, Role.AGENCY_LEAD, **name)
hospital_lead = person("s11-lead-{run}@hospitals.example", hospital, Role.AGENCY_LEAD, **name)

framework = Framework.objects.create(partnership=westshire, name="Review standards {run}")
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
standards = list(version.standards.all())
today = timezone.localdate()
round_ = Round.objects.create(
    partnership=westshire, title="Review round {run}", framework_version=version,
    opens_on=today, due_on=today + datetime.timedelta(days=30),
)
round_.partnerships.set([westshire])
round_.agencies.set([school, hospital, football])
services.round_open(by=admin, round_=round_)

# The school's lead completes and submits: Green, Amber, Red.
submitted = round_.submissions.get(agency=school)
services.submission_start(by=school_lead, submission=submitted)
for standard, rating in zip(standards, [3, 2, 1]):
    services.answer_save(
        by=school_lead, submission=submitted, standard=standard, rating=rating,
        narrative=f"Our evidence for {{standard.title.lower()}}.",
    )
services.submission_submit(by=school_lead, submission=submitted)

# The hospital trust's lead has started: one standard answered.
draft = round_.submissions.get(agency=hospital)
services.submission_start(by=hospital_lead, submission=draft)
services.answer_save(
    by=hospital_lead, submission=draft, standard=standards[0], rating=2,
    narrative="Work in progress.",
)

print(json.dumps({{
    "reviewer": reviewer.email, "round": round_.title, "round_pk": round_.pk,
    "submission": submitted.pk, "standards": [standard.pk for standard in standards],
}}))
"""
)

RESPOND = """
from hub.assurance import services
from hub.assurance.models import Challenge
from hub.core.models import User

lead = User.objects.get(email="s11-lead-{run}@westbury.example")
challenge = Challenge.objects.get(submission_id={pk}, kind="challenge")
services.challenge_respond(
    by=lead, challenge=challenge,
    response="Two references arrived after the start date; the checklist now blocks that.",
)
print(challenge.pk)
"""

STATUS = """
from hub.assurance.models import Submission
s = Submission.objects.get(pk={pk})
print(s.status, *s.answers.order_by("standard__sort_order").values_list("agreed_rating", flat=True))
"""


def _rows(page):
    return page.locator(".hub-heat-map tbody tr")


def _row(page, agency):
    return _rows(page).filter(has=page.get_by_role("rowheader", name=re.compile(re.escape(agency))))


def _agree_rating(page, standard, *, arrow_downs, note):
    """Pick the agreed rating with the radios (Space picks the first, Red; the arrow keys
    move along), write a note and save."""
    tab_to(page, page.locator(f"#standard-{standard}-agreed_rating"))
    page.keyboard.press("Space")
    for _ in range(arrow_downs):
        page.keyboard.press("ArrowDown")
    type_into(page, page.locator(f"#standard-{standard}-agreed_note"), note)
    section = page.locator(f"#standard-{standard}")
    follow(page, section.get_by_role("button", name="Save agreed rating"))
    expect(page.get_by_role("alert")).to_contain_text("Agreed rating saved for standard")


@pytest.fixture
def assurance_review_people(live_site):
    secret = base64.b32encode(secrets.token_bytes(20)).decode()
    run = uuid.uuid4().hex[:8]
    output = in_site(
        live_site,
        SETUP.format(
            password=PASSWORD,
            run=run,
            secret=secret,
            school=SCHOOL,
            hospital=HOSPITAL,
            football=FOOTBALL,
        ),
    )
    return {**json.loads(output.strip().splitlines()[-1]), "secret": secret, "run": run}


def test_a_reviewer_agrees_a_self_assessment_with_the_keyboard_alone(
    live_site, page, assurance_review_people
):
    data = assurance_review_people
    base = live_site["url"]
    first, second, third = data["standards"]
    review_path = f"/assurance/submissions/{data['submission']}/review/"
    round_path = f"/assurance/rounds/{data['round_pk']}/"

    # Sign in: password, then the code from the authenticator app.
    page.goto(base + "/accounts/login/")
    type_into(page, page.locator("#id_login"), data["reviewer"])
    type_into(page, page.locator("#id_password"), PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    type_into(page, page.get_by_label("Code"), totp_code(data["secret"]))
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/")

    # From the account page to the round's dashboard.
    follow(page, page.get_by_role("link", name="Section 11 self-assessment"))
    heading(page, "Section 11 self-assessment")
    check_accessibility(page)
    follow(page, page.get_by_role("link", name=data["round"]))
    page.wait_for_url(f"**{round_path}")
    heading(page, data["round"])
    expect(_rows(page)).to_have_count(3)
    expect(_row(page, SCHOOL)).to_contain_text("Submitted")
    expect(_row(page, HOSPITAL)).to_contain_text("Draft")
    expect(_row(page, FOOTBALL)).to_contain_text("Not started")
    expect(_row(page, SCHOOL)).to_contain_text("Self: Green")
    check_accessibility(page)

    # Only the schools: type into the select to pick the type, then filter.
    agency_type = page.get_by_label("Type of organisation")
    tab_to(page, agency_type)
    page.keyboard.type("School")
    expect(agency_type).to_have_value("school")
    follow(page, page.get_by_role("button", name="Filter", exact=True))
    page.wait_for_url(f"**{round_path}?agency_type=school")
    expect(
        page.get_by_role("table", name="Ratings by agency and standard (filtered)")
    ).to_be_visible()
    expect(_rows(page)).to_have_count(1)
    expect(_rows(page)).to_contain_text(SCHOOL)
    expect(_rows(page)).to_contain_text("School or college")
    expect(page.get_by_role("main")).not_to_contain_text(HOSPITAL)
    expect(page.get_by_role("main")).not_to_contain_text(FOOTBALL)
    check_accessibility(page)

    # The spreadsheet is filtered as the page is.
    spreadsheet = page.get_by_role("link", name=re.compile("^Download the ratings"))
    expect(spreadsheet).to_contain_text("filtered as shown")
    tab_to(page, spreadsheet)
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(download.path().read_bytes()), read_only=True)
    cells = {
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    assert SCHOOL in cells
    assert HOSPITAL not in cells
    assert FOOTBALL not in cells

    # The school's review page, from its row of the heat map.
    follow(page, page.get_by_role("link", name=f"Review {SCHOOL}'s self-assessment"))
    page.wait_for_url(f"**{review_path}")
    heading(page, SCHOOL)
    expect(page.locator(f"#standard-{first}")).to_contain_text("Our evidence for leadership.")
    check_accessibility(page)
    follow(page, page.get_by_role("button", name="Start review"))
    page.wait_for_url(f"**{review_path}")
    expect(page.get_by_role("alert")).to_contain_text("Review started")
    expect(page.get_by_role("main")).to_contain_text("Under review")
    check_accessibility(page)

    # Agreeing too early: the error summary names every standard without an agreed rating.
    follow(page, page.get_by_role("button", name="Agree the self-assessment"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: "))
    links = summary.get_by_role("link")
    expect(links).to_have_count(3)
    hrefs = [links.nth(i).get_attribute("href") for i in range(3)]
    assert hrefs == [f"#standard-{pk}-agreed_rating" for pk in (first, second, third)]
    for href in hrefs:
        expect(page.locator(href)).to_have_count(1)
    expect(links.nth(0)).to_have_text("Standard 1, Leadership: record the agreed rating")
    expect(page.locator(f"#standard-{first}")).to_contain_text("record the agreed rating")
    check_accessibility(page)

    # The first error's link leads to the first standard's radios; each standard in turn.
    tab_to(page, links.nth(0))
    page.keyboard.press("Enter")
    _agree_rating(page, first, arrow_downs=1, note="Board minutes show a gap in the spring.")
    page.wait_for_url(f"**{review_path}#standard-{first}")
    expect(page.locator(f"#standard-{first}")).to_contain_text(
        "Board minutes show a gap in the spring."
    )
    check_accessibility(page)
    _agree_rating(page, second, arrow_downs=1, note="Agreed as the agency rated it.")
    _agree_rating(page, third, arrow_downs=0, note="")
    page.wait_for_url(f"**{review_path}#standard-{third}")
    expect(page.locator(f"#standard-{third}")).not_to_contain_text("Not yet agreed")

    # A challenge question about standard 2.
    tab_to(page, page.locator("#new-challenge-kind"))
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Challenge question")).to_be_checked()
    about = page.get_by_label("What is it about?")
    tab_to(page, about)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(about).to_have_value(str(second))
    type_into(
        page,
        page.get_by_label("Your comment or question"),
        "How do you make sure references arrive before the start date?",
    )
    follow(page, page.get_by_role("button", name="Add comment or question"))
    page.wait_for_url(f"**{review_path}#challenges")
    expect(page.get_by_role("alert")).to_contain_text("Challenge question sent to the agency")
    challenge = page.locator(f"#standard-{second} [id^=challenge-]")
    expect(challenge).to_contain_text("How do you make sure references arrive")
    expect(challenge).to_contain_text("Waiting for the agency's response")
    check_accessibility(page)

    # Every standard is agreed, but the question is unanswered.
    follow(page, page.get_by_role("button", name="Agree the self-assessment"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    links = summary.get_by_role("link")
    expect(links).to_have_count(1)
    expect(links).to_have_text("A challenge question is waiting for the agency's response")
    href = links.get_attribute("href")
    expect(page.locator(href)).to_contain_text("How do you make sure references arrive")
    check_accessibility(page)

    # The school's lead answers, as the agency would.
    challenge_pk = in_site(
        live_site, RESPOND.format(run=data["run"], pk=data["submission"])
    ).strip()
    assert href == f"#challenge-{challenge_pk}"

    # Back to the review page through the round, then agree.
    follow(page, page.get_by_role("link", name=data["round"]), key="Shift+Tab")
    page.wait_for_url(f"**{round_path}")
    follow(page, page.get_by_role("link", name=f"Review {SCHOOL}'s self-assessment"))
    page.wait_for_url(f"**{review_path}")
    expect(page.locator(href)).to_contain_text("the checklist now blocks that")
    follow(page, page.get_by_role("button", name="Agree the self-assessment"))
    page.wait_for_url(f"**{review_path}")
    expect(page.get_by_role("alert")).to_contain_text("The self-assessment is agreed")
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Agreed")
    expect(page.get_by_role("button", name="Agree the self-assessment")).to_have_count(0)
    expect(page.get_by_role("button", name="Save agreed rating")).to_have_count(0)
    check_accessibility(page)

    # The dashboard shows the agreement and the agreed ratings.
    follow(page, page.get_by_role("link", name=data["round"]))
    page.wait_for_url(f"**{round_path}")
    school = _row(page, SCHOOL)
    expect(school.locator(".govuk-tag")).to_have_text("Agreed")
    cells = school.locator("td.hub-heat")
    expect(cells).to_have_count(3)
    for index, (own, agreed, band) in enumerate(
        [("Green", "Amber", "middle"), ("Amber", "Amber", "middle"), ("Red", "Red", "low")]
    ):
        expect(cells.nth(index)).to_contain_text(f"Self: {own}")
        expect(cells.nth(index)).to_contain_text(f"Agreed: {agreed}")
        expect(cells.nth(index)).to_have_class(re.compile(rf"\bhub-heat--{band}\b"))
    expect(_row(page, HOSPITAL)).to_contain_text("Draft")
    check_accessibility(page)

    status = in_site(live_site, STATUS.format(pk=data["submission"])).split()
    assert status == ["agreed", "2", "2", "1"]
