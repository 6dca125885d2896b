from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from hub.ops.health import report


@never_cache
def health(request):
    """200 while the database and cache answer (a stale worker is "degraded", still 200, so a
    load balancer keeps serving pages); 503 when either is down."""
    body = report()
    return JsonResponse(body, status=503 if body["status"] == "failing" else 200)
