"""Query budgets for the learning library's public pages: the library (as it is, filtered, and
a later page), a published review's page and a briefing's page, signed out and (for the
briefing, with its form) signed in. Each is counted with the test's own learning and again
with ten times the rows each page lists or reads (entries, themes, chapters, briefings, teams'
records): the same budget must hold, so no query is made per row.

Each budget is the number of queries counted when it was set; the comment next to it says
what they are. The shared layout (site, partnership, navigation, footer, contact routes) is
warm after the first request and costs nothing."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.procedures.models import Chapter
from hub.reviews.models import TeamUse
from tests.budgets import TEN_TIMES, within_budget
from tests.reviews.conftest import make_theme, signed_in
from tests.reviews.learning_data import days_ago, make_briefing, make_review, public_document

pytestmark = pytest.mark.django_db

LIBRARY = reverse("reviews:library")

# The years of the reviews and of the briefings (2) and the themes in use (1); the keys of
# the reviews and of the briefings (2); the page's reviews and their themes (2); the page's
# briefings and their themes (2).
LIBRARY_BUDGET = 9
# The review with its report; its themes; its chapters' ids; the procedures as they stood
# at the end of its period, and as they are now when one of its chapters was not in them
# then (one query each); its briefings.
REVIEW_BUDGET = 6
# The briefing with its review; its themes; the teams' count.
BRIEFING_BUDGET = 3
# Signed in: the session and the person (2), their roles (1), the agencies they may record
# for (1), their own records (1), on top of the page's own.
BRIEFING_SIGNED_IN_BUDGET = BRIEFING_BUDGET + 5


@pytest.fixture
def learning(westshire, neglect):
    review = make_review(westshire, themes=[neglect], report=public_document(westshire))
    review.practice_until = days_ago(250)
    review.save()
    chapters = list(Chapter.objects.for_partnership(westshire)[:2])
    review.chapters.set(chapters)
    briefing = make_briefing(westshire, review=review, themes=[neglect])
    return review, briefing


@pytest.fixture
def grown(westshire, learning, westbury, practitioner):
    """Ten times as much of everything the pages list or read."""
    review, briefing = learning
    themes = [make_theme(westshire, f"Grown theme {number} (test)") for number in range(TEN_TIMES)]
    review.themes.add(*themes)
    briefing.themes.add(*themes)
    review.chapters.set(Chapter.objects.for_partnership(westshire)[: 2 * TEN_TIMES])
    for number in range(TEN_TIMES * 3):
        make_review(
            westshire,
            title=f"Grown review {number:02d} (test)",
            themes=themes[:3],
            published_on=days_ago(300 + number),
        )
        make_briefing(
            westshire,
            title=f"Grown briefing {number:02d} (test)",
            review=review,
            themes=themes[:3],
            published_on=days_ago(50 + number),
        )
    today = timezone.localdate()
    TeamUse.objects.bulk_create(
        TeamUse(
            briefing=briefing,
            agency=westbury,
            team_size="6_10",
            discussed_on=today - datetime.timedelta(days=number % 90),
            recorded_by=practitioner,
        )
        for number in range(TEN_TIMES * 3)
    )
    return learning


def review_url(review):
    return reverse("reviews:published_review", args=[review.slug])


def briefing_url(briefing):
    return reverse("reviews:briefing", args=[briefing.slug])


def _check_library(assert_max_queries, neglect):
    client = Client()
    within_budget(assert_max_queries, client, LIBRARY, LIBRARY_BUDGET)
    year = timezone.localdate().year
    within_budget(
        assert_max_queries, client, f"{LIBRARY}?theme={neglect.slug}&year={year}", LIBRARY_BUDGET
    )
    return within_budget(assert_max_queries, client, f"{LIBRARY}?page=2", LIBRARY_BUDGET)


def test_the_library_keeps_to_its_budget(django_assert_max_num_queries, learning, neglect, request):
    _check_library(django_assert_max_num_queries, neglect)
    request.getfixturevalue("grown")
    html = _check_library(django_assert_max_num_queries, neglect)
    assert "Grown review" in html


def test_a_published_reviews_page_keeps_to_its_budget(
    django_assert_max_num_queries, learning, request
):
    review, _ = learning
    within_budget(django_assert_max_num_queries, Client(), review_url(review), REVIEW_BUDGET)
    request.getfixturevalue("grown")
    html = within_budget(django_assert_max_num_queries, Client(), review_url(review), REVIEW_BUDGET)
    assert "Grown briefing 29 (test)" in html


def test_a_briefings_page_keeps_to_its_budget_signed_out_and_signed_in(
    django_assert_max_num_queries, learning, practitioner, request
):
    _, briefing = learning
    url = briefing_url(briefing)
    within_budget(django_assert_max_num_queries, Client(), url, BRIEFING_BUDGET)
    within_budget(
        django_assert_max_num_queries, signed_in(practitioner), url, BRIEFING_SIGNED_IN_BUDGET
    )
    request.getfixturevalue("grown")
    within_budget(django_assert_max_num_queries, Client(), url, BRIEFING_BUDGET)
    html = within_budget(
        django_assert_max_num_queries, signed_in(practitioner), url, BRIEFING_SIGNED_IN_BUDGET
    )
    assert "30 teams from 1 agency" in html
