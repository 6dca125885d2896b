"""The image gate: PNG, JPEG and WebP accepted by their content; everything else refused with
its own reason, before anything is decoded that could exhaust the server."""

import pytest
from django.core.exceptions import ValidationError

from hub.core.uploads import check_image
from tests.core.uploads import hostile_files as files
from tests.core.uploads.hostile_files import MEGABYTE, as_upload

ACCEPTED = [
    (files.png_image, "png", "png"),
    (files.jpeg_image, "jpeg", "jpg"),
    (files.webp_image, "webp", "webp"),
]


@pytest.mark.parametrize(("builder", "kind", "extension"), ACCEPTED, ids=lambda b: str(b))
def test_each_accepted_image_kind_is_recognised_from_its_content(builder, kind, extension):
    checked = check_image(as_upload(*builder()))
    assert checked.kind == kind
    assert checked.extension == extension
    assert checked.content_type == f"image/{kind}"


def test_a_jpeg_may_be_called_jpeg_as_well_as_jpg():
    assert check_image(as_upload(*files.jpeg_image(name="photo.JPEG"))).kind == "jpeg"


REFUSED = [
    (files.svg_image, "svg"),
    (files.svg_with_xml_prolog, "svg"),
    (files.svg_named_as_png, "svg"),
    (files.html_page, "html"),
    (files.html_named_as_png, "html"),
    (files.png_with_html_inside, "html"),
    (files.executable_named_as_png, "not_an_image"),
    (files.gif_image, "not_an_image"),
    (files.pdf_document, "not_an_image"),
    (files.docx_document, "not_an_image"),
    (files.empty_file, "empty"),
    (files.png_named_as_jpeg, "extension_mismatch"),
    (files.image_without_extension, "no_extension"),
    (files.png_claiming_huge_dimensions, "too_many_pixels"),
    (files.truncated_png, "damaged"),
]


@pytest.mark.parametrize(("builder", "code"), REFUSED, ids=lambda b: getattr(b, "__name__", b))
def test_each_hostile_image_is_refused_with_its_own_reason(builder, code):
    with pytest.raises(ValidationError) as refusal:
        check_image(as_upload(*builder()))
    assert refusal.value.code == code
    assert refusal.value.messages[0].endswith(".")


def test_an_image_over_the_limit_is_refused_with_the_limit_in_megabytes():
    with pytest.raises(ValidationError) as refusal:
        check_image(as_upload(*files.oversized_png(megabytes=11)), max_bytes=10 * MEGABYTE)
    assert refusal.value.code == "too_large"
    assert "10 MB" in refusal.value.messages[0]


def test_the_pixel_limit_is_checked_from_the_header_before_decoding():
    # 40 × 20 = 800 pixels: over a limit of 799, refused without decoding a row.
    with pytest.raises(ValidationError) as refusal:
        check_image(as_upload(*files.png_image()), max_pixels=799)
    assert refusal.value.code == "too_many_pixels"
    assert "40 × 20 pixels" in refusal.value.messages[0]


def test_the_limits_default_to_the_settings(settings):
    settings.IMAGES_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as refusal:
        check_image(as_upload(*files.png_image(size=(200, 200))))
    assert refusal.value.code == "too_large"


def test_the_file_is_left_at_the_start_either_way():
    accepted = as_upload(*files.png_image())
    check_image(accepted)
    assert accepted.tell() == 0
    refused = as_upload(*files.svg_named_as_png())
    with pytest.raises(ValidationError):
        check_image(refused)
    assert refused.tell() == 0


def test_the_safe_name_drops_folders_and_control_characters():
    _, content = files.png_image()
    checked = check_image(as_upload("..\\..\\evil\x07logo.png", content))
    assert checked.safe_name == "evillogo.png"
