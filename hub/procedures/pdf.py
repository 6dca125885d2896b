"""A chapter as a PDF, for people who print procedures or read them offline."""

import re
from html import unescape

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from hub.core.downloads import pdf_text

FOOTER = "Printed on {date}. Check the online version: procedures are updated regularly."


def _blocks(html):
    """(kind, text) pairs: headings, paragraphs and list items, from the chapter's HTML."""
    for match in re.finditer(r"<(h2|h3|p|li)>(.*?)</\1>", html, re.S):
        text = unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip()
        if text:
            yield match.group(1), " ".join(text.split())


class ChapterPDF(FPDF):
    def __init__(self, footer_text):
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.set_auto_page_break(auto=True, margin=22)

    def footer(self):
        self.set_y(-16)
        self.set_font("Helvetica", size=8)
        self.multi_cell(0, 4, pdf_text(self.footer_text), align="C")


def chapter_pdf(*, manual_title, partnership_name, view, printed_on, as_at=None):
    document = ChapterPDF(FOOTER.format(date=f"{printed_on:%-d %B %Y}"))
    document.set_title(pdf_text(view.version.title))
    document.add_page()
    document.set_font("Helvetica", size=9)
    document.multi_cell(
        0, 5, pdf_text(f"{manual_title} - {partnership_name}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    if as_at:
        document.multi_cell(
            0,
            5,
            pdf_text(f"As the procedures stood on {as_at:%-d %B %Y}."),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    document.ln(2)
    document.set_font("Helvetica", "B", 18)
    document.multi_cell(0, 9, pdf_text(view.version.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.set_font("Helvetica", size=9)
    document.multi_cell(
        0,
        5,
        pdf_text(f"Last amended in: {view.version.release.title}"),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    document.ln(3)
    sections = [("p", view.version.summary)] if view.version.summary else []
    sections += list(_blocks(view.version.body))
    if view.local:
        sections.append(("h2", f"Local information - {partnership_name}"))
        sections += list(_blocks(view.local.body))
    for kind, text in sections:
        if kind == "h2":
            document.ln(2)
            document.set_font("Helvetica", "B", 14)
            document.multi_cell(0, 7, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif kind == "h3":
            document.set_font("Helvetica", "B", 12)
            document.multi_cell(0, 6, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif kind == "li":
            document.set_font("Helvetica", size=11)
            document.multi_cell(0, 6, pdf_text(f"  - {text}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            document.set_font("Helvetica", size=11)
            document.multi_cell(0, 6, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            document.ln(1)
    return bytes(document.output())
