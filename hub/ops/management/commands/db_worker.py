"""The task worker, `manage.py db_worker`: django-tasks-db's own, with one change to how it stops.

On SIGTERM the library's worker leaves at once unless it is inside a task. A signal that lands
after the worker has claimed a task (marked it RUNNING, committed) but before it starts it ends
the process there, and that task stays RUNNING for ever: an email nobody receives. (Upstream:
RealOrangeOne/django-tasks-db issue 61, open for 0.13.0.) Here the first signal only asks the
loop to stop; a task already claimed runs to its end first, and the worker leaves at its next
look for work, within `--interval` seconds. A second signal still stops it at once, as the
library's does; `requeue_stalled_tasks` puts back anything a hard stop strands.

And one change to how it meets a lost database: the library's loop ends the process on the
first OperationalError (PostgreSQL restarting, say), leaving systemd to start it again, if it
is set to. Here the worker drops its connections, waits and goes on, logging once when the
database goes and once when it is back. A task that failed because the database went away
under it, or whose end could not be recorded, goes back on the queue.

The command keeps the library's name and options so systemd, `make run` and the docs need no
change; this app is listed before django_tasks_db in INSTALLED_APPS, so Django runs this one.
"""

import datetime
import logging
import signal
import time

from django.db import InterfaceError, OperationalError, connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker as library
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("django_tasks_db")

DATABASE_LOST = (OperationalError, InterfaceError)
_LOST_PATHS = {f"{error.__module__}.{error.__qualname__}" for error in DATABASE_LOST} | {
    "psycopg.OperationalError",
    "psycopg.InterfaceError",
}
# A task failed by a lost database this many times is left failed: something else is wrong.
MOST_CLAIMS = 10
# Pauses between tries while the database is away, in seconds.
PAUSES = (0.5, 1, 2, 5)


class Worker(library.Worker):
    in_hand = None

    def run(self):
        lost_at, tries = None, 0
        while self.running:
            if lost_at is not None:
                if not self._database_answers():
                    time.sleep(PAUSES[min(tries, len(PAUSES) - 1)])
                    tries += 1
                    continue
                self._put_back_in_hand()
                logger.warning(
                    "The database is back after %.1f s; the worker carries on.",
                    time.monotonic() - lost_at,
                )
                lost_at, tries = None, 0
            try:
                super().run()
                return
            except DATABASE_LOST as error:
                lost_at = time.monotonic()
                logger.warning("The database is unreachable (%s); the worker waits.", error)
                self.startup_delay = False

    def _database_answers(self):
        """A fresh connection that answers a query."""
        for connection in connections.all(initialized_only=True):
            connection.close()
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT 1")
        except DATABASE_LOST:
            return False
        return True

    def run_task(self, db_task_result):
        self.in_hand = db_task_result.id
        super().run_task(db_task_result)
        # Ended, and its end recorded: unless the database was what failed it.
        ended = DBTaskResult.objects.filter(id=self.in_hand).first()
        if (
            ended is not None
            and ended.status == TaskResultStatus.FAILED
            and ended.exception_class_path in _LOST_PATHS
            and len(ended.worker_ids) < MOST_CLAIMS
        ):
            # After the others waiting, and not before the database has had a moment.
            DBTaskResult.objects.filter(id=ended.id, status=TaskResultStatus.FAILED).update(
                status=TaskResultStatus.READY,
                started_at=None,
                finished_at=None,
                run_after=timezone.now() + datetime.timedelta(seconds=PAUSES[-1]),
            )
        self.in_hand = None

    def _put_back_in_hand(self):
        """The task claimed when the database went: back on the queue if still marked
        running (every task of the Hub is safe to run twice)."""
        if self.in_hand is not None:
            DBTaskResult.objects.filter(id=self.in_hand, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None
            )
            self.in_hand = None

    def shutdown(self, signum, frame):
        if not self.running:
            super().shutdown(signum, frame)  # the second signal: stop now
            return
        logger.warning(
            "Received %s - stopping after the task in hand (send it again to stop at once).",
            signal.strsignal(signum),
        )
        self.running = False


class Command(library.Command):
    help = library.Command.help + " (stops between tasks on SIGTERM, never between claim and run)"

    def handle(self, *args, **options):
        # The library's handle() builds its worker by this module-level name.
        library.Worker = Worker
        super().handle(*args, **options)
