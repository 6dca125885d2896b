"""Security middleware: headers on every response, the second-factor rule for staff, and a
clear refusal (400) for input the code could not take."""

import logging
import re

from csp.constants import NONCE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from hub.core import csp
from hub.core.permissions import requires_second_factor

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"

# The Wagtail admin (reachable only by signed-in staff who passed a second factor). Scripts:
# the site's own files, and the few inline scripts Wagtail writes, each given this request's
# nonce (hub.core.csp). Styles: Wagtail's editor still sets inline styles (Draftail, the
# chooser modals, collapsible panels), so styles alone stay 'unsafe-inline' here.
ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", NONCE],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

# A page previewed in the admin's side panel (Wagtail renders it through a dummy request,
# `request.is_dummy`): the public page's policy, framed by the site's own origin only.
PREVIEW_POLICY = {
    **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "frame-ancestors": ["'self'"],
}

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_request(self, request):
        super().process_request(request)
        request._hub_csp_token = csp.start(request)

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            response["X-Frame-Options"] = "SAMEORIGIN"
        try:
            return super().process_response(request, response)
        finally:
            token = getattr(request, "_hub_csp_token", None)
            if token is not None:
                csp.finish(token)
                request._hub_csp_token = None

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            if request.path.startswith(ADMIN_PREFIX):
                parts.config = ADMIN_POLICY
            elif getattr(request, "is_dummy", False):
                parts.config = PREVIEW_POLICY
        return parts


class SecurityHeadersMiddleware:
    """Headers Django does not set itself, and no caching of anything personal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response


# Where someone who must set up a second factor may still go.
SECOND_FACTOR_SETUP_ALLOWED = (
    "/accounts/2fa/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/static/",
    "/media/",
    "/branding.css",
)


class SecondFactorRequiredMiddleware:
    """Staff roles must have a second factor: until they set one up, that is all they can do."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(SECOND_FACTOR_SETUP_ALLOWED)
            and requires_second_factor(user)
            and not _has_second_factor(user)
        ):
            messages.warning(
                request,
                "Your role needs a second factor. Set one up to continue: it keeps the "
                "partnership's records safe if your password is ever stolen.",
                fail_silently=True,
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


def _has_second_factor(user):
    from allauth.mfa.utils import is_mfa_enabled

    return is_mfa_enabled(user)


# What only input can cause: a form posted without the keys its page always sends (a
# formset's counts), a value a model field refuses, a number out of the database's range, text
# with a NUL byte (no database column stores one), or a value the request sent that the code
# took to be a number. Wagtail's admin views raise these as they come, which would be a server
# error (500) for a forged or truncated request.
_OUT_OF_RANGE = re.compile(r"too large to convert|out of range|NUL|0x00", re.I)
_NOT_A_NUMBER = re.compile(
    r"^(?:Field '[^']+' expected a number but got |invalid literal for int\(\) with base 10: )"
    r"(?P<value>.+?)\.?$",
    re.S,
)


def _sent_by(request, literal):
    values = [*request.GET.values(), *request.POST.values(), request.path]
    return any(repr(value) == literal or str(value) == literal for value in values)


def is_bad_input(exception, request):
    from django.core.exceptions import ValidationError
    from django.db import DataError
    from django.utils.datastructures import MultiValueDictKeyError

    # A model field refusing a value (a forged id in a formset) outside any form's care.
    if isinstance(exception, MultiValueDictKeyError | ValidationError):
        return True
    if isinstance(exception, OverflowError | DataError):
        return bool(_OUT_OF_RANGE.search(str(exception)))
    if isinstance(exception, ValueError):
        found = _NOT_A_NUMBER.match(str(exception))
        return bool(found and _sent_by(request, found.group("value")))
    return False


class BadInputMiddleware:
    """A request whose input the code below could not take gets the 400 page (and a one-line
    log entry), never a 500; one naming a record that does not exist gets the 404 page. Only
    those exception shapes are caught: anything else is a real fault and goes on to the 500
    handler."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.core.exceptions import ObjectDoesNotExist
        from django.core.paginator import InvalidPage

        if isinstance(exception, ObjectDoesNotExist | InvalidPage):
            # A record or a page of a list, named by the request, that is not there.
            from hub.core.views import page_not_found

            logger.warning("Not found: %s %s (%s)", request.method, request.path, exception)
            return page_not_found(request, exception)
        if not is_bad_input(exception, request):
            return None
        from hub.core.views import bad_request

        logger.warning(
            "Bad input to %s %s: %s", request.method, request.path, type(exception).__name__
        )
        return bad_request(request, exception)
