"""What every answer of the open-data API (/api/v1/) gets, cache hit or not: this middleware
sits outside the anonymous page cache (hub/ops/page_cache.py), so a kept answer is counted,
checked and labelled exactly as a fresh one.

- **Rate limit** per client address (OPEN_DATA_RATE, django-ratelimit in the "default"
  cache): over it, a 429 with Retry-After. While the cache cannot count, requests go through
  and a warning is logged (at most once a minute): open data is not worth refusing for.
- **Only documented query parameters**, each once: anything else is a 400 naming those the
  address accepts (read from the generated OpenAPI document, so a new filter needs nothing
  here).
- **Read only**: GET and HEAD; OPTIONS answers a CORS preflight; any other method is a 405.
- **JSON refusals**: a 4xx from anywhere below (an unknown address, say) becomes
  `{"detail": "..."}`.
- **ETag** (a hash of the body) on every 200, and 304 for If-None-Match or, where the
  answer has a Last-Modified, If-Modified-Since.
- **CORS**: `Access-Control-Allow-Origin: *` on every answer, never credentials.
"""

import hashlib
import logging
import re
import time

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from django_ratelimit.core import get_usage

from hub.core.audit import client_key
from hub.core.domains import derived
from hub.opendata.api import PATH, openapi_document

logger = logging.getLogger("hub.opendata")

RATE_GROUP = "hub.opendata.api"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CACHE_CONTROL = "public, max-age=60"
WARN_EVERY_SECONDS = 60
_warned_at = [float("-inf")]

REFUSALS = {
    400: "The request was not understood.",
    404: "There is nothing at this address. The reference page lists every address: /open-data/.",
    405: "The open-data API is read only: use GET.",
    429: "Too many requests from this address. Wait, then try again.",
}


def _rate(group, request):
    return settings.OPEN_DATA_RATE


def _problem(status, detail, **headers):
    response = JsonResponse({"detail": detail}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _cache_unreachable(error):
    now = time.monotonic()
    if now - _warned_at[0] >= WARN_EVERY_SECONDS:
        _warned_at[0] = now
        logger.warning(
            "Open-data API: the rate limit could not be counted (%s); letting requests through.",
            type(error).__name__ if error else "the cache did not answer",
        )


def _over_the_limit(request):
    """The 429 for a client over OPEN_DATA_RATE, or None; None also when the cache cannot
    count (logged)."""
    try:
        usage = get_usage(request, group=RATE_GROUP, key=client_key, rate=_rate, increment=True)
    except Exception as error:  # noqa: BLE001 - an unreachable cache must not stop readers
        _cache_unreachable(error)
        return None
    if usage is None:
        return None
    if usage["time_left"] < 0:  # django-ratelimit's answer when it could not count
        _cache_unreachable(None)
        return None
    if not usage["should_limit"]:
        return None
    wait = max(1, usage["time_left"])
    return _problem(
        429,
        f"Too many requests from this address (the limit is {settings.OPEN_DATA_RATE}, "
        f"s: a second, m: a minute). Try again in {wait} seconds.",
        Retry_After=str(wait),
    )


def _routes():
    """[(compiled path, allowed query parameter names)] from the OpenAPI document."""

    def compute():
        routes = []
        for template, operations in openapi_document()["paths"].items():
            pattern = re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
            pattern = re.sub(r"{[^/}]+}", "[^/]+", pattern)
            names = {
                parameter["name"]
                for operation in operations.values()
                for parameter in operation.get("parameters", ())
                if parameter.get("in") == "query"
            }
            routes.append((re.compile(f"^{pattern}$"), names))
        return routes

    return derived("opendata:routes", compute)


def _unknown_query(request):
    """A 400 for a query parameter the address does not document, or one given twice."""
    if not request.GET:
        return None
    allowed = next((names for pattern, names in _routes() if pattern.match(request.path)), None)
    if allowed is None:
        return None  # an unknown address: the 404 says so
    unknown = sorted(name for name in request.GET if name not in allowed)
    accepted = ", ".join(sorted(allowed)) or "no query parameters"
    if unknown:
        names = ", ".join(name[:40] for name in unknown[:5])
        return _problem(400, f"Unknown query parameter: {names}. This address accepts: {accepted}.")
    repeated = sorted(name for name in request.GET if len(request.GET.getlist(name)) > 1)
    if repeated:
        return _problem(400, f"Give each query parameter once: {', '.join(repeated)}.")
    return None


def _as_json(response):
    """A 4xx that is not JSON yet (Django's own pages) as the API's refusals are."""
    if 400 <= response.status_code < 500 and not response.get("Content-Type", "").startswith(
        "application/json"
    ):
        replaced = _problem(
            response.status_code,
            REFUSALS.get(response.status_code, "The request could not be answered."),
        )
        for name in ("Retry-After", "Allow"):
            if name in response:
                replaced[name] = response[name]
        return replaced
    return response


def _conditional(request, response):
    """Add the ETag (and Cache-Control) to a 200 and answer 304 when the client has it."""
    if response.status_code != 200 or response.streaming:
        return response
    response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response.setdefault("Cache-Control", CACHE_CONTROL)
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=modified, response=response
    )


def _preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    return response


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


class OpenDataMiddleware:
    """Placed before the anonymous page cache (settings.MIDDLEWARE), so it wraps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PATH):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return _cors(_preflight())
        if request.method not in ("GET", "HEAD"):
            return _cors(_problem(405, REFUSALS[405], Allow=ALLOWED_METHODS))
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the operations are declared for GET; HEAD is its headers
        response = _over_the_limit(request) or _unknown_query(request)
        if response is None:
            response = _conditional(request, _as_json(self.get_response(request)))
        if head:
            request.method = "HEAD"
            response.content = b""
        return _cors(response)
