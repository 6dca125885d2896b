from django import template
from django.utils.html import format_html

from hub.core.csp import current_nonce

register = template.Library()


@register.simple_tag
def csp_nonce_attribute():
    """` nonce="…"` for an inline script the admin needs (see hub.core.csp)."""
    nonce = current_nonce()
    return format_html(' nonce="{}"', nonce) if nonce else ""
