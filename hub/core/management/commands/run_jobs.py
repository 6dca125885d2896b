import sys

from django.core.management.base import BaseCommand, CommandError

from hub.core import scheduler
from hub.core.domains import jobs
from hub.core.models import JobRun


class Command(BaseCommand):
    help = (
        "Run every periodic job that is due (each domain's `jobs`). Cron runs it every minute; "
        "safe to run from several machines at once, or late."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Show the schedule and stop.")
        parser.add_argument("--job", help="Run this job now, whether due or not.")

    def handle(self, *args, **options):
        if options["list"]:
            runs = {row.name: row for row in JobRun.objects.all()}
            for name, job in jobs().items():
                when = f"every {job.every}" if job.every else f"daily at {job.at:%H:%M}"
                row = runs.get(name)
                last = row.last_started.isoformat() if row and row.last_started else "never"
                state = " (failed)" if row and row.last_failed else ""
                self.stdout.write(f"{name:32} {when:22} last {last}{state}  {job.description}")
            return
        if options["job"]:
            if options["job"] not in jobs():
                raise CommandError(f"No job {options['job']!r}; `run_jobs --list` shows them.")
            outcome = scheduler.force(options["job"])
            done = {} if outcome is None else {options["job"]: outcome}
            if outcome is None:
                self.stdout.write(f"{options['job']} is being run by another scheduler.")
        else:
            done = scheduler.run_due()
        for name, (ok, result) in done.items():
            self.stdout.write(f"{name}: {'done' if ok else 'FAILED'} {result}")
        if any(not ok for ok, _ in done.values()):
            sys.exit(1)
