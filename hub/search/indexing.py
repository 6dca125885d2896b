"""Keeping the chunk index (hub/search/models.py) current with what every domain declares
searchable (hub/core/domains.py, `Searchable`).

A domain says, for each type of source, how to build a source's chunks (`chunks(ids)`) and
which saved or deleted rows change which sources (`changes`). Here:

- `index(kind, ids)` builds the named sources and puts their chunks in place of the old ones
  in one transaction (None: every source of the type, and chunks of sources that no longer
  exist go);
- `rebuild()` does that for every type (`manage.py rebuild_search_index`, the demo loader);
- a saved or deleted row of a declared model marks its sources, and once the transaction
  commits one background task per type indexes them again (`hub.search.tasks.reindex`), so a
  burst of saves is one task, and a rolled-back save is indexed as it stands (harmlessly);
- `paused()` stops that marking while a loader saves thousands of rows it indexes once at the
  end.
"""

import threading
from contextlib import contextmanager

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from hub.core.domains import derived, every
from hub.core.tasks import enqueue
from hub.search import engine
from hub.search.models import Visibility

BATCH = 500
_local = threading.local()


def searchables():
    return every("search")


def searchable(kind):
    found = derived("search-kinds", lambda: {s.kind: s for s in searchables()})
    return found[kind]


# -- writing ---------------------------------------------------------------------------------


def index(kind, ids=None):
    """Index the sources of type `kind` named in `ids` (every one when None) as they are now.
    Returns how many chunks were written."""
    if ids is not None:
        ids = sorted({str(source_id) for source_id in ids})
        if not ids:
            return 0
    built = {str(source_id): chunks for source_id, chunks in searchable(kind).chunks(ids).items()}
    for source_id in ids or ():
        built.setdefault(source_id, [])  # gone, withdrawn or not published: out of the index
    rows = engine.replace_sources(kind, built, only=ids is not None)
    _learn_words(rows)
    return len(rows)


def _learn_words(rows):
    """The words of public chunks, for "Did you mean …?" (hub/search/spelling.py)."""
    from hub.search.spelling import add_words

    add_words([row for row in rows if row.visibility == Visibility.PUBLIC])


def rebuild(kinds=None):
    """Index every source of every type (or of `kinds`) again; {kind: chunks written}."""
    written = {}
    for found in searchables():
        if kinds is None or found.kind in kinds:
            written[found.kind] = index(found.kind)
    return written


# -- following changes ------------------------------------------------------------------------


@contextmanager
def paused():
    """Saves inside do not mark sources for indexing (the caller indexes afterwards)."""
    before = getattr(_local, "paused", False)
    _local.paused = True
    try:
        yield
    finally:
        _local.paused = before


def mark(kind, ids):
    """Index these sources again once the current transaction commits (now, outside one)."""
    if getattr(_local, "paused", False):
        return
    ids = {str(source_id) for source_id in ids if source_id is not None}
    if not ids:
        return
    pending = getattr(_local, "pending", None)
    if pending is None:
        pending = _local.pending = {}
    pending.setdefault(kind, set()).update(ids)
    transaction.on_commit(_flush)


def _flush():
    """The first commit callback sends every marked source; the others find nothing."""
    pending, _local.pending = getattr(_local, "pending", None), None
    for kind, ids in (pending or {}).items():
        enqueue("hub.search.tasks.reindex", kind, sorted(ids))


def _handlers():
    """{model class: [(kind, affected)]} for every declared model and its subclasses (a
    Wagtail page type saves as its own class)."""
    handlers = {}
    for found in searchables():
        for label, affected in found.changes.items():
            declared = apps.get_model(label)
            for model in apps.get_models():
                if issubclass(model, declared):
                    handlers.setdefault(model, []).append((found.kind, affected))
    return handlers


def _changed(sender, instance, **kwargs):
    if getattr(_local, "paused", False) or kwargs.get("raw"):
        return
    for kind, affected in _handlers_now().get(sender, ()):
        mark(kind, affected(instance))


def _handlers_now():
    return derived("search-handlers", _handlers)


def connect():
    """Follow saves and deletions of every model a domain declares (from AppConfig.ready)."""
    post_save.connect(_changed, dispatch_uid="hub-search-index-save")
    post_delete.connect(_changed, dispatch_uid="hub-search-index-delete")
