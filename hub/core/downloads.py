"""The files people download: one response for anything not public, and spreadsheet cells
(CSV and XLSX) that a spreadsheet program must never run as formulas. PDFs are made in
hub/core/pdf.py, with every character as written."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def private_download(content, *, filename, content_type, inline=False):
    """A file only its requester may see (a certificate, a register, an export, someone's own
    data): offered under `filename`, never kept by a browser's or a proxy's cache."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["Cache-Control"] = "private, no-store"
    return response


# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """`value`, with a leading apostrophe if a spreadsheet program would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
