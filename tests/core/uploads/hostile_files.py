"""Builders for the files the document library must accept or refuse, made in memory.

Every builder is a plain function returning `(name, content)`: the name a person (or an
attacker) might give the file and its bytes. Hostile files mostly carry innocent names such as
`guidance.pdf`, so tests show that refusal follows the content, not the name. Wrap one for a
test with `as_upload(*builder())`.

The valid documents each contain a made-up word that appears nowhere else (not in the name,
not in the metadata), so extraction tests can show that text came out of the file itself.
"""

import functools
import gzip
import io
import struct
import tarfile
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_WORD = "Thistlewick"
DOCX_WORD = "Marrowgate"
DOCX_TABLE_WORD = "Fennelbury"
ODT_WORD = "Wrenfield"
XLSX_WORD = "Quillhaven"
PPTX_WORD = "Harrowmere"
PPTX_NOTES_WORD = "Larkspindle"

MEGABYTE = 1024 * 1024

_PROSE = (
    "Practitioners should record the child's views, share concerns with the designated "
    "safeguarding lead without delay, and agree next steps with partner agencies. "
)


def as_upload(name, content, content_type="application/octet-stream"):
    """A Django upload of these bytes, as a view would receive it."""
    return SimpleUploadedFile(name, content, content_type=content_type)


# Documents that should be accepted


def pdf_document(pages=3, name="safeguarding-policy.pdf"):
    """A real text PDF made by fpdf2; PDF_WORD is on the second page (or the only one)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for number in range(1, pages + 1):
        pdf.add_page()
        words = f" The {PDF_WORD} protocol applies." if number == min(2, pages) else ""
        pdf.multi_cell(0, 8, f"Page {number} of the policy.{words} {_PROSE * 3}")
    return name, bytes(pdf.output())


def pdf_of_exact_size(size, name="exactly-at-the-limit.pdf"):
    """A valid PDF padded with trailing newlines (which readers ignore) to `size` bytes."""
    _, content = pdf_document(pages=1)
    if size < len(content):
        raise ValueError(f"The smallest PDF built here is {len(content)} bytes.")
    return name, content + b"\n" * (size - len(content))


def pdf_with_name(name):
    """A valid one-page PDF under a name chosen by the test (for safe name checks)."""
    return pdf_document(pages=1, name=name)


def pdf_mentioning_javascript_in_its_text():
    """A harmless PDF whose uncompressed page text says /JavaScript and /Launch.

    Stream bodies can hold any bytes, so a check that looked inside them would refuse this.
    """
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, "Never open attachments that use /JavaScript /JS or /Launch actions.")
    return "phishing-advice.pdf", bytes(pdf.output())


def scanned_like_pdf():
    """A PDF with drawings but no text at all, as a scanner without OCR produces."""
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.set_fill_color(200, 200, 200)
        pdf.rect(20, 20, 170, 250, style="F")
        pdf.line(30, 40, 180, 40)
    return "scanned-referral.pdf", bytes(pdf.output())


def docx_document(name="partnership-minutes.docx", pages_statistic=None):
    """A Word document with DOCX_WORD in a paragraph and DOCX_TABLE_WORD only in a table.

    With `pages_statistic`, docProps/app.xml says the document has that many pages.
    """
    import docx

    document = docx.Document()
    document.add_heading("Partnership meeting", level=1)
    document.add_paragraph(f"The {DOCX_WORD} review was agreed by every partner.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Agency"
    table.cell(0, 1).text = "Action"
    table.cell(1, 0).text = "Police"
    table.cell(1, 1).text = f"Share the {DOCX_TABLE_WORD} findings"
    buffer = io.BytesIO()
    document.save(buffer)
    content = buffer.getvalue()
    if pages_statistic is not None:
        app = _read_member(content, "docProps/app.xml")
        app = app.replace(b"<Pages>1</Pages>", f"<Pages>{pages_statistic}</Pages>".encode())
        content = _rezip(content, replace={"docProps/app.xml": app})
    return name, content


def xlsx_document(name="training-register.xlsx"):
    """A two-sheet workbook with XLSX_WORD in a cell of the second sheet."""
    import datetime

    import openpyxl

    workbook = openpyxl.Workbook()
    courses = workbook.active
    courses.title = "Courses"
    courses.append(["Course", "Places", "Date"])
    courses.append(["Working together", 24, datetime.date(2025, 3, 14)])
    attendance = workbook.create_sheet("Attendance")
    attendance.append(["Name", "Agency"])
    attendance.append([f"Sam {XLSX_WORD}", "Health visiting"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return name, buffer.getvalue()


def xlsx_with_exaggerated_dimensions(rows=3_000):
    """A workbook of `rows` one-cell rows whose sheet claims to be 16,384 columns wide: a
    reader trusting the claim pads every row out to 16,384 cells, 49 million in all."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for number in range(1, rows + 1):
        sheet.cell(row=number, column=1, value=f"Entry {number}")
    sheet.cell(row=rows, column=1, value=XLSX_WORD)
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = buffer.getvalue()
    part = _read_member(content, "xl/worksheets/sheet1.xml").replace(
        f'<dimension ref="A1:A{rows}"/>'.encode(), f'<dimension ref="A1:XFD{rows}"/>'.encode()
    )
    return "wide-register.xlsx", _rezip(content, replace={"xl/worksheets/sheet1.xml": part})


