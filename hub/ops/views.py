from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from hub.ops.health import report


@never_cache
def health(request):
    """200 while the database answers (a lost cache or a stale worker is "degraded", still
    200, so a load balancer keeps serving pages); 503 when the database is down."""
    body = report()
    return JsonResponse(body, status=503 if body["status"] == "failing" else 200)


def server_error(request):
    """The 500 handler: while the database cannot be reached, the 503 page written to disk
    beforehand (hub/ops/outage.py), which needs no database; otherwise the usual 500."""
    import sys

    from django.db import InterfaceError, OperationalError

    from hub.core.views import server_error as plain_server_error
    from hub.ops import outage

    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return outage.response(request)
    return plain_server_error(request)
