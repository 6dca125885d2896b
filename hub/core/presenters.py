"""Small helpers that shape data for the public templates."""

import re

from django.http import Http404
from django.utils import timezone
from jinja2 import pass_context
from markupsafe import Markup
from wagtail.models import Site

from hub.core.domains import every
from hub.core.models import FooterLinks, Partnership, WorriedAboutAChild
from hub.ops import fragments


def partnership_for(request):
    """The partnership whose site is answering this request, or None on a bare install."""
    if not hasattr(request, "_hub_partnership"):
        site = Site.find_for_request(request)
        request._hub_partnership = (
            fragments.shared(request, "partnership", lambda: _partnership(site), site.pk)
            if site
            else None
        )
    return request._hub_partnership


def partnership_or_404(request):
    """The partnership whose site is answering, for pages that exist only on one: a 404 on a
    bare install."""
    partnership = partnership_for(request)
    if partnership is None:
        raise Http404
    return partnership


def _partnership(site):
    return Partnership.objects.select_related("logo", "consortium").filter(site=site).first()


def partnership_logo(request):
    """The partnership's logo as the header shows it (an <img>, or "" without one)."""
    partnership = partnership_for(request)
    if partnership is None or partnership.logo_id is None:
        return ""

    def logo():
        rendition = partnership.logo.get_rendition("height-48")
        # Wagtail builds the tag with its attributes escaped, as a safe string.
        return rendition.img_tag({"class": "hub-header__logo", "alt": ""})

    return fragments.shared(request, "logo", logo, partnership.pk)


def safety_routes(request):
    """The site's "worried about a child" routes and exit page (its WorriedAboutAChild)."""
    site = Site.find_for_request(request)
    if site is None:
        return WorriedAboutAChild()
    return fragments.shared(request, "safety", lambda: WorriedAboutAChild.for_site(site), site.pk)


def footer_links(request):
    """The footer's links to the site's statement pages, as {"href", "text"}, in order."""
    site = Site.find_for_request(request)
    if site is None:
        return []

    def links():
        chosen = FooterLinks.for_site(site)
        pages = [chosen.accessibility_statement, chosen.privacy_notice, chosen.cookies]
        pages.append(chosen.contact)
        return [
            {"href": page.get_url(request), "text": page.title}
            for page in pages
            if page is not None and page.live
        ]

    return fragments.shared(request, "footer", links, site.pk)


_CHROME = ("skip", "header", "exit", "worried", "footer")


def site_chrome(request):
    """The parts of every public page around its content (layouts/_chrome.html), rendered
    once per content change and site: {"skip", "header", "exit", "worried", "footer"}."""

    def render():
        from django.template import engines

        template = engines["jinja2"].env.get_template("layouts/_chrome.html")
        parts = template.make_module({"request": request})
        return {name: Markup(getattr(parts, name)()) for name in _CHROME}  # noqa: S704 - macros escape

    site = Site.find_for_request(request)
    return fragments.shared(request, "chrome", render, site.pk if site else None)


def breadcrumbs_for(request, page):
    """GOV.UK breadcrumb items from the site's home page down to the page's parent."""

    def crumbs():
        ancestors = page.get_ancestors().filter(depth__gt=1)
        return [{"text": each.title, "href": each.get_url(request)} for each in ancestors]

    site = Site.find_for_request(request)
    return fragments.shared(request, "breadcrumbs", crumbs, site.pk if site else None, page.pk)


@pass_context
def page_body(context, page, field="body"):
    """A page's StreamField rendered as `{% include_block %}` would, once per content change
    and site: the body's links, documents and rich text cost nothing after the first reader.
    The blocks of a body must therefore show the same to everyone (no forms, nothing about the
    reader); a preview renders the draft afresh (hub/ops/fragments.py)."""
    request = context.get("request")
    value = getattr(page, field)

    def render():
        return Markup(value.render_as_block(context=context.get_all()))  # noqa: S704 - blocks escape

    site = Site.find_for_request(request) if request is not None else None
    return fragments.shared(request, "body", render, site.pk if site else None, page.pk, field)


def tel_href(number):
    """`tel:` link for a UK number as people write it ('01632 960 123' -> 'tel:01632960123')."""
    digits = re.sub(r"[^0-9+]", "", number or "")
    return f"tel:{digits}"


def govuk_datetime(value):
    """Times as GOV.UK writes them, in the partnership's time zone: 3 March 2026, 2:05pm."""
    if value is None:
        return ""
    value = timezone.localtime(value)
    hour = value.hour % 12 or 12
    return f"{govuk_date(value)}, {hour}:{value:%M}{'am' if value.hour < 12 else 'pm'}"


def govuk_date(value):
    """Dates as GOV.UK writes them: 3 March 2026."""
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return f"{value.day} {value:%B %Y}"


def main_navigation(request, page=None):
    """Service navigation items: the home page's menu children, then each domain's links
    (`navigation` in hub/core/domains.py) in their order."""
    site = Site.find_for_request(request)
    items = [
        {"href": href, "text": text, "active": bool(page and page.path.startswith(path))}
        for href, text, path in (
            fragments.shared(request, "menu", lambda: _menu(request, site), site.pk) if site else ()
        )
    ]
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    for link in every("navigation"):
        if link.shown(request):
            items.append(
                {
                    "href": link.url(request),
                    "text": link.text,
                    "active": bool(link.active_for) and view_name.startswith(link.active_for),
                }
            )
    return items


def _menu(request, site):
    children = site.root_page.get_children().live().public().in_menu()
    return [(child.get_url(request), child.title, child.path) for child in children]


def file_size(size_bytes):
    """Sizes as GOV.UK attachments show them: 845 KB, 1.2 MB."""
    if size_bytes is None:
        return ""
    if size_bytes < 1024 * 1024:
        return f"{max(1, round(size_bytes / 1024))} KB"
    return f"{size_bytes / (1024 * 1024):.1f} MB"
