"""Small helpers that shape data for the public templates."""

import re

from django.utils import timezone
from wagtail.models import Site

from hub.core.domains import every
from hub.core.models import Partnership


def partnership_for(request):
    """The partnership whose site is answering this request, or None on a bare install."""
    if not hasattr(request, "_hub_partnership"):
        site = Site.find_for_request(request)
        request._hub_partnership = (
            Partnership.objects.select_related("logo", "consortium").filter(site=site).first()
            if site
            else None
        )
    return request._hub_partnership


def breadcrumbs_for(request, page):
    """GOV.UK breadcrumb items from the site's home page down to the page's parent."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return [{"text": ancestor.title, "href": ancestor.get_url(request)} for ancestor in ancestors]


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
    items = []
    if site:
        for child in site.root_page.get_children().live().public().in_menu():
            items.append(
                {
                    "href": child.get_url(request),
                    "text": child.title,
                    "active": bool(page and page.path.startswith(child.path)),
                }
            )
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


def file_size(size_bytes):
    """Sizes as GOV.UK attachments show them: 845 KB, 1.2 MB."""
    if size_bytes is None:
        return ""
    if size_bytes < 1024 * 1024:
        return f"{max(1, round(size_bytes / 1024))} KB"
    return f"{size_bytes / (1024 * 1024):.1f} MB"
