"""The one way the Hub makes a PDF: a Jinja2 template (the same partials as the page) and the
print stylesheet, rendered by WeasyPrint as PDF/UA-1.

What that gives every PDF, whoever adds it:

- tagged: a structure tree with the page's headings, paragraphs, lists, tables and links in
  reading order, the document's title shown as its title, and its language;
- text as written: fonts come from Debian's Noto packages (installed by
  `scripts/system-packages`) and are embedded, subset, with their Unicode map, so every
  name in any script prints, selects, searches and reads back exactly;
- nothing fetched from outside: the only resources a PDF may load are the Hub's own static
  files and image renditions, read from storage (`local_resources`). An address in a page's
  body that points anywhere else is left out of the PDF, never requested.

A template for a PDF extends `layouts/pdf.html`. Build it with `render_pdf`, or turn
ready HTML (the demo's generated documents) into a PDF with `html_to_pdf`.
"""

import threading
from functools import cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"
PDF_CONTENT_TYPE = "application/pdf"
STYLESHEET = "css/pdf.css"
# Image renditions the PDFs may show (a partnership's logo, an image in a chapter).
MEDIA_FOLDERS = ("images/", "original_images/")
# Where resources are said to live when there is no request (the demo's documents).
NO_ORIGIN = "https://hub.invalid"

# WeasyPrint's text layout (Pango and fontconfig underneath) is not documented as safe to
# share between threads; a gthread worker renders one PDF at a time.
_rendering = threading.Lock()


class PdfUnavailable(RuntimeError):
    """The print stylesheet was never built (`make install` builds it)."""


def render_pdf(template_name, context, *, request=None):
    """The PDF of `template_name` (a template extending `layouts/pdf.html`), its links made
    absolute against the request's site."""
    html = render_to_string(template_name, context, request=request, using="jinja2")
    origin = request.build_absolute_uri("/").rstrip("/") if request is not None else NO_ORIGIN
    return html_to_pdf(html, origin=origin)


def html_to_pdf(html, *, origin=NO_ORIGIN):
    """`html` (a whole document with `<html lang>` and `<title>`) as tagged PDF bytes."""
    HTML = _weasyprint().HTML  # noqa: N806 - WeasyPrint's class

    document = HTML(string=html, base_url=origin + "/", url_fetcher=local_resources(origin))
    with _rendering:
        return document.write_pdf(stylesheets=[_stylesheet()], pdf_variant=PDF_VARIANT)


@cache
def _weasyprint():
    """WeasyPrint, imported on first use (0.4 s no other command should pay), with Pillow's
    global LOAD_TRUNCATED_IMAGES put back as it was: WeasyPrint turns it on when imported,
    which would let every later image upload in the process pass a truncated file as whole
    (hub/core/uploads/images.py refuses those). The PDFs only draw the Hub's own images."""
    from PIL import ImageFile

    truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    import weasyprint
    import weasyprint.images
    import weasyprint.urls

    ImageFile.LOAD_TRUNCATED_IMAGES = truncated
    return weasyprint


@cache
def _stylesheet():
    """The print stylesheet, parsed once per process."""
    CSS = _weasyprint().CSS  # noqa: N806 - WeasyPrint's class

    path = finders.find(STYLESHEET)
    if not path:
        raise PdfUnavailable(f"{STYLESHEET} is missing: run `make install` to build it.")
    with open(path, encoding="utf-8") as stylesheet:
        return CSS(string=stylesheet.read())


def local_resources(origin):
    """A WeasyPrint URL fetcher that serves the Hub's own static files and image renditions
    from storage and refuses every other address (WeasyPrint then leaves that resource out)."""
    return _local_resources_class()(origin)


@cache
def _local_resources_class():
    urls = _weasyprint().urls
    URLFetcher, URLFetcherResponse = urls.URLFetcher, urls.URLFetcherResponse  # noqa: N806

    class LocalResources(URLFetcher):
        def __init__(self, origin):
            super().__init__(allowed_protocols=("data",))
            self.origin = origin

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)  # inline: nothing is requested
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                raise ValueError(f"A PDF loads nothing from outside the Hub: {url}")
            path = unquote(parts.path)
            if ".." in path.split("/"):
                raise ValueError(f"Not a file of the Hub: {url}")
            if path.startswith(settings.STATIC_URL):
                return URLFetcherResponse(url, _static_file(path[len(settings.STATIC_URL) :]))
            name = path.removeprefix(settings.MEDIA_URL)
            if path.startswith(settings.MEDIA_URL) and name.startswith(MEDIA_FOLDERS):
                with default_storage.open(name) as file:
                    return URLFetcherResponse(url, file.read())
            raise ValueError(f"Not a file a PDF may show: {url}")

    return LocalResources


def _static_file(name):
    """A static file's bytes: the collected (hashed) copy if there is one, else the source."""
    try:
        with staticfiles_storage.open(name) as file:
            return file.read()
    except (FileNotFoundError, OSError, ValueError):
        path = finders.find(name)
        if not path:
            raise
        with open(path, "rb") as file:
            return file.read()
