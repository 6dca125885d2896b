"""What every domain's part of the open-data API shares (each domain's `api.py` builds its
router from these): paging, the one "not found", dates a query may name, absolute addresses,
and the Last-Modified a list or item can vouch for.

The API is for anyone, signed in or not, and its answers are kept in the shared page cache:
so every router reads what a signed-out visitor of the request's site may see, and nothing
else, whoever asks.
"""

import datetime
import re

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from ninja import Field, Path, Schema
from ninja.errors import HttpError
from pydantic import create_model

from hub.core.presenters import partnership_for

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Past these, a number names nothing that can exist: answered 404 (an id) or 400 (a page)
# before the database is asked, which some cannot hold numbers this big.
LARGEST_ID = 2**31 - 1
LARGEST_PAGE = 1_000_000
# Dates outside these name no moment the Hub holds anything for (and would not survive
# conversion to UTC at the ends of the calendar).
EARLIEST_DAY = datetime.date(1900, 1, 1)
LATEST_DAY = datetime.date(9999, 1, 1)

SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,120}$"


class Paging(Schema):
    page: int = Field(1, ge=1, le=LARGEST_PAGE, description="Which page of the list, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"How many items a page holds, at most {MAX_PAGE_SIZE}.",
    )


class Problem(Schema):
    """What every refusal answers: a sentence saying what was wrong."""

    detail: str = Field(description="What was wrong with the request, in a sentence.")


def paged(item, name):
    """The schema of one page of a list of `item`s, named `name` in the OpenAPI document."""
    return create_model(
        name,
        __base__=Schema,
        count=(int, Field(description="How many items the whole list holds.")),
        page=(int, Field(description="This page's number, from 1.")),
        page_size=(int, Field(description="How many items a page holds.")),
        next=(str | None, Field(description="The address of the next page, if there is one.")),
        previous=(
            str | None,
            Field(description="The address of the previous page, if there is one."),
        ),
        results=(list[item], Field(description="This page's items, in a stable order.")),
    )


def responses(ok):
    """The answers an operation documents: `ok` with 200, and the refusals."""
    return {200: ok, 400: Problem, 404: Problem, 429: Problem}


def item_id(what):
    """An item's id in an address, as the OpenAPI document describes it."""
    return Path(..., description=f"The {what}'s id, as its list gives it.")


def not_found(what):
    """The one answer for an id that is missing, another partnership's or not public: the
    same words and status, so an answer never tells which."""
    return HttpError(404, f"There is no {what} with this id on this site.")


def bad_request(message):
    return HttpError(400, message)


def site_partnership(request):
    """The partnership whose site is answering; a 404 on a host that has none."""
    partnership = partnership_for(request)
    if partnership is None:
        raise HttpError(404, "This site has no open data.")
    return partnership


def visitor():
    """Whom every answer is for: a signed-out visitor, whoever asks (the answers are shared)."""
    return AnonymousUser()


def checked_day(day, name):
    """`day` (a date from the query) if it can name a moment; else a 400 saying so."""
    if day is not None and not EARLIEST_DAY <= day <= LATEST_DAY:
        raise bad_request(
            f"{name} must be a date between {EARLIEST_DAY.isoformat()} and "
            f"{LATEST_DAY.isoformat()}, written YYYY-MM-DD."
        )
    return day


def checked_id(value, what):
    if not 1 <= value <= LARGEST_ID:
        raise not_found(what)
    return value


def one(items, id, what):
    """The item of `items` (a queryset of what this site shows) with this id, or the one
    "not found" (an id too big to exist never reaches the database)."""
    found = items.filter(pk=checked_id(id, what)).first()
    if found is None:
        raise not_found(what)
    return found


def absolute(request, path):
    return request.build_absolute_uri(path)


def last_modified(request, moment):
    """Say when what this answer shows last changed, for Last-Modified (hub/opendata/api.py).
    Only for answers where every change, removals included, is dated, so that a client
    asking "changed since?" is never told "no" wrongly."""
    if moment is not None:
        request._open_data_last_modified = moment


def _page_address(request, number):
    query = QueryDict(mutable=True)
    query.update(request.GET)
    query["page"] = str(number)
    return absolute(request, f"{request.path}?{query.urlencode()}")


def paginate(request, items, paging, present):
    """One page of `items` (a queryset in a stable order, or a list) as the API answers it:
    counted and sliced by the database; `present(rows)` turns the page's rows into dicts
    (all at once, so it can fetch what they share in one query). A page past the last is a
    404 naming how many there are."""
    count = len(items) if isinstance(items, list) else items.count()
    last = max(1, -(-count // paging.page_size))
    if paging.page > last:
        raise HttpError(404, f"There is no page {paging.page}: the last page is {last}.")
    start = (paging.page - 1) * paging.page_size
    rows = list(items[start : start + paging.page_size])
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "next": _page_address(request, paging.page + 1) if paging.page < last else None,
        "previous": _page_address(request, paging.page - 1) if paging.page > 1 else None,
        "results": present(rows),
    }


_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute_links(request, html):
    """`html` (already cleaned or rendered by the domain, so safe) with its site-relative
    links made absolute, since it is read on other sites."""
    base = absolute(request, "/")
    return _RELATIVE.sub(lambda found: f"{found.group(1)}{base}", str(html or ""))
