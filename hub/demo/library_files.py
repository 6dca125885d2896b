"""Real files for the demo document library, built in memory from structured text.

Each builder returns the bytes of a genuine document of its kind, so the demo exercises the
same content checks and text extraction as an editor's upload. Every file says on it that it
is a demo document with fictional content.

Text builders (`pdf_bytes`, `docx_bytes`, `odt_bytes`) take `sections`: a list of
`(heading, blocks)` where each block is one of

    "A paragraph."
    ("list", ["item", "item"])              a bulleted list
    ("numbered", ["step", "step"])          a numbered list
    ("table", ["heading", ...], [[cell, ...], ...])

`xlsx_bytes(title, rows)` takes the rows of a template or tracker (the first row is the column
headings), and `pptx_bytes(title, slides)` takes `(slide title, [bullets])` pairs, optionally
with speaker notes as a third item.
"""

import hashlib
import io
import logging
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from hub.core.files import write_atomically

DEMO_MARK = "Demo document: fictional content"
AUTHOR = "South West (demo) safeguarding children partnerships"
PDF_TEMPLATE = "demo/library_file.html"

logger = logging.getLogger(__name__)


def _blocks(sections):
    """(heading, kind, value) for every block, with plain strings as paragraphs."""
    for heading, blocks in sections:
        yield heading, "heading", None
        for block in blocks:
            if isinstance(block, str):
                yield heading, "paragraph", block
            else:
                yield heading, block[0], block[1:]


# PDF


def pdf_bytes(title, sections):
    """A tagged A4 PDF (PDF/UA-1, through `hub.core.pdf`): the demo mark at the top, the title
    as its heading, each section's heading, paragraphs, lists and tables as written, and the
    title with the demo mark and "Page n of N" at the foot of every page.

    Rendered once: the bytes are kept in the cache folder (`_pdf_cache_folder`), named by a
    hash of everything that decides them, and read back from there whenever the same document
    is asked for again, by this process or the next `load_demo` sharing the folder. A cached
    file that is not a whole PDF is rendered again and replaced."""
    from hub.core import pdf

    html = render_to_string(
        PDF_TEMPLATE,
        {
            "title": title,
            "sections": _pdf_sections(sections),
            "author": AUTHOR,
            "demo_mark": DEMO_MARK,
        },
        using="jinja2",
    )
    path = _pdf_cache_folder() / f"{_pdf_key(html)}.pdf"
    try:
        content = path.read_bytes()
    except OSError:
        content = b""
    if _whole_pdf(content):
        return content
    content = pdf.html_to_pdf(html)
    _write_atomically(path, content)
    return content


def _pdf_sections(sections):
    """`sections` as the template reads them: a heading and its blocks, each with a kind."""
    shaped = []
    for heading, kind, value in _blocks(sections):
        if kind == "heading":
            shaped.append({"heading": heading, "blocks": []})
        elif kind == "paragraph":
            shaped[-1]["blocks"].append({"kind": kind, "text": value})
        elif kind in ("list", "numbered"):
            shaped[-1]["blocks"].append({"kind": kind, "items": value[0]})
        elif kind == "table":
            headings, rows = value
            shaped[-1]["blocks"].append({"kind": kind, "headings": headings, "rows": rows})
        else:
            raise ValueError(f"Unknown block kind: {kind}")
    return shaped


def _pdf_cache_folder():
    """settings.DEMO_PDF_CACHE: var/cache/demo-pdfs unless HUB_DEMO_PDF_CACHE says otherwise,
    shared by `make run` and every test run's demo (tests/servers.py)."""
    return Path(settings.DEMO_PDF_CACHE)


def _pdf_key(html):
    """SHA-256 of what decides a demo PDF's bytes: its HTML (the title, the sections, the
    demo's template and the layout it extends, all rendered), the print stylesheet and the
    versions of WeasyPrint and of pydyf, which writes the file."""
    from hub.core import pdf

    stylesheet = finders.find(pdf.STYLESHEET)
    if not stylesheet:
        raise pdf.PdfUnavailable(f"{pdf.STYLESHEET} is missing: run `make install` to build it.")
    digest = hashlib.sha256()
    for part in (
        html.encode("utf-8"),
        Path(stylesheet).read_bytes(),
        version("weasyprint").encode(),
        version("pydyf").encode(),
        pdf.PDF_VARIANT.encode(),
    ):
        # Each part's length first, so no two different inputs run together the same way.
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _whole_pdf(content):
    """Whether a cached file is a whole PDF: a header, and the end-of-file marker WeasyPrint
    writes last (a file cut short by a full disk or a crash has none)."""
    return content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")