def pptx_document(slides=3, name="briefing.pptx"):
    """A presentation of `slides` slides; PPTX_WORD is on the last, PPTX_NOTES_WORD in its notes."""
    from pptx import Presentation

    presentation = Presentation()
    layout = presentation.slide_layouts[1]
    for number in range(1, slides + 1):
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text = f"Slide {number}"
        body = f"Learning from the {PPTX_WORD} case." if number == slides else "Key messages."
        slide.placeholders[1].text = body
        if number == slides:
            slide.notes_slide.notes_text_frame.text = f"Mention {PPTX_NOTES_WORD} here."
    buffer = io.BytesIO()
    presentation.save(buffer)
    return name, buffer.getvalue()


def odt_document(name="learning-review.odt", pages_statistic=None):
    """An OpenDocument text with a heading and ODT_WORD in a paragraph.

    With `pages_statistic`, meta.xml says the document has that many pages.
    """
    from odf.meta import DocumentStatistic
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Learning review"))
    document.text.addElement(
        P(text=f"The {ODT_WORD} practice review found good multi-agency work.")
    )
    if pages_statistic is not None:
        document.meta.addElement(DocumentStatistic(pagecount=pages_statistic))
    buffer = io.BytesIO()
    document.write(buffer)
    return name, buffer.getvalue()


# Office and OpenDocument files that are hostile or not what they say


def docx_named_as_pdf():
    """A genuine Word document whose name claims it is a PDF."""
    _, content = docx_document()
    return "annual-report.pdf", content


def docm_with_vba_project():
    """A macro-enabled Word document, as Word saves one: vbaProject.bin and a macro content type."""
    _, content = docx_document()
    types = _read_member(content, "[Content_Types].xml")
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    ).replace(
        b"<Default ",
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
        1,
    )
    content = _rezip(
        content,
        replace={"[Content_Types].xml": types},
        add={"word/vbaProject.bin": _OLE_MAGIC + b'Attribute VB_Name = "NewMacros"' * 20},
    )
    return "minutes.docm", content


def docx_with_hidden_vba_project():
    """A .docx that declares itself macro-free but carries a vbaProject.bin all the same."""
    _, content = docx_document()
    content = _rezip(content, add={"word/vbaProject.bin": _OLE_MAGIC + b"\x00" * 512})
    return "minutes.docx", content


def docx_named_docm():
    """A clean Word document with a macro-enabled extension."""
    _, content = docx_document()
    return "minutes.docm", content


