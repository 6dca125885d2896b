"""Uploads to the library are judged by their content: what they are, whether they are safe,
and whether their name tells the truth."""

import dataclasses

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import override_settings

from hub.core.uploads.documents import (
    CONTENT_TYPES,
    READ_BLOCK_BYTES,
    SAFE_NAME_MAX_CHARS,
    safe_display_name,
    validate_upload,
)
from tests.core.uploads import hostile_files as files
from tests.core.uploads.hostile_files import MEGABYTE, as_upload


def refusal(name, content, **options):
    with pytest.raises(ValidationError) as caught:
        validate_upload(as_upload(name, content), **options)
    return caught.value


ACCEPTED = [
    (files.pdf_document, "pdf"),
    (files.docx_document, "docx"),
    (files.xlsx_document, "xlsx"),
    (files.pptx_document, "pptx"),
    (files.odt_document, "odt"),
    (files.scanned_like_pdf, "pdf"),
    (files.pdf_mentioning_javascript_in_its_text, "pdf"),
    (files.pdf_with_owner_password_only, "pdf"),
]


@pytest.mark.parametrize(("builder", "kind"), ACCEPTED, ids=lambda b: getattr(b, "__name__", b))
def test_each_accepted_kind_is_recognised_from_its_content(builder, kind):
    name, content = builder()

    checked = validate_upload(as_upload(name, content))

    assert checked.kind == kind
    assert checked.extension == kind
    assert checked.content_type == CONTENT_TYPES[kind]
    assert checked.size == len(content)
    assert checked.safe_name == name


# (builder, code, words the message must contain)
REFUSED = [
    (files.empty_file, "empty", "The file is empty"),
    (files.html_page, "html", "web page (HTML)"),
    (files.html_fragment_with_script, "html", "web page (HTML)"),
    (files.svg_image, "svg", "SVG image"),
    (files.svg_with_xml_prolog, "svg", "SVG image"),
    (files.windows_executable, "executable", "program"),
    (files.linux_executable, "executable", "program"),
    (files.mac_executable, "executable", "program"),
    (files.shell_script, "executable", "program or script"),
    (files.plain_zip_of_text_files, "archive", "compressed archive"),
    (files.gzip_file, "archive", "compressed archive"),
    (files.tar_file, "archive", "compressed archive"),
    (files.rar_file, "archive", "compressed archive"),
    (files.seven_zip_file, "archive", "compressed archive"),
    (files.plain_text_file, "not_accepted", "This type of file is not accepted"),
    (files.open_document_spreadsheet, "not_accepted", "This type of file is not accepted"),
    (files.legacy_word_document, "legacy_office", "older Microsoft Office file"),
    (files.password_protected_word_document, "encrypted", "protected by a password"),
    (files.docm_with_vba_project, "macros", "macros"),
    (files.docx_with_hidden_vba_project, "macros", "macros"),
    (files.docx_named_docm, "macros", "ends in .docm, which is a macro-enabled"),
    (files.xlsx_with_macro_enabled_content_type, "macros", "macros"),
    (files.odt_with_basic_macros, "macros", "macros"),
    (files.odt_with_script_event_listener, "macros", "macros"),
    (files.pdf_with_javascript_open_action, "pdf_javascript", "contains JavaScript"),
    (files.pdf_with_document_javascript, "pdf_javascript", "contains JavaScript"),
    (files.pdf_with_hex_escaped_javascript_name, "pdf_javascript", "contains JavaScript"),
    (files.pdf_with_javascript_in_object_stream, "pdf_javascript", "contains JavaScript"),
    (files.pdf_with_launch_action, "pdf_launch_action", "start another program"),
    (files.pdf_with_embedded_file, "pdf_embedded_file", "other files attached"),
    (files.encrypted_pdf, "encrypted", "protected by a password"),
    (files.damaged_pdf, "damaged", "damaged or not a real PDF"),
    (files.truncated_docx, "damaged", "damaged or not a real Word document"),
    (files.docx_named_as_pdf, "extension_mismatch", "name says .pdf"),
    (files.zip_bomb_disguised_as_docx, "archive_too_large_uncompressed", "more than 200 MB"),
    (files.highly_compressed_docx, "archive_compression_ratio", "more than 100 to 1"),
    (files.docx_with_too_many_parts, "archive_too_many_parts", "more than 2,000 parts"),
    (files.encrypted_zip, "encrypted", "protected by a password"),
    (files.docx_with_path_traversal_member, "unsafe_member_name", "points outside"),
    (files.docx_with_absolute_member_path, "unsafe_member_name", "points outside"),
]


