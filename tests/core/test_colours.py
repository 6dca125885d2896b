import pytest
from django.core.exceptions import ValidationError

from hub.core.colours import contrast_ratio, validate_readable_on_white


def test_contrast_ratio_matches_wcag_for_black_and_white():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_contrast_ratio_of_a_mid_grey_is_below_the_text_minimum():
    # #777777 on white is 4.48:1, just short of the 4.5:1 WCAG asks of normal text.
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_a_dark_brand_colour_is_accepted():
    validate_readable_on_white("#0b3d60")


@pytest.mark.parametrize("colour", ["#777777", "#ffdd00", "#ffffff"])
def test_a_brand_colour_too_light_for_white_text_is_refused_with_its_ratio(colour):
    with pytest.raises(ValidationError) as error:
        validate_readable_on_white(colour)
    assert ":1" in error.value.messages[0]
    assert "darker" in error.value.messages[0]


@pytest.mark.parametrize("value", ["0b3d60", "#0b3d6", "#0b3d6g", "red", "", "#0b3d60;}"])
def test_a_malformed_colour_is_refused(value):
    with pytest.raises(ValidationError):
        validate_readable_on_white(value)


def test_partnership_brand_colours_are_validated_on_save(westshire):
    westshire.brand_colour = "#eeeeee"
    with pytest.raises(ValidationError) as error:
        westshire.full_clean()
    assert "brand_colour" in error.value.message_dict
