"""A report's figures worked out for a partnership and a reporting year, through the registry
(hub/core/domains.py `figures()` and `every("topic_sources")`): no domain is named here.

What each function returns is JSON-ready and holds only what a reader may see: a count of
people from 1 to 4 is already "fewer than 5" (hub/core/suppression.py), its number gone. So a
frozen snapshot (FigureSnapshot) can never show, or leak, what the page would hide, and the
page, its charts, its tables and its PDF all read the same stored texts.

A figure:

    {"key", "available", "name", "domain", "unit", "description", "counts_people",
     "value": the number a reader may see or None, "text": what a reader sees,
     "columns": [part names] for a stacked breakdown, else [],
     "rows": [{"label", "values": [number or None], "texts": [str]}],  # its breakdown
     "series": [{"label", "value", "text"}] | None,  # this and earlier years, oldest first
     "period": "start/end"}

A figure no longer offered by any domain (a domain removed, a figure renamed) resolves to
`available: False` and reads "no longer available"; nothing raises.
"""

import datetime
import logging

from hub.core import suppression
from hub.core.domains import every, figures

logger = logging.getLogger(__name__)

NO_LONGER_AVAILABLE = "no longer available"
NOT_KNOWN = "not known"
# A hidden count in a table: "not shown" for the small count and for the one hidden beside
# it alike (a different word for each would point to the small one), and never "fewer than
# 5" for a count that is not.
NOT_SHOWN = "not shown"
EARLIER_YEARS = 4


def period(start, end):
    return f"{start.isoformat()}/{end.isoformat()}"


def year_label(start, end):
    """A reporting year as readers name it: "2024 to 2025" (or "2024" for a calendar year)."""
    return str(start.year) if start.year == end.year else f"{start.year} to {end.year}"


