"""Site search: every domain's searchable content (hub/core/domains.py, `search`) that the
visitor may see, ranked together."""

from hub.core.domains import every

RESULT_LIMIT = 500


def searchables():
    return every("search")


def add_snippets(rows, query):
    """Snippets cost a render each, so they are made only for the results shown."""
    for row in rows:
        source, searchable = row.pop("source", None), row.pop("searchable", None)
        if source is not None and searchable is not None:
            row["snippet"] = searchable.snippet(source, query)
    return rows


def search_everything(request, query, kind=""):
    """What matches every word, best first, as plain result rows; `kind` keeps one
    searchable's results only."""
    rows = []
    for searchable in searchables():
        if kind in ("", searchable.kind):
            for row in searchable.find(request, query, RESULT_LIMIT):
                row["searchable"] = searchable
                rows.append(row)
    rows.sort(key=lambda row: row["score"], reverse=True)
    return rows
