"""An escalation's journey in Chromium, with the keyboard alone and axe on every page: a
council practitioner raises an escalation with the police from the account page, the police's
safeguarding lead sees it in their list, the practitioner moves it to stage 2, it passes that
stage's target (its dates are set in the past: the live server's clock cannot be frozen), the
reminder job sends the leads' reminder once, and the practitioner closes it as resolved.

The people (and, if the demo has none, Westshire's protocol) are made in the live site's own
database through `manage.py shell`."""

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.conftest import signed_in_page as _as
from tests.browser.keyboard import follow, heading, in_site, tab_to, type_into

pytestmark = pytest.mark.browser

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from hub.core.models import Partnership
from hub.escalations.models import Protocol
from tests.conftest import demo_agency, make_person

westshire = Partnership.objects.get(slug="westshire")
protocol = Protocol.objects.filter(partnership=westshire).first()
if protocol is None:
    protocol = Protocol.objects.create(partnership=westshire, reference_prefix="WS-RPD")
    for order, (name, days) in enumerate([("Practitioners talk", 2), ("Managers meet", 5),
                                          ("Senior managers", 5), ("Panel", 10)]):
        protocol.stages.create(name=name, who="Journey", target_working_days=days,
                               sort_order=order)
    protocol.themes.create(name="Referral decision", sort_order=0)
    protocol.outcomes.create(name="Resolved at this stage", sort_order=0)
    protocol.save()
stages = list(protocol.stages.order_by("sort_order", "pk"))

def signed_in(email, agency, roles=()):
    user = make_person(email, partnership=westshire, agency=demo_agency(agency), roles=roles)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key

print(json.dumps({
    "practitioner": signed_in("esc-practitioner-RUN@council.example", "council"),
    "police_lead": signed_in("esc-lead-RUN@police.example", "police", ["agency_lead"]),
    "council_lead_email": "esc-council-lead-RUN@council.example",
    "council_lead": signed_in("esc-council-lead-RUN@council.example", "council", ["agency_lead"]),
    "admin": signed_in("esc-admin-RUN@westshire.example", "council", ["partnership_admin"]),
    "stage_2": stages[1].name,
    "stage_2_target": stages[1].target_working_days,
    "outcome": protocol.outcomes.order_by("sort_order", "pk").first().name,
}))
"""

REMIND = """
from django.utils import timezone
from hub.escalations.models import Escalation, StageReminder
from hub.escalations.services import send_stage_reminders
escalation = Escalation.objects.get(reference="REFERENCE")
send_stage_reminders(timezone.now())
send_stage_reminders(timezone.now())
print(StageReminder.objects.filter(escalation=escalation, stage=escalation.stage).count())
"""

RAISED_IN_QUARTER = """
import datetime
from hub.core.suppression import suppress
from hub.escalations.models import Escalation
raised = Escalation.objects.filter(
    partnership__slug="westshire", entry_type="escalation",
    raised_on__gte=datetime.date(2026, 1, 1), raised_on__lte=datetime.date(2026, 3, 31),
)
assert raised.filter(reference="REFERENCE").exists()
print(suppress(raised.count()))
"""

STATE = """
from hub.escalations.models import Escalation
e = Escalation.objects.get(reference="REFERENCE")
print(e.stage.name, "|", e.closed_on is not None, "|", e.steps.count())
"""


def _date(page, name, day, month, year):
    type_into(page, page.locator(f"#{name}-day"), str(day))
    type_into(page, page.locator(f"#{name}-month"), str(month))
    type_into(page, page.locator(f"#{name}-year"), str(year))


def _choose(page, select_id, text):
    """Pick an option of a select with the keyboard: focus it and type the option's start."""
    tab_to(page, page.locator(f"#{select_id}"))
    page.keyboard.type(text)


@pytest.fixture
def journey(live_site):
    output = in_site(live_site, SETUP.replace("RUN", uuid.uuid4().hex[:8]))
    return json.loads(output.strip().splitlines()[-1])


