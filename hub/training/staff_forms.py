"""Forms of the staff training pages: the register, moving a place to a colleague, the
report's period, the finance filters, waiving a charge and withdrawing a certificate. Each
renders through core/forms.html, so labels, hints, inline errors and the error summary
follow GOV.UK."""

import datetime

from django import forms

from hub.core.forms import GovukDateField
from hub.training.models import Attendance

MARK_PREFIX = "mark-"
NOT_ON_THIS_REGISTER = "The register lists only people booked on this session."


class RegisterForm(forms.Form):
    """One question per person booked: attended, arrived late, left early or absent.

    Every `mark-<booking id>` sent is handed to the service, including ids that are not on
    this register, so the service's own check refuses a forged id and nothing is saved."""

    def __init__(self, *args, bookings, **kwargs):
        # Radios take their ids from the field's name, so error links reach the first radio.
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        for booking in bookings:
            self.fields[f"{MARK_PREFIX}{booking.pk}"] = forms.ChoiceField(
                label=booking.person.display_name,
                help_text=booking.agency.name if booking.agency else None,
                choices=Attendance.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=booking.attendance or None,
                error_messages={
                    "invalid_choice": "Choose attended, arrived late, left early or absent "
                    f"for {booking.person.display_name}"
                },
            )

    def clean(self):
        cleaned = super().clean()
        marks = {}
        for key, value in self.data.items():
            if not key.startswith(MARK_PREFIX) or not value:
                continue
            suffix = key.removeprefix(MARK_PREFIX)
            if not suffix.isdigit():
                raise forms.ValidationError(NOT_ON_THIS_REGISTER)
            # Known rows use the checked value; unknown ones go to the service to be refused.
            marks[int(suffix)] = cleaned.get(key) or value
        if not marks and not self.errors:
            raise forms.ValidationError(
                "Mark at least one person as attended, arrived late, left early or absent"
            )
        cleaned["marks"] = marks
        return cleaned


class TransferForm(forms.Form):
    """Pass a booked place to a colleague.

    The list offers the booking's organisation's active staff. Anyone else the signed-in
    person may book for is still accepted here, so the service gives its own reason (a place
    stays within one organisation); anyone beyond their reach is 'not in the list'."""

    person = forms.ModelChoiceField(
        label="Colleague to take the place",
        queryset=None,
        empty_label="Choose a colleague",
        error_messages={
            "required": "Choose the colleague to take the place",
            "invalid_choice": "Choose a colleague from the list",
        },
    )

    def __init__(self, *args, reachable, offered, booking, **kwargs):
        kwargs.setdefault("auto_id", f"transfer-{booking.pk}-%s")
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        field.queryset = reachable
        field.choices = [("", "Choose a colleague")] + [
            (person.pk, _person_label(person))
            for person in offered
            if person.pk != booking.person_id
        ]


def _person_label(person):
    name = person.get_full_name()
    return f"{name} ({person.email})" if name else person.email


class PeriodForm(forms.Form):
    """A period of whole days, sent as a GET form so the page has an address to share."""

    date_from = GovukDateField(
        label="From",
        label_for_errors="The start date",
        error_messages={"required": "Enter the start date"},
    )
    date_to = GovukDateField(
        label="To",
        label_for_errors="The end date",
        error_messages={"required": "Enter the end date"},
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return cleaned


def financial_year(day):
    """(1 April, 31 March) of the financial year that `day` falls in."""
    first = day.year if day.month >= 4 else day.year - 1
    return datetime.date(first, 4, 1), datetime.date(first + 1, 3, 31)


def period_query(start, end):
    """The GET parameters of a PeriodForm for these dates."""
    return {
        "date_from_day": start.day,
        "date_from_month": start.month,
        "date_from_year": start.year,
        "date_to_day": end.day,
        "date_to_month": end.month,
        "date_to_year": end.year,
    }


class ChargesFilterForm(PeriodForm):
    agency = forms.ModelChoiceField(
        label="Organisation",
        queryset=None,
        required=False,
        empty_label="All organisations",
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class WaiveForm(forms.Form):
    reason = forms.CharField(
        label="Why is the charge waived?",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: the session clashed with a serious incident. This is kept with "
        "the charge and shown to finance. Do not name or describe a child or family.",
        error_messages={
            "required": "Enter why the charge is waived",
            "max_length": "Why the charge is waived must be 300 characters or fewer",
        },
    )


class CertificateWithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the certificate withdrawn?",
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: issued in error, the person left before the end. Anyone who "
        "checks the certificate is shown this, so do not add anything else about the person.",
        error_messages={
            "required": "Enter why the certificate is withdrawn",
            "max_length": "Why the certificate is withdrawn must be 200 characters or fewer",
        },
    )


class BookSomeoneForm(forms.Form):
    """The training team books a person by their work email address: the address must be an
    active account at one of the partnership's organisations (the view looks it up)."""

    email = forms.EmailField(
        label="Work email address of the person to book",
        help_text="They need an account at one of the partnership's organisations. If no place "
        "is free they join the waiting list.",
        max_length=254,
        error_messages={
            "required": "Enter the work email address of the person to book",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "book-%s")
        super().__init__(*args, **kwargs)


class SessionChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, label_for, **kwargs):
        self.label_for = label_for
        super().__init__(*args, **kwargs)

    def label_from_instance(self, session):
        return self.label_for(session)


class MoveForm(forms.Form):
    """Another date of the same course to move a booked place to."""

    session = SessionChoiceField(
        label="Move the place to",
        queryset=None,
        widget=forms.RadioSelect,
        label_for=str,
        empty_label=None,
        error_messages={
            "required": "Choose the date to move the place to",
            "invalid_choice": "Choose a date from the list",
        },
    )

    def __init__(self, *args, choices, label_for, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        field.queryset = choices
        field.label_for = label_for


class SessionMessageForm(forms.Form):
    """An email to everyone booked. `token` is new each time the form is shown, so sending
    the same form twice (a double click, the back button) sends it once."""

    subject = forms.CharField(
        label="Subject",
        max_length=150,
        help_text="The course's name is put in front of it.",
        error_messages={
            "required": "Enter a subject",
            "max_length": "The subject must be 150 characters or fewer",
        },
    )
    body = forms.CharField(
        label="Message",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="For example: a change of room, something to read first. The session's date, "
        "time and place are added below it. Do not name or describe a child or family.",
        error_messages={
            "required": "Enter the message",
            "max_length": "The message must be 5,000 characters or fewer",
        },
    )
    token = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "Something went wrong with the form: send it again",
            "invalid": "Something went wrong with the form: send it again",
        },
    )

    def clean(self):
        cleaned = super().clean()
        # The hidden token has no field on the page to link an error to: say it at the top.
        if "token" in self._errors:
            self.add_error(None, self._errors.pop("token"))
        return cleaned
