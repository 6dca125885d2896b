"""What a partnership's site answers while its database cannot be reached: a 503 page written
to disk beforehand, showing the partnership's "worried about a child" numbers.

A page is written for each site whenever the numbers, the partnership's name or the site are
saved, and after every `migrate`; `write_outage_pages` writes them all. Without a page for the
host (a site added while the database was down), the default site's page is used, and without
that a built-in one with the national numbers (999, NSPCC).
"""

import logging
import re
import time
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

from hub.core.files import write_atomically

logger = logging.getLogger(__name__)

DEFAULT = "_default"
_UNAVAILABLE = {
    "error_title": "Sorry, the service is unavailable",
    "error_message": "The website cannot reach its records at the moment. Try again in a few "
    "minutes. Anything you had already saved is safe.",
}
_HOST = re.compile(r"^[a-z0-9.-]{1,253}$")


def folder():
    return Path(settings.VAR_DIR) / "outage"


def _path(name):
    return folder() / f"{name}.html"


def write_for_site(site):
    """Render the page for one Wagtail site (database needed) and put it in place at once."""
    from hub.core.models import Partnership, WorriedAboutAChild

    partnership = Partnership.objects.filter(site=site).first()
    html = render_to_string(
        "ops/outage.html",
        {
            "site_name": partnership.name if partnership else site.site_name or "",
            "safety": WorriedAboutAChild.for_site(site),
            **_UNAVAILABLE,
        },
    )
    folder().mkdir(parents=True, exist_ok=True)
    names = [site.hostname.lower()] + ([DEFAULT] if site.is_default_site else [])
    for name in names:
        if not _HOST.match(name) and name != DEFAULT:
            continue
        write_atomically(_path(name), html)


def write_all():
    from wagtail.models import Site

    for site in Site.objects.all():
        write_for_site(site)


def response(request):
    """The 503 page for this request's host; reads only files."""
    host = request.META.get("HTTP_HOST", "").rsplit(":", 1)[0].lower()
    for name in ([host] if _HOST.match(host) else []) + [DEFAULT]:
        try:
            html = _path(name).read_text()
            break
        except OSError:
            continue
    else:
        html = render_to_string("core/plain_error.html", _UNAVAILABLE)
    answer = HttpResponse(html, status=503)
    answer["Retry-After"] = "30"
    answer["Cache-Control"] = "no-store"
    return answer


class DatabaseLostOnce(logging.Filter):
    """While the database is away every request fails the same way: the first failure is
    logged with its traceback, then one line a minute says how many more there were."""

    EVERY_SECONDS = 60

    def __init__(self):
        super().__init__()
        self.quiet_until = 0.0
        self.since_logged = 0

    def filter(self, record):
        from django.db import InterfaceError, OperationalError

        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, (OperationalError, InterfaceError)):
            return True
        now = time.monotonic()
        if now < self.quiet_until:
            self.since_logged += 1
            return False
        if self.since_logged:
            record.msg = (
                f"{record.msg} (and {self.since_logged} more requests since the last report)"
            )
            record.exc_info, record.exc_text = None, None
        self.quiet_until, self.since_logged = now + self.EVERY_SECONDS, 0
        return True
