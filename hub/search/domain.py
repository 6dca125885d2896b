"""The search domain: one search across what every domain declares searchable, and the
business unit's query insight (hub/search/insight.py)."""

import datetime

from django.urls import reverse

from hub.core.domains import Domain, Job, Link, Retention, StaffLink
from hub.search.topics import TOPIC_SOURCES
from hub.search.viewsets import STAFF_LINKS


def _prune_queries(now):
    from hub.search.insight import prune_queries

    return prune_queries(now)


def _prune_months(now):
    from hub.search.insight import prune_months

    return prune_months(now)


def _insight_daily(now):
    from hub.search.insight import daily

    return daily(now)


def _demo(context):
    from hub.demo.search import load_search

    return load_search(context.partnerships)


def _may_see_insight(request):
    from hub.search.insight_views import may_see_insight

    return may_see_insight(request)


DOMAIN = Domain(
    label="hubsearch",
    name="Site search",
    navigation=(
        Link("Search", lambda request: reverse("search:search"), order=40, active_for="search:"),
    ),
    retention=(
        Retention(
            what="Search queries: the words typed (normalised, only if they hold no NHS "
            "number, postcode, email address or date of birth), result count, rank clicked "
            "and day; never who searched",
            how_long="30 days, once counted in the month's figures",
            models=("hubsearch.QueryLog",),
            prune=_prune_queries,
        ),
        Retention(
            what="Search monthly figures: each query typed at least 5 times that month, the "
            "rest counted together as other",
            how_long="3 years",
            models=("hubsearch.QueryMonth",),
            prune=_prune_months,
        ),
    ),
    jobs=(
        Job(
            "search_insight",
            _insight_daily,
            at=datetime.time(2, 15),
            description="counts last month's searches into monthly figures, then deletes "
            "queries older than 30 days and figures older than 3 years",
        ),
    ),
    staff_links=(
        *STAFF_LINKS,
        StaffLink(
            "content",
            "What people search for",
            lambda request: reverse("search_insight:report"),
            _may_see_insight,
            order=70,
            description="Top searches, searches that found nothing and searches whose results "
            "were never opened, month by month.",
        ),
    ),
    topic_sources=TOPIC_SOURCES,
    demo=_demo,
    demo_order=85,
)
