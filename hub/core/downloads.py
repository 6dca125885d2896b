"""Text made safe for the files people download: PDFs written with fpdf2's core fonts, and
spreadsheet cells (CSV and XLSX) that a spreadsheet program must never run as formulas."""

import unicodedata

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
