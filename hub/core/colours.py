"""Colour contrast as WCAG 2.2 defines it, used to refuse brand colours that cannot be read."""

import re

from django.core.exceptions import ValidationError

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
# WCAG 2.2 success criterion 1.4.3: normal text needs 4.5:1.
MINIMUM_TEXT_CONTRAST = 4.5


def _channel(value):
    value = value / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour):
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_hex_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            "Enter a colour as # followed by six hexadecimal digits, like #0b5394"
        )


def validate_readable_on_white(value):
    """Brand colours carry white text (header) and sit as text on white (links, headings)."""
    validate_hex_colour(value)
    ratio = contrast_ratio(value, WHITE)
    if ratio < MINIMUM_TEXT_CONTRAST:
        raise ValidationError(
            f"This colour has a contrast of {ratio:.1f}:1 with white; it needs at least "
            f"{MINIMUM_TEXT_CONTRAST}:1 so that text stays readable. Choose a darker colour."
        )
