"""Text read out of library documents so that search can find them.

`extract_text` reads a file already accepted by `hub.core.uploads.check_document` and
returns its words in reading order with whitespace tidied, a page count where the format has
one, and a word count. It never lets a parsing library's exception escape: anything that stops
the text being read becomes `ExtractionFailed` with a reason a person can act on.
"""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings

DEFAULT_MAX_TEXT_CHARS = 2_000_000
# Cells visited in a workbook before reading stops, whatever text they held: bounds the work
# on a sheet of millions of nearly empty rows.
MAX_SPREADSHEET_CELLS = 20_000_000
# docProps/app.xml and meta.xml are a few kilobytes; read no more than this of either.
_MAX_PROPERTIES_BYTES = 1024 * 1024

_KIND_NOUNS = {
    "pdf": "PDF",
    "docx": "Word document",
    "odt": "OpenDocument text document",
    "xlsx": "Excel spreadsheet",
    "pptx": "PowerPoint presentation",
}

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"[^\S\n]+")
_SPACES_AROUND_NEWLINE = re.compile(r" ?\n ?")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class ExtractedText:
    """The text of a document. `truncated` is true when it was cut at LIBRARY_MAX_TEXT_CHARS."""

    text: str
    page_count: int | None
    word_count: int
    truncated: bool = False