def xlsx_with_macro_enabled_content_type():
    """A workbook whose [Content_Types].xml declares a macro-enabled main part."""
    _, content = xlsx_document()
    types = _read_member(content, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    return "budget.xlsx", _rezip(content, replace={"[Content_Types].xml": types})


def odt_with_basic_macros():
    """An OpenDocument text with a Basic macro library, as LibreOffice stores one."""
    _, content = odt_document()
    module = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<script:module xmlns:script="http://openoffice.org/2000/script" '
        b'script:name="Module1" script:language="StarBasic">Sub Main\nEnd Sub</script:module>'
    )
    content = _rezip(
        content,
        add={"Basic/Standard/Module1.xml": module, "Basic/script-lc.xml": b"<library/>"},
    )
    return "learning-review.odt", content


def odt_with_script_event_listener():
    """An OpenDocument text whose content binds a script to an event, with no Basic/ folder."""
    _, content = odt_document()
    body = _read_member(content, "content.xml").replace(
        b"</office:text>",
        b'<office:event-listeners><script:event-listener script:language="ooo:script" '
        b'script:event-name="dom:load" xlink:href="vnd.sun.star.script:Standard.Module1.Main"/>'
        b"</office:event-listeners></office:text>",
    )
    return "learning-review.odt", _rezip(content, replace={"content.xml": body})


def open_document_spreadsheet():
    """An OpenDocument spreadsheet (.ods): a real document, but not a kind the library takes."""
    from odf.opendocument import OpenDocumentSpreadsheet

    buffer = io.BytesIO()
    OpenDocumentSpreadsheet().write(buffer)
    return "budget.ods", buffer.getvalue()


def legacy_word_document():
    """The start of an old binary Word file (an OLE compound file)."""
    return "minutes.doc", _OLE_MAGIC + b"\x00" * 2048


def password_protected_word_document():
    """Office saves a password-protected DOCX as a compound file with an EncryptedPackage."""
    directory_entry = "EncryptedPackage".encode("utf-16-le") + b"\x00" * 32
    return "minutes.docx", _OLE_MAGIC + b"\x00" * 1024 + directory_entry + b"\x00" * 1024


def truncated_docx():
    """The first half of a Word document, as an interrupted download leaves it."""
    _, content = docx_document()
    return "partnership-minutes.docx", content[: len(content) // 2]


# PDFs with active content, or unreadable


def pdf_with_javascript_open_action():
    """A text PDF whose catalog runs JavaScript when it is opened."""
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = _pdf_writer_from(pdf_document(pages=1)[1])
    action = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('Your session has expired');"),
        }
    )
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return "safeguarding-policy.pdf", _pdf_writer_bytes(writer)


def pdf_with_document_javascript():
    """A text PDF with document-level JavaScript in the catalog's Names tree."""
    from pypdf.actions import JavaScript

    writer = _pdf_writer_from(pdf_document(pages=1)[1])
    writer.add_open_action(JavaScript("this.print({bUI: false, bSilent: true});"))
    return "safeguarding-policy.pdf", _pdf_writer_bytes(writer)


def pdf_with_launch_action():
    """A text PDF with a link annotation that launches a program."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    writer = _pdf_writer_from(pdf_document(pages=1)[1])
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (50, 50, 300, 100)]),
            NameObject("/A"): DictionaryObject(
                {
                    NameObject("/S"): NameObject("/Launch"),
                    NameObject("/F"): TextStringObject("C:\\Windows\\System32\\cmd.exe"),
                }
            ),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    return "referral-form.pdf", _pdf_writer_bytes(writer)


def pdf_with_embedded_file():
    """A text PDF carrying an attachment."""
    writer = _pdf_writer_from(pdf_document(pages=1)[1])
    writer.add_attachment("invoice.exe", b"MZ" + b"\x00" * 64)
    return "invoice.pdf", _pdf_writer_bytes(writer)


def pdf_with_hex_escaped_javascript_name():
    """JavaScript whose names are disguised with #xx escapes (/J#61vaScript is /JavaScript)."""
    content = _classic_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            4: b"<< /Type /Action /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>",
        }
    )
    return "newsletter.pdf", content