def _write_atomically(path, content):
    """Write the cache file whole or not at all (two test runs load the demo side by side). A
    cache that cannot be written is no reason to fail: the next load renders again."""
    try:
        write_atomically(path, content)
    except OSError as error:
        logger.warning("Demo PDF not cached as %s: %s", path, error)


# Word (DOCX)


def docx_bytes(title, sections):
    """A Word document with the demo mark in the header and as its first line, headings in
    Word's heading styles (so the navigation pane and screen readers see the structure),
    Word's own list styles and bordered tables."""
    import docx
    from docx.shared import Mm, Pt

    document = docx.Document()
    properties = document.core_properties
    properties.title = title
    properties.author = AUTHOR
    properties.comments = DEMO_MARK
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    # python-docx's template is US Letter; partnerships print on A4.
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.header.paragraphs[0].text = DEMO_MARK
    section.footer.paragraphs[0].text = f"{title}. {DEMO_MARK}."
    mark = document.add_paragraph(DEMO_MARK)
    mark.runs[0].italic = True
    document.add_heading(title, level=0)
    for heading, kind, value in _blocks(sections):
        if kind == "heading":
            document.add_heading(heading, level=1)
        elif kind == "paragraph":
            document.add_paragraph(value)
        elif kind in ("list", "numbered"):
            style = "List Number" if kind == "numbered" else "List Bullet"
            for item in value[0]:
                document.add_paragraph(item, style=style)
        elif kind == "table":
            headings, rows = value
            table = document.add_table(rows=1, cols=len(headings))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, headings, strict=True):
                cell.text = text
                cell.paragraphs[0].runs[0].bold = True
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
            document.add_paragraph()
        else:
            raise ValueError(f"Unknown block kind: {kind}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# OpenDocument text (ODT)


def odt_bytes(title, sections):
    """An OpenDocument text file with real heading levels, lists and tables."""
    from odf.opendocument import OpenDocumentText
    from odf.style import (
        ListLevelProperties,
        ParagraphProperties,
        Style,
        TableColumnProperties,
        TextProperties,
    )
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P

    document = OpenDocumentText()
    document.meta.addElement(_odf_title(title))
    styles = document.styles
    automatic = document.automaticstyles

    title_style = Style(name="Title", family="paragraph")
    title_style.addElement(TextProperties(fontsize="20pt", fontweight="bold"))
    title_style.addElement(ParagraphProperties(marginbottom="0.3cm"))
    styles.addElement(title_style)
    heading_style = Style(name="Heading 1", family="paragraph", defaultoutlinelevel="1")
    heading_style.addElement(TextProperties(fontsize="14pt", fontweight="bold"))
    heading_style.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
    styles.addElement(heading_style)
    mark_style = Style(name="Demo mark", family="paragraph")
    mark_style.addElement(TextProperties(fontstyle="italic", fontsize="9pt"))
    styles.addElement(mark_style)
    body_style = Style(name="Text body", family="paragraph")
    body_style.addElement(ParagraphProperties(marginbottom="0.2cm"))
    styles.addElement(body_style)
    bold_cell = Style(name="Table heading", family="paragraph")
    bold_cell.addElement(TextProperties(fontweight="bold"))
    styles.addElement(bold_cell)

    bullets = ListStyle(name="Bullets")
    bullet_level = ListLevelStyleBullet(level=1, bulletchar="•")
    bullet_level.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.5cm"))
    bullets.addElement(bullet_level)
    automatic.addElement(bullets)
    numbers = ListStyle(name="Numbers")
    number_level = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    number_level.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.6cm"))
    numbers.addElement(number_level)
    automatic.addElement(numbers)
    column_style = Style(name="Column", family="table-column")
    column_style.addElement(TableColumnProperties(columnwidth="4cm"))
    automatic.addElement(column_style)

    text = document.text
    text.addElement(P(stylename=mark_style, text=DEMO_MARK))
    text.addElement(P(stylename=title_style, text=title))
    for heading, kind, value in _blocks(sections):
        if kind == "heading":
            text.addElement(H(outlinelevel=1, stylename=heading_style, text=heading))
        elif kind == "paragraph":
            text.addElement(P(stylename=body_style, text=value))
        elif kind in ("list", "numbered"):
            listing = List(stylename=numbers if kind == "numbered" else bullets)
            for item in value[0]:
                entry = ListItem()
                entry.addElement(P(stylename=body_style, text=item))
                listing.addElement(entry)
            text.addElement(listing)
        elif kind == "table":
            headings, rows = value
            table = Table(name=f"Table {len(text.childNodes)}")
            table.addElement(
                TableColumn(numbercolumnsrepeated=len(headings), stylename=column_style)
            )
            for cells, style in [(headings, bold_cell)] + [(row, body_style) for row in rows]:
                row_element = TableRow()
                for cell_text in cells:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(stylename=style, text=cell_text))
                    row_element.addElement(cell)
                table.addElement(row_element)
            text.addElement(table)
        else:
            raise ValueError(f"Unknown block kind: {kind}")
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _odf_title(title):
    from odf.dc import Title

    return Title(text=title)


