"""Views every partnership site shares: its brand colours and the error pages."""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from hub.core.presenters import partnership_for

DEFAULT_BRAND = "#0b3d60"
DEFAULT_ACCENT = "#1a6e3a"


@require_GET
@cache_control(public=True, max_age=300)
def branding_css(request):
    """The partnership's colours as CSS custom properties.

    Served as a stylesheet rather than an inline style so the Content-Security-Policy can
    forbid inline styles; colours were validated as hex when saved.
    """
    partnership = partnership_for(request)
    brand = partnership.brand_colour if partnership else DEFAULT_BRAND
    accent = partnership.accent_colour if partnership else DEFAULT_ACCENT
    css = f":root {{ --hub-brand: {brand}; --hub-accent: {accent}; }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")


def _error_page(request, status, title, message):
    return render(
        request,
        "core/error.html",
        {"error_title": title, "error_message": message},
        status=status,
    )


def _plain_error_page(request, status, title, message):
    # No page tree, settings or branding: used when those may be what failed, or when the
    # request's host is not one of ours and must not learn whose site this is.
    return render(
        request,
        "core/plain_error.html",
        {"error_title": title, "error_message": message},
        status=status,
    )


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        return _plain_error_page(
            request,
            400,
            "Sorry, this site is not available at this address",
            "Check the web address you used.",
        )
    return _error_page(
        request,
        400,
        "Sorry, there is a problem with the request",
        "The address or the information sent with it was not understood. Check it and try again.",
    )


def permission_denied(request, exception=None):
    return _error_page(
        request,
        403,
        "You do not have permission to see this page",
        "If you think you should, sign in with your work account or contact the partnership's "
        "business unit.",
    )


def page_not_found(request, exception=None):
    return _error_page(
        request,
        404,
        "Page not found",
        "If you typed the web address, check it is correct. If you pasted the web address, "
        "check you copied the entire address.",
    )


def too_many_requests(request, title, message, *, retry_after):
    """429: `title` says what was done too often, `message` what to do, and the response when
    to try again."""
    response = _error_page(request, 429, title, message)
    response["Retry-After"] = str(max(1, int(retry_after)))
    return response


def server_error(request):
    return _plain_error_page(
        request,
        500,
        "Sorry, there is a problem with the service",
        "Try again later. Anything you had already saved is safe.",
    )


def csrf_failure(request, reason=""):
    return _error_page(
        request,
        403,
        "Sorry, your form could not be sent",
        "This can happen if the page was open for a long time or cookies are turned off. "
        "Go back, reload the page and try again. Nothing you sent has been saved.",
    )


IMAGE_FOLDERS = ("images", "original_images")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def public_image(request, folder, path):
    """Outside production, the app serves Wagtail's public images itself (nginx does in
    production). Each image folder is its own root, so no address climbs out of it to
    another upload, and only image files are served, each under a sandbox."""
    from pathlib import Path

    from django.conf import settings
    from django.http import Http404
    from django.views.static import serve

    from hub.core.uploads.serving import protect

    parts = path.replace("\\", "/").split("/")
    if folder not in IMAGE_FOLDERS or any(part in ("", ".", "..") for part in parts):
        raise Http404
    if not path.lower().endswith(IMAGE_SUFFIXES):
        raise Http404
    response = serve(request, path, document_root=Path(settings.MEDIA_ROOT) / folder)
    return protect(response)
