"""The anonymous page cache: whole responses kept in the shared cache (Redis in production)
for people who are not signed in, so the public site costs one cache read per page.

A response is kept only if all of these hold:
- the request is a GET or HEAD with no query string and no session cookie (signed-in people,
  and anyone with a session, always get a fresh page); answers of the open-data API
  (/api/v1/, hub/opendata) are kept with their query string, normalised into the key; they
  and the Atom feeds (/feeds/) are kept in the sections their declaration names
  (`ApiResource.sections`, `Feed.sections`): they are public whoever asks;
- the response is a 200 that sets no cookie, used no CSRF token (so pages with forms are never
  shared between visitors) and does not say private, no-cache or no-store.

Purging is by generation: every key includes a generation number, and a change that could
alter what a page shows moves the generation on, so every older entry is unreachable at once
and expires on its own. Content (pages, documents, procedures, settings, branding) and
training (places left, sessions) have separate generations, so a booking does not empty the
cache of the whole site. Entries also expire after PAGE_CACHE_SECONDS, which bounds how long
anything that changes without an event (a scheduled release going live) can show stale.

The cache is the "volatile" alias: while Redis is unreachable every page is a miss, and before
anything is answered from Redis again every generation moves on (`cache_recovered`), since a
publish during the outage could not move it.
"""

import hashlib
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import cc_delim_re

from hub.core.domains import derived, every

CONTENT = "content"
TRAINING = "training"
_GENERATION_KEY = "pagecache:generation:{}"
_UNCACHEABLE_CONTROL = {"private", "no-cache", "no-store"}
API_PATH = "/api/v1/"
FEEDS_PATH = "/feeds/"


def _cache():
    return caches["volatile"]


def _seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _declared_sections():
    """{address prefix: sections} for what domains publish at fixed addresses (the API's
    resources, the Atom feeds), each kept under the sections it declares; worked out once
    per change of the registry."""

    def compute():
        found = {f"{API_PATH}{resource.prefix}/": resource.sections for resource in every("api")}
        found.update({f"{FEEDS_PATH}{feed.key}/": feed.sections for feed in every("feeds")})
        return found

    return derived("page cache: declared sections", compute)


def _sections(path):
    if path.startswith((API_PATH, FEEDS_PATH)):
        for prefix, sections in _declared_sections().items():
            if path.startswith(prefix):
                return tuple(sections)
        return (CONTENT,)
    return (CONTENT, TRAINING) if path.startswith("/training/") else (CONTENT,)


def _query(request):
    """The API's query string in one order, so the same question finds the same answer."""
    if not request.path.startswith(API_PATH):
        return ""
    pairs = sorted((name, value) for name in request.GET for value in request.GET.getlist(name))
    return urlencode(pairs)


def purge(*sections):
    """Make every cached page of these sections (all of them by default) unreachable."""
    cache = _cache()
    for section in sections or (CONTENT, TRAINING):
        key = _GENERATION_KEY.format(section)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=None)


def purge_after_outage(**kwargs):
    purge()


def _state():
    """The cache's state (hub/ops/resilient_cache.py), or 0 for a cache that is never lost."""
    state = getattr(_cache(), "state", None)
    return state() if state is not None else 0


def _generations(sections):
    """The sections' generations, starting any never moved (or lost) at a number no earlier
    generation is likely to have had, so nothing kept under an old one passes for current."""
    keys = [_GENERATION_KEY.format(section) for section in sections]
    found = _cache().get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            _cache().add(key, secrets.randbits(48), timeout=None)
        found.update(_cache().get_many(missing))
    return [found.get(key) for key in keys]


def content_version():
    """The content generation with the cache's state, for what is kept elsewhere under it
    (hub/ops/fragments.py); None while the cache cannot vouch for it (Redis unreachable or
    recovering, or lost between the two reads)."""
    before = _state()
    if before is None:
        return None
    (generation,) = _generations((CONTENT,))
    if generation is None or _state() != before:
        return None
    return (before, generation)


def _key(request):
    stamp = ".".join(str(generation) for generation in _generations(_sections(request.path)))
    asked = f"{request.get_host()}|{request.path}|{_query(request)}"
    where = hashlib.sha256(asked.encode("utf-8", "surrogatepass")).hexdigest()
    return f"pagecache:page:{stamp}:{where}"


def _request_is_cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and (not request.META.get("QUERY_STRING") or request.path.startswith(API_PATH))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(("/admin/", "/accounts/", "/health/"))
    )


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not (control & _UNCACHEABLE_CONTROL)


class AnonymousPageCacheMiddleware:
    """Placed before the session middleware, so a hit never touches the session or the
    database; security headers are added by the middleware outside it on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = _seconds()
        if seconds <= 0 or not _request_is_cacheable(request):
            return self.get_response(request)
        # The key holds generations read from the cache: a page is trusted (or stored) only
        # if the same Redis answered both, never across an outage or a recovery, which moves
        # the generations on (a generation read while Redis was away is no generation).
        before = _state()
        key = _key(request)
        cached = _cache().get(key) if before is not None else None
        if cached is not None and _state() != before:
            cached = None
        if cached is not None:
            from django.http import HttpResponse

            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _response_is_cacheable(request, response) and before is not None and _state() == before:
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("vary", "x-page-cache")
            ]
            _cache().set(key, (response.status_code, headers, response.content), seconds)
            response["X-Page-Cache"] = "miss"
        return response
