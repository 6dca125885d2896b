"""Loads the demo's search insight for Westshire: a month's figures (hub/search/insight.py,
QueryMonth) for each month of the last complete reporting year (hub/demo/years.py), as the
nightly roll-up would have left them once that year's raw log was gone. Only queries typed at
least SHOWN_FROM times in a month have a row of their own; the rest are counted in the
month's "other" row. The queries are the kind professionals type; none names anyone.

A partnership that has monthly figures for the first of those months is left as it is, so
loading twice changes nothing."""

import datetime

from django.utils import timezone

from hub.demo.years import last_complete_year
from hub.search.insight import SHOWN_FROM
from hub.search.models import QueryMonth

# query -> searches in each month of the year, April first; a month below SHOWN_FROM has no
# row of its own (counted in "other"), as the roll-up does.
QUERIES = {
    "neglect toolkit": [14, 11, 9, 12, 6, 15, 18, 13, 8, 16, 12, 10],
    "lado referral": [9, 7, 8, 6, 5, 10, 9, 7, 6, 8, 11, 9],
    "threshold document": [8, 6, 4, 7, 3, 9, 8, 6, 5, 7, 6, 5],
    "escalation policy": [5, 3, 6, 4, 2, 7, 5, 3, 6, 5, 4, 8],
    "private fostering": [2, 3, 5, 2, 4, 6, 3, 2, 5, 3, 2, 6],
    "child exploitation screening": [6, 7, 5, 4, 3, 8, 9, 6, 5, 7, 6, 7],
}
# Each month's rarer searches together, and how many of all found nothing or were clicked.
OTHER = [61, 48, 52, 44, 37, 66, 70, 58, 41, 63, 55, 50]


def load_search(partnerships, today=None):
    """Westshire's monthly figures for the last complete reporting year, unless it has some
    for its first month; returns how many rows were made."""
    partnership = partnerships.get("westshire")
    if partnership is None:
        return 0
    start, _end = last_complete_year(today or timezone.localdate())
    first = start.replace(day=1)
    if QueryMonth.objects.filter(partnership=partnership, month=first).exists():
        return 0
    rows = []
    for index in range(12):
        place = first.month - 1 + index
        month = datetime.date(first.year + place // 12, place % 12 + 1, 1)
        other = OTHER[index]
        for number, (query, counts) in enumerate(QUERIES.items()):
            searches = counts[index]
            if searches < SHOWN_FROM:
                other += searches
                continue
            rows.append(
                QueryMonth(
                    partnership=partnership,
                    month=month,
                    query=query,
                    searches=searches,
                    without_results=1 if (index + number) % 5 == 0 else 0,
                    clicked=searches - 1 - (index + number) % 3,
                )
            )
        rows.append(
            QueryMonth(
                partnership=partnership,
                month=month,
                query="",
                searches=other,
                without_results=other // 6,
                clicked=other // 2,
            )
        )
    QueryMonth.objects.bulk_create(rows)
    return len(rows)
