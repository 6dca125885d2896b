"""Security middleware: headers on every response, and the second-factor rule for staff."""

from csp.middleware import CSPMiddleware
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from hub.core.permissions import requires_second_factor

ADMIN_PREFIX = "/admin/"

# Wagtail's editor still uses inline styles and scripts; this looser policy applies under
# /admin/ only, which is reachable only by signed-in staff who passed a second factor.
ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
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
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith(ADMIN_PREFIX):
            parts.config = ADMIN_POLICY
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
