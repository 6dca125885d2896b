"""Query budgets for the review case record pages the panel opens most: the list of case
records, one case record (key dates, timeline, requests, recommendations), and an agency lead's
list of requests and one request. Each is counted with a few rows and again with ten times as
many: the same budget must hold, so no query is made per row.

Each budget is the number of queries counted when it was set; the comment next to it says
what they are (the signed-in session, user and roles; the page's own reads; the audit entry of
a view)."""

import datetime

import pytest

from hub.reviews.models import InformationRequest, Recommendation, ReviewStep, TimelineStep
from tests.budgets import TEN_TIMES, signed_in, within_budget
from tests.reviews.conftest import make_action, make_review, make_theme

pytestmark = pytest.mark.django_db

# Session, user, roles, second factor; the reviews with their overdue flags; their themes.
LIST_BUDGET = 6
# Session, user, roles, second factor; the review; its steps, requests, recommendations and
# themes; whether an agency is left to ask; the audit entry of the view (its content type,
# its user, the entry).
CASE_BUDGET = 13
# Session, user, roles, second factor; the requests; whether the agency has actions.
AGENCY_BUDGET = 6
# Session, user, roles, second factor; the request; the audit entry of the view.
REQUEST_BUDGET = 8


def grow(westshire, agencies, panel, college, times):
    """`times` reviews, each with a timeline, requests to every agency, recommendations with
    actions, and themes."""
    themes = [make_theme(westshire, f"Theme {number} (budget)") for number in range(times)]
    reviews = []
    for number in range(times):
        review = make_review(westshire, age_band="1_4")
        review.themes.set(themes[: number + 1])
        for day in range(1, times + 1):
            ReviewStep.objects.create(
                review=review,
                name=f"Step {day} (budget)",
                day=day,
                first_day=day if day % 2 else None,
                starts_on=datetime.date(2026, 3, 4) + datetime.timedelta(days=day),
                due_on=datetime.date(2026, 3, 5) + datetime.timedelta(days=day),
                done_on=datetime.date(2026, 3, 5) if day % 3 == 0 else None,
                done_by=panel if day % 3 == 0 else None,
            )
        for agency in agencies:
            InformationRequest.objects.create(
                review=review,
                agency=agency,
                asked_on=datetime.date(2026, 3, 5),
                due_on=datetime.date(2026, 3, 18),
                asked_by=panel,
                returned_on=datetime.date(2026, 3, 17) if agency == college else None,
                returned_by=panel if agency == college else None,
                summary="Involved briefly (budget)." if agency == college else "",
            )
        for recommendation in range(1, times + 1):
            make_action(review, college, number=recommendation)
            Recommendation.objects.filter(review=review, number=recommendation).update(
                theme=themes[0]
            )
        reviews.append(review)
    return reviews


@pytest.mark.parametrize("times", [1, TEN_TIMES])
def test_the_case_pages_stay_within_their_query_budgets(
    times, westshire, panel, college, college_lead, django_assert_max_num_queries
):
    agencies = list(westshire.agencies.order_by("name"))
    reviews = grow(westshire, agencies, panel, college, times)
    client = signed_in(panel)
    within_budget(django_assert_max_num_queries, client, "/reviews/", LIST_BUDGET)
    within_budget(
        django_assert_max_num_queries,
        client,
        "/reviews/?kind=rapid&status=open&overdue=on",
        LIST_BUDGET,
    )
    within_budget(
        django_assert_max_num_queries, client, f"/reviews/{reviews[-1].reference}/", CASE_BUDGET
    )
    lead = signed_in(college_lead)
    within_budget(django_assert_max_num_queries, lead, "/reviews/agency/", AGENCY_BUDGET)
    request = InformationRequest.objects.filter(agency=college).order_by("pk").last()
    within_budget(
        django_assert_max_num_queries,
        lead,
        f"/reviews/agency/requests/{request.pk}/",
        REQUEST_BUDGET,
    )


def test_the_open_form_stays_within_its_budget(westshire, panel, django_assert_max_num_queries):
    TimelineStep.objects.filter(partnership=westshire).delete()
    for number in range(TEN_TIMES):
        make_theme(westshire, f"Theme {number} (budget)")
    # Session, user, roles, second factor; the themes.
    within_budget(django_assert_max_num_queries, signed_in(panel), "/reviews/new/", 5)