def test_an_escalation_is_raised_seen_moved_reminded_once_and_resolved(live_site, browser, journey):
    base = live_site["url"]
    context, page = _as(browser, live_site, journey["practitioner"])

    # Raise it from the account page.
    page.goto(base + "/accounts/")
    follow(page, page.get_by_role("link", name=re.compile("^Escalations")))
    heading(page, "Escalations")
    check_accessibility(page)
    follow(page, page.get_by_role("button", name="Raise an escalation"))
    heading(page, "Raise an escalation")
    check_accessibility(page)
    _choose(page, "receiving_agency", "Westmoor")
    _choose(page, "level", page.locator("#level option").nth(1).inner_text()[:6])
    _choose(page, "theme", page.locator("#theme option").nth(1).inner_text()[:6])
    type_into(page, page.locator("#summary"), "The referral was not accepted; we disagree.")
    # Raised six weeks ago, so that its stages can pass their targets.
    _date(page, "raised_on", 2, 2, 2026)
    follow(page, page.get_by_role("button", name="Raise the escalation"))
    expect(page.get_by_role("alert")).to_contain_text("Escalation raised")
    reference = page.get_by_role("heading", level=1).inner_text().split()[0]
    assert re.fullmatch(r"[A-Z-]+-2026-\d{4}", reference)
    check_accessibility(page)

    # The police's safeguarding lead sees it in their list.
    lead_context, lead_page = _as(browser, live_site, journey["police_lead"])
    lead_page.goto(base + "/escalations/")
    check_accessibility(lead_page)
    follow(lead_page, lead_page.get_by_role("link", name=reference))
    heading(lead_page, re.compile(reference))
    expect(lead_page.get_by_role("button", name="Record your agency's response")).to_be_visible()
    check_accessibility(lead_page)
    lead_context.close()

    # The practitioner moves it to stage 2, dated in the past.
    follow(page, page.get_by_role("button", name="Move to another stage"))
    heading(page, "Move to another stage")
    check_accessibility(page)
    tab_to(page, page.locator("#stage"))
    page.keyboard.press("Space")
    _date(page, "on", 4, 2, 2026)
    tab_to(page, page.locator("#role_level"))
    page.keyboard.press("ArrowDown")  # team or line managers
    type_into(page, page.locator("#note"), "Not resolved between the practitioners.")
    follow(page, page.get_by_role("button", name="Move it on"))
    expect(page.get_by_role("alert")).to_contain_text("done for " + reference)
    expect(page.get_by_role("main")).to_contain_text("past its target")
    check_accessibility(page)
    assert (
        in_site(live_site, STATE.replace("REFERENCE", reference)).split("|")[0].strip()
        == (journey["stage_2"])
    )

    # Past its target: the reminder job, run twice, reminds once.
    assert in_site(live_site, REMIND.replace("REFERENCE", reference)).strip() == "1"

    # Resolved: the practitioner closes it.
    follow(page, page.get_by_role("button", name="Close the escalation"))
    heading(page, "Close the escalation")
    check_accessibility(page)
    tab_to(page, page.locator("#outcome"))
    page.keyboard.press("Space")
    _date(page, "on", 6, 2, 2026)
    tab_to(page, page.locator("#role_level"))
    page.keyboard.press("ArrowDown")
    follow(page, page.get_by_role("button", name="Close it"))
    expect(page.get_by_role("alert")).to_contain_text("done for " + reference)
    expect(page.get_by_role("main")).to_contain_text(journey["outcome"])
    check_accessibility(page)
    state = [
        part.strip()
        for part in in_site(live_site, STATE.replace("REFERENCE", reference)).split("|")
    ]
    assert state[1:] == ["True", "3"]
    context.close()

    # The business unit's quarterly picture counts it, in January to March 2026.
    admin_context, admin_page = _as(browser, live_site, journey["admin"])
    admin_page.goto(base + "/escalations/quarterly/")
    heading(admin_page, "Escalations: quarterly picture")
    check_accessibility(admin_page)
    _choose(admin_page, "quarter", "Q4 2025")
    follow(admin_page, admin_page.get_by_role("button", name="Show the quarter"))
    expect(admin_page.get_by_role("heading", level=2, name=re.compile("^Q4 2025"))).to_be_visible()
    check_accessibility(admin_page)
    raised = in_site(live_site, RAISED_IN_QUARTER.replace("REFERENCE", reference)).strip()
    totals = admin_page.locator("table").first.locator("tr").last
    expect(totals).to_contain_text(raised)
    admin_context.close()
