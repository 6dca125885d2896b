"""A practice review's journey in Chromium, with the keyboard alone and axe on every page: the
business unit (a member of the review panel) opens a rapid review from its notification date
and sees each timeline step's working-day due date; it asks Westbury Cross for information,
whose safeguarding lead returns its summary; the review is completed; a recommendation's
action for Westbury Cross is evidenced by its lead and signed off by the panel; the published
review and its briefing are in the public learning library; a practitioner records that their
team used the briefing; and the recommendations tracker's XLSX reads back.

The people are made in the live site's own database through `manage.py shell`; so is the
published review (the editors' admin screens for it have tests of their own)."""

import datetime
import io
import json
import re
import uuid

import openpyxl
import pytest
from playwright.sync_api import expect

from hub.core.working_days import working_days_after, working_days_before
from tests.browser.conftest import check_accessibility
from tests.browser.conftest import signed_in_page as _as
from tests.browser.keyboard import follow, in_site, tab_to, type_into

pytestmark = pytest.mark.browser

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from hub.core.models import Partnership
from tests.conftest import demo_agency, make_person

westshire = Partnership.objects.get(slug="westshire")

def signed_in(email, agency, roles=()):
    user = make_person(email, partnership=westshire, agency=demo_agency(agency), roles=roles)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key

