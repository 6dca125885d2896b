"""Reads for site search: live public pages of the site being visited, and the library
documents its visitor may see, ranked together."""

from django.utils.html import strip_tags
from wagtail.models import Page, Site

from hub.core.presenters import partnership_for
from hub.library.models import LibraryDocument
from hub.library.queries import visible_documents
from hub.procedures.models import Chapter
from hub.search.snippets import highlight

RESULT_LIMIT = 500


def search_pages(request, query):
    site = Site.find_for_request(request)
    pages = Page.objects.live().public().specific()
    if site:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages.search(query, operator="and").annotate_score("score")


def search_documents(request, query):
    documents = visible_documents(request, partnership_for(request))
    return documents.search(query, operator="and").annotate_score("score")


def _page_text(page):
    parts = [getattr(page, "summary", ""), page.search_description]
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(strip_tags(str(body)))
    return " ".join(part for part in parts if part)


def add_snippets(rows, query):
    """Snippets cost a render each, so they are made only for the results shown."""
    for row in rows:
        source = row.pop("source", None)
        if source is None:
            continue
        if isinstance(source, Chapter):
            row["snippet"] = highlight(strip_tags(source.current_text()), query)
        elif isinstance(source, LibraryDocument):
            row["snippet"] = highlight(source.current_text(), query) or highlight(
                source.summary, query
            )
        else:
            row["snippet"] = highlight(_page_text(source), query)
    return rows


def search_everything(request, query, kind=""):
    """Pages and documents matching every word, best first, as plain result rows."""
    rows = []
    if kind in ("", "pages"):
        for page in search_pages(request, query)[:RESULT_LIMIT]:
            rows.append(
                {
                    "kind": "Page",
                    "title": page.title,
                    "url": page.get_url(request),
                    "source": page,
                    "score": page.score or 0,
                }
            )
    if kind in ("", "documents"):
        for document in search_documents(request, query)[:RESULT_LIMIT]:
            rows.append(
                {
                    "kind": document.get_document_type_display(),
                    "title": document.title,
                    "url": document.get_absolute_url(),
                    "source": document,
                    "score": document.score or 0,
                }
            )
    if kind in ("", "procedures"):
        partnership = partnership_for(request)
        if partnership is not None:
            visible = Chapter.objects.for_partnership(partnership).values_list("pk", flat=True)
            chapters = (
                Chapter.objects.filter(pk__in=list(visible))
                .search(query, operator="and")
                .annotate_score("score")
            )
            for chapter in chapters[:RESULT_LIMIT]:
                title = chapter.current_title()
                if not title:
                    continue  # removed, or not published yet
                rows.append(
                    {
                        "kind": "Procedure chapter",
                        "title": title,
                        "url": chapter.get_absolute_url(),
                        "source": chapter,
                        "score": chapter.score or 0,
                    }
                )
    rows.sort(key=lambda row: row["score"], reverse=True)
    return rows