class ExtractionFailed(Exception):
    """The document's text could not be read; `reason` says why, in plain English."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def extract_text(path_or_file, kind) -> ExtractedText:
    """Read the text of a document of `kind` ("pdf", "docx", "odt", "xlsx" or "pptx").

    `path_or_file` is a path or an open binary file (a Django `File` will do); a file is read
    from the start and left at the start. The text keeps paragraphs on their own lines, has
    runs of spaces collapsed, no control characters (so it can be stored in PostgreSQL) and is
    at most LIBRARY_MAX_TEXT_CHARS characters long; reading stops early once that much is
    found. Page counts:

    - PDF: the number of pages.
    - DOCX: the `<Pages>` statistic Word saved in docProps/app.xml, or None when absent (Word
      documents have no pages until laid out, so nothing else is reliable).
    - ODT: the `meta:page-count` statistic in meta.xml, or None when absent.
    - XLSX: the number of sheets, a workbook's nearest thing to pages.
    - PPTX: the number of slides.

    A PDF with no text at all raises `ExtractionFailed`, since it is most likely a scan that
    needs a text layer; an Office file with no text is simply empty. Raises `ExtractionFailed`
    for an unknown kind, a password-protected file, or one that cannot be parsed.
    """
    readers = {
        "pdf": _read_pdf,
        "docx": _read_docx,
        "odt": _read_odt,
        "xlsx": _read_xlsx,
        "pptx": _read_pptx,
    }
    if kind not in readers:
        raise ExtractionFailed(f"Text cannot be read from files of type '{kind}'.")
    limit = getattr(settings, "LIBRARY_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS)
    collected = _Collector(limit)
    try:
        with _opened(path_or_file) as stream:
            page_count = readers[kind](stream, collected)
    except ExtractionFailed:
        raise
    except Exception as error:
        raise ExtractionFailed(
            f"The file is damaged or not a real {_KIND_NOUNS[kind]}, so its text cannot be read."
        ) from error

    text = normalise_whitespace("\n".join(collected.pieces))
    truncated = collected.full or len(text) > limit
    if len(text) > limit:
        text = _cut_at_word(text, limit)
    if kind == "pdf" and not text:
        raise ExtractionFailed("No text could be found: the PDF may be a scanned image.")
    return ExtractedText(
        text=text, page_count=page_count, word_count=len(text.split()), truncated=truncated
    )


def normalise_whitespace(text):
    """Paragraphs on their own lines, single spaces within them, at most one blank line between
    them; invisible and control characters gone and unpaired surrogates replaced."""
    text = text.encode("utf-8", errors="replace").decode("utf-8")
    text = _INVISIBLE.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = text.replace("\t", " ")
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = _SPACES_AROUND_NEWLINE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


class _Collector:
    """Pieces of text in reading order, refusing more once the limit is passed."""

    def __init__(self, limit):
        self.limit = limit
        self.pieces = []
        self.length = 0
        self.cut_short = False

    @property
    def full(self):
        return self.cut_short or self.length > self.limit

    def add(self, piece):
        if piece and not self.full:
            self.pieces.append(piece)
            self.length += len(piece) + 1


@contextlib.contextmanager
def _opened(path_or_file):
    """A seekable binary stream for a path or an open file; a file is rewound after."""
    if isinstance(path_or_file, str | os.PathLike):
        with open(path_or_file, "rb") as stream:
            yield stream
        return
    path_or_file.seek(0)
    try:
        yield path_or_file
    finally:
        # A library may have closed the file; there is then nothing to rewind.
        with contextlib.suppress(Exception):
            path_or_file.seek(0)


def _cut_at_word(text, limit):
    cut = text[:limit]
    boundary = max(cut.rfind(" ", max(0, limit - 100)), cut.rfind("\n", max(0, limit - 100)))
    return (cut[:boundary] if boundary > 0 else cut).rstrip()


def _read_pdf(stream, collected):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    reader = PdfReader(stream, strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError:
            opened = 0
        if not opened:
            raise ExtractionFailed(
                "The PDF is encrypted with a password, so its text cannot be read."
            )
    pages = reader.pages
    page_count = len(pages)
    failures = 0
    for page in pages:
        if collected.full:
            break
        try:
            collected.add(page.extract_text())
        except Exception:
            # One unreadable page should not hide the text of the others.
            failures += 1
    if page_count and failures == page_count:
        raise ExtractionFailed("The PDF is damaged, so its text cannot be read.")
    return page_count


def _read_docx(stream, collected):
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    page_count = _statistic(stream, "docProps/app.xml", r"<(?:\w+:)?Pages>\s*(\d+)\s*<")
    stream.seek(0)
    document = docx.Document(stream)
    paragraph_tag = qn("w:p")
    # Every paragraph in document order: body text, table cells (nested too) and text boxes.
    # The fallback copy of a text box, kept for old versions of Word, would count it twice.
    fallback_tag = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    body = document.element.body
    for element in body.iter(paragraph_tag):
        if collected.full:
            break
        if any(ancestor.tag == fallback_tag for ancestor in element.iterancestors()):
            continue
        collected.add(Paragraph(element, None).text)
    return page_count


def _read_odt(stream, collected):
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    page_count = _statistic(stream, "meta.xml", r"""meta:page-count\s*=\s*["'](\d+)["']""")
    stream.seek(0)
    document = load(stream)
    wanted = {(TEXTNS, "p"), (TEXTNS, "h")}
    # Walk in document order; a paragraph's own text includes anything nested inside it.
    waiting = [document.text]
    while waiting and not collected.full:
        node = waiting.pop()
        if getattr(node, "qname", None) in wanted:
            collected.add(teletype.extractText(node))
            continue
        waiting.extend(reversed(getattr(node, "childNodes", [])))
    return page_count


def _read_xlsx(stream, collected):
    import openpyxl

    workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    cells_left = MAX_SPREADSHEET_CELLS
    try:
        for sheet in workbook.worksheets:
            if collected.full:
                break
            collected.add(sheet.title)
            # A sheet's declared size can be wrong, or a lie that pads every row to 16,384
            # empty cells; without it, rows are only as wide as their last real cell.
            sheet.reset_dimensions()
            for row in sheet.iter_rows(values_only=True):
                cells_left -= len(row)
                if cells_left < 0:
                    collected.cut_short = True
                if collected.full:
                    break
                collected.add(" ".join(_cell_text(value) for value in row if value is not None))
        return len(workbook.sheetnames)
    finally:
        workbook.close()


def _cell_text(value):
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()  # Excel stores plain dates as midnight
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _read_pptx(stream, collected):
    from pptx import Presentation

    presentation = Presentation(stream)
    slides = presentation.slides
    for slide in slides:
        if collected.full:
            break
        for shape in slide.shapes:
            _add_shape_text(shape, collected)
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            collected.add(slide.notes_slide.notes_text_frame.text)
    return len(slides)


def _add_shape_text(shape, collected):
    if getattr(shape, "has_text_frame", False):
        collected.add(shape.text_frame.text)
    if getattr(shape, "has_table", False):
        for row in shape.table.rows:
            collected.add(" ".join(cell.text for cell in row.cells))
    for inner in getattr(shape, "shapes", ()):  # a group of shapes
        _add_shape_text(inner, collected)


def _statistic(stream, part_name, pattern):
    """A number from a document's own statistics part, or None when it is not there."""
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive, archive.open(part_name) as part:
            data = part.read(_MAX_PROPERTIES_BYTES)
    except (KeyError, zipfile.BadZipFile):
        return None
    match = re.search(pattern, data.decode("utf-8", errors="replace"))
    return int(match.group(1)) if match else None
