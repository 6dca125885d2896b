"""The one open-data API, /api/v1/: django-ninja, built from every domain's `api` declaration
(hub/core/domains.py, ApiResource), naming none of them. Its OpenAPI 3 document is generated
from the routers' type hints (/api/v1/openapi.json) and read by the reference page
(hub/opendata/views.py) and by the middleware that refuses unknown query parameters.

Every refusal is JSON `{"detail": "..."}` with a 4xx status: ninja's validation errors are
reshaped into one sentence naming the parameter (a bad path id is a 404, like a missing one).
"""

import functools

from django.utils.http import http_date
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from hub.core.domains import every

PATH = "/api/v1/"
DESCRIPTION = (
    "Read-only open data from this safeguarding children partnership's site: its library of "
    "protocols and guidance, the regional procedures with its local information, its training "
    "programme and its news. Public content only, answered for the partnership whose site "
    "address is asked. No key is needed; each client address may make a limited number of "
    "requests a minute."
)


class OpenDataAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        moment = getattr(request, "_open_data_last_modified", None)
        if moment is not None and response.status_code == 200:
            response["Last-Modified"] = http_date(moment.timestamp())
        return response


def _problem(api, request, status, detail):
    return api.create_response(request, {"detail": detail}, status=status)


def _invalid(api, request, error):
    """One sentence for the first thing wrong: which parameter and why; never the value."""
    first = error.errors[0] if error.errors else {}
    where = first.get("loc", ())
    source = where[0] if where else ""
    name = ".".join(str(part) for part in where[1:] if not isinstance(part, int)) or "request"
    if source == "path":
        # An id that cannot be one names nothing: the same 404 as a missing one.
        return _problem(api, request, 404, "There is nothing with this id on this site.")
    message = first.get("msg", "is not valid")
    return _problem(api, request, 400, f"The {name} parameter is not valid: {message}.")


def build():
    """A fresh API holding every domain's routers, in their declared order."""
    api = OpenDataAPI(
        title="Safeguarding Partnership Hub open data",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api",
        docs_url=None,
        openapi_url="/openapi.json",
    )
    for resource in every("api"):
        api.add_router(f"/{resource.prefix}/", resource.router(), tags=[resource.title])
    api.add_exception_handler(ValidationError, functools.partial(_invalid, api))
    api.add_exception_handler(
        HttpError, lambda request, error: _problem(api, request, error.status_code, error.message)
    )
    return api


@functools.cache
def api():
    """The site's API, built once per process (after every domain has registered)."""
    return build()


@functools.cache
def openapi_document():
    """The OpenAPI 3 document, as /api/v1/openapi.json serves it (the same every time)."""
    return api().get_openapi_schema(path_prefix=PATH)