def shift_years(day, years):
    """`day` moved by whole years; 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def earlier_years(start, end, count=EARLIER_YEARS):
    """This reporting year and up to `count` before it, oldest first, each as (start, end)."""
    years = []
    for back in range(count, -1, -1):
        try:
            years.append((shift_years(start, -back), shift_years(end, -back)))
        except (ValueError, OverflowError):
            continue  # before year 1: no such year
    return years


def _number(value, unit):
    """A computed value as stored: a whole count, or a rate to one decimal place."""
    if value is None:
        return None
    if unit == "%":
        return round(float(value), 1)
    if isinstance(value, float) and not value.is_integer():
        return round(value, 1)
    return int(value)


def _shown(value, unit, counts_people):
    """(number a reader may see or None, text a reader sees) for one value."""
    value = _number(value, unit)
    if value is None:
        return None, NOT_KNOWN
    if unit == "%":
        return value, f"{value:g}%"
    if counts_people and isinstance(value, int):
        figure = suppression.suppress(value)
        return figure.shown, str(figure)
    return value, f"{value:,}"


def _compute(figure, partnership, start, end):
    try:
        return figure.compute(partnership, start, end)
    except Exception:
        # A domain's failure shows as "not known" in one figure, never breaks a report.
        logger.exception("The figure %r could not be worked out.", figure.name)
        return None


def _rows(figure, partnership, start, end):
    """The breakdown as reader-safe rows, suppressed as one table when it counts people."""
    if figure.breakdown is None:
        return []
    try:
        found = list(figure.breakdown(partnership, start, end))
        labels = [str(label) for label, _ in found]
        if figure.columns:
            counts = [[_number(value, figure.unit) or 0 for value in values] for _, values in found]
        else:
            counts = [[_number(value, figure.unit) or 0] for _, value in found]
        if any(len(row) != max(len(figure.columns), 1) for row in counts):
            raise ValueError("A breakdown row needs one count for each column.")
    except Exception:
        logger.exception("The breakdown of %r could not be worked out.", figure.name)
        return []
    if figure.counts_people and figure.unit != "%" and counts:
        table = suppression.suppress_table(counts)
        cells = table.cells
    else:
        cells = [[suppression.Figure(value) for value in row] for row in counts]
    rows = []
    for label, row in zip(labels, cells, strict=True):
        if figure.unit == "%":
            texts = [f"{cell.value:g}%" for cell in row]
        else:
            texts = [NOT_SHOWN if cell.hidden else str(cell) for cell in row]
        rows.append({"label": label, "values": [cell.shown for cell in row], "texts": texts})
    return rows


def _series(figure, partnership, start, end):
    points = []
    for year_start, year_end in earlier_years(start, end):
        value, text = _shown(
            _compute(figure, partnership, year_start, year_end), figure.unit, figure.counts_people
        )
        points.append({"label": year_label(year_start, year_end), "value": value, "text": text})
    # Years before the partnership has anything to count are left out (this year stays).
    # A year "fewer than 5" had something in it, so it stays.
    while len(points) > 1 and (points[0]["value"] == 0 or points[0]["text"] == NOT_KNOWN):
        points.pop(0)
    return points


def unavailable(key, start, end):
    return {
        "key": key,
        "available": False,
        "name": key,
        "domain": "",
        "unit": "",
        "description": "",
        "counts_people": False,
        "value": None,
        "text": NO_LONGER_AVAILABLE,
        "columns": [],
        "rows": [],
        "series": None,
        "period": period(start, end),
    }


def resolve(key, partnership, start, end, *, with_series=False):
    """The figure `key` ("<domain label>.<figure slug>") for the partnership's year from
    `start` to `end`, as the module says; earlier years too when `with_series`."""
    found = figures().get(key)
    if found is None:
        return unavailable(key, start, end)
    domain, figure = found
    value, text = _shown(
        _compute(figure, partnership, start, end), figure.unit, figure.counts_people
    )
    return {
        "key": key,
        "available": True,
        "name": figure.name,
        "domain": domain.name,
        "unit": figure.unit,
        "description": figure.description,
        "counts_people": figure.counts_people,
        "value": value,
        "text": text,
        "columns": [str(column) for column in figure.columns],
        "rows": _rows(figure, partnership, start, end),
        "series": _series(figure, partnership, start, end) if with_series else None,
        "period": period(start, end),
    }


def add_series(resolved, partnership, start, end):
    """`resolved` with its earlier years worked out now, if it has none yet."""
    if resolved.get("series") is not None or not resolved.get("available"):
        return resolved
    found = figures().get(resolved["key"])
    if found is None:
        return resolved
    return {**resolved, "series": _series(found[1], partnership, start, end)}


# -- search topics ------------------------------------------------------------------------------


def topic_source(key):
    return next((source for source in every("topic_sources") if source.key == key), None)


def topic_count(source, partnership, start, end, topic):
    """One picked topic's count, as a reader sees it (small counts suppressed: searches are
    made by people)."""
    try:
        count = source.count(partnership, start, end, topic)
    except Exception:
        logger.exception("The topic %r of %r could not be counted.", topic, source.key)
        return {"value": None, "text": NOT_KNOWN}
    value, text = _shown(count, "", True)
    return {"value": value, "text": text}


def resolve_topics(source_key, topics, partnership, start, end, *, keep=None):
    """The picked `topics` of the topic source `source_key` with their counts; topics in
    `keep` (a resolved entry's "topics") keep the counts they have there."""
    source = topic_source(source_key)
    keep = keep or {}
    if source is None:
        return {
            "source": source_key,
            "label": source_key,
            "available": False,
            "topics": {
                topic: keep.get(topic, {"value": None, "text": NO_LONGER_AVAILABLE})
                for topic in topics
            },
            "period": period(start, end),
        }
    return {
        "source": source_key,
        "label": source.label,
        "available": True,
        "topics": {
            topic: keep[topic]
            if topic in keep
            else topic_count(source, partnership, start, end, topic)
            for topic in topics
        },
        "period": period(start, end),
    }


def available_topics(partnership, start, end):
    """What every topic source offers for the year, for the editor choosing topics:
    [(source, [(topic, count text)])]. Nothing here goes into a report by itself."""
    found = []
    for source in every("topic_sources"):
        try:
            topics = source.topics(partnership, start, end)
        except Exception:
            logger.exception("The topics of %r could not be listed.", source.key)
            topics = []
        found.append((source, [(topic, _shown(count, "", True)[1]) for topic, count in topics]))
    return found


def default_dates(today, month, day):
    """(start, end) of the reporting year starting on `month`/`day` that holds `today`."""
    start = datetime.date(today.year, month, min(day, 28))
    if start > today:
        start = shift_years(start, -1)
    return start, shift_years(start, 1) - datetime.timedelta(days=1)


def last_complete_dates(today, month, day):
    """(start, end) of the last reporting year starting on `month`/`day` to end by `today`."""
    start, _ = default_dates(today, month, day)
    return default_dates(start - datetime.timedelta(days=1), month, day)
