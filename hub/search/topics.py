"""Search topics an editor may pick for a report (hub/core/domains.py TopicSource): only
what the search insight report already shows.

A topic is a query with its own row in the monthly figures (hub/search/insight.py): typed
at least SHOWN_FROM times in a month. Only those months count, so a query typed a few times
in each of many months is never offered, however often it was typed in all, and the raw
log is never read. The months counted are those whose first day falls between `start` and
`end` (a reporting year of whole months, 1 April to 31 March, has exactly its own twelve).
"""

from django.db.models import Sum

from hub.core.domains import TopicSource
from hub.search.engine import normalise
from hub.search.insight import SHOWN_FROM
from hub.search.models import QueryMonth


def _named(partnership, start, end):
    return QueryMonth.objects.filter(
        partnership=partnership, month__range=(start, end), searches__gte=SHOWN_FROM
    ).exclude(query="")


def searched_topics(partnership, start, end):
    """[(query, searches)] named in the monthly figures of the months in the range, the
    most searched first."""
    rows = (
        _named(partnership, start, end)
        .values("query")
        .annotate(searches=Sum("searches"))
        .order_by("-searches", "query")
    )
    return [(row["query"], row["searches"]) for row in rows]


def topic_searches(partnership, start, end, topic):
    """How often `topic` was searched for in the months in the range where it was named:
    0 for a topic the insight report never showed for them."""
    text = normalise(topic or "")
    if not text:
        return 0
    total = _named(partnership, start, end).filter(query=text).aggregate(total=Sum("searches"))
    return total["total"] or 0


TOPIC_SOURCES = (
    TopicSource(
        key="search",
        label="What people searched for",
        topics=searched_topics,
        count=topic_searches,
    ),
)
