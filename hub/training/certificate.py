"""The certificate of attendance: one A4 landscape page, made with fpdf2's core fonts."""

import unicodedata

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

REPLACEMENTS = {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."}
# Letters with no decomposition into a base letter and an accent.
LETTERS = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i"}
LETTERS |= {"Œ": "OE", "œ": "oe"}


def _latin1(text):
    """The core fonts know only latin-1: typographic punctuation becomes its plain form and
    a letter outside latin-1 loses its accent ('Łukasz' -> 'Lukasz') rather than its place."""
    for original, replacement in (REPLACEMENTS | LETTERS).items():
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


def _line(document, text, *, size, style="", height=None, gap=0):
    document.set_font("Helvetica", style, size)
    document.multi_cell(
        0,
        height or size * 0.55,
        _latin1(text),
        align=Align.C,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    if gap:
        document.ln(gap)


def certificate_pdf(*, person_name, course_title, level, on, hours, partnership_name):
    """The PDF's bytes. `on` is the date of the session; `hours` is already worded."""
    document = FPDF(orientation="landscape", format="A4")
    document.set_title(_latin1(f"Certificate of attendance: {course_title}"))
    document.set_author(_latin1(partnership_name))
    document.set_margins(25, 25, 25)
    document.set_auto_page_break(auto=False)
    document.add_page()
    document.set_line_width(1.2)
    document.rect(12, 12, document.w - 24, document.h - 24)
    document.set_y(26)
    _line(document, partnership_name, size=16, style="B", gap=8)
    _line(document, "Certificate of attendance", size=30, style="B", gap=10)
    _line(document, "This is to certify that", size=14, gap=4)
    _line(document, person_name, size=26, style="B", gap=6)
    _line(document, "attended the inter-agency safeguarding course", size=14, gap=4)
    _line(document, course_title, size=18 if len(course_title) <= 90 else 14, style="B", gap=4)
    _line(document, level, size=14, gap=8)
    _line(document, f"Date: {on.day} {on:%B %Y}", size=13, gap=2)
    _line(document, f"Learning time: {hours}", size=13, gap=10)
    _line(
        document,
        f"Issued by {partnership_name}. The partnership keeps a record of attendance.",
        size=10,
    )
    return bytes(document.output())