def pdf_with_javascript_in_object_stream():
    """A PDF 1.5 whose catalog and JavaScript action sit inside a compressed object stream.

    None of /OpenAction, /JavaScript or /JS appears in the file's raw bytes, so only a check
    that parses the PDF can see the script.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Type /Action /S /JavaScript /JS (app.launchURL\\('https://example.invalid'\\)) >>",
    ]
    offsets, position = [], 0
    for body in objects:
        offsets.append(position)
        position += len(body) + 1
    index = b" ".join(b"%d %d" % (number, offset) for number, offset in enumerate(offsets, 1))
    index += b"\n"
    packed = zlib.compress(index + b"\n".join(objects))

    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    object_stream_at = len(out)
    stream_header = b"<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>" % (
        len(objects),
        len(index),
        len(packed),
    )
    out += b"5 0 obj\n" + stream_header + b"\nstream\n" + packed + b"\nendstream\nendobj\n"
    # A cross-reference stream, which compressed objects require. Each row is (type, field 2,
    # field 3): 0 free; 1 at a byte offset; 2 inside object stream 5 at an index.
    xref_at = len(out)
    rows = [(0, 0, 0xFFFF)]
    rows += [(2, 5, index_in_stream) for index_in_stream in range(len(objects))]
    rows += [(1, object_stream_at, 0), (1, xref_at, 0)]
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    xref_header = b"<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>" % (
        len(rows),
        len(table),
    )
    out += b"6 0 obj\n" + xref_header + b"\nstream\n" + table + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return "practice-guidance.pdf", bytes(out)


def pdf_with_unreferenced_javascript(javascript_at):
    """A PDF with a JavaScript action that nothing refers to, its `/JavaScript` name starting
    at byte `javascript_at`. Parsing from the catalog never reaches it; only a scan of the
    raw bytes does, so this pins that scan across the edges of the blocks it reads."""

    def build(filler):
        return _classic_pdf(
            {
                1: b"<< /Type /Catalog /Pages 2 0 R >>",
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                # Only the one dangerous name, so nothing else can give the script away.
                4: b"<< /Filler (%s) /Names << /JavaScript 1 0 R >> >>" % (b"x" * filler),
            }
        )

    shift = javascript_at - build(0).index(b"/JavaScript")
    if shift < 0:
        raise ValueError("The JavaScript cannot start that early.")
    return "orphaned-script.pdf", build(shift)


def pdf_with_stream_ending_at(endstream_at):
    """A PDF whose binary stream's `endstream` keyword starts at byte `endstream_at`, followed
    by an unreferenced JavaScript action: missing the end of the stream would hide the script."""

    def build(length):
        data = bytes(range(256)).replace(b"e", b"").replace(b"s", b"") * (length // 254 + 1)
        return _classic_pdf(
            {
                1: b"<< /Type /Catalog /Pages 2 0 R >>",
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                4: b"<< /Length %010d >>\nstream\n%s\nendstream" % (length, data[:length]),
                5: b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
            }
        )

    shift = endstream_at - build(0).index(b"endstream")
    if shift < 0:
        raise ValueError("The stream cannot end that early.")
    return "orphaned-script.pdf", build(shift)


def encrypted_pdf():
    """A text PDF that cannot be opened without a password."""
    writer = _pdf_writer_from(pdf_document(pages=1)[1])
    writer.encrypt(user_password="open-sesame", owner_password="owner-secret")
    return "confidential.pdf", _pdf_writer_bytes(writer)


def pdf_with_owner_password_only():
    """A PDF encrypted only against editing: anyone can open it without a password."""
    writer = _pdf_writer_from(pdf_document(pages=1)[1])
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    return "locked-for-editing.pdf", _pdf_writer_bytes(writer)


def damaged_pdf():
    """Starts like a PDF, but nothing after the header is a PDF."""
    return "minutes.pdf", b"%PDF-1.7\n" + b"this is not really a PDF at all\n" * 40


# Web content, programs and archives


def html_page():
    return "guidance.pdf", (
        b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
        b"<body><script>document.location='https://example.invalid'</script></body></html>"
    )


def html_fragment_with_script():
    return "notes.docx", b"Meeting notes\n<script>fetch('/admin/')</script>\n"


def svg_image():
    return "logo.pdf", (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert(document.cookie)</script></svg>"
    )


def svg_with_xml_prolog():
    return "chart.pdf", (
        b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    )


def windows_executable():
    header = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
    return "policy.pdf", header + b"This program cannot be run in DOS mode.\r\r\n$" + b"\x00" * 256


def linux_executable():
    return "report.docx", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 504


def mac_executable():
    return "report.pptx", b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 504


def shell_script():
    return "notes.odt", b"#!/bin/sh\necho 'this would run on the reader's computer'\n"


def plain_text_file():
    return "notes.txt", b"Just some notes from the meeting.\n"


def plain_zip_of_text_files():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("minutes.txt", "Minutes of the meeting.\n")
        archive.writestr("actions.txt", "Actions agreed.\n")
    return "board-papers.docx", buffer.getvalue()


def gzip_file():
    return "minutes.pdf", gzip.compress(b"%PDF-1.4 pretend\n" * 50)


def tar_file():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        data = b"Minutes of the meeting.\n"
        member = tarfile.TarInfo("minutes.txt")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
    return "papers.pdf", buffer.getvalue()


def rar_file():
    return "papers.docx", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 120


def seven_zip_file():
    return "papers.docx", b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 120


def empty_file():
    return "empty.pdf", b""


# Zips built to exhaust the server or escape the archive


@functools.cache
def zip_bomb_disguised_as_docx(megabytes=300):
    """A real Word document plus a member of `megabytes` MB of zeros, streamed into the zip.

    About 300 KB on disk; expands to over 300 MB. Built once per test run and cached.
    """
    _, content = docx_document()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _copy_members(content, archive)
        _write_zeros(archive, "word/media/image1.png", megabytes)
    return "partnership-minutes.docx", buffer.getvalue()


@functools.cache
def highly_compressed_docx(megabytes=20):
    """A Word document with one member compressed about 1,000 to 1; small enough in total."""
    _, content = docx_document()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _copy_members(content, archive)
        _write_zeros(archive, "word/media/image1.png", megabytes)
    return "partnership-minutes.docx", buffer.getvalue()


def docx_with_too_many_parts(parts=2_001):
    _, content = docx_document()
    extra = {f"customXml/item{number}.xml": b"<x/>" for number in range(100, 100 + parts)}
    return "partnership-minutes.docx", _rezip(content, add=extra)


def encrypted_zip():
    """A Word document whose members are all marked as encrypted.

    The standard library cannot encrypt a zip, but it is the flag that a reader (and the
    validator) acts on, so setting it in every local and central header is enough.
    """
    _, content = docx_document()
    return "partnership-minutes.docx", _mark_members_encrypted(content)


def docx_with_path_traversal_member():
    _, content = docx_document()
    return "partnership-minutes.docx", _rezip(content, add={"../../outside.sh": b"echo hi\n"})


def docx_with_absolute_member_path():
    _, content = docx_document()
    return "partnership-minutes.docx", _rezip(content, add={"/etc/cron.d/job": b"* * * * *\n"})


# Helpers


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _read_member(content, name):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(name)


def _copy_members(content, target, *, replace=None):
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        for info in source.infolist():
            data = replace.get(info.filename, source.read(info))
            # OpenDocument needs `mimetype` first and stored uncompressed.
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, data, compress_type=method)


def _rezip(content, *, replace=None, add=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        _copy_members(content, target, replace=replace)
        for name, data in (add or {}).items():
            target.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _write_zeros(archive, name, megabytes):
    zeros = bytes(MEGABYTE)
    with archive.open(name, "w", force_zip64=True) as member:
        for _ in range(megabytes):
            member.write(zeros)


def _mark_members_encrypted(content):
    patched = bytearray(content)
    end = content.rfind(b"PK\x05\x06")
    (count,) = struct.unpack_from("<H", content, end + 10)
    (offset,) = struct.unpack_from("<I", content, end + 16)
    for _ in range(count):
        assert content[offset : offset + 4] == b"PK\x01\x02"
        patched[offset + 8] |= 0x1
        (local,) = struct.unpack_from("<I", content, offset + 42)
        patched[local + 6] |= 0x1
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", content, offset + 28)
        offset += 46 + name_length + extra_length + comment_length
    return bytes(patched)


def _pdf_writer_from(content):
    from pypdf import PdfReader, PdfWriter

    return PdfWriter(clone_from=PdfReader(io.BytesIO(content)))


def _pdf_writer_bytes(writer):
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _classic_pdf(objects):
    """A PDF with a classic cross-reference table from numbered object bodies (1..n)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    return bytes(out)


