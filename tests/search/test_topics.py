"""The search topics an editor may pick for a report (hub/search/topics.py): only queries the
search insight named in a month of the range (typed at least SHOWN_FROM times that month),
counted from the monthly figures only, never from the raw log. The months used (2019) hold
no demo figures."""

import datetime

import pytest

from hub.core.domains import every
from hub.search.insight import SHOWN_FROM
from hub.search.models import QueryLog, QueryMonth
from hub.search.topics import searched_topics, topic_searches

pytestmark = pytest.mark.django_db

START = datetime.date(2019, 4, 1)
END = datetime.date(2020, 3, 31)
APRIL, MAY = datetime.date(2019, 4, 1), datetime.date(2019, 5, 1)


def month(partnership, day, query, searches):
    QueryMonth.objects.create(partnership=partnership, month=day, query=query, searches=searches)


@pytest.fixture
def insight(westshire, northmoor):
    month(westshire, APRIL, "neglect", 7)
    month(westshire, MAY, "neglect", 6)
    month(westshire, MAY, "lado", SHOWN_FROM)
    # Every rarer query of a month is only in its "other" row; a stray row below the
    # threshold is never offered either.
    month(westshire, APRIL, "", 40)
    month(westshire, MAY, "rare thing", SHOWN_FROM - 1)
    # Outside the range, or another partnership's.
    month(westshire, datetime.date(2020, 4, 1), "neglect", 90)
    month(westshire, datetime.date(2019, 3, 1), "bruising", 12)
    month(northmoor, MAY, "private fostering", 50)
    # The raw log is never read, however often a query was typed.
    QueryLog.objects.bulk_create(
        QueryLog(partnership=westshire, query="child name", results=0, day=APRIL) for _ in range(30)
    )


def test_only_the_queries_the_insight_named_in_the_range_are_offered(insight, westshire):
    assert searched_topics(westshire, START, END) == [("neglect", 13), ("lado", SHOWN_FROM)]


def test_a_topic_is_counted_over_the_months_it_was_named(insight, westshire):
    assert topic_searches(westshire, START, END, "neglect") == 13
    assert topic_searches(westshire, START, END, "  Neglect ") == 13


def test_a_topic_the_insight_never_showed_counts_nothing(insight, westshire):
    for topic in ("rare thing", "child name", "private fostering", "bruising", "", None):
        assert topic_searches(westshire, START, END, topic) == 0, topic


def test_another_partnership_sees_only_its_own_topics(insight, northmoor):
    assert searched_topics(northmoor, START, END) == [("private fostering", 50)]


def test_the_search_domain_offers_its_topics_through_the_registry(insight, westshire):
    (source,) = [source for source in every("topic_sources") if source.key == "search"]
    assert source.label == "What people searched for"
    assert source.topics(westshire, START, END)[0] == ("neglect", 13)
    assert source.count(westshire, START, END, "lado") == SHOWN_FROM
