"""The search backend every Wagtail search goes through (settings.WAGTAILSEARCH_BACKENDS):
the database's own full-text engine, with what a person typed reduced to plain words first.

Wagtail's database backends pass each typed word into the engine's query syntax, where a
stray double quote ends SQLite FTS5's string and the query fails ("unterminated string").
Typed text is therefore kept to letters, digits and the apostrophes and hyphens inside
words; everything else separates words. This covers the site search, the library's search
and every search box of the editors' admin (documents, images, pages, snippets).
"""

import re

from modelsearch.backends.base import EmptySearchResults
from wagtail.search.backends import database

_NOT_WORD = re.compile(r"[^\w'’-]+")
_LOOSE_PUNCTUATION = re.compile(r"(?<!\w)['’-]+|['’-]+(?!\w)")


def plain_words(text):
    """`text` as words separated by single spaces; "" when nothing searchable is left."""
    text = _NOT_WORD.sub(" ", text.replace("_", " "))
    text = _LOOSE_PUNCTUATION.sub(" ", text)
    return " ".join(text.split())


class NoMatches(EmptySearchResults):
    """No results, still saying which model they are of (Wagtail's listings ask)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


def _model_of(model_or_queryset):
    return getattr(model_or_queryset, "model", model_or_queryset)


class PlainWordsMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            query = plain_words(query)
            if not query:
                return NoMatches(_model_of(model_or_queryset))
        return super().search(query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            query = plain_words(query)
            if not query:
                return NoMatches(_model_of(model_or_queryset))
        return super().autocomplete(query, model_or_queryset, *args, **kwargs)


_classes = {}


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """The database's backend (chosen by Wagtail for the database in use), taking plain
    words only."""
    engine = type(database.SearchBackend(params))
    if engine not in _classes:
        _classes[engine] = type(f"PlainWords{engine.__name__}", (PlainWordsMixin, engine), {})
    return _classes[engine](params)
