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
            ("", "Everything"),
            ("pages", "Pages only"),
            ("documents", "Documents only"),
            ("procedures", "Procedures only"),
        ],
        widget=forms.RadioSelect,
    )
