"""No child or family identifiers in the escalation log: each pattern the identifier guard
knows is refused in free text with a message saying why, a phone number is a warning the
person may confirm, and an ordinary meeting date passes."""

import pytest
from django.core.exceptions import ValidationError

from hub.escalations import services
from hub.escalations.models import Escalation, RoleLevel
from tests.escalations.conftest import NOW, RAISED_ON, raise_one, signed_in

REFUSED = {
    "an NHS number": "The health visitor quoted 943 476 5919 at the meeting.",
    "a full postcode": "The family moved to WS1 4AB last month.",
    "an email address": "Mum emailed jo.bloggs@example.com about the plan.",
    "a date of birth": "The boy, born 3 April 2019, was not seen.",
    "a date near DOB": "DOB 03/04/2019 on the referral form.",
    "a date near aged": "Aged 7, date given as 12.05.2018 in the notes.",
}


@pytest.mark.parametrize("label, text", REFUSED.items(), ids=list(REFUSED))
def test_raising_with_an_identifier_in_the_summary_is_refused_and_says_why(
    label, text, practitioner, westshire, police, protocol
):
    with pytest.raises(ValidationError) as error:
        raise_one(practitioner, westshire, police, protocol, summary=text)
    message = " ".join(error.value.message_dict["summary"])
    assert "must not identify a child or family" in message
    assert not Escalation.objects.filter(partnership=westshire).exists()


@pytest.mark.parametrize("text", REFUSED.values(), ids=list(REFUSED))
def test_a_step_note_with_an_identifier_is_refused(text, escalation, police_lead):
    with pytest.raises(ValidationError, match="must not identify a child or family"):
        services.escalation_respond(
            by=police_lead,
            escalation=escalation,
            on=RAISED_ON,
            role_level=RoleLevel.MANAGER,
            note=text,
            now=NOW,
        )
    assert escalation.steps.count() == 1


def test_an_ordinary_meeting_date_passes(practitioner, westshire, police, protocol):
    escalation = raise_one(
        practitioner,
        westshire,
        police,
        protocol,
        summary="Discussed at the strategy meeting on 3 March 2026 and again on 04/03/2026.",
    )
    assert "3 March 2026" in escalation.summary


def test_a_phone_number_is_only_a_warning_until_confirmed(
    practitioner, westshire, police, protocol
):
    text = "The duty desk on 01632 960123 declined the referral."
    with pytest.raises(ValidationError, match="looks like it has a phone number"):
        raise_one(practitioner, westshire, police, protocol, summary=text)
    escalation = raise_one(
        practitioner, westshire, police, protocol, summary=text, phone_confirmed=True
    )
    assert escalation.summary == text


def test_free_text_over_500_characters_is_refused(practitioner, westshire, police, protocol):
    with pytest.raises(ValidationError, match="500 characters or fewer"):
        raise_one(practitioner, westshire, police, protocol, summary="x" * 501)


def test_the_page_shows_the_refusal_in_the_error_summary_and_keeps_nothing(
    practitioner, westshire, police, protocol
):
    from tests.escalations.conftest import level_of

    response = signed_in(practitioner).post(
        "/escalations/new/",
        {
            "receiving_agency": police.pk,
            "level": level_of(westshire).pk,
            "theme": protocol.themes.first().pk,
            "summary": REFUSED["a full postcode"],
            "role_level": "practitioner",
            "raised_on_day": "4",
            "raised_on_month": "3",
            "raised_on_year": "2026",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and "Remove a full postcode" in html
    assert not Escalation.objects.filter(partnership=westshire).exists()


def test_the_guards_phone_warning_does_not_refuse_anything_on_its_own():
    from hub.core import identifiers

    text = "Call 07700 900123."
    assert identifiers.phone_numbers(text)
    assert identifiers.passes(text)
    assert not identifiers.phone_numbers("Meeting on 12/03/2026 at 10:30, ref 2026 0042")
