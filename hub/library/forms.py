from django import forms

from hub.core.forms import GovukDateField
from hub.library.models import DocumentType, Reach, Topic

AUDIENCE_CHOICES = [
    ("professionals", "Professionals and volunteers"),
    ("parents", "Parents and carers"),
    ("young_people", "Children and young people"),
]
SORT_CHOICES = [("title", "Title (A to Z)"), ("updated", "Last updated (newest first)")]


class LibraryFilterForm(forms.Form):
    render_fields_once = True  # choices and filter values only (hub/core/forms.py)
    q = forms.CharField(label="Search the library", required=False, max_length=200)
    document_type = forms.MultipleChoiceField(
        label="Type",
        choices=DocumentType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reach = forms.MultipleChoiceField(
        label="Scope", choices=Reach.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    audience = forms.ChoiceField(
        label="Audience", choices=[("", "Everyone")] + AUDIENCE_CHOICES, required=False
    )
    topic = forms.ModelChoiceField(
        label="Topic",
        queryset=Topic.objects.all(),
        required=False,
        empty_label="Any topic",
        to_field_name="slug",
    )
    owner = forms.ChoiceField(label="Owner organisation", required=False)
    sort = forms.ChoiceField(label="Sort by", choices=SORT_CHOICES, required=False)
    as_at = GovukDateField(
        label="Show the library as it stood on a date",
        label_for_errors="The date",
        not_in_future=True,
        required=False,
        help_text="For example, 3 3 2026. Leave blank for today.",
    )

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Any organisation")] + [
            (str(agency.pk), agency.name) for agency in owners
        ]


class AsAtForm(forms.Form):
    render_fields_once = True  # a date to look at, nothing about a person (hub/core/forms.py)
    as_at = GovukDateField(
        label="Which version was current on",
        label_for_errors="The date",
        not_in_future=True,
        required=True,
    )
