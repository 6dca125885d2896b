"""Shared fragments: what every public page shows that changes only when someone changes
content (the site for a host, its routes and view restrictions, navigation, footer links,
the "worried about a child" routes, the partnership and its branding, breadcrumbs), worked
out once per content change and kept in this process's memory.

Each fragment is filed under the content generation the page cache already keeps
(hub/ops/page_cache.py), which every change a domain declares in `cache_purge` moves on. A
request reads the generation once, from the shared cache (Redis in production); when it
differs from the one the fragments were made under, they are all dropped. So one Redis read
per request stands in for the dozen queries the fragments would cost.

A fragment is neither read nor filled when:
- the generation cannot be read (Redis down or recovering): what this process holds may
  predate a change made meanwhile, so everything is worked out afresh;
- the request is a preview: a draft's title must never reach a fragment others see;
- SHARED_FRAGMENTS is off (the default without a shared cache, where one process could not
  learn of another's change).

Fragments hold plain values (strings, dicts, lists of them) or model instances that are only
read; a caller never changes what it is given.
"""

import threading

from django.conf import settings

from hub.ops import page_cache

# A bound on what one generation may hold (breadcrumbs are one entry per page shown).
MOST = 20_000

_lock = threading.Lock()
_held = {"version": None, "values": {}}
_UNSET = object()


def version(request):
    """The content generation this request works under, read once per request; None when
    fragments must not be used for it."""
    if request is None:
        return None
    found = getattr(request, "_hub_fragments_version", _UNSET)
    if found is _UNSET:
        found = None
        if getattr(settings, "SHARED_FRAGMENTS", False) and not _is_preview(request):
            found = page_cache.content_version()
        request._hub_fragments_version = found
    return found


def _is_preview(request):
    return bool(getattr(request, "is_preview", False) or getattr(request, "is_dummy", False))


def shared(request, name, compute, *key):
    """The fragment `name` (for `key`), worked out by `compute()` at most once per content
    generation in this process."""
    current = version(request)
    if current is None:
        return compute()
    entry = (name, *key)
    with _lock:
        if _held["version"] != current:
            _held["version"], _held["values"] = current, {}
        value = _held["values"].get(entry, _UNSET)
    if value is not _UNSET:
        return value
    value = compute()
    with _lock:
        # Kept only if nothing moved the generation on while it was being worked out.
        if _held["version"] == current and len(_held["values"]) < MOST:
            _held["values"][entry] = value
    return value


def forget():
    """Drop every fragment this process holds, at once (a change saved in this process, before
    its commit moves the generation for everyone)."""
    with _lock:
        _held["version"], _held["values"] = None, {}


# -- the site, its routes and view restrictions ------------------------------------------------

# Requests that never show a public page: no generation read for them.
_NOT_PUBLIC = ("/admin/", "/health/", "/static/", "/media/")


class SharedFragmentsMiddleware:
    """Hands Wagtail the site for this host and the sites' root paths from the fragments, and
    for a page of the public site its route: the page itself, as it was when first asked for
    under this generation, instead of a query per level of the tree, the site, its root paths
    and its view restrictions. A page so shared is only ever read: its views and templates
    never change it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(_NOT_PUBLIC) and version(request) is not None:
            _hand_wagtail_the_site(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is _wagtail_serve() and version(request) is not None:
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            _route(request, path)


def _wagtail_serve():
    from wagtail.views import serve

    return serve


def _hand_wagtail_the_site(request):
    from django.http.request import split_domain_port
    from wagtail.models import Site

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    # A host no site names gets the default site, whatever its port: one entry for all of
    # them, so made-up Host headers cannot fill the fragments up.
    known = shared(
        request, "hostnames", lambda: set(Site.objects.values_list("hostname", flat=True))
    )
    where = (hostname, port) if hostname in known else ("any other host",)
    request._wagtail_site = shared(request, "site", lambda: Site._find_for_request(request), *where)
    request._wagtail_cached_site_root_paths = shared(
        request, "root paths", Site.get_site_root_paths
    )


def _route(request, path):
    """Wagtail's route for a page of this site that routes the plain way (no routable
    sub-pages), found in the site's table of live pages; anything else is left to Wagtail."""
    from django.conf import settings as django_settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.url_routing import RouteResult

    site = getattr(request, "_wagtail_site", None)
    if site is None or getattr(django_settings, "WAGTAIL_I18N_ENABLED", False):
        return
    components = [component for component in path.split("/") if component]
    where = "/" + "".join(f"{component}/" for component in components)
    found = shared(request, "routes", lambda: _routes(site), site.pk).get(where)
    if found is None:
        return
    page_id, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return
    page = shared(request, "page", lambda: _page(request, site, model, page_id), site.pk, page_id)
    if page is None:
        return
    request._wagtail_route_for_request = RouteResult(page)


def _page(request, site, model, page_id):
    """The live page, with the view restrictions that apply to it (unless it or a page above
    it is an alias, whose restrictions Wagtail reads from the page it copies)."""
    page = model.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return None
    restrictions = shared(request, "restrictions", lambda: _restrictions(site), site.pk)
    if not any(page.path.startswith(alias) for alias in restrictions["aliases"]):
        page._hub_view_restrictions = [
            restriction
            for restricted, restriction in restrictions["held"]
            if page.path.startswith(restricted)
        ]
    return page


def _routes(site):
    """{path on the site: (page id, content type id)} for every live page of the site that
    Wagtail would route the plain way: not a page whose type routes itself (a routable page's
    sub-pages), nor anything below one."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    root = site.root_page
    cut = len(root.url_path) - 1
    rows = Page.objects.descendant_of(root, inclusive=True).order_by("path")
    routes, own_routing = {}, []
    for path, url_path, pk, content_type_id, live in rows.values_list(
        "path", "url_path", "pk", "content_type_id", "live"
    ):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model.route is not Page.route:
            own_routing.append(path)
        if live and not any(path.startswith(other) for other in own_routing):
            routes[url_path[cut:]] = (pk, content_type_id)
    return routes


def _restrictions(site):
    """The site's view restrictions by the path of the page each is set on, and the paths of
    its alias pages (whose restrictions Wagtail reads from the page they copy)."""
    from wagtail.models import Page, PageViewRestriction

    root_path = site.root_page.path
    held = PageViewRestriction.objects.filter(page__path__startswith=root_path)
    aliases = Page.objects.filter(path__startswith=root_path, alias_of__isnull=False)
    return {
        "held": [
            (restriction.page.path, restriction)
            for restriction in held.select_related("page").prefetch_related("groups")
        ],
        "aliases": list(aliases.values_list("path", flat=True)),
    }


def public(request, pages):
    """`pages.public()` for pages of the request's site, its view restrictions read from the
    fragments rather than asked for again."""
    from django.db.models import Q

    site = getattr(request, "_wagtail_site", None)
    if site is None or version(request) is None:
        return pages.public()
    held = shared(request, "restrictions", lambda: _restrictions(site), site.pk)["held"]
    private = Q()
    for path, _restriction in held:
        private |= Q(path__startswith=path)
    return pages.exclude(private) if held else pages
