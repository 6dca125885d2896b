"""Text comes out of every kind of library document, or a reason why it cannot."""

import io

import pytest
from django.core.files import File
from django.test import override_settings

from hub.library.extraction import ExtractionFailed, extract_text, normalise_whitespace
from tests.core.uploads import hostile_files as files


def extracted(builder_result, kind):
    _, content = builder_result
    return extract_text(io.BytesIO(content), kind)


@pytest.mark.parametrize(
    ("builder", "kind", "word"),
    [
        (files.pdf_document, "pdf", files.PDF_WORD),
        (files.docx_document, "docx", files.DOCX_WORD),
        (files.docx_document, "docx", files.DOCX_TABLE_WORD),
        (files.xlsx_document, "xlsx", files.XLSX_WORD),
        (files.pptx_document, "pptx", files.PPTX_WORD),
        (files.pptx_document, "pptx", files.PPTX_NOTES_WORD),
        (files.odt_document, "odt", files.ODT_WORD),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_a_word_found_only_inside_the_file_is_in_its_text(builder, kind, word):
    name, content = builder()
    assert word not in name

    result = extract_text(io.BytesIO(content), kind)

    assert word in result.text.split()
    assert result.word_count == len(result.text.split())


def test_a_pdf_counts_its_pages():
    assert extracted(files.pdf_document(pages=3), "pdf").page_count == 3


def test_a_presentation_counts_its_slides():
    assert extracted(files.pptx_document(slides=4), "pptx").page_count == 4


def test_a_word_document_reports_the_pages_word_saved():
    assert extracted(files.docx_document(pages_statistic=7), "docx").page_count == 7


def test_an_opendocument_text_reports_its_saved_page_count_or_none():
    assert extracted(files.odt_document(pages_statistic=4), "odt").page_count == 4
    assert extracted(files.odt_document(), "odt").page_count is None


def test_a_workbook_counts_its_sheets_as_pages_and_shows_dates_as_dates():
    result = extracted(files.xlsx_document(), "xlsx")

    assert result.page_count == 2
    assert "Attendance" in result.text
    assert "2025-03-14" in result.text.split()


def test_a_workbook_that_exaggerates_its_size_is_read_only_as_far_as_its_cells_go():
    result = extracted(files.xlsx_with_exaggerated_dimensions(), "xlsx")

    assert files.XLSX_WORD in result.text
    assert not result.truncated


def test_a_word_document_keeps_reading_order_with_table_cells_after_the_paragraph():
    text = extracted(files.docx_document(), "docx").text

    assert text.index(files.DOCX_WORD) < text.index(files.DOCX_TABLE_WORD)


def test_a_corrupt_file_fails_with_a_reason():
    with pytest.raises(ExtractionFailed) as caught:
        extracted(files.truncated_docx(), "docx")

    assert caught.value.reason == (
        "The file is damaged or not a real Word document, so its text cannot be read."
    )


def test_a_file_that_is_not_the_kind_it_was_stored_as_fails_with_a_reason():
    with pytest.raises(ExtractionFailed) as caught:
        extracted(files.docx_document(), "pdf")

    assert "not a real PDF" in caught.value.reason


def test_a_damaged_pdf_fails_with_a_reason():
    with pytest.raises(ExtractionFailed) as caught:
        extracted(files.damaged_pdf(), "pdf")

    assert "damaged" in caught.value.reason


def test_a_pdf_without_any_text_is_reported_as_probably_a_scan():
    with pytest.raises(ExtractionFailed) as caught:
        extracted(files.scanned_like_pdf(), "pdf")

    assert caught.value.reason == "No text could be found: the PDF may be a scanned image."


def test_a_password_protected_pdf_says_it_is_encrypted():
    with pytest.raises(ExtractionFailed) as caught:
        extracted(files.encrypted_pdf(), "pdf")

    assert "encrypted" in caught.value.reason


def test_a_pdf_locked_only_against_editing_is_read():
    assert files.PDF_WORD in extracted(files.pdf_with_owner_password_only(), "pdf").text


def test_an_unknown_kind_fails_with_a_reason():
    with pytest.raises(ExtractionFailed) as caught:
        extracted(files.plain_text_file(), "txt")

    assert "txt" in caught.value.reason


def test_a_path_can_be_read(tmp_path):
    name, content = files.odt_document()
    path = tmp_path / name
    path.write_bytes(content)

    assert files.ODT_WORD in extract_text(path, "odt").text
    assert files.ODT_WORD in extract_text(str(path), "odt").text


def test_a_django_file_is_read_from_the_start_and_left_there():
    _, content = files.pptx_document()
    handle = File(io.BytesIO(content), name="stored.pptx")
    handle.read(10)

    result = extract_text(handle, "pptx")

    assert files.PPTX_WORD in result.text
    assert handle.tell() == 0


@override_settings(LIBRARY_MAX_TEXT_CHARS=120)
def test_the_text_is_cut_at_the_configured_size():
    result = extracted(files.pdf_document(pages=3), "pdf")

    assert 0 < len(result.text) <= 120
    assert result.truncated
    assert result.word_count == len(result.text.split())


def test_text_under_the_limit_is_not_marked_as_cut():
    assert not extracted(files.docx_document(), "docx").truncated


def test_whitespace_is_normalised_and_control_characters_removed():
    messy = "  Child\t\tprotection\u00a0 plan \r\n\r\n\r\n\r\nNext\x00steps\x0csoft\u00adhyphen  "

    assert normalise_whitespace(messy) == "Child protection plan\n\nNext steps\nsofthyphen"
