"""Reads for site search: live, public pages of the partnership site being visited."""

from wagtail.models import Page, Site


def search_pages(request, query):
    site = Site.find_for_request(request)
    pages = Page.objects.live().public().specific()
    if site:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages.search(query, operator="and")
