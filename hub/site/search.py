"""The partnership's pages in the search index (declared in hub/site/domain.py).

A live page is indexed for the partnership whose site it is under: public pages for everyone,
pages restricted to signed-in people for them; pages behind a password or a group are not
indexed. Its words are its summary, search description and every text field its type
searches (the body's blocks rendered), cut into chunks by heading. A page under an audience's
section page is for that audience.
"""

from django.utils.html import escape
from wagtail.models import Page, PageViewRestriction, Site

from hub.core.models import Partnership
from hub.search.chunking import chunk_html
from hub.search.models import SearchChunk, Visibility

SKIPPED_FIELDS = {"title", "summary", "search_description"}


def page_chunks(ids):
    pages = Page.objects.live().filter(depth__gt=1).specific(defer=False)
    if ids is not None:
        pages = pages.filter(pk__in=ids)
    pages = list(pages)
    if not pages:
        return {}
    sites = _partnership_sites()
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    sections = _audience_sections()
    found = {}
    for page in pages:
        site = _site_of(page, sites)
        if site is None:
            continue  # not on a partnership's site
        visibility = _visibility(page, restrictions)
        if visibility is None:
            continue
        found[page.pk] = [
            SearchChunk(
                partnership_id=site["partnership"],
                visibility=visibility,
                kind=getattr(page, "search_kind", "Page"),
                reach="local",
                title=page.title[:300],
                heading=chunk.heading[:300],
                text=chunk.text,
                url=site["path"](page),
                audiences=_audience_of(page, sections),
            )
            for chunk in chunk_html(_html_of(page))
        ] or [_title_only(page, site, visibility, sections)]
    return found


def _title_only(page, site, visibility, sections):
    return SearchChunk(
        partnership_id=site["partnership"],
        visibility=visibility,
        kind=getattr(page, "search_kind", "Page"),
        reach="local",
        title=page.title[:300],
        url=site["path"](page),
        audiences=_audience_of(page, sections),
    )


def _html_of(page):
    parts = []
    for value in (getattr(page, "summary", ""), page.search_description):
        if value:
            parts.append(f"<p>{escape(value)}</p>")
    for field in page.search_fields:
        name = getattr(field, "field_name", "")
        if type(field).__name__ != "SearchField" or name in SKIPPED_FIELDS:
            continue
        value = getattr(page, name, None)
        if callable(value):
            value = value()
        if value:
            parts.append(_as_html(value))
    return "\n".join(parts)


def _as_html(value):
    """A StreamField renders its blocks; rich text is stored as HTML already."""
    from wagtail.rich_text import expand_db_html

    if isinstance(value, str):
        return expand_db_html(value)
    return str(value)


def _partnership_sites():
    partnerships = dict(Partnership.objects.values_list("site_id", "pk"))
    sites = []
    for site in Site.objects.select_related("root_page").order_by("-root_page__depth"):
        if site.pk in partnerships:
            root = site.root_page
            sites.append(
                {
                    "root_path": root.path,
                    "partnership": partnerships[site.pk],
                    "path": _path_under(root),
                }
            )
    return sites


def _path_under(root):
    """A page's address on the site whose root is `root`: its url_path below the root's."""
    prefix = len(root.url_path)

    def path(page):
        return "/" + page.url_path[prefix:]

    return path


def _site_of(page, sites):
    for site in sites:
        if page.path.startswith(site["root_path"]):
            return site
    return None


def _visibility(page, restrictions):
    """Public, signed-in only, or None (a password or groups: not indexed)."""
    visibility = Visibility.PUBLIC
    for restriction in restrictions:
        if page.path.startswith(restriction.page.path):
            if restriction.restriction_type == PageViewRestriction.LOGIN:
                visibility = Visibility.SIGNED_IN
            else:
                return None
    return visibility


def _audience_sections():
    from hub.site.models import SectionPage

    return list(SectionPage.objects.values_list("path", "audience"))


def _audience_of(page, sections):
    audiences = {audience for path, audience in sections if page.path.startswith(path)}
    return " ".join(sorted(audiences)) or None


def pages_changed(page):
    """A page and the pages under it (their addresses and restrictions follow it)."""
    return Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)


def restriction_changed(restriction):
    page = Page.objects.filter(pk=restriction.page_id).first()
    return pages_changed(page) if page is not None else []