print(json.dumps({
    "panel": signed_in("rev-panel-RUN@council.example", "council", ["review_panel"]),
    "lead": signed_in("rev-lead-RUN@westbury.example", "westbury", ["agency_lead"]),
    "practitioner": signed_in("rev-practitioner-RUN@westbury.example", "westbury"),
}))
"""

STEPS = """
import json
from hub.reviews.models import Review
review = Review.objects.get(partnership__slug="westshire", reference="REFERENCE")
print(json.dumps([[s.name, s.due_on.isoformat()] for s in review.steps.order_by("day", "pk")]))
"""

PUBLISH = """
import datetime
from django.utils import timezone
from hub.reviews.models import Briefing, PublishedReview, Review
review = Review.objects.get(partnership__slug="westshire", reference="REFERENCE")
published = PublishedReview.objects.create(
    partnership=review.partnership, review=review, kind=review.kind,
    title="Journey review RUN (demo)", slug="journey-review-RUN",
    summary="What the journey's rapid review found (fictional).",
    published=True, published_on=timezone.localdate(),
)
Briefing.objects.create(
    partnership=review.partnership, published_review=published,
    title="7-minute briefing: journey RUN", slug="journey-briefing-RUN",
    summary="The journey's briefing.", background="Background of the journey.",
    why_it_matters="Why it matters.", key_findings="- First finding\\n- Second finding",
    what_to_remember="Remember this.", what_to_do="- Do this", questions="- Ask this?",
    published=True, published_on=timezone.localdate(),
)
print("published")
"""

STATE = """
import json
from hub.reviews.models import Review, TeamUse
review = Review.objects.get(partnership__slug="westshire", reference="REFERENCE")
request = review.requests.get()
action = review.recommendations.get().actions.get()
print(json.dumps({
    "status": review.status,
    "returned": request.returned_on is not None,
    "action": action.status,
    "signed_off": action.signed_off_on is not None,
    "evidence": action.evidence.count(),
    "uses": TeamUse.objects.filter(briefing__slug="journey-briefing-RUN").count(),
}))
"""


def _date(page, name, day, month, year):
    type_into(page, page.locator(f'input[name="{name}_day"]'), str(day))
    type_into(page, page.locator(f'input[name="{name}_month"]'), str(month))
    type_into(page, page.locator(f'input[name="{name}_year"]'), str(year))


def _tick(page, label):
    """Tab to a checkbox or radio named `label` and choose it with Space."""
    tab_to(page, page.get_by_label(label, exact=True))
    page.keyboard.press("Space")


def _radio(page, name, label):
    """Choose `label` in the radio group `name` as a keyboard user does: Tab into the group
    (it lands on the chosen radio, or the first), then arrow keys, which also choose."""
    group = page.locator(f'input[type=radio][name="{name}"]')
    checked = page.locator(f'input[type=radio][name="{name}"]:checked')
    tab_to(page, checked if checked.count() else group.first)
    target = page.get_by_label(label, exact=True)
    for _ in range(group.count() + 1):
        if target.is_checked():
            return
        if target.evaluate("element => element === document.activeElement"):
            page.keyboard.press("Space")
        else:
            page.keyboard.press("ArrowDown")
    pytest.fail(f"the keyboard never chose {label!r} in {name}")


def _h1(page, text):
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


@pytest.fixture
def journey(live_site):
    run = uuid.uuid4().hex[:8]
    output = in_site(live_site, SETUP.replace("RUN", run))
    return json.loads(output.strip().splitlines()[-1]) | {"run": run}


def test_a_rapid_review_is_opened_timed_evidenced_signed_off_published_and_used(
    live_site, browser, journey
):
    base = live_site["url"]
    run = journey["run"]
    context, page = _as(browser, live_site, journey["panel"])

    # The business unit opens a rapid review from its notification date.
    page.goto(base + "/reviews/")
    _h1(page, "Review case records")
    check_accessibility(page)
    follow(page, page.get_by_role("button", name="Open a review"))
    _h1(page, "Open a review")
    check_accessibility(page)
    # Notified on the last working day, so the clock is running: day 15 is in three weeks.
    today = datetime.date.today()
    notified = working_days_before(today, 1)
    incident = notified - datetime.timedelta(days=2)
    _date(page, "incident_on", incident.day, incident.month, incident.year)
    _date(page, "notified_on", notified.day, notified.month, notified.year)
    _radio(page, "age_band", "Under 1")
    type_into(page, page.locator("#summary"), "A baby was injured at home (journey).")
    follow(page, page.get_by_role("button", name="Open the review"))
    reference = page.get_by_role("heading", level=1).inner_text().split()[0]
    assert re.fullmatch(rf"RR-{notified.year}-\d{{2}}", reference), reference
    check_accessibility(page)

    # The timeline shows each step's due date, counted in working days.
    steps = json.loads(in_site(live_site, STEPS.replace("REFERENCE", reference)).strip())
    timeline = page.locator("main table").first
    day_15 = working_days_after(notified, 15)
    assert steps[-1][1] == day_15.isoformat()
    for name, due in steps:
        expect(timeline).to_contain_text(name)
        expect(timeline).to_contain_text(f"{datetime.date.fromisoformat(due):%-d %B %Y}")

    # The panel asks Westbury Cross for information.
    follow(page, page.get_by_role("button", name="Ask agencies for information"))
    _h1(page, "Ask agencies for information")
    check_accessibility(page)
    _tick(page, "Westbury Cross Academy Trust (demo)")
    follow(page, page.get_by_role("button", name="Ask for information"))
    _h1(page, reference)
    expect(page.locator("main")).to_contain_text("Westbury Cross Academy Trust (demo)")
    check_accessibility(page)

    # Westbury Cross's lead returns its summary (the chronology goes by secure email).
    lead_context, lead = _as(browser, live_site, journey["lead"])
    lead.goto(base + "/reviews/agency/")
    _h1(lead, "Practice reviews: requests for information")
    check_accessibility(lead)
    follow(lead, lead.get_by_role("link", name=re.compile(reference)))
    _h1(lead, reference)
    check_accessibility(lead)
    _tick(
        lead,
        "My agency has sent its chronology and information through the partnership's "
        "secure email or case system",
    )
    type_into(
        lead, lead.locator("#summary"), "Two contacts; safe sleep advice not repeated (journey)."
    )
    follow(lead, lead.get_by_role("button", name="Record it as returned"))
    expect(lead.get_by_role("alert").first).to_be_visible()
    check_accessibility(lead)

    # The review is completed: sent on day 14, with its decision.
    page.reload()
    follow(page, page.get_by_role("button", name="Change the dates, status or decision"))
    _h1(page, "Change the review")
    check_accessibility(page)
    _radio(page, "status", "Completed")
    _date(page, "rapid_review_sent_on", today.day, today.month, today.year)
    tab_to(page, page.locator("#decision"))
    page.keyboard.type("A local learning")
    _date(page, "decision_on", today.day, today.month, today.year)
    follow(page, page.get_by_role("button", name="Save the changes"))
    _h1(page, "Completed")
    check_accessibility(page)

    # A recommendation, and an action for Westbury Cross.
    follow(page, page.get_by_role("link", name="Add a recommendation"))
    _h1(page, "Add a recommendation")
    check_accessibility(page)
    type_into(page, page.locator("#text"), "Repeat safe sleep advice when a family moves.")
    follow(page, page.get_by_role("button", name="Add the recommendation"))
    _h1(page, "Recommendation 1")
    check_accessibility(page)
    follow(page, page.get_by_role("button", name="Add an action"))
    _h1(page, "Add an action")
    check_accessibility(page)
    tab_to(page, page.locator("#agency"))
    page.keyboard.type("Westbury")
    type_into(page, page.locator("#owner_role"), "Designated safeguarding lead")
    type_into(page, page.locator("#text"), "Brief every pastoral lead on safe sleep.")
    due = today + datetime.timedelta(days=90)
    _date(page, "due_on", due.day, due.month, due.year)
    follow(page, page.get_by_role("button", name="Add the action"))
    _h1(page, "Recommendation 1")
    check_accessibility(page)

    # Westbury Cross's lead uploads evidence and marks the action completed.
    lead.goto(base + "/reviews/tracker/")
    _h1(lead, "Recommendations tracker")
    check_accessibility(lead)
    follow(lead, lead.get_by_role("link", name=re.compile("^Brief every pastoral lead")))
    _h1(lead, "Action for Westbury Cross Academy Trust (demo)")
    check_accessibility(lead)
    tab_to(lead, lead.locator("input[type=file]"))
    with lead.expect_file_chooser() as chooser:
        lead.keyboard.press("Space")
    chooser.value.set_files(
        {"name": "briefing-attendance.pdf", "mimeType": "application/pdf", "buffer": _pdf()}
    )
    follow(lead, lead.get_by_role("button", name="Upload the file"))
    expect(lead.locator("#evidence ~ dl").first).to_contain_text("briefing-attendance.pdf")
    check_accessibility(lead)
    _radio(lead, "status", "Completed")
    follow(lead, lead.get_by_role("button", name="Save the update"))
    expect(lead.get_by_role("alert").first).to_be_visible()
    check_accessibility(lead)
    lead_context.close()

    # The panel checks the evidence and signs the action off.
    page.goto(base + "/reviews/tracker/")
    _h1(page, "Recommendations tracker")
    check_accessibility(page)
    follow(page, page.get_by_role("link", name=re.compile("^Brief every pastoral lead")))
    _h1(page, "Action for Westbury Cross Academy Trust (demo)")
    check_accessibility(page)
    _radio(page, "decision", "Accept the evidence and sign the action off")
    follow(page, page.get_by_role("button", name="Save the decision"))
    expect(page.get_by_role("alert").first).to_contain_text("signed off")
    check_accessibility(page)
    state = json.loads(
        in_site(live_site, STATE.replace("REFERENCE", reference).replace("RUN", run)).strip()
    )
    assert state == {
        "status": "completed",
        "returned": True,
        "action": "evidence_accepted",
        "signed_off": True,
        "evidence": 1,
        "uses": 0,
    }

    # The tracker's XLSX reads back with the action signed off.
    page.goto(base + "/reviews/tracker/")
    tab_to(page, page.get_by_role("link", name=re.compile("spreadsheet")))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    sheet = openpyxl.load_workbook(io.BytesIO(_read(download_info.value))).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    ours = [row for row in rows if reference in [str(cell) for cell in row]]
    assert len(ours) == 1, rows[:3]
    assert "Westbury Cross Academy Trust (demo)" in ours[0]
    assert "Evidence accepted" in ours[0]
    context.close()

    # Published, the review and its briefing are in the public learning library.
    assert in_site(live_site, PUBLISH.replace("REFERENCE", reference).replace("RUN", run))
    visitor_context = browser.new_context(bypass_csp=True)
    visitor = visitor_context.new_page()
    visitor.goto(base + "/learning/")
    _h1(visitor, "Learning from reviews")
    check_accessibility(visitor)
    follow(visitor, visitor.get_by_role("link", name=f"Journey review {run} (demo)"))
    _h1(visitor, f"Journey review {run} (demo)")
    check_accessibility(visitor)
    follow(visitor, visitor.get_by_role("link", name=f"7-minute briefing: journey {run}"))
    _h1(visitor, f"7-minute briefing: journey {run}")
    expect(visitor.locator("main")).to_contain_text("Questions for your team")
    check_accessibility(visitor)
    visitor_context.close()

    # A practitioner at Westbury Cross records that their team used the briefing.
    practitioner_context, practitioner = _as(browser, live_site, journey["practitioner"])
    practitioner.goto(base + f"/learning/briefings/journey-briefing-{run}/")
    check_accessibility(practitioner)
    _radio(practitioner, "team_size", "6 to 10 people")
    _date(practitioner, "discussed_on", today.day, today.month, today.year)
    type_into(practitioner, practitioner.locator("[name=change]"), "We ask at every visit.")
    follow(practitioner, practitioner.get_by_role("button", name="Record that we used it"))
    expect(practitioner.get_by_role("alert").first).to_be_visible()
    check_accessibility(practitioner)
    practitioner_context.close()
    state = json.loads(
        in_site(live_site, STATE.replace("REFERENCE", reference).replace("RUN", run)).strip()
    )
    assert state["uses"] == 1


def _pdf():
    from hub.core.pdf import html_to_pdf

    return html_to_pdf(
        '<!DOCTYPE html><html lang="en-GB"><title>Attendance</title>'
        "<p>Pastoral leads briefed on safe sleep (journey evidence).</p></html>"
    )


def _read(download):
    with open(download.path(), "rb") as handle:
        return handle.read()