@pytest.mark.parametrize(
    ("builder", "code", "words"), REFUSED, ids=lambda b: getattr(b, "__name__", None)
)
def test_each_hostile_file_is_refused_with_its_own_reason(builder, code, words):
    error = refusal(*builder())

    assert error.code == code
    assert words in error.messages[0]


def test_a_file_exactly_at_the_limit_is_accepted():
    name, content = files.pdf_of_exact_size(MEGABYTE)

    checked = validate_upload(as_upload(name, content), max_bytes=MEGABYTE)

    assert checked.size == MEGABYTE


def test_a_file_one_byte_over_the_limit_is_refused_with_the_limit_in_megabytes():
    error = refusal(*files.pdf_of_exact_size(MEGABYTE + 1), max_bytes=MEGABYTE)

    assert error.code == "too_large"
    assert error.messages == ["The file is too large. The largest file you can upload is 1 MB."]


def test_the_default_limit_is_the_setting_and_is_given_in_megabytes():
    with override_settings(LIBRARY_MAX_UPLOAD_BYTES=MEGABYTE):
        error = refusal(*files.pdf_of_exact_size(MEGABYTE + 1))

    assert error.code == "too_large"
    assert "1 MB" in error.messages[0]


def test_a_file_that_understates_its_size_is_measured_by_what_is_read():
    name, content = files.pdf_of_exact_size(4_000)
    upload = as_upload(name, content)
    upload.size = 10

    with pytest.raises(ValidationError) as caught:
        validate_upload(upload, max_bytes=3_000)

    assert caught.value.code == "too_large"


