"""Site search over the partnership's live public pages (declared in hub/site/domain.py)."""

from django.utils.html import strip_tags
from wagtail.models import Page, Site

from hub.search.snippets import highlight


def site_search(request, query, limit):
    site = Site.find_for_request(request)
    pages = Page.objects.live().public().specific()
    if site:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    found = pages.search(query, operator="and").annotate_score("score")
    return [
        {
            "kind": "Page",
            "title": page.title,
            "url": page.get_url(request),
            "source": page,
            "score": page.score or 0,
        }
        for page in found[:limit]
    ]


def site_search_snippet(page, query):
    parts = [getattr(page, "summary", ""), page.search_description]
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(strip_tags(str(body)))
    return highlight(" ".join(part for part in parts if part), query)
