"""One front door for staff: every staff screen a role may use is reachable by following
links from the account page and the admin's menu, alone; the admin menu groups them in the
partnership's words, from each domain's declaration; no Hub screen's header reads "Home"."""

import re
from collections import deque
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RoutePattern

from hub.core.domains import STAFF_GROUPS

pytestmark = pytest.mark.django_db

# (role, agency) as the demo holds them.
ROLES = [
    ("partnership_admin", "council"),
    ("editor", "council"),
    ("training_coordinator", "council"),
    ("trainer", "council"),
    ("agency_lead", "westbury"),
    ("agency_training_coordinator", "westbury"),
    ("consortium_editor", "council"),
    ("section_11_reviewer", "council"),
]

# Where staff screens live; the walk follows links only within these.
STAFF_AREAS = ("/admin/", "/accounts/", "/people/", "/audit-log/", "/training/manage/")
STAFF_AREAS += ("/assurance/",)
STAFF_AREAS += ("/escalations/",)
STAFF_AREAS += ("/reviews/",)
NOT_FOLLOWED = re.compile(r"(\.(csv|xlsx|pdf|ics)$)|/logout/|/delete/|/admin/logout")


def _routes(patterns, prefix=""):
    """Every address without parameters, with the view that answers it."""
    for entry in patterns:
        if not isinstance(entry.pattern, RoutePattern) or entry.pattern.converters:
            continue
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            view = getattr(entry.callback, "view_class", entry.callback)
            yield "/" + route, view.__module__


def _hub_screens():
    """The Hub's own screens (and Wagtail's image library, which the Hub's menu lists)."""
    addresses = {route for route, module in _routes(get_resolver().url_patterns)}
    hub = {route for route, module in _routes(get_resolver().url_patterns) if "hub." in module}
    return sorted(hub | ({"/admin/images/"} & addresses))


def _samples():
    """Addresses with parameters that staff reach: a round's dashboard, a register."""
    from django.utils import timezone

    from hub.assurance.models import Round
    from hub.training.models import Session

    round_ = Round.objects.filter(partnership__slug="westshire").order_by("pk").first()
    session = (
        Session.objects.filter(
            course__partnership__slug="westshire",
            starts_at__gte=timezone.now(),
            status="scheduled",
        )
        .order_by("starts_at")
        .first()
    )
    return [
        f"/assurance/rounds/{round_.pk}/",
        f"/training/manage/sessions/{session.pk}/register/",
        f"/training/manage/sessions/{session.pk}/bookings/",
    ]


def _is_page(response):
    """A whole page (not a fragment a screen fetches to update its listing)."""
    return (
        response.status_code == 200
        and response["Content-Type"].startswith("text/html")
        and b"<html" in response.content[:500].lower()
    )


def _links(html):
    """Links of the page, and of the admin's menu (written as JSON for its script)."""
    menu = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    menu_urls = re.findall(r'"url": "([^"#]+)"', unescape(menu[1])) if menu else []
    for href in re.findall(r'href="([^"#]+)', html) + menu_urls:
        parts = urlsplit(unescape(href))
        if parts.netloc and parts.netloc not in ("testserver", "westshire.localhost"):
            continue
        path = parts.path
        if path.startswith(STAFF_AREAS) and not NOT_FOLLOWED.search(path):
            yield path


