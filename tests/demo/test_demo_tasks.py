"""Loading the demo leaves the worker nothing to redo: the loader builds the search indexes
and reads the documents' text itself, so no task repeating that work is queued."""

from collections import Counter

import pytest
from django.test.utils import override_settings
from django_tasks_db.models import DBTaskResult

from hub.demo import loader
from hub.demo.loader import DONE_WHILE_LOADING, load_demo
from hub.library.tasks import extract_version_text
from hub.search.tasks import reindex

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DATABASE_BACKEND = DATABASE_TASKS["default"]["BACKEND"]
QUEUED = """
import json
from django_tasks_db.models import DBTaskResult
queued = DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True)
print(json.dumps(list(queued)))
"""


@pytest.mark.django_db
def test_a_fresh_demo_queues_no_task():
    """The tests' demo is loaded as `make run` loads it: migrate, then load_demo, with tasks
    queued in the database (tests/servers.py); what it left queued is here."""
    queued = Counter(
        DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True)
    )
    redone = {path: count for path, count in queued.items() if path in DONE_WHILE_LOADING}
    assert not redone, f"Tasks repeating what the loader did: {redone}"
    # A new kind here is either work the loader does itself (DONE_WHILE_LOADING, and the
    # loader does it) or work the worker must do after loading: then say so here.
    assert queued == {}, f"Left for the worker after loading the demo: {dict(queued)}"
    # The loader did the work itself: the indexes are built and every version's text read.
    from hub.library.models import DocumentVersion, ExtractionStatus
    from hub.search.models import SearchChunk

    assert SearchChunk.objects.exists()
    versions = DocumentVersion.objects.all()
    assert versions.exists()
    assert not versions.filter(extraction_status=ExtractionStatus.PENDING).exists()


@pytest.mark.django_db
def test_a_task_the_loader_does_not_do_itself_is_queued_once_loading_ends(monkeypatch):
    def saves_asking_for_tasks():
        extract_version_text.enqueue(0)  # the library demo reads each version's text itself
        reindex.enqueue("library", ["0"])  # the loader does not say it does this
        return []

    monkeypatch.setattr(loader, "_load_demo", saves_asking_for_tasks)
    with override_settings(TASKS=DATABASE_TASKS):
        load_demo()
        queued = list(DBTaskResult.objects.values_list("task_path", "status"))
    assert queued == [("hub.search.tasks.reindex", "READY")]
