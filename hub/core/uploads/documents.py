"""Documents uploaded anywhere (library versions, section 11 evidence), checked by what they
contain rather than what they are called.

`validate_upload` (exported as `hub.core.uploads.check_document`) decides the kind of
document from its bytes (magic numbers, zip structure, PDF objects), never from its name, and
refuses anything that could act on a reader's computer: macros, PDF scripts and launch actions,
web pages, images that carry scripts, programs and archives.

Every refusal is a `ValidationError` whose message says why in plain English and whose `code`
names the reason, so forms show the message and callers and tests can branch on the code:

    empty                           the file has no content
    too_large                       bigger than LIBRARY_MAX_UPLOAD_BYTES
    not_accepted                    content not recognised as any accepted kind
    type_not_allowed                a recognised kind this site does not accept
    no_extension                    the name has no extension to agree with the content
    extension_mismatch              the name's extension disagrees with the content
    macros                          Office or OpenDocument macros, or a macro-enabled extension
    pdf_javascript                  a PDF with JavaScript
    pdf_launch_action               a PDF with an action that starts another program
    pdf_embedded_file               a PDF with files attached inside it
    encrypted                       password-protected (PDF, zip or Office)
    legacy_office                   an old .doc/.xls/.ppt compound file
    html                            a web page
    svg                             an SVG image
    executable                      a program or script
    archive                         an archive (zip, gzip, rar, 7z, tar...) that is not a document
    archive_too_many_parts          a zip with more members than any real document has
    archive_too_large_uncompressed  a zip that would expand past LIBRARY_MAX_UNCOMPRESSED_BYTES
    archive_compression_ratio       a member compressed far more than real content (a zip bomb)
    unsafe_member_name              a zip member named outside the archive (`..`, absolute)
    damaged                         a zip or PDF that cannot be read
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

KINDS = ("pdf", "docx", "odt", "xlsx", "pptx")

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

# "Upload a PDF, Word (DOCX) ... file."
KIND_LABELS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "odt": "OpenDocument text (ODT)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
}

# "... is damaged or not a real Word document."
KIND_NOUNS = {
    "pdf": "PDF",
    "docx": "Word document",
    "odt": "OpenDocument text document",
    "xlsx": "Excel spreadsheet",
    "pptx": "PowerPoint presentation",
}
# "... but its content is a Word document."
KIND_DESCRIPTIONS = {
    kind: f"{'an' if noun[0] in 'AEIOU' else 'a'} {noun}" for kind, noun in KIND_NOUNS.items()
}

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024

# Real Office documents have tens or hundreds of parts; thousands means something else.
MAX_ZIP_MEMBERS = 2_000
# Text and XML compress around 10:1; a member far beyond that is padding built to exhaust memory.
MAX_COMPRESSION_RATIO = 100
COMPRESSION_RATIO_APPLIES_FROM_BYTES = 1024 * 1024
# Small parts read whole ([Content_Types].xml, mimetype) are never legitimately bigger than this.
MAX_SMALL_PART_BYTES = 4 * 1024 * 1024
# A 20 MB PDF has at most a few hundred thousand objects; more means a crafted file.
MAX_PDF_OBJECTS = 500_000

SAFE_NAME_MAX_CHARS = 120
_SAFE_NAME_PUNCTUATION = frozenset(" -_.,()'&")

# Files are read in blocks of this size, never whole.
READ_BLOCK_BYTES = 1024 * 1024
_HEAD_BYTES = 64 * 1024

_MACRO_ENABLED_EXTENSIONS = frozenset(
    {"docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm"}
)

_OOXML_MAIN_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Parts of an OpenDocument file where macro bindings and embedded scripts are declared.
_ODT_SCRIPT_PARTS = frozenset({"content.xml", "styles.xml", "meta-inf/manifest.xml"})
_ODT_SCRIPT_MARKERS = (b"<script:", b"<office:script ", b"<office:script>")

_EXECUTABLE_MAGIC = (
    b"MZ",  # Windows (PE) and DOS programs
    b"\x7fELF",  # Linux and other Unix programs
    b"\xfe\xed\xfa\xce",  # Mach-O, 32-bit
    b"\xfe\xed\xfa\xcf",  # Mach-O, 64-bit
    b"\xce\xfa\xed\xfe",  # Mach-O, 32-bit little-endian
    b"\xcf\xfa\xed\xfe",  # Mach-O, 64-bit little-endian
    b"\xca\xfe\xba\xbe",  # Mach-O universal binary, Java class
    b"\x00asm",  # WebAssembly
    b"#!",  # scripts for a Unix interpreter
)
_ARCHIVE_MAGIC = (
    b"\x1f\x8b",  # gzip
    b"Rar!\x1a\x07",  # RAR
    b"7z\xbc\xaf\x27\x1c",  # 7-Zip
    b"BZh",  # bzip2
    b"\xfd7zXZ\x00",  # xz
    b"\x28\xb5\x2f\xfd",  # Zstandard
    b"MSCF",  # Windows cabinet
    b"PK\x07\x08",  # spanned zip
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Office writes password-protected DOCX/XLSX/PPTX as a compound file holding this stream.
_OLE_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

# The raw PDF scan: dangerous names outside stream bodies, including names disguised with
# #xx escapes (/J#61vaScript), and the `stream` keyword so that binary stream data, where
# any byte sequence can occur by chance, is skipped.
_PDF_DELIMITERS = rb"\s\x00()<>\[\]{}/%"
_PDF_RAW_PATTERN = re.compile(
    rb"(?<![A-Za-z])stream(?:\r\n|\r|\n)"
    rb"|/(?:JavaScript|JS|Launch|EmbeddedFiles?)(?=[" + _PDF_DELIMITERS + rb"]|\Z)"
    rb"|/[^" + _PDF_DELIMITERS + rb"#]{0,127}#[^" + _PDF_DELIMITERS + rb"]{1,127}"
)
_PDF_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_RAW_OVERLAP = 512
_PDF_RAW_CONTEXT = 16
_PDF_DANGEROUS_NAMES = {
    b"JavaScript": "javascript",
    b"JS": "javascript",
    b"Launch": "launch",
    b"EmbeddedFile": "embedded_file",
    b"EmbeddedFiles": "embedded_file",
}


@dataclass(frozen=True)
class CheckedUpload:
    """A file that passed `validate_upload`.

    `kind` is one of KINDS, `extension` is the kind's extension without a dot ("pdf"),
    `safe_name` is the original name made safe to display, `size` the bytes actually read.
    """

    kind: str
    extension: str
    content_type: str
    safe_name: str
    size: int


def validate_upload(uploaded_file, *, allowed_types=None, max_bytes=None) -> CheckedUpload:
    """Check an uploaded file by its content and describe it, or refuse it.

    Guarantees, when it returns: the file has between 1 and `max_bytes` bytes (counted, not
    taken from `.size`); its content is one of `allowed_types`; its name's extension agrees with
    that content; it holds no macros, PDF scripts, launch actions or attachments; if it is a zip
    it is not a zip bomb. Raises `ValidationError` with a plain-English message and a `code`
    (listed in this module's docstring) otherwise. The file position is 0 afterwards either way.
    """
    if allowed_types is None:
        allowed_types = getattr(settings, "LIBRARY_ALLOWED_TYPES", list(KINDS))
    if max_bytes is None:
        max_bytes = getattr(settings, "LIBRARY_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)
    wanted = {str(kind).strip().lower() for kind in allowed_types}
    allowed = [kind for kind in KINDS if kind in wanted]
    try:
        return _check(uploaded_file, allowed, max_bytes)
    finally:
        uploaded_file.seek(0)


def safe_display_name(original_name, extension) -> str:
    """The original file name reduced to something safe to show and offer for download.

    Directory parts (either slash) are dropped, control and invisible formatting characters
    removed, anything outside letters, digits and `-_.,()'&` turned into a space, spaces
    collapsed, and the result cut to SAFE_NAME_MAX_CHARS keeping `.extension`. Falls back to
    "document.<extension>" when nothing is left.
    """
    extension = extension.lower().lstrip(".")
    name = unicodedata.normalize("NFKC", original_name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = re.sub(r"\s", " ", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = "".join(
        ch
        if ch.isalnum() or ch in _SAFE_NAME_PUNCTUATION or unicodedata.category(ch)[0] == "M"
        else " "
        for ch in name
    )
    name = re.sub(r"\s+", " ", name).strip()
    suffix = f".{extension}"
    stem = name[: -len(suffix)] if name.lower().endswith(suffix) else name
    # No leading dots (hidden files) and no trailing dots or spaces (Windows drops them).
    stem = stem.strip(" .-_")
    stem = stem[: SAFE_NAME_MAX_CHARS - len(suffix)].rstrip(" .-_")
    return f"{stem or 'document'}{suffix}"


def measured(uploaded_file, max_bytes, too_large, what="file"):
    """(size, first bytes) of an upload of 1 to `max_bytes` bytes, or the refusal: `too_large`
    (a ValidationError) when the declared or counted size is over, "empty" when there are no
    bytes. Every check of hub.core.uploads starts here."""
    declared_size = getattr(uploaded_file, "size", None)
    if declared_size is not None and declared_size > max_bytes:
        raise too_large
    size, head = _measure(uploaded_file, max_bytes)
    if size == 0:
        raise ValidationError(f"The file is empty. Choose the {what} again and upload it.", "empty")
    if size > max_bytes:
        raise too_large
    return size, head


def _check(uploaded_file, allowed, max_bytes) -> CheckedUpload:
    size, head = measured(uploaded_file, max_bytes, _too_large(max_bytes))

    name = getattr(uploaded_file, "name", "") or ""
    name_extension = _extension_of(name)
    kind = _identify(uploaded_file, head, name_extension, allowed)

    if name_extension in _MACRO_ENABLED_EXTENSIONS:
        raise ValidationError(
            f"The file's name ends in .{name_extension}, which is a macro-enabled Office format. "
            f"Save it as a .{kind} file without macros and upload that.",
            "macros",
        )
    if not name_extension:
        raise ValidationError(
            f"The file's name has no extension, but its content is {KIND_DESCRIPTIONS[kind]}. "
            f"Rename it to end in .{kind} and upload it again.",
            "no_extension",
        )
    if name_extension != kind:
        raise ValidationError(
            f"The file's name says .{name_extension} but its content is "
            f"{KIND_DESCRIPTIONS[kind]}. Check you chose the right file, or rename it to end "
            f"in .{kind}.",
            "extension_mismatch",
        )
    if kind not in allowed:
        raise ValidationError(
            f"{KIND_LABELS[kind]} files are not accepted here. {_upload_instead(allowed)}",
            "type_not_allowed",
        )
    return CheckedUpload(
        kind=kind,
        extension=kind,
        content_type=CONTENT_TYPES[kind],
        safe_name=safe_display_name(name, kind),
        size=size,
    )


def _measure(uploaded_file, max_bytes):
    """Count the bytes really there (stopping one past the limit) and keep the first few."""
    uploaded_file.seek(0)
    size = 0
    head = b""
    while size <= max_bytes:
        block = uploaded_file.read(min(READ_BLOCK_BYTES, max_bytes + 1 - size))
        if not block:
            break
        if len(head) < _HEAD_BYTES:
            head += block[: _HEAD_BYTES - len(head)]
        size += len(block)
    return size, head


def _extension_of(name):
    base = re.split(r"[\\/]", name)[-1].strip().rstrip(". ")
    if "." not in base:
        return ""
    return base.rsplit(".", 1)[1].strip().lower()


def _identify(uploaded_file, head, name_extension, allowed):
    """The kind of document the content is, after its safety checks, or a refusal."""
    if head.startswith(b"%PDF-"):
        _inspect_pdf(uploaded_file)
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _inspect_zip(uploaded_file, name_extension, allowed)
    if head.startswith(_OLE_MAGIC):
        if _OLE_ENCRYPTED_PACKAGE in head:
            raise _encrypted()
        raise ValidationError(
            "The file is an older Microsoft Office file (.doc, .xls or .ppt), which can carry "
            "hidden macros. Save it as DOCX, XLSX or PPTX and upload that.",
            "legacy_office",
        )
    if head.startswith(_EXECUTABLE_MAGIC):
        raise ValidationError(
            "The file is a program or script, which is not accepted. Upload a document.",
            "executable",
        )
    if head.startswith(_ARCHIVE_MAGIC) or head[257:262] == b"ustar":
        raise _archive()
    text = _text_head(head)
    if text.startswith(("<!doctype html", "<html")):
        raise _html()
    if "<svg" in text:
        raise ValidationError(
            "The file is an SVG image, which can carry scripts and is not accepted. "
            "Save it as a PDF and upload that.",
            "svg",
        )
    if any(tag in text[:1024] for tag in ("<html", "<script", "<head", "<body", "<iframe")):
        raise _html()
    raise _not_accepted(allowed)


def _text_head(head):
    sample = head[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = sample.decode("utf-16", errors="ignore")
    else:
        text = sample.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    return text.lstrip("\ufeff \t\r\n").lower()


# PDF


def _inspect_pdf(uploaded_file):
    uploaded_file.seek(0)
    _refuse_pdf_findings(_scan_pdf_raw(uploaded_file))
    uploaded_file.seek(0)
    findings = _walk_pdf(uploaded_file)
    _refuse_pdf_findings(findings)


def _scan_pdf_raw(stream):
    """Dangerous names anywhere in the file's own bytes, outside stream bodies.

    Reads in blocks, keeping an overlap so that a name or keyword split between two blocks is
    still seen, and a little context so the `stream` keyword is not mistaken inside `endstream`.
    """
    findings = set()
    pending = b""
    position = 0
    in_stream = False
    while True:
        block = stream.read(READ_BLOCK_BYTES)
        at_end = not block
        buffer = pending + block
        limit = len(buffer) if at_end else len(buffer) - _PDF_RAW_OVERLAP
        while position < limit:
            if in_stream:
                end = buffer.find(b"endstream", position)
                if end == -1:
                    position = max(position, len(buffer) - len(b"endstream"))
                    break
                in_stream = False
                position = end + len(b"endstream")
                continue
            match = _PDF_RAW_PATTERN.search(buffer, position)
            if match is None or match.start() >= limit:
                position = max(position, limit)
                break
            token = match.group()
            position = match.end()
            if token.startswith(b"/"):
                name = _PDF_HEX_ESCAPE.sub(lambda m: bytes.fromhex(m.group(1).decode()), token[1:])
                if name in _PDF_DANGEROUS_NAMES:
                    findings.add(_PDF_DANGEROUS_NAMES[name])
            else:
                in_stream = True
        if at_end:
            return findings
        keep_from = max(0, position - _PDF_RAW_CONTEXT)
        pending = buffer[keep_from:]
        position -= keep_from


def _walk_pdf(stream):
    """Dangerous actions and attachments reachable from the document catalog.

    The raw scan cannot see inside compressed object streams, so this parses the PDF and visits
    every object reachable from the catalog (names trees, OpenAction, AA, pages, annotations,
    outlines, form fields) without decoding stream data.
    """
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:
                opened = 0
            if not opened:
                raise _encrypted()
        if len(reader.pages) == 0:
            raise _damaged("pdf")
        findings = set()
        containers = (IndirectObject, DictionaryObject, ArrayObject)
        waiting = [reader.trailer.raw_get("/Root")]
        seen = set()
        visited = 0
        while waiting:
            obj = waiting.pop()
            if isinstance(obj, IndirectObject):
                key = (obj.idnum, obj.generation)
                if key in seen:
                    continue
                seen.add(key)
                obj = obj.get_object()
            visited += 1
            if visited > MAX_PDF_OBJECTS:
                raise _damaged("pdf")
            if isinstance(obj, DictionaryObject):
                findings |= _pdf_dictionary_findings(obj)
                values = dict.values(obj)
            elif isinstance(obj, ArrayObject):
                values = obj
            else:
                continue
            # Numbers, names and strings hold nothing further; only containers are followed.
            waiting.extend(v for v in values if isinstance(v, containers))
        return findings
    except ValidationError:
        raise
    except Exception as error:
        raise _damaged("pdf") from error


def _pdf_dictionary_findings(dictionary):
    findings = set()
    if "/JS" in dictionary or "/JavaScript" in dictionary:
        findings.add("javascript")
    action = _resolved(dictionary, "/S")
    if action == "/JavaScript":
        findings.add("javascript")
    elif action == "/Launch":
        findings.add("launch")
    if (
        "/EmbeddedFiles" in dictionary
        or "/EF" in dictionary
        or _resolved(dictionary, "/Type") == "/EmbeddedFile"
    ):
        findings.add("embedded_file")
    return findings


def _resolved(dictionary, key):
    value = dict.get(dictionary, key)
    return None if value is None else value.get_object()


def _refuse_pdf_findings(findings):
    if "javascript" in findings:
        raise ValidationError(
            "The PDF contains JavaScript, which could run when it is opened. Save or print it "
            "as a new PDF without scripts and upload that.",
            "pdf_javascript",
        )
    if "launch" in findings:
        raise ValidationError(
            "The PDF contains an action that would start another program when it is opened. "
            "Save or print it as a new PDF and upload that.",
            "pdf_launch_action",
        )
    if "embedded_file" in findings:
        raise ValidationError(
            "The PDF has other files attached inside it, which are not accepted. Remove the "
            "attachments, or upload each document on its own.",
            "pdf_embedded_file",
        )


# Zip: Office Open XML, OpenDocument, or an archive


def _inspect_zip(uploaded_file, name_extension, allowed):
    uploaded_file.seek(0)
    try:
        archive = zipfile.ZipFile(uploaded_file)
        members = archive.infolist()
    except Exception as error:
        raise _damaged(name_extension) from error
    with archive:
        _refuse_unsafe_zip(members, name_extension)
        if any(_basename(info.filename).lower() == "vbaproject.bin" for info in members):
            raise _macros()
        kind = _zip_document_kind(archive, members, name_extension, allowed)
        if kind == "odt" and any(
            info.filename.lower().startswith(("basic/", "scripts/")) for info in members
        ):
            raise _macros()
        _read_every_member(archive, members, kind)
    return kind


def _refuse_unsafe_zip(members, name_extension):
    """Zip-bomb, encryption and path checks on the declared directory, before reading a byte."""
    if len(members) > MAX_ZIP_MEMBERS:
        raise ValidationError(
            f"The file has more than {MAX_ZIP_MEMBERS:,} parts inside it, far more than a real "
            "document has, so it has not been opened.",
            "archive_too_many_parts",
        )
    for info in members:
        if info.flag_bits & 0x1:
            raise _encrypted()
        if _unsafe_member_name(info.filename):
            raise ValidationError(
                "The file contains a part whose name points outside the document, which is a "
                "sign of a crafted file. It has not been opened.",
                "unsafe_member_name",
            )
    max_uncompressed = getattr(
        settings, "LIBRARY_MAX_UNCOMPRESSED_BYTES", DEFAULT_MAX_UNCOMPRESSED_BYTES
    )
    if sum(info.file_size for info in members) > max_uncompressed:
        raise ValidationError(
            f"The file would expand to more than {_megabytes(max_uncompressed)} when opened, "
            "which is a sign of a 'zip bomb'. It has not been opened.",
            "archive_too_large_uncompressed",
        )
    for info in members:
        if (
            info.file_size > COMPRESSION_RATIO_APPLIES_FROM_BYTES
            and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            raise ValidationError(
                f"Part of the file is compressed more than {MAX_COMPRESSION_RATIO} to 1, far "
                "beyond any real document, which is a sign of a 'zip bomb'. It has not been "
                "opened.",
                "archive_compression_ratio",
            )
    for info in members:
        # Office files only use these; other methods cannot be decompressed in bounded steps.
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(name_extension)


def _unsafe_member_name(name):
    normal = name.replace("\\", "/")
    if not normal or normal.startswith("/") or re.match(r"[A-Za-z]:", normal):
        return True
    return ".." in normal.split("/")


def _zip_document_kind(archive, members, name_extension, allowed):
    if members and members[0].filename == "mimetype":
        mimetype = _read_small_part(archive, members[0], name_extension).strip()
        if mimetype == _ODT_MIMETYPE:
            return "odt"
        # Another OpenDocument type (spreadsheet, presentation) or an e-book.
        raise _not_accepted(allowed)
    content_types = _find_member(members, "[Content_Types].xml")
    if content_types is None:
        raise _archive()
    declaration = _read_small_part(archive, content_types, name_extension).decode(
        "utf-8", errors="replace"
    )
    lowered = declaration.lower()
    if "macroenabled" in lowered or "vbaproject" in lowered:
        raise _macros()
    main_parts = {}
    for element in re.findall(r"<(?:\w+:)?Override\b[^>]*>", declaration):
        part = re.search(r"""PartName\s*=\s*["']([^"']*)["']""", element)
        content_type = re.search(r"""ContentType\s*=\s*["']([^"']*)["']""", element)
        if part and content_type:
            kind = _OOXML_MAIN_CONTENT_TYPES.get(content_type.group(1).strip().lower())
            if kind:
                main_parts[kind] = part.group(1).strip().lstrip("/")
    if len(main_parts) != 1:
        raise _not_accepted(allowed)
    ((kind, part_name),) = main_parts.items()
    if _find_member(members, part_name) is None:
        raise _damaged(kind)
    return kind


def _read_every_member(archive, members, kind):
    """Decompress every member in bounded blocks: proves the checksums, finds ODT scripts.

    zipfile never returns more than a member's declared size, and those sizes were checked, so
    this reads at most LIBRARY_MAX_UNCOMPRESSED_BYTES in all.
    """
    overlap = max(len(marker) for marker in _ODT_SCRIPT_MARKERS)
    try:
        for info in members:
            scan = kind == "odt" and info.filename.lower() in _ODT_SCRIPT_PARTS
            tail = b""
            with archive.open(info) as member:
                while block := member.read(READ_BLOCK_BYTES):
                    if scan:
                        window = tail + block
                        if any(marker in window for marker in _ODT_SCRIPT_MARKERS):
                            raise _macros()
                        tail = window[-overlap:]
    except ValidationError:
        raise
    except Exception as error:
        raise _damaged(kind) from error


def _read_small_part(archive, info, kind_hint):
    try:
        with archive.open(info) as member:
            data = member.read(MAX_SMALL_PART_BYTES + 1)
    except Exception as error:
        raise _damaged(kind_hint) from error
    if len(data) > MAX_SMALL_PART_BYTES:
        raise _damaged(kind_hint)
    return data


def _find_member(members, name):
    wanted = name.lower()
    for info in members:
        if info.filename.lower() == wanted:
            return info
    return None


def _basename(name):
    return name.replace("\\", "/").rsplit("/", 1)[-1]


# Refusals used in more than one place


def _upload_instead(allowed):
    labels = [KIND_LABELS[kind] for kind in allowed] or [KIND_LABELS[kind] for kind in KINDS]
    listed = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"
    return f"Upload a {listed} file."


def _not_accepted(allowed):
    return ValidationError(
        f"This type of file is not accepted. {_upload_instead(allowed)}", "not_accepted"
    )


def _megabytes(size):
    megabytes = size / (1024 * 1024)
    if megabytes >= 1:
        return f"{megabytes:.1f}".removesuffix(".0") + " MB"
    return f"{max(1, round(size / 1024))} KB"


def _too_large(max_bytes):
    return ValidationError(
        f"The file is too large. The largest file you can upload is {_megabytes(max_bytes)}.",
        "too_large",
    )


def _damaged(kind_or_extension):
    noun = KIND_NOUNS.get(kind_or_extension)
    if noun is None:
        return ValidationError("The file is damaged and cannot be opened.", "damaged")
    return ValidationError(f"The file is damaged or not a real {noun}.", "damaged")


def _encrypted():
    return ValidationError(
        "The file is protected by a password, so it cannot be checked. Remove the password "
        "and upload it again.",
        "encrypted",
    )


def _macros():
    return ValidationError(
        "The file contains macros, which are not accepted. Save it in a format without macros "
        "(such as DOCX, XLSX, PPTX or ODT) and upload that.",
        "macros",
    )


def _archive():
    return ValidationError(
        "The file is a compressed archive (such as a ZIP file), which is not accepted. Upload "
        "the documents inside it one at a time.",
        "archive",
    )


def _html():
    return ValidationError(
        "The file is a web page (HTML), which is not accepted. Save it as a PDF and upload that.",
        "html",
    )
