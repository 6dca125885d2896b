"""The admin's scripts run under a per-request nonce, never 'unsafe-inline'.

Wagtail 8 still writes a few scripts inline: the date and time widgets, InlinePanel,
MultipleChooserPanel and every chooser widget (page, image, document, snippet). Those, and
only those, are given the request's nonce where Wagtail writes them (template overrides in
hub/core/templates/wagtailadmin/ and `nonce_chooser_scripts`), so a script that reached a
page any other way has no nonce and does not run.

Widgets and panels are rendered without the request, so the nonce travels in a context
variable set for the request by `hub.core.middleware.ContentSecurityPolicyMiddleware`.
"""

from contextvars import ContextVar

_request = ContextVar("hub_csp_request", default=None)


def start(request):
    return _request.set(request)


def finish(token):
    _request.reset(token)


def current_nonce():
    """The nonce of the request being answered ("" outside a request). Asking for it puts
    it in that response's policy."""
    request = _request.get()
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    # django-csp's lazy nonce is falsy until read: compare with None, then read it.
    return str(nonce) if nonce is not None else ""


def nonce_chooser_scripts():
    """Wagtail's chooser widgets append `<script>…</script>` to their HTML in Python; give
    that one script the request's nonce."""
    from django.utils.safestring import mark_safe
    from wagtail.admin.widgets.chooser import BaseChooser

    original = BaseChooser.render
    if getattr(original, "hub_nonced", False):
        return

    def render(self, name, value, attrs=None, renderer=None):
        html = str(original(self, name, value, attrs=attrs, renderer=renderer))
        nonce = current_nonce()
        head, marker, tail = html.rpartition("<script>")
        if nonce and marker:
            html = f'{head}<script nonce="{nonce}">{tail}'
        return mark_safe(html)  # noqa: S308 - Wagtail's own escaped HTML, plus our attribute

    render.hub_nonced = True
    BaseChooser.render = render
