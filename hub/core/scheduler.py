"""The one scheduler: `manage.py run_jobs`, from cron every minute, runs every periodic job
that is due (the `jobs` of every domain in hub/core/domains.py).

A job is due when it has never run, when `every` has passed since it last started, or, for a
daily job, when today's `at` (local time) has passed and it has not started today: a machine
that was off at 02:30 runs the nightly jobs when it is back. Each job is claimed by one guarded
UPDATE of its `JobRun` row (never started since we looked, and not held by anyone), so two
machines, or two overlapping cron runs, never run the same job twice; a claim lapses after
LEASE, so a scheduler killed mid-job never blocks that job for ever. One job failing is logged
and recorded and never stops the others.
"""

import datetime
import logging
import traceback

from django.db.models import Q
from django.utils import timezone

from hub.core.domains import Job, jobs
from hub.core.models import JobRun

logger = logging.getLogger(__name__)

LEASE = datetime.timedelta(hours=1)
_ANY = object()


def is_due(job: Job, last_started, now):
    if last_started is None:
        return True
    if job.every is not None:
        return now - last_started >= job.every
    today = timezone.localdate(now)
    at_today = timezone.make_aware(datetime.datetime.combine(today, job.at))
    return now >= at_today and timezone.localtime(last_started).date() < today


def _rows(names):
    """The JobRun rows of these jobs, made for any that has none (another scheduler making
    the same row at the same moment is fine: the conflict is ignored)."""
    JobRun.objects.bulk_create([JobRun(name=name) for name in names], ignore_conflicts=True)
    return JobRun.objects.in_bulk(list(names))


def _take(name, now, *, last_started=_ANY):
    """Hold the job for LEASE if no one holds it (and, when given, if it has not been
    started since `last_started`): one guarded UPDATE, so only one scheduler wins."""
    held = JobRun.objects.filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now), name=name)
    if last_started is None:
        held = held.filter(last_started__isnull=True)
    elif last_started is not _ANY:
        held = held.filter(last_started=last_started)
    return bool(held.update(last_started=now, locked_until=now + LEASE))


def claim(job: Job, now, row=None):
    """True when this scheduler now holds `job`, which was due."""
    row = row or _rows([job.name])[job.name]
    return is_due(job, row.last_started, now) and _take(
        job.name, now, last_started=row.last_started
    )


def run(job: Job, now):
    """Run a claimed job; record how it ended. Returns (ok, result)."""
    try:
        result, ok = job.run(now), True
    except Exception as error:  # noqa: BLE001 - recorded and logged; the next job still runs
        logger.exception("Periodic job %s failed", job.name)
        result, ok = "".join(traceback.format_exception_only(error)).strip(), False
    JobRun.objects.filter(name=job.name).update(
        last_finished=timezone.now(),
        last_result=str(result)[:2000],
        last_failed=not ok,
        locked_until=None,
    )
    return ok, result


def run_due(now=None):
    """Run every due job; returns {name: (ok, result)}."""
    now = now or timezone.now()
    due = jobs()
    rows = _rows(due)
    return {name: run(job, now) for name, job in due.items() if claim(job, now, rows[name])}


def force(name, now=None):
    """Run one job now, due or not, unless another scheduler holds it (then None)."""
    now = now or timezone.now()
    _rows([name])
    return run(jobs()[name], now) if _take(name, now) else None
