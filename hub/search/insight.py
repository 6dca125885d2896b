"""Query insight for the business unit: what people search for, what finds nothing and what
is never clicked, without keeping what identifies a child or family.

Searches that find nothing are exactly where a child's or family's name ends up, so:

- a query is logged only if the identifier guard (hub/core/identifiers.py) passes it, as
  typed and as normalised, and only normalised (`engine.normalise`), with its result count,
  the rank clicked and the day: never a user, an IP address or a session;
- the raw log is deleted after `RAW_DAYS` days (`prune_queries`), once every completed month
  is folded into monthly figures (`roll_up`);
- monthly figures keep a query's own row only when it was typed at least `SHOWN_FROM` times
  that month; every rarer query is counted in the month's "other" row (a blank query), and
  they are deleted after `MONTHLY_MONTHS` months (`prune_months`);
- the report (`report`) never shows a query typed fewer than `SHOWN_FROM` times in a month,
  the month in progress included.

A click on a result goes through `/search/go/` with a signed token (`click_url`,
`read_click`), so the log's id and the address cannot be forged and the view needs no lookup.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from hub.core.identifiers import passes
from hub.search.engine import normalise
from hub.search.models import QueryLog, QueryMonth

SHOWN_FROM = 5  # a query is named in figures only if typed this many times in a month
RAW_DAYS = 30  # the raw log is kept this many days
MONTHLY_MONTHS = 36  # monthly figures are kept this many months (3 years)
TOP = 20  # how many queries each of the report's lists shows at most

CLICK_SALT = "hub.search.insight.click"
CLICK_MAX_AGE = datetime.timedelta(days=1)  # a results page left open longer asks again
HIGHEST_RANK = 32767  # the largest rank the log's column holds


# -- logging a search and a click ------------------------------------------------------------


def record(query, partnership, results, today=None) -> int | None:
    """Log one search on `partnership`'s site: the query normalised, how many results it
    found, and the day. Returns the log's id (for `click_url`), or None when nothing is
    logged: the query is empty once normalised, the identifier guard refuses it (as typed or
    as normalised, since normalising removes the punctuation of an email address or a date),
    or there is no partnership."""
    if partnership is None:
        return None
    text = normalise(query)
    if not text or not passes(query) or not passes(text):
        return None
    log = QueryLog.objects.create(
        partnership=partnership,
        query=text,
        results=max(0, int(results)),
        day=today or timezone.localdate(),
    )
    return log.pk


def record_click(log_id, rank) -> bool:
    """Record that the search `log_id`'s result at `rank` (from 1) was clicked. Only its
    first click counts: True if this one was recorded. A search of a month already rolled
    up (a results page left open over midnight at a month's end) adds its click to that
    month's figures too, so none is lost."""
    with transaction.atomic():
        updated = QueryLog.objects.filter(pk=log_id, clicked_rank__isnull=True).update(
            clicked_rank=rank
        )
        if not updated:
            return False
        log = QueryLog.objects.get(pk=log_id)
        figures = QueryMonth.objects.filter(
            partnership_id=log.partnership_id, month=_first_day(log.day)
        )
        row = figures.filter(query=log.query).first() or figures.filter(query="").first()
        if row is not None:
            QueryMonth.objects.filter(pk=row.pk).update(clicked=F("clicked") + 1)
    return True


def is_local(url) -> bool:
    """Whether `url` is a path on this site: one leading "/", no scheme, no host, no
    whitespace or control character a browser would drop to make it another site's."""
    return (
        isinstance(url, str)
        and url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and not any(character.isspace() or ord(character) < 32 for character in url)
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


def click_url(log_id, rank, url) -> str:
    """The address a search result links to: `/search/go/?t=<token>`, the token signed
    (own salt) and holding the log's id, the rank and the result's `url`, so the click is
    recorded without a lookup and none of them can be forged. With no log (the query was
    not logged) it is the result's own `url`. Raises ValueError for a `url` that is not a
    path on this site."""
    if not is_local(url):
        raise ValueError(f"Not a path on this site: {url!r}")
    if log_id is None:
        return url
    token = signing.dumps([int(log_id), int(rank), url], salt=CLICK_SALT, compress=True)
    return reverse("search:go") + "?" + urlencode({"t": token})


@dataclass(frozen=True)
class Click:
    log_id: int
    rank: int
    url: str


class ClickRefused(Exception):
    """A click token that is not ours, was changed, has expired or leads off the site."""

    def __init__(self, *, expired=False):
        super().__init__("expired" if expired else "not valid")
        self.expired = expired


def read_click(token) -> Click:
    """The click a token from `click_url` holds; ClickRefused if it is not one, was changed,
    is older than CLICK_MAX_AGE, or its address is not a path on this site."""
    try:
        value = signing.loads(token or "", salt=CLICK_SALT, max_age=CLICK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ClickRefused(expired=True) from error
    except (signing.BadSignature, ValueError) as error:
        raise ClickRefused from error
    if not (isinstance(value, list) and len(value) == 3):
        raise ClickRefused
    log_id, rank, url = value
    if not (
        isinstance(log_id, int)
        and isinstance(rank, int)
        and log_id > 0
        and 1 <= rank <= HIGHEST_RANK
        and is_local(url)
    ):
        raise ClickRefused
    return Click(log_id, rank, url)


# -- monthly figures and retention -----------------------------------------------------------


def _first_day(day):
    return day.replace(day=1)


def _months_before(month, count):
    """The first day of the month `count` months before `month` (a first day)."""
    index = month.year * 12 + month.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)


def _figures(logs):
    """{query: (searches, without results, clicked)} of a queryset of logs."""
    rows = logs.values("query").annotate(
        searches=Count("pk"),
        without_results=Count("pk", filter=Q(results=0)),
        clicked=Count("pk", filter=Q(clicked_rank__isnull=False)),
    )
    return {row["query"]: (row["searches"], row["without_results"], row["clicked"]) for row in rows}


def _split(figures):
    """Queries typed at least SHOWN_FROM times, each with its figures, and the rest summed
    as one (searches, without results, clicked)."""
    named, other = {}, [0, 0, 0]
    for query, values in figures.items():
        if values[0] >= SHOWN_FROM:
            named[query] = values
        else:
            other = [total + value for total, value in zip(other, values, strict=True)]
    return named, tuple(other)


def roll_up(now) -> int:
    """Fold every completed month's logged searches into monthly figures, for each
    partnership: a row for each query typed at least SHOWN_FROM times that month, and one
    "other" row (blank query) counting all the rest, written even when it counts nothing,
    as the mark that the month is done. A month once done is never counted again (its raw
    log is being deleted day by day), so running it twice changes nothing. Returns how many
    months were rolled up."""
    this_month = _first_day(timezone.localdate(now))
    pending = {
        (partnership_id, _first_day(day))
        for partnership_id, day in QueryLog.objects.filter(day__lt=this_month)
        .values_list("partnership_id", "day")
        .distinct()
    }
    done = 0
    for partnership_id, month in sorted(pending):
        try:
            with transaction.atomic():
                if _roll_up_month(partnership_id, month):
                    done += 1
        except IntegrityError:
            # Another run wrote this month at the same moment: it is done.
            continue
    return done


def _roll_up_month(partnership_id, month):
    logs = QueryLog.objects.filter(
        partnership_id=partnership_id, day__gte=month, day__lt=_months_before(month, -1)
    )
    # Hold the month's rows until the figures are written: a click recorded meanwhile waits,
    # then finds the figures and adds itself to them (record_click); a second run at the same
    # moment waits, then finds the month done.
    list(logs.select_for_update().values_list("pk", flat=True))
    if QueryMonth.objects.filter(partnership_id=partnership_id, month=month).exists():
        return False
    named, other = _split(_figures(logs))
    rows = [
        QueryMonth(
            partnership_id=partnership_id,
            month=month,
            query=query,
            searches=searches,
            without_results=without_results,
            clicked=clicked,
        )
        for query, (searches, without_results, clicked) in [*named.items(), ("", other)]
    ]
    QueryMonth.objects.bulk_create(rows)
    return True


def prune_queries(now) -> int:
    """Delete logged searches more than RAW_DAYS days old, after rolling up every completed
    month, so no search is deleted before it is counted (whoever calls it, in whatever
    order). Only completed months hold rows that old: the first day of the month in progress
    is never more than 30 days ago. Returns how many were deleted."""
    roll_up(now)
    cutoff = timezone.localdate(now) - datetime.timedelta(days=RAW_DAYS)
    return QueryLog.objects.filter(day__lt=cutoff).delete()[0]


def prune_months(now) -> int:
    """Delete monthly figures of months before the last MONTHLY_MONTHS (3 years); returns
    how many rows were deleted."""
    cutoff = _months_before(_first_day(timezone.localdate(now)), MONTHLY_MONTHS)
    return QueryMonth.objects.filter(month__lt=cutoff).delete()[0]


def prune(now) -> int:
    """Both retention rules: searches older than RAW_DAYS (rolled up first), monthly
    figures older than MONTHLY_MONTHS. Returns how many rows were deleted."""
    return prune_queries(now) + prune_months(now)


def daily(now):
    """The daily job: roll up, then prune."""
    months = roll_up(now)
    return {
        "months_rolled_up": months,
        "queries_deleted": prune_queries(now),
        "monthly_rows_deleted": prune_months(now),
    }


# -- the report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryFigures:
    query: str
    searches: int
    without_results: int
    clicked: int

    @property
    def with_results(self):
        return self.searches - self.without_results


@dataclass(frozen=True)
class MonthFigures:
    """One month of a partnership's searches, as the report shows it. `queries` holds only
    those typed at least SHOWN_FROM times that month, most searched first; `other` counts
    the searches of every rarer query."""

    month: datetime.date  # its first day
    in_progress: bool
    searches: int
    without_results: int
    clicked: int
    other: int
    queries: tuple[QueryFigures, ...]

    @property
    def top(self):
        return self.queries[:TOP]

    @property
    def no_results(self):
        """Queries that found nothing at least once, those most often without results
        first."""
        found = [query for query in self.queries if query.without_results]
        return sorted(found, key=lambda query: (-query.without_results, query.query))[:TOP]

    @property
    def never_clicked(self):
        """Queries that found something yet whose results were never clicked."""
        return [query for query in self.queries if query.with_results and not query.clicked][:TOP]


def _month_figures(month, in_progress, named, other):
    queries = tuple(
        sorted(
            (QueryFigures(query, *values) for query, values in named.items()),
            key=lambda query: (-query.searches, query.query),
        )
    )
    totals = [sum(values) for values in zip(*named.values(), other, strict=True)]
    return MonthFigures(month, in_progress, *totals, other=other[0], queries=queries)


def report(partnership, months=6, today=None) -> list[MonthFigures]:
    """What the admin report shows for `partnership`: the month in progress and the
    `months` before it, most recent first, each with its top queries, queries that found
    nothing and queries whose results were never clicked. A completed month comes from its
    monthly figures; a month not yet rolled up (the one in progress, or the last one before
    the night's job) from the raw log, by the same rule: no query typed fewer than SHOWN_FROM
    times in the month is ever named. Months with no search are left out."""
    this_month = _first_day(today or timezone.localdate())
    first = _months_before(this_month, months)
    stored = {}
    for row in QueryMonth.objects.filter(partnership=partnership, month__gte=first):
        stored.setdefault(row.month, {})[row.query] = (
            row.searches,
            row.without_results,
            row.clicked,
        )
    found = []
    for count in range(months + 1):
        month = _months_before(this_month, count)
        if month in stored:
            rows = stored[month]
            other = rows.pop("", (0, 0, 0))
            # A stored row is at least SHOWN_FROM already; checked again all the same.
            named, rarer = _split(rows)
            other = tuple(a + b for a, b in zip(other, rarer, strict=True))
        else:
            logs = QueryLog.objects.filter(
                partnership=partnership, day__gte=month, day__lt=_months_before(month, -1)
            )
            named, other = _split(_figures(logs))
        if named or other[0]:
            found.append(_month_figures(month, month == this_month, named, other))
    return found