def test_a_file_declared_too_large_is_refused_before_any_of_it_is_read():
    class UnreadableUpload(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("The file should not have been read.")

    upload = UnreadableUpload("big.pdf", b"%PDF-1.4")
    upload.size = 21 * MEGABYTE

    with pytest.raises(ValidationError) as caught:
        validate_upload(upload, max_bytes=20 * MEGABYTE)

    assert caught.value.code == "too_large"
    assert "20 MB" in caught.value.messages[0]


def test_a_name_that_disagrees_with_the_content_is_refused_naming_both():
    _, content = files.docx_document()

    error = refusal("annual-report.pdf", content)

    assert error.code == "extension_mismatch"
    assert error.messages[0].startswith(
        "The file's name says .pdf but its content is a Word document."
    )


def test_a_pdf_named_as_a_spreadsheet_is_refused():
    _, content = files.pdf_document(pages=1)

    error = refusal("budget.xlsx", content)

    assert error.code == "extension_mismatch"
    assert "name says .xlsx but its content is a PDF" in error.messages[0]


def test_a_name_without_an_extension_is_refused():
    _, content = files.pdf_document(pages=1)

    error = refusal("safeguarding-policy", content)

    assert error.code == "no_extension"
    assert ".pdf" in error.messages[0]


def test_the_extension_is_compared_without_regard_to_case():
    _, content = files.docx_document()

    checked = validate_upload(as_upload("MINUTES.DOCX", content))

    assert checked.kind == "docx"
    assert checked.safe_name == "MINUTES.docx"


def test_a_kind_left_out_of_the_allowed_types_is_refused_listing_those_allowed():
    error = refusal(*files.docx_document(), allowed_types=["pdf", "odt"])

    assert error.code == "type_not_allowed"
    assert error.messages == [
        "Word (DOCX) files are not accepted here. Upload a PDF or OpenDocument text (ODT) file."
    ]


@override_settings(LIBRARY_ALLOWED_TYPES=["pdf"])
def test_the_allowed_types_default_to_the_setting():
    error = refusal(*files.xlsx_document())

    assert error.code == "type_not_allowed"


def test_an_unrecognised_file_is_told_which_kinds_to_upload():
    error = refusal(*files.plain_text_file())

    assert error.messages == [
        "This type of file is not accepted. Upload a PDF, Word (DOCX), OpenDocument text "
        "(ODT), Excel (XLSX) or PowerPoint (PPTX) file."
    ]


@override_settings(LIBRARY_MAX_UNCOMPRESSED_BYTES=10_000)
def test_the_uncompressed_limit_for_zips_is_the_setting():
    error = refusal(*files.docx_document())

    assert error.code == "archive_too_large_uncompressed"


def test_javascript_inside_a_compressed_object_stream_is_found_by_parsing_the_pdf():
    name, content = files.pdf_with_javascript_in_object_stream()
    # Nothing to find in the raw bytes: only walking the parsed catalog can see the script.
    for marker in (b"/JavaScript", b"/JS", b"/OpenAction"):
        assert marker not in content

    assert refusal(name, content).code == "pdf_javascript"


# Byte offsets either side of where the raw scan's first block, and its overlap, end.
BLOCK_EDGES = [
    READ_BLOCK_BYTES + shift for shift in (-600, -513, -512, -505, -11, -9, -5, -1, 0, 3)
]


@pytest.mark.parametrize("offset", BLOCK_EDGES)
def test_javascript_that_nothing_refers_to_is_found_wherever_it_falls(offset):
    name, content = files.pdf_with_unreferenced_javascript(javascript_at=offset)
    assert content.index(b"/JavaScript") == offset

    assert refusal(name, content).code == "pdf_javascript"


@pytest.mark.parametrize("offset", BLOCK_EDGES)
def test_the_end_of_a_stream_is_found_wherever_it_falls(offset):
    name, content = files.pdf_with_stream_ending_at(endstream_at=offset)
    assert content.index(b"endstream") == offset

    assert refusal(name, content).code == "pdf_javascript"


def test_a_zip_bomb_is_refused_without_being_decompressed():
    name, content = files.zip_bomb_disguised_as_docx()
    assert len(content) < 2 * MEGABYTE

    assert refusal(name, content).code == "archive_too_large_uncompressed"


def test_a_damaged_zip_named_as_a_spreadsheet_says_it_is_not_a_real_spreadsheet():
    _, content = files.truncated_docx()

    error = refusal("budget.xlsx", content)

    assert error.messages == ["The file is damaged or not a real Excel spreadsheet."]


def test_the_file_is_left_at_the_start_after_it_is_accepted():
    upload = as_upload(*files.docx_document())
    upload.read(100)

    validate_upload(upload)

    assert upload.tell() == 0


def test_the_file_is_left_at_the_start_after_it_is_refused():
    upload = as_upload(*files.pdf_with_launch_action())

    with pytest.raises(ValidationError):
        validate_upload(upload)

    assert upload.tell() == 0


def test_an_upload_spooled_to_disk_is_checked_the_same_way():
    name, content = files.docx_document()
    upload = TemporaryUploadedFile(name, "application/octet-stream", len(content), None)
    upload.write(content)

    try:
        checked = validate_upload(upload)
        assert checked.kind == "docx"
        assert upload.tell() == 0
    finally:
        upload.close()


def test_the_checked_upload_cannot_be_changed():
    checked = validate_upload(as_upload(*files.pdf_document(pages=1)))

    with pytest.raises(dataclasses.FrozenInstanceError):
        checked.kind = "docx"


# Safe display names


@pytest.mark.parametrize(
    ("original", "safe"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\sam\\Desktop\\Case review.pdf", "Case review.pdf"),
        ("Minutes\x00 of\x1b the\x7f meeting.pdf", "Minutes of the meeting.pdf"),
        ("invoice\u202efdp.exe.pdf", "invoicefdp.exe.pdf"),
        ("  Child    protection\tplan  .pdf", "Child protection plan.pdf"),
        ('Minutes "final" <v2>*?.pdf', "Minutes final v2.pdf"),
        ("<script>alert(1)</script>.pdf", "script.pdf"),
        ("Ynys Môn – adolygiad.pdf", "Ynys Môn adolygiad.pdf"),
        ("Report.PDF", "Report.pdf"),
        (".hidden.pdf", "hidden.pdf"),
        ("....pdf", "document.pdf"),
        ("\x01\x02.pdf", "document.pdf"),
        ("", "document.pdf"),
        ("report", "report.pdf"),
    ],
)
def test_the_safe_name_keeps_only_a_readable_file_name(original, safe):
    assert safe_display_name(original, "pdf") == safe


def test_a_long_name_is_cut_keeping_its_extension():
    safe = safe_display_name("Serious case review " * 20 + ".docx", "docx")

    assert len(safe) <= SAFE_NAME_MAX_CHARS
    assert safe.endswith(".docx")
    assert not safe.removesuffix(".docx").endswith((" ", "."))
    assert safe.startswith("Serious case review Serious")


def test_an_upload_with_a_windows_path_and_control_characters_gets_a_safe_name():
    _, content = files.pdf_document(pages=1)

    checked = validate_upload(as_upload("C:\\Shared\\Re\x07ferral\t form.pdf", content))

    assert checked.safe_name == "Referral form.pdf"
