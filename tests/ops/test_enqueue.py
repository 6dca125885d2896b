"""Background work starts only once the change it follows is committed, and with the
database queue (production's) it is saved with that change: a database that goes away just
after a commit can no longer leave a booking without its confirmation."""

import pytest
from django.db import transaction
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from hub.core import tasks

pytestmark = pytest.mark.django_db

TASK = "tests.ops.test_enqueue.remember"
done = []


@task()
def remember(value):
    done.append(value)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def queued():
    return list(DBTaskResult.objects.filter(task_path=TASK).values_list("args_kwargs", flat=True))


def test_the_task_row_is_written_in_the_changes_own_transaction(database_queue):
    with transaction.atomic():
        tasks.enqueue_on_commit(TASK, "booked")
        assert queued() == [{"args": ["booked"], "kwargs": {}}]


def test_a_change_rolled_back_takes_its_task_with_it(database_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        tasks.enqueue_on_commit(TASK, "never")
        raise RuntimeError("the change failed")
    assert queued() == []


def test_nothing_is_left_to_do_after_the_commit(database_queue, monkeypatch):
    """The database can go between a commit and anything run after it: with the database
    queue, enqueuing no longer waits for that moment."""

    def lost(callback, using=None, robust=False):
        raise ConnectionError("the database went away after the commit")

    monkeypatch.setattr(tasks.transaction, "on_commit", lost)
    with transaction.atomic():
        tasks.enqueue_on_commit(TASK, "booked")
    assert queued() == [{"args": ["booked"], "kwargs": {}}]


def test_other_queues_run_the_task_only_after_the_commit(django_capture_on_commit_callbacks):
    done.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        tasks.enqueue_on_commit(TASK, "after")
        assert done == []
    assert done == ["after"]
    assert queued() == []
