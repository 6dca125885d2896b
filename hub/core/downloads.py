"""The files people download: one response for anything not public, text made safe for
PDFs written with fpdf2's core fonts, and spreadsheet cells (CSV and XLSX) that a spreadsheet
program must never run as formulas."""

import unicodedata

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


PDF_REPLACEMENTS = {
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "•": "-",
}
# Letters with no decomposition into a base letter and an accent.
PDF_LETTERS = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i"}
PDF_LETTERS |= {"Œ": "OE", "œ": "oe"}

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def pdf_text(text):
    """The core fonts know only latin-1: typographic punctuation becomes its plain form and
    a letter outside latin-1 loses its accent ('Łukasz' -> 'Lukasz') rather than its place."""
    for original, replacement in (PDF_REPLACEMENTS | PDF_LETTERS).items():
        text = text.replace(original, replacement)
    characters = []
    for character in text:
        try:
            character.encode("latin-1")
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
            character = plain or "?"
        characters.append(character)
    return "".join(characters)


def spreadsheet_text(value):
    """`value`, with a leading apostrophe if a spreadsheet program would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
