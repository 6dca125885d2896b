"""The task worker never strands a task it has claimed, and a task whose worker died is put
back on the queue. Transactional tests: the worker commits its claims, as it does in
production (pytest-django runs these after the other database tests)."""

import datetime
import io
import os
import signal

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from hub.ops.management.commands.db_worker import Worker
from hub.ops.tasks import HEARTBEAT_KEY, heartbeat, requeue_stalled

pytestmark = pytest.mark.django_db(transaction=True)

LIBRARY_WORKER = Worker.__mro__[1]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    cache.delete(HEARTBEAT_KEY)


@pytest.fixture
def signals_restored():
    """The worker installs its own SIGINT/SIGTERM handlers in this process; put pytest's back."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.fixture
def stop_signal_after_claim(monkeypatch):
    """SIGTERM arrives in the moment after the worker has claimed a task (committed, marked
    running) and before it starts it: the window a stop from systemd can land in any time."""
    real_run_task = LIBRARY_WORKER.run_task

    def signal_then_run(self, db_task_result):
        assert DBTaskResult.objects.get(id=db_task_result.id).status == TaskResultStatus.RUNNING
        os.kill(os.getpid(), signal.SIGTERM)
        real_run_task(self, db_task_result)

    monkeypatch.setattr(LIBRARY_WORKER, "run_task", signal_then_run)


def worker_options(**extra):
    return {"interval": 0.01, "startup_delay": False, "reload": False, "verbosity": 0} | extra


def test_a_stop_between_claim_and_run_lets_the_claimed_task_run_and_then_stops(
    database_queue, signals_restored, stop_signal_after_claim
):
    first = heartbeat.enqueue()
    second = heartbeat.enqueue()

    # Not --batch: the worker would run for ever if the signal did not stop it.
    call_command("db_worker", **worker_options())

    statuses = {str(pk): status for pk, status in DBTaskResult.objects.values_list("id", "status")}
    assert statuses[first.id] == TaskResultStatus.SUCCESSFUL
    assert cache.get(HEARTBEAT_KEY) is not None
    # It stopped after the task in hand instead of taking the next one.
    assert statuses[second.id] == TaskResultStatus.READY


def test_the_library_worker_alone_strands_the_claimed_task(
    database_queue, signals_restored, stop_signal_after_claim
):
    """Why the Hub has its own db_worker: the same moment stops django-tasks-db's own worker
    with the task still marked running, so no worker would ever take it again."""
    result = heartbeat.enqueue()
    worker = LIBRARY_WORKER(
        queue_names=["default"],
        interval=0.01,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="library",
        excluded_queue_names=[],
    )
    worker.configure_signals()
    with pytest.raises(SystemExit):
        worker.run()
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.RUNNING


def test_a_second_stop_signal_stops_the_worker_at_once(database_queue, signals_restored):
    worker = Worker(
        queue_names=["default"],
        interval=0.01,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="twice",
        excluded_queue_names=[],
    )
    worker.shutdown(signal.SIGTERM, None)
    assert worker.running is False
    with pytest.raises(SystemExit):
        worker.shutdown(signal.SIGTERM, None)


def test_tasks_whose_worker_died_are_put_back_and_run(database_queue, signals_restored):
    now = timezone.now()
    stalled, recent, finished = (heartbeat.enqueue() for _ in range(3))
    DBTaskResult.objects.filter(id=stalled.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - datetime.timedelta(minutes=16)
    )
    DBTaskResult.objects.filter(id=recent.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - datetime.timedelta(minutes=5)
    )
    DBTaskResult.objects.filter(id=finished.id).update(
        status=TaskResultStatus.SUCCESSFUL,
        started_at=now - datetime.timedelta(hours=1),
        finished_at=now - datetime.timedelta(hours=1),
    )

    out = io.StringIO()
    call_command("requeue_stalled_tasks", stdout=out)
    assert out.getvalue() == "Put back 1 stalled tasks.\n"
    statuses = {str(pk): status for pk, status in DBTaskResult.objects.values_list("id", "status")}
    assert statuses == {
        stalled.id: TaskResultStatus.READY,
        recent.id: TaskResultStatus.RUNNING,  # may still be running: left alone
        finished.id: TaskResultStatus.SUCCESSFUL,
    }
    assert requeue_stalled() == 0  # running it again changes nothing

    call_command("db_worker", **worker_options(batch=True))
    assert DBTaskResult.objects.get(id=stalled.id).status == TaskResultStatus.SUCCESSFUL
    assert cache.get(HEARTBEAT_KEY) is not None


@task()
def needs_the_database_that_went():
    """A task that meets the database going away under it (tests below only)."""
    from django.db import OperationalError

    raise OperationalError("server closed the connection unexpectedly")


@task()
def fails_on_its_own():
    raise ValueError("a bug, not an outage")


def test_a_task_failed_by_a_lost_database_goes_back_on_the_queue(database_queue, signals_restored):
    lost = needs_the_database_that_went.enqueue()
    broken = fails_on_its_own.enqueue()
    call_command("db_worker", **worker_options(max_tasks=2))
    statuses = {str(pk): status for pk, status in DBTaskResult.objects.values_list("id", "status")}
    assert statuses[lost.id] == TaskResultStatus.READY  # tried again by the next look for work
    assert statuses[broken.id] == TaskResultStatus.FAILED  # any other failure stays failed


def test_the_worker_waits_out_a_lost_database_and_carries_on(
    database_queue, signals_restored, monkeypatch, caplog
):
    from django.db import OperationalError

    from hub.ops.management.commands import db_worker

    monkeypatch.setattr(db_worker, "PAUSES", (0,))
    real_run, real_probe = LIBRARY_WORKER.run, Worker._database_answers
    away = {"runs": 1, "probes": 3}  # lost mid-loop; the next three looks find it still away

    def run_meets_a_lost_database(self):
        if away["runs"]:
            away["runs"] -= 1
            raise OperationalError("connection refused")
        return real_run(self)

    def probe(self):
        if away["probes"]:
            away["probes"] -= 1
            return False
        return real_probe(self)

    monkeypatch.setattr(LIBRARY_WORKER, "run", run_meets_a_lost_database)
    monkeypatch.setattr(Worker, "_database_answers", probe)
    result = heartbeat.enqueue()
    with caplog.at_level("WARNING", logger="django_tasks_db"):
        call_command("db_worker", **worker_options(max_tasks=1, verbosity=1))
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL
    assert away == {"runs": 0, "probes": 0}  # it waited for the database before carrying on
    messages = [record.getMessage() for record in caplog.records]
    assert sum("unreachable" in message for message in messages) == 1  # once, not per try
    assert sum("the worker carries on" in message for message in messages) == 1
