"""The screening tool's question page: one set of radios per indicator of a domain."""

from django import forms


class DomainForm(forms.Form):
    """Every indicator of one domain, each rated on the version's scale. Every indicator is
    required: the scale has "Not known" for what the practitioner cannot say.

    Fields are named by position (`flow.Journey.field_names`); a rating off the scale or an
    indicator not on the page is refused before this form sees it (`Journey.check_posted`)."""

    def __init__(self, data=None, *, journey, index, initial=None):
        super().__init__(data, initial=initial, auto_id="%s")
        domain = journey.domains[index]
        choices = [(option["key"], option["label"]) for option in journey.scale]
        hints = {option["key"]: option["hint"] for option in journey.scale if option["hint"]}
        for name, indicator in zip(journey.field_names(index), domain["indicators"], strict=True):
            rating = forms.ChoiceField(
                label=indicator["text"],
                help_text=indicator["hint"],
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Select a rating for ‘{indicator['text']}’"},
            )
            rating.item_hints = hints
            self.fields[name] = rating
