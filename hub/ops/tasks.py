import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

HEARTBEAT_KEY = "hub:worker-heartbeat"


@task()
def reconcile_cache(attempt=1):
    """After Redis was unreachable from a web process, make every page and session cached
    before the outage unreachable as soon as Redis answers again; until then, try again with
    a growing pause (up to a minute). Safe to run any number of times."""
    from django.core.cache import caches
    from django_tasks import default_task_backend

    from hub.ops.resilient_cache import ResilientRedisCache

    pending, done = False, set()
    for alias in settings.CACHES:
        backend = caches[alias]
        if not isinstance(backend, ResilientRedisCache) or backend.where in done:
            continue
        done.add(backend.where)
        pending = not backend.recover_now() or pending
    if pending and default_task_backend.supports_defer:
        later = timezone.now() + datetime.timedelta(seconds=min(60, 2 * attempt))
        reconcile_cache.using(run_after=later).enqueue(attempt=attempt + 1)
    return "waiting for the cache" if pending else "done"


@task()
def heartbeat():
    """Run by the worker so the health check can tell it is alive."""
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=None)


def requeue_stalled(now=None):
    """Put back on the queue every task marked running for longer than TASK_STALLED_MINUTES:
    its worker was killed or lost power part-way (a graceful stop never leaves one). Every
    task of the Hub is safe to run twice, so running one again never does its work twice.
    Returns how many were put back."""
    now = now or timezone.now()
    stalled_before = now - datetime.timedelta(minutes=settings.TASK_STALLED_MINUTES)
    # One UPDATE guarded by the status: a task that finishes meanwhile is left as it ended.
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=stalled_before
    ).update(status=TaskResultStatus.READY, started_at=None)
