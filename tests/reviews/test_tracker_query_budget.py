"""Query budgets for the recommendations tracker's pages: the tracker (the panel's and an agency
lead's), its spreadsheet, one action's page and a recommendation's page. Each is counted on a
small set of actions and again with ten times the rows it lists: the same budget must hold, so
no query is made per row.

Each budget is the number of queries counted when it was set; the comment next to it says
what they are. "4 for the session" is the session, the user, their roles and their second
factor; an audit entry costs 3 (its content type and user checked, then the row written)."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hub.core.models import Agency
from hub.reviews.models import (
    ActionEvidence,
    ActionStatus,
    AgencyAction,
    Recommendation,
    Review,
)
from tests.budgets import TEN_TIMES
from tests.reviews.conftest import make_action, make_review, make_theme, signed_in

pytestmark = pytest.mark.django_db


def within_budget(assert_max_queries, client, url, budget):
    """The page at `url` within `budget` queries (after a first request warms the session and
    the per-process caches)."""
    assert client.get(url).status_code == 200
    with assert_max_queries(budget):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response


def listed(response):
    return len(re.findall(r'href="/reviews/actions/\d+/"', response.content.decode()))


def grow_actions(partnership, westbury, times=TEN_TIMES):
    """`times` more reviews, each with a themed recommendation and actions for every one of
    the partnership's agencies, in every status, some past due."""
    agencies = list(Agency.objects.filter(partnerships=partnership))
    today = timezone.localdate()
    statuses = list(ActionStatus)
    for n in range(times):
        review = make_review(partnership)
        theme = make_theme(partnership, f"Budget theme {n}")
        recommendation = Recommendation.objects.create(
            review=review, number=1, text=f"Budget recommendation {n}.", theme=theme
        )
        AgencyAction.objects.bulk_create(
            AgencyAction(
                recommendation=recommendation,
                agency=agency,
                owner_role="Designated safeguarding lead",
                text=f"Budget action {n}-{index}.",
                due_on=today + datetime.timedelta(days=index - 2),
                status=statuses[index % len(statuses)],
                signed_off_on=today
                if statuses[index % len(statuses)] == "evidence_accepted"
                else None,
            )
            for index, agency in enumerate(agencies)
        )
    return AgencyAction.objects.filter(
        recommendation__review__partnership=partnership, agency=westbury
    ).count()


def grow_evidence(action, count):
    """Evidence rows for the page to list (the page reads no file)."""
    ActionEvidence.objects.bulk_create(
        ActionEvidence(
            action=action,
            file=f"reviews/evidence/budget-{n}.pdf",
            original_filename=f"budget-{n}.pdf",
            kind="pdf",
            size_bytes=1000 + n,
        )
        for n in range(count)
    )


@pytest.fixture
def review(westshire):
    # The demo's own reviews are put aside, so "ten times" counts from this one action.
    Review.objects.all().delete()
    return make_review(westshire)


@pytest.fixture
def action(review, westbury):
    return make_action(review, westbury)


# --- The tracker -------------------------------------------------------------------------------


def test_the_panels_tracker_costs_the_same_however_many_actions(
    action, westshire, westbury, panel, django_assert_max_num_queries
):
    client = signed_in(panel)
    url = reverse("reviews:tracker")
    # 4 for the session; 4 for the page: the reviews, agencies and themes its filters offer,
    # the actions (with their recommendation, review, theme, agency and evidence count);
    # 3 for the audit entry.
    budget = 11
    small = listed(within_budget(django_assert_max_num_queries, client, url, budget))
    grow_actions(westshire, westbury)
    large = listed(within_budget(django_assert_max_num_queries, client, url, budget))
    assert large >= small * TEN_TIMES


def test_an_agency_leads_tracker_costs_the_same_however_many_actions(
    action, westshire, westbury, westbury_lead, django_assert_max_num_queries
):
    client = signed_in(westbury_lead)
    url = reverse("reviews:tracker")
    # 4 for the session; 1 for the agencies they lead here; 4 for the page (as the panel's);
    # 3 for the audit entry.
    budget = 12
    small = listed(within_budget(django_assert_max_num_queries, client, url, budget))
    theirs = grow_actions(westshire, westbury)
    large = listed(within_budget(django_assert_max_num_queries, client, url, budget))
    assert large == theirs >= small * TEN_TIMES


def test_the_spreadsheet_costs_the_same_however_many_actions(
    action, westshire, westbury, panel, django_assert_max_num_queries
):
    client = signed_in(panel)
    url = reverse("reviews:tracker_xlsx")
    # As the panel's tracker: 4 for the session, 4 for the filters and the actions, 3 for
    # the audit entry.
    budget = 11
    within_budget(django_assert_max_num_queries, client, url, budget)
    grow_actions(westshire, westbury)
    response = within_budget(django_assert_max_num_queries, client, url, budget)
    rows = load_workbook(io.BytesIO(response.content))["Actions"].max_row - 1
    assert (
        rows == AgencyAction.objects.filter(recommendation__review__partnership=westshire).count()
    )


# --- One action, one recommendation ------------------------------------------------------------


@pytest.mark.parametrize("person", ["panel", "westbury_lead"])
def test_an_actions_page_costs_the_same_however_many_evidence_files(
    request, action, person, django_assert_max_num_queries
):
    client = signed_in(request.getfixturevalue(person))
    url = reverse("reviews:action", args=[action.pk])
    # 4 for the session; 1 for the action (with its recommendation, review, partnership,
    # theme, agency and who updated and signed it off); 3 for the audit entry; 1 for the
    # evidence files (with who uploaded them).
    budget = 9
    grow_evidence(action, 1)
    within_budget(django_assert_max_num_queries, client, url, budget)
    grow_evidence(action, TEN_TIMES - 1)
    html = within_budget(django_assert_max_num_queries, client, url, budget).content.decode()
    assert html.count(f"/reviews/actions/{action.pk}/evidence/") >= TEN_TIMES


def test_a_recommendations_page_costs_the_same_however_many_actions(
    action, review, westshire, panel, django_assert_max_num_queries
):
    client = signed_in(panel)
    recommendation = action.recommendation
    url = reverse("reviews:recommendation", args=[review.reference, recommendation.number])
    # 4 for the session; 2 for the review and the recommendation; 3 for the audit entry;
    # 1 for the actions (with their agencies); 1 for the themes the form offers.
    budget = 11
    within_budget(django_assert_max_num_queries, client, url, budget)
    agencies = list(Agency.objects.filter(partnerships=westshire))
    AgencyAction.objects.bulk_create(
        AgencyAction(
            recommendation=recommendation,
            agency=agencies[n % len(agencies)],
            owner_role="Lead",
            text=f"Budget action {n}.",
            due_on=timezone.localdate(),
        )
        for n in range(TEN_TIMES)
    )
    html = within_budget(django_assert_max_num_queries, client, url, budget).content.decode()
    assert html.count('href="/reviews/actions/') == TEN_TIMES + 1
