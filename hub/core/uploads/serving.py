"""The one way a stored upload leaves the Hub: through a view that has already decided the
visitor may have it, with headers that stop the browser treating it as part of the site.

A PDF that passed the upload gate (no JavaScript, no launch actions, no attachments) opens in
the browser's own viewer: `inline`, `Content-Security-Policy: default-src 'none'` (Chromium's
viewer does not open a PDF under `sandbox`) and `nosniff`. Every other file is an attachment
under `default-src 'none'; sandbox`, so even a file a browser mistook for a page could run
nothing and reach nothing.
"""

from django.http import FileResponse

ATTACHMENT_POLICY = "default-src 'none'; sandbox"
INLINE_PDF_POLICY = "default-src 'none'"


def protect(response, *, inline_pdf=False, private=False):
    """Set the headers every served upload carries on `response`."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = INLINE_PDF_POLICY if inline_pdf else ATTACHMENT_POLICY
    # Cross-site pages may not embed or fetch it.
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if private:
        response["Cache-Control"] = "private, no-store"
    # The page policy of hub.core.middleware must not replace this one.
    response._csp_exempt = True
    return response


def serve_upload(stored_file, *, filename, content_type, private=False):
    """A response streaming `stored_file` (a Django File or FieldFile) as `filename`.

    `content_type` is the type the upload gate found in the content, never one taken from
    the upload. `private` files are never kept by a browser or a shared cache.
    """
    inline_pdf = content_type == "application/pdf"
    response = FileResponse(
        stored_file.open("rb"),
        as_attachment=not inline_pdf,
        filename=filename,
        content_type=content_type,
    )
    return protect(response, inline_pdf=inline_pdf, private=private)
