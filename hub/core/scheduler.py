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

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from hub.core.domains import Job, jobs
from hub.core.models import JobRun

logger = logging.getLogger(__name__)

LEASE = datetime.timedelta(hours=1)


def is_due(job: Job, last_started, now):
    if last_started is None:
        return True
    if job.every is not None:
        return now - last_started >= job.every
    today = timezone.localdate(now)
    at_today = timezone.make_aware(datetime.datetime.combine(today, job.at))
    return now >= at_today and timezone.localtime(last_started).date() < today


def _row(name):
    try:
        with transaction.atomic():
            return JobRun.objects.get_or_create(name=name)[0]
    except IntegrityError:  # made by another scheduler at the same moment
        return JobRun.objects.get(name=name)


def claim(job: Job, now):
    """True when this scheduler now holds `job`, which was due."""
    row = _row(job.name)
    if not is_due(job, row.last_started, now):
        return False
    unchanged = (
        Q(last_started__isnull=True)
        if row.last_started is None
        else Q(last_started=row.last_started)
    )
    free = Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    return bool(
        JobRun.objects.filter(unchanged & free, name=job.name).update(
            last_started=now, locked_until=now + LEASE
        )
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


def run_due(now=None, *, only=None):
    """Run every due job (or only the one named, if it is due); returns {name: (ok, result)}."""
    now = now or timezone.now()
    done = {}
    for name, job in jobs().items():
        if only is not None and name != only:
            continue
        if claim(job, now):
            done[name] = run(job, now)
    return done


def force(name, now=None):
    """Run one job now, due or not, unless another scheduler holds it."""
    now = now or timezone.now()
    job = jobs()[name]
    _row(name)
    free = Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    if not JobRun.objects.filter(free, name=name).update(
        last_started=now, locked_until=now + LEASE
    ):
        return None
    return run(job, now)
