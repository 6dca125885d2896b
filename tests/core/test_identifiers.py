"""The identifier guard (hub/core/identifiers.py): what would identify a child or family is
found, named without being repeated, and redacted; ordinary safeguarding text passes."""

import pytest
from django.core.exceptions import ValidationError

from hub.core import identifiers
from hub.core.identifiers import Detector


def nhs_number(first_nine):
    """A valid NHS number from nine digits (None when no check digit fits)."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return None if check == 10 else first_nine + str(check)


def kinds(text):
    return [finding.kind for finding in identifiers.findings(text)]


def test_nhs_numbers_are_found_only_with_a_valid_check_digit():
    number = nhs_number("943476591")
    assert number == "9434765919"
    assert identifiers.nhs_number_is_valid(number)
    for written in (number, "943 476 5919", "943-476-5919"):
        assert kinds(f"Her number is {written}.") == ["nhs_number"]
    # A wrong check digit, a longer number, a phone number: not NHS numbers.
    assert kinds("Ref 9434765918 and 19434765919 and 0163 296 0000") == []
    assert not identifiers.nhs_number_is_valid("123456789X")


def test_full_postcodes_are_found_but_not_districts_or_codes_in_words():
    for postcode in ("NE1 4ST", "ne14st", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "GIR 0AA"):
        assert kinds(f"They live at {postcode} now") == ["postcode"], postcode
    assert kinds("Families across NE1 and the SW1A district") == []
    assert kinds("Section 47 enquiries, ICPC within 15 working days") == []


def test_email_addresses_are_found():
    assert kinds("Mum emailed jo.bloggs+school@example.co.uk yesterday") == ["email"]


def test_dates_are_found_only_near_a_birth_word():
    for text in (
        "DOB 03/04/2019",
        "d.o.b. 3.4.19",
        "born on 3rd April 2019",
        "date of birth: 2019-04-03",
        "aged 6, born April 3, 2019",
        "3 April 2019 (date of birth)",
    ):
        assert kinds(text) == ["birth_date"], text
    assert kinds("The strategy discussion on 03/04/2026 agreed a section 47 enquiry") == []
    assert kinds("Review due 1 April 2027") == []


def test_ordinary_safeguarding_text_passes():
    text = (
        "A baby of 4 months with a bruise: follow the bruising protocol, talk to the DSL, "
        "and call the front door on 01632 960000 before the end of the day."
    )
    assert identifiers.passes(text)
    assert identifiers.passes("") and identifiers.passes(None)


def test_check_names_what_it_found_without_repeating_it():
    text = f"Child born 01/02/2020, NHS {nhs_number('401023213')}, lives at LS1 4AP"
    with pytest.raises(ValidationError) as raised:
        identifiers.check(text, field="query")
    message = raised.value.message_dict["query"][0]
    assert message.startswith("Remove a date of birth, a full postcode and an NHS number:")
    assert "LS1 4AP" not in message and "2020" not in message
    identifiers.check("Neglect: what to look for")  # passes quietly


def test_redact_replaces_each_identifier_with_its_kind():
    assert identifiers.redact("Write to a@b.example or visit LS1 4AP.") == (
        "Write to [an email address] or visit [a full postcode]."
    )
    assert identifiers.redact("Nothing here") == "Nothing here"


def test_a_domain_adds_a_detector_of_its_own():
    def case_references(text):
        import re

        return (match.span() for match in re.finditer(r"\bCR-\d{6}\b", text))

    identifiers.register(Detector("case_reference", "a case reference", case_references))
    try:
        assert kinds("See CR-123456 for the plan") == ["case_reference"]
        assert identifiers.redact("See CR-123456") == "See [a case reference]"
    finally:
        identifiers.unregister("case_reference")
    assert kinds("See CR-123456 for the plan") == []


def test_hostile_text_never_raises():
    for text in ("\x00" * 10, "ä" * 5000, "\u202e😀\ufeff", "9" * 40, "@" * 100, "1/1/1 " * 500):
        identifiers.findings(text)
        identifiers.redact(text)
