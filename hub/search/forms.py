from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search this site",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    kind = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("", "Pages and documents"),
            ("pages", "Pages only"),
            ("documents", "Documents only"),
        ],
        widget=forms.RadioSelect,
    )
