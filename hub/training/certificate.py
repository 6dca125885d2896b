"""The certificate of attendance: one A4 landscape page, made with fpdf2's core fonts."""

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from hub.core.downloads import pdf_text


def _line(document, text, *, size, style="", height=None, gap=0):
    document.set_font("Helvetica", style, size)
    document.multi_cell(
        0,
        height or size * 0.55,
        pdf_text(text),
        align=Align.C,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    if gap:
        document.ln(gap)


def certificate_pdf(*, person_name, course_title, level, on, hours, partnership_name):
    """The PDF's bytes. `on` is the date of the session; `hours` is already worded."""
    document = FPDF(orientation="landscape", format="A4")
    document.set_title(pdf_text(f"Certificate of attendance: {course_title}"))
    document.set_author(pdf_text(partnership_name))
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
