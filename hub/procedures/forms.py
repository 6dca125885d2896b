from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from hub.core.forms import GovukDateField


class AsAtForm(forms.Form):
    render_fields_once = True  # a date to look at, nothing about a person (hub/core/forms.py)
    as_at = GovukDateField(
        label="Show the procedures as they stood on",
        label_for_errors="The date",
        not_in_future=True,
        help_text="For example, 3 3 2026",
    )

    def __init__(self, *args, earliest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.earliest = earliest

    def clean_as_at(self):
        day = self.cleaned_data["as_at"]
        if self.earliest and day < timezone.localtime(self.earliest).date():
            raise ValidationError(
                f"The date must be on or after {self.earliest:%-d %B %Y}, when the "
                "procedures were first published"
            )
        return day


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We use it only to tell you about new releases of the procedures.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
