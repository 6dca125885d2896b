from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

HEARTBEAT_KEY = "hub:worker-heartbeat"


@task()
def heartbeat():
    """Run by the worker so the health check can tell it is alive."""
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=None)
