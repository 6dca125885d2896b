from django import forms

from hub.search.queries import searchables


def _kinds():
    return [("", "Everything")] + [(s.kind, f"{s.label} only") for s in searchables()]


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search this site",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    kind = forms.ChoiceField(label="Show", required=False, choices=_kinds, widget=forms.RadioSelect)
