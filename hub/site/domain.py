"""The site domain: each partnership's pages (hub/core/domains.py). Every Wagtail page
change purges the page cache whatever its type; useful links appear on pages too."""

from django.urls import reverse

from hub.core.domains import Domain, Searchable, StaffLink
from hub.core.staff_menu import admin_screen
from hub.site.api import API
from hub.site.feeds import FEEDS


def _pages(ids):
    from hub.site.search import page_chunks

    return page_chunks(ids)


def _page_changed(page):
    from hub.site.search import pages_changed

    return pages_changed(page)


def _restriction_changed(restriction):
    from hub.site.search import restriction_changed

    return restriction_changed(restriction)


DOMAIN = Domain(
    label="site",
    name="Partnership websites",
    cache_purge={"site.usefullink": ("content", "training")},
    search=(
        Searchable(
            "pages",
            "Pages",
            _pages,
            changes={
                "wagtailcore.Page": _page_changed,
                "wagtailcore.PageViewRestriction": _restriction_changed,
            },
            order=10,
        ),
    ),
    staff_links=(
        StaffLink(
            "content",
            "Useful links",
            lambda request: reverse("useful_links:index"),
            admin_screen("site.UsefulLink"),
            order=20,
            description="Links to other organisations' websites, grouped by topic.",
        ),
    ),
    api=API,
    feeds=FEEDS,
)