# Images that should be accepted, and images built to do harm


def _renamed(builder, name):
    """`builder`'s content under another name."""

    def build():
        _, content = builder()
        return name, content

    build.__name__ = f"{builder.__name__}_as_{name}"
    return build


svg_named_as_png = _renamed(svg_image, "logo.png")
html_named_as_png = _renamed(html_page, "logo.png")
executable_named_as_png = _renamed(windows_executable, "logo.png")


def png_image(name="logo.png", size=(40, 20)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 61, 96)).save(buffer, "PNG")
    return name, buffer.getvalue()


def jpeg_image(name="photo.jpg"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (26, 110, 58)).save(buffer, "JPEG")
    return name, buffer.getvalue()


def webp_image(name="banner.webp"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 200, 200)).save(buffer, "WEBP")
    return name, buffer.getvalue()


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_claiming_huge_dimensions():
    """A tiny file whose header says 100,000 × 100,000 pixels: decoding it would take tens of
    gigabytes (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return "diagram.png", (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", pixels)
        + _png_chunk(b"IEND", b"")
    )


def truncated_png():
    _, content = png_image(size=(200, 200))
    return "cut-short.png", content[: len(content) // 2]


def png_with_html_inside():
    """A real PNG carrying a web page in a text chunk near its start: a browser that sniffed
    content would run it (a "polyglot")."""
    _, content = png_image()
    chunk = _png_chunk(b"tEXt", b"Comment\x00<html><script>alert(document.cookie)</script>")
    return "polyglot.png", content[:33] + chunk + content[33:]


def png_named_as_jpeg():
    _, content = png_image()
    return "photo.jpg", content


def image_without_extension():
    _, content = png_image()
    return "logo", content


def gif_image():
    return "animation.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + b"\x00" * 20 + b";"


def oversized_png(megabytes=11):
    """A valid PNG padded past the image limit (trailing bytes that readers ignore)."""
    _, content = png_image()
    return "large.png", content + b"\x00" * (megabytes * MEGABYTE)


# The one corpus every upload screen is fed. Each must be refused wherever files enter; the
# names are what an attacker would choose, with innocent extensions.

HOSTILE_CORPUS = [
    docm_with_vba_project,
    docx_with_hidden_vba_project,
    xlsx_with_macro_enabled_content_type,
    odt_with_basic_macros,
    pdf_with_javascript_open_action,
    pdf_with_launch_action,
    pdf_with_embedded_file,
    svg_image,
    svg_with_xml_prolog,
    html_page,
    windows_executable,
    linux_executable,
    shell_script,
    zip_bomb_disguised_as_docx,
    encrypted_pdf,
    empty_file,
    oversized_png,
    png_claiming_huge_dimensions,
    png_with_html_inside,
    _renamed(windows_executable, "setup.exe"),
    _renamed(html_page, "page.html"),
    _renamed(html_fragment_with_script, "script.js"),
    _renamed(svg_image, "..\\..\\logo.svg"),
    _renamed(html_page, "a/../../page\x00.html"),
]
