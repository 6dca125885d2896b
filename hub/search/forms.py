from django import forms

from hub.search.models import AUDIENCES
from hub.search.results import REACHES


def _types():
    from hub.search.indexing import searchables

    return [(s.kind, s.label) for s in searchables()]


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search this site",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    type = forms.MultipleChoiceField(
        label="Type", required=False, choices=_types, widget=forms.CheckboxSelectMultiple
    )
    reach = forms.ChoiceField(
        label="Local or regional",
        required=False,
        choices=[("", "Any"), *REACHES.items()],
        widget=forms.RadioSelect,
    )
    audience = forms.ChoiceField(
        label="Written for",
        required=False,
        choices=[("", "Anyone"), *AUDIENCES.items()],
        widget=forms.RadioSelect,
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and "kind" in data and "type" not in data:
            # `?kind=` was the type filter's name: links people saved still work.
            data = data.copy()
            data.setlist("type", [value for value in data.getlist("kind") if value])
        super().__init__(data, **kwargs)

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def label_counts(self, counts):
        """Each filter choice with the number of results it would show."""
        for name in ("type", "reach", "audience"):
            found = counts.get(name, {})
            self.fields[name].choices = [
                (value, f"{label} ({found.get(value, 0)})" if value else label)
                for value, label in self.fields[name].choices
            ]