# Excel (XLSX)


def xlsx_bytes(title, rows, *, notes=()):
    """A workbook with the template or tracker on its first sheet (headings bold, frozen and
    filterable) and, when `notes` are given, a "How to use" sheet of paragraphs."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.properties.title = title
    workbook.properties.creator = AUTHOR
    workbook.properties.description = DEMO_MARK
    sheet = workbook.active
    sheet.title = _sheet_name(title)
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([DEMO_MARK])
    sheet["A2"].font = Font(italic=True, color="595959")
    sheet.append([])
    header_row = sheet.max_row + 1
    heading_fill = PatternFill("solid", fgColor="DDEBF7")
    widths = {}
    for offset, row in enumerate(rows):
        sheet.append(list(row))
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=header_row + offset, column=column)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if offset == 0:
                cell.font = Font(bold=True)
                cell.fill = heading_fill
            widths[column] = max(widths.get(column, 10), min(len(str(value or "")), 60))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width + 2
    if rows:
        last_column = get_column_letter(len(rows[0]))
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        sheet.auto_filter.ref = f"A{header_row}:{last_column}{header_row + len(rows) - 1}"
    if notes:
        guide = workbook.create_sheet("How to use")
        guide.column_dimensions["A"].width = 100
        guide.append([title])
        guide["A1"].font = Font(bold=True, size=14)
        guide.append([DEMO_MARK])
        for paragraph in notes:
            guide.append([paragraph])
            guide.cell(row=guide.max_row, column=1).alignment = Alignment(wrap_text=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(title):
    # Excel sheet names: at most 31 characters, none of []:*?/\
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\")
    return cleaned[:31].strip() or "Sheet1"


# PowerPoint (PPTX)


def pptx_bytes(title, slides):
    """A 16:9 briefing: a title slide, then one slide of bullets per `(title, bullets)` entry,
    with speaker notes when a third item is given. The demo mark is on every slide."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    presentation = Presentation()
    presentation.slide_width = Inches(13.333)
    presentation.slide_height = Inches(7.5)
    presentation.core_properties.title = title
    presentation.core_properties.author = AUTHOR
    presentation.core_properties.comments = DEMO_MARK

    def mark(slide):
        box = slide.shapes.add_textbox(Inches(0.5), Inches(6.9), Inches(12.3), Inches(0.4))
        box.text_frame.text = DEMO_MARK
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
        box.text_frame.paragraphs[0].runs[0].font.italic = True

    def fit(slide):
        for placeholder in slide.placeholders:
            placeholder.left = Inches(0.6)
            placeholder.width = Inches(12.1)

    opening = presentation.slides.add_slide(presentation.slide_layouts[0])
    fit(opening)
    opening.shapes.title.text = title
    opening.placeholders[1].text = AUTHOR
    mark(opening)
    for entry in slides:
        slide_title, bullets = entry[0], entry[1]
        notes = entry[2] if len(entry) > 2 else ""
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        fit(slide)
        slide.shapes.title.text = slide_title
        body = slide.placeholders[1].text_frame
        body.word_wrap = True
        for index, bullet in enumerate(bullets):
            paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
            paragraph.text = bullet
            paragraph.font.size = Pt(22)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        mark(slide)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


BUILDERS = {
    "pdf": pdf_bytes,
    "docx": docx_bytes,
    "odt": odt_bytes,
    "xlsx": xlsx_bytes,
    "pptx": pptx_bytes,
}


def build(kind, title, content):
    """The bytes of a `kind` file of `title`: `content` is sections, rows or slides as that
    kind's builder takes them (for xlsx, a dict with "rows" and optional "notes")."""
    if kind == "xlsx" and isinstance(content, dict):
        return xlsx_bytes(title, content["rows"], notes=content.get("notes", ()))
    return BUILDERS[kind](title, content)
