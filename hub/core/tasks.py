"""How a service starts background work without importing its domain's tasks module (which
imports the services): by the task's dotted name, after the transaction commits, so a task
never reads rows that were rolled back or not yet written."""

from django.db import transaction
from django.utils.module_loading import import_string


def enqueue(name, *args, **kwargs):
    """Enqueue the task at dotted path `name` now."""
    return import_string(name).enqueue(*args, **kwargs)


def enqueue_on_commit(name, *args, **kwargs):
    """Enqueue the task at dotted path `name` once the current transaction commits."""
    transaction.on_commit(lambda: enqueue(name, *args, **kwargs))
