"""Images uploaded anywhere (Wagtail's image screens and choosers, a partnership's logo),
checked by what they contain rather than what they are called.

`check_image` accepts PNG, JPEG and WebP only. SVG is never accepted: it is a document that
can carry script. The content decides the kind; the name's extension must agree with it; the
size is counted, not taken on trust; the dimensions are read from the header and refused
before anything is decoded when they would take too much memory (a decompression bomb); and
the whole image is then decoded once, so a truncated or damaged file is refused here rather
than failing later when Wagtail makes a rendition.

Refusals are `ValidationError`s with a plain-English message and a `code`:

    empty            the file has no content
    too_large        bigger than IMAGES_MAX_UPLOAD_BYTES
    svg              an SVG image
    html             a web page, or an image that starts with markup a browser might run
    not_an_image     content that is no PNG, JPEG or WebP image
    no_extension     the name has no extension to agree with the content
    extension_mismatch  the name's extension disagrees with the content
    too_many_pixels  width × height beyond IMAGES_MAX_PIXELS
    damaged          the image cannot be decoded
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError

from hub.core.uploads.documents import (
    CheckedUpload,
    _extension_of,
    _megabytes,
    measured,
    safe_display_name,
)

IMAGE_KINDS = ("png", "jpeg", "webp")
IMAGE_CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
# The extensions each kind may be called by.
IMAGE_EXTENSIONS = {"png": {"png"}, "jpeg": {"jpg", "jpeg"}, "webp": {"webp"}}
IMAGE_LABELS = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP"}

DEFAULT_MAX_IMAGE_BYTES = 10 * 1024 * 1024
# 40 megapixels is a large photograph; decoding it takes about 160 MB.
DEFAULT_MAX_IMAGE_PIXELS = 40_000_000

# Browsers that sniff content would run a file starting with any of these as a page.
_MARKUP_START = re.compile(rb"<\s*(?:!doctype|html|head|body|script|iframe|svg|\?xml)", re.I)


def _kind_of(head):
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def check_image(uploaded_file, *, max_bytes=None, max_pixels=None) -> CheckedUpload:
    """Check an uploaded image by its content and describe it, or refuse it.

    Guarantees, when it returns: between 1 and `max_bytes` bytes; a PNG, JPEG or WebP image
    that decodes in full, with at most `max_pixels` pixels; its name's extension agrees with
    its content. The file position is 0 afterwards either way.
    """
    if max_bytes is None:
        max_bytes = getattr(settings, "IMAGES_MAX_UPLOAD_BYTES", DEFAULT_MAX_IMAGE_BYTES)
    if max_pixels is None:
        max_pixels = getattr(settings, "IMAGES_MAX_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)
    try:
        return _check(uploaded_file, max_bytes, max_pixels)
    finally:
        uploaded_file.seek(0)


def _too_large(max_bytes):
    return ValidationError(
        f"The image must be smaller than {_megabytes(max_bytes)}. Make it smaller (for "
        "example by saving it as a JPEG or reducing its width) and upload it again.",
        "too_large",
    )


def _check(uploaded_file, max_bytes, max_pixels):
    size, head = measured(uploaded_file, max_bytes, _too_large(max_bytes), "image")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    kind = _kind_of(head)
    if kind is None:
        if stripped.startswith(b"<") and re.search(rb"<svg[\s>/]", stripped, re.I):
            raise ValidationError(
                "SVG images are not accepted, because they can contain scripts. Save the "
                "image as a PNG and upload that.",
                "svg",
            )
        if _MARKUP_START.match(stripped):
            raise ValidationError(
                "The file is a web page, not an image. Upload a PNG, JPEG or WebP image.",
                "html",
            )
        raise ValidationError(
            "The file is not a PNG, JPEG or WebP image. Save it in one of those formats and "
            "upload it again.",
            "not_an_image",
        )
    name = getattr(uploaded_file, "name", "") or ""
    extension = _extension_of(name)
    if not extension:
        raise ValidationError(
            f"The file's name has no extension, but its content is a {IMAGE_LABELS[kind]} "
            f"image. Rename it to end in .{_preferred(kind)} and upload it again.",
            "no_extension",
        )
    if extension not in IMAGE_EXTENSIONS[kind]:
        raise ValidationError(
            f"The file's name says .{extension} but its content is a {IMAGE_LABELS[kind]} "
            f"image. Check you chose the right file, or rename it to end in .{_preferred(kind)}.",
            "extension_mismatch",
        )
    # A browser that ignores the content type could still read markup near the start of an
    # image (a "polyglot" file); real images never carry it there.
    if _MARKUP_START.search(head[:1024]):
        raise ValidationError(
            "The image contains web page markup, which is not accepted. Open it in an image "
            "editor, save it again and upload the new file.",
            "html",
        )
    _decode(uploaded_file, kind, max_pixels)
    return CheckedUpload(
        kind=kind,
        extension=_preferred(kind),
        content_type=IMAGE_CONTENT_TYPES[kind],
        safe_name=safe_display_name(name, extension),
        size=size,
    )


def _preferred(kind):
    return "jpg" if kind == "jpeg" else kind


def _decode(uploaded_file, kind, max_pixels):
    import warnings

    from PIL import Image

    damaged = ValidationError(
        f"The {IMAGE_LABELS[kind]} image is damaged and cannot be shown. Save it again and "
        "upload the new file.",
        "damaged",
    )
    uploaded_file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(uploaded_file, formats=[kind.upper()])
            width, height = image.size
            if width * height > max_pixels:
                raise ValidationError(
                    f"The image is {width:,} × {height:,} pixels, too large to show. Make it "
                    f"smaller than {max_pixels // 1_000_000} megapixels and upload it again.",
                    "too_many_pixels",
                )
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            "The image has far too many pixels to show. Make it smaller and upload it again.",
            "too_many_pixels",
        ) from error
    except Exception as error:  # Pillow raises many kinds for a damaged file
        raise damaged from error
