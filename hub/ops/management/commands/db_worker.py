"""The task worker, `manage.py db_worker`: django-tasks-db's own, with one change to how it stops.

On SIGTERM the library's worker leaves at once unless it is inside a task. A signal that lands
after the worker has claimed a task (marked it RUNNING, committed) but before it starts it ends
the process there, and that task stays RUNNING for ever: an email nobody receives. (Upstream:
RealOrangeOne/django-tasks-db issue 61, open for 0.13.0.) Here the first signal only asks the
loop to stop; a task already claimed runs to its end first, and the worker leaves at its next
look for work, within `--interval` seconds. A second signal still stops it at once, as the
library's does; `requeue_stalled_tasks` puts back anything a hard stop strands.

The command keeps the library's name and options so systemd, `make run` and the docs need no
change; this app is listed before django_tasks_db in INSTALLED_APPS, so Django runs this one.
"""

import logging
import signal

from django_tasks_db.management.commands import db_worker as library

logger = logging.getLogger("django_tasks_db")


class Worker(library.Worker):
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
