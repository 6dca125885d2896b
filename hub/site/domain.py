"""The site domain: each partnership's pages (hub/core/domains.py). Every Wagtail page
change purges the page cache whatever its type; useful links appear on pages too."""

from django.urls import reverse

from hub.core.domains import Domain, Searchable, StaffLink
from hub.core.staff_menu import admin_screen


def _search(request, query, limit):
    from hub.site.search import site_search

    return site_search(request, query, limit)


def _snippet(page, query):
    from hub.site.search import site_search_snippet

    return site_search_snippet(page, query)


DOMAIN = Domain(
    label="site",
    name="Partnership websites",
    cache_purge={"site.usefullink": ("content", "training")},
    search=(Searchable("pages", "Pages", _search, _snippet, order=10),),
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
)
