"""Tables uploaded to Wagtail's redirect import (the only other file the admin takes): a CSV
or TSV file of plain UTF-8 text, or an Excel (XLSX) workbook that passes the document checks.

Refusals are `ValidationError`s with a plain-English message and a `code`: empty, too_large,
not_a_table (anything else, including old .xls files and web pages), extension_mismatch.
"""

from django.core.exceptions import ValidationError

from hub.core.uploads.documents import (
    CheckedUpload,
    _extension_of,
    _megabytes,
    measured,
    safe_display_name,
    validate_upload,
)

DEFAULT_MAX_TABLE_BYTES = 1024 * 1024
TEXT_KINDS = {"csv": "text/csv", "tsv": "text/tab-separated-values"}


def check_table(uploaded_file, *, max_bytes=DEFAULT_MAX_TABLE_BYTES) -> CheckedUpload:
    """Guarantees, when it returns: 1 to `max_bytes` bytes; a .csv or .tsv file that is
    UTF-8 text with no control characters but tabs and line ends and no markup at its start,
    or an .xlsx workbook that passes `check_document` (no macros, no zip bomb)."""
    try:
        return _check(uploaded_file, max_bytes)
    finally:
        uploaded_file.seek(0)


def _not_a_table():
    return ValidationError(
        "Upload a CSV or TSV file, or an Excel (XLSX) workbook, with one redirect on each row.",
        "not_a_table",
    )


def _check(uploaded_file, max_bytes):
    name = getattr(uploaded_file, "name", "") or ""
    extension = _extension_of(name)
    if extension == "xlsx":
        return validate_upload(uploaded_file, allowed_types=["xlsx"], max_bytes=max_bytes)
    if extension not in TEXT_KINDS:
        raise _not_a_table()
    too_large = ValidationError(
        f"The file must be smaller than {_megabytes(max_bytes)}.", "too_large"
    )
    size, _ = measured(uploaded_file, max_bytes, too_large)
    uploaded_file.seek(0)
    content = uploaded_file.read(size)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            "The file is not plain text saved as UTF-8. Save it as CSV UTF-8 and upload it again.",
            "not_a_table",
        ) from error
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text):
        raise _not_a_table()
    if text.lstrip()[:1] == "<":
        raise _not_a_table()
    return CheckedUpload(
        kind=extension,
        extension=extension,
        content_type=TEXT_KINDS[extension],
        safe_name=safe_display_name(name, extension),
        size=size,
    )