def _header(html):
    """What the screen's header reads: the last breadcrumb, or the title without any."""
    crumbs = re.search(r'aria-label="Breadcrumb">(.*?)</nav>', html, re.S)
    if crumbs:
        return [text.strip() for text in re.findall(r">([^<>]+)<", crumbs[1]) if text.strip()][-1]
    found = re.search(r'<h1[^>]*id="header-title"[^>]*>(.*?)</h1>', html, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", found.group(1)).strip() if found else None


def _hubs_own(address):
    """Whether the Hub's code answers the address (not Wagtail's own screens, where a page
    may well be titled "Home")."""
    try:
        view = resolve(address).func
    except Resolver404:
        return False
    return "hub." in getattr(view, "view_class", view).__module__


def _walk(client, starts, depth=2):
    """Every address reached from `starts` by following up to `depth` links (a menu or the
    account page, then a screen's own links), outside Wagtail's page tree; headers of the
    Hub's admin screens on the way.

    An address first met at the last step is reached without being opened: only one of each
    route of the Hub's admin screens is opened there, for its header (a listing's hundred
    edit links are one screen)."""
    seen, queue, headers = set(starts), deque((start, 0) for start in starts), {}
    headed_routes = set()
    while queue:
        address, steps = queue.popleft()
        is_hub_admin = address.startswith("/admin/") and address != "/admin/"
        is_hub_admin = is_hub_admin and _hubs_own(address)
        if steps == depth:
            route = resolve(address).route if is_hub_admin else None
            if route is None or route in headed_routes:
                continue
            headed_routes.add(route)
        response = client.get(address)
        if not _is_page(response):
            continue
        html = response.content.decode()
        if is_hub_admin:
            headers[address] = _header(html)
        if steps == depth:
            continue
        for link in _links(html):
            if link not in seen and not link.startswith("/admin/pages/"):
                seen.add(link)
                queue.append((link, steps + 1))
    return seen, headers


def test_every_staff_screen_of_each_role_is_reachable_by_links_alone(staff):
    practitioner = Client()
    practitioner.force_login(staff(None))
    candidates = _hub_screens() + _samples()
    public = {address for address in candidates if _is_page(practitioner.get(address))}
    for role, agency in ROLES:
        client = Client()
        client.force_login(staff(role, agency=agency))
        staff_screens = {
            address
            for address in candidates
            if address not in public and _is_page(client.get(address))
        }
        assert staff_screens, f"{role} has no staff screens at all"
        reached, headers = _walk(client, ["/accounts/", "/admin/"])
        unreachable = staff_screens - reached
        assert not unreachable, f"{role} can open {sorted(unreachable)} but no link leads there"
        # No Hub admin screen's header reads "Home" (Wagtail's default breadcrumbs).
        homes = [address for address, header in headers.items() if header in ("Home", None)]
        assert not homes, (role, homes)


def test_the_admin_menu_groups_screens_in_the_partnerships_words(staff):
    client = Client()
    client.force_login(staff("partnership_admin"))
    html = client.get("/admin/").content.decode()
    labels = [label for _key, label, _icon in STAFF_GROUPS]
    shown = [label for label in labels if f'"label": "{label}"' in _sidebar(html)]
    assert shown == labels
    for screen in ("Contact numbers and hours", "Useful links", "Library documents"):
        assert f'"label": "{screen}"' in _sidebar(html)
    # Wagtail's own top-level Images moved into Content.
    assert _sidebar(html).count('"label": "Images"') == 1


def _sidebar(html):
    return unescape(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1])


@pytest.mark.parametrize(
    ("role", "groups"),
    [
        ("editor", {"Content", "Protocols and guidance", "Procedures", "Reviews and learning"}),
        ("training_coordinator", {"Training team"}),
        ("review_panel", {"Reviews and learning"}),
        ("consortium_editor", {"Procedures", "Protocols and guidance"}),
    ],
)
def test_each_role_sees_only_the_groups_it_may_use(staff, role, groups):
    client = Client()
    client.force_login(staff(role))
    sidebar = _sidebar(client.get("/admin/").content.decode())
    shown = {label for _key, label, _icon in STAFF_GROUPS if f'"label": "{label}"' in sidebar}
    assert shown == groups


def test_a_domain_adds_a_screen_to_the_menu_by_declaring_it(staff, settings):
    """The example domain (tests/example_domain) declares a staff link under Content."""
    client = Client()
    client.force_login(staff("editor"))
    assert '"label": "Kudos to moderate"' not in _sidebar(client.get("/admin/").text)
    settings.EXAMPLE_DOMAIN_SHOWN = True
    assert '"label": "Kudos to moderate"' in _sidebar(client.get("/admin/").text)
    assert "Kudos to moderate" in client.get("/accounts/").text
