"""How a service starts background work without importing its domain's tasks module (which
imports the services): by the task's dotted name, and never before the change it follows is
committed, so a task never reads rows that were rolled back or not yet written."""

from django.db import connections, router, transaction
from django.utils.module_loading import import_string
from django_tasks_db.backend import DatabaseBackend


def enqueue(name, *args, **kwargs):
    """Enqueue the task at dotted path `name` now."""
    return import_string(name).enqueue(*args, **kwargs)


def enqueue_on_commit(name, *args, **kwargs):
    """Enqueue the task at dotted path `name` so it runs only once the current transaction
    has committed.

    With the database backend (production's), the task's row is written in that transaction:
    it exists exactly when the change does, and no worker sees it before. Enqueuing after the
    commit instead left a window in which the database could go (a restart, a crash) after
    the change was saved and before its task was: a booking made, its confirmation never
    sent. Any other backend (the tests' immediate one) runs the task after the commit."""
    task = import_string(name)
    if isinstance(task.get_backend(), DatabaseBackend) and _in_transaction_of_task_rows():
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def _in_transaction_of_task_rows():
    from django_tasks_db.models import DBTaskResult

    return connections[router.db_for_write(DBTaskResult)].in_atomic_block
