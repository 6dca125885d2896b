import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

HEARTBEAT_KEY = "hub:worker-heartbeat"


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
