"""A team's record of using a 7-minute briefing reaches its agency's lead on the section 11
evidence page, through the registry (the reviews domain's `EvidenceSource`): offered, never
attached by itself, and attached only when the lead chooses it. Another agency's records are
never offered."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from hub.assurance import services
from hub.assurance.models import AttachedRecord
from hub.reviews.models import Briefing, TeamUse
from tests.assurance import conftest as section_11
from tests.reviews.conftest import signed_in

pytestmark = pytest.mark.django_db

# Section 11's own fixtures: its test framework, a joint round and the agencies' leads.
framework_version = section_11.framework_version
admin_westshire = section_11.admin_westshire
joint_round = section_11.joint_round
lead_westbury = section_11.lead_westbury
submission_of = section_11.submission_of


def briefing_of(partnership, slug="test-briefing", title="7-minute briefing: test (Zoë’s team)"):
    return Briefing.objects.create(
        partnership=partnership,
        title=title,
        slug=slug,
        summary="A test briefing.",
        background="Background.",
        why_it_matters="Why.",
        key_findings="Findings.",
        what_to_remember="Remember.",
        what_to_do="Do.",
        questions="Questions?",
        published=True,
        published_on=datetime.date(2026, 3, 1),
    )


def text_of(html):
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture
def uses(westshire, westbury, police):
    briefing = briefing_of(westshire)
    ours = TeamUse.objects.create(
        briefing=briefing,
        agency=westbury,
        team_size="6_10",
        discussed_on=datetime.date(2026, 4, 14),
        change="Attendance drops go to the DSL the same day.",
    )
    theirs = TeamUse.objects.create(
        briefing=briefing,
        agency=police,
        team_size="11_20",
        discussed_on=datetime.date(2026, 4, 15),
        change="Return interviews requested every time.",
    )
    return ours, theirs


def test_the_lead_sees_their_teams_record_and_chooses_to_attach_it(
    joint_round, westbury, lead_westbury, uses
):
    ours, _ = uses
    submission = submission_of(joint_round, westbury)
    services.submission_start(by=lead_westbury, submission=submission)
    standard = submission.round.framework_version.standards.first()
    url = reverse("assurance:standard", args=[submission.pk, standard.pk])
    client = signed_in(lead_westbury)

    page = text_of(client.get(url).content.decode())
    assert "Your teams' discussions of 7-minute briefings" in page
    assert "Attendance drops go to the DSL the same day." in page
    assert "Zoë’s team" in page  # the title exactly as written
    assert "Return interviews requested every time." not in page  # the police's own
    assert not AttachedRecord.objects.exists()  # nothing is attached by itself

    response = client.post(url, {"attach": f"briefing_use:team-use-{ours.pk}"})
    assert response.status_code == 302
    attached = AttachedRecord.objects.get()
    assert attached.source == "briefing_use"
    assert attached.on == datetime.date(2026, 4, 14)
    assert "discussed the 7-minute briefing" in attached.text
    assert "Attendance drops go to the DSL the same day." in attached.text


def test_another_agencys_team_record_cannot_be_attached_by_forging_its_key(
    joint_round, westbury, lead_westbury, uses
):
    _, theirs = uses
    submission = submission_of(joint_round, westbury)
    services.submission_start(by=lead_westbury, submission=submission)
    standard = submission.round.framework_version.standards.first()
    url = reverse("assurance:standard", args=[submission.pk, standard.pk])
    response = signed_in(lead_westbury).post(url, {"attach": f"briefing_use:team-use-{theirs.pk}"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not AttachedRecord.objects.exists()


def test_the_standard_page_costs_the_same_however_many_team_records_are_offered(
    joint_round, westbury, lead_westbury, uses, westshire, django_assert_max_num_queries
):
    from tests.budgets import within_budget

    submission = submission_of(joint_round, westbury)
    services.submission_start(by=lead_westbury, submission=submission)
    standard = submission.round.framework_version.standards.first()
    url = reverse("assurance:standard", args=[submission.pk, standard.pk])
    client = signed_in(lead_westbury)
    # 4 for the session, user, roles and second factor; 8 for the page: the submission (with
    # its round, version, framework and agency), its partnerships, the standard, the answer,
    # the standards (for "n of N"), records attached, the teams' records offered (one query
    # per partnership the self-assessment is shared with: here one) and evidence files.
    budget = 12
    within_budget(django_assert_max_num_queries, client, url, budget)
    for number in range(10):
        briefing = briefing_of(westshire, slug=f"budget-{number}", title=f"Budget {number}")
        TeamUse.objects.create(
            briefing=briefing,
            agency=westbury,
            team_size="1_5",
            discussed_on=datetime.date(2026, 5, 1 + number),
        )
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert "Budget 9" in html
