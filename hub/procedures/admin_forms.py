"""Forms for the editors' procedures screens in Wagtail's admin. They only collect and check
what was typed; every write is made by hub.procedures.services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from hub.procedures.models import ChangeType

BODY_HELP = (
    "HTML: headings (<h2>, <h3>), paragraphs (<p>), lists (<ul>, <ol>, <li>) and emphasis "
    "(<b>, <i>). Anything else, links included, is removed when saved. Use <b>must</b> for "
    "the law and <b>should</b> for good practice."
)


class ReleaseStartForm(forms.Form):
    title = forms.CharField(max_length=120, help_text="For example: December 2026 update")
    summary = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. Shown on the updates page and in the email to subscribers.",
    )
    scope = forms.ChoiceField(label="Whose release is it?", widget=forms.RadioSelect)

    def __init__(self, *args, manuals, partnerships, **kwargs):
        """`manuals`: the manuals whose regional text this editor may change;
        `partnerships`: (partnership, manual) pairs whose local text they may change."""
        super().__init__(*args, **kwargs)
        self.targets = {f"regional-{manual.pk}": (manual, None) for manual in manuals} | {
            f"local-{partnership.pk}": (manual, partnership) for partnership, manual in partnerships
        }
        choices = [
            (f"regional-{manual.pk}", f"Regional: every partnership in {manual.consortium}")
            for manual in manuals
        ] + [
            (f"local-{partnership.pk}", f"{partnership.name} only: local information and chapters")
            for partnership, _ in partnerships
        ]
        self.fields["scope"].choices = choices
        if len(choices) == 1:
            # Nothing to choose: the one release this editor may make.
            del self.fields["scope"]
            self.only_target = self.targets[choices[0][0]]

    def clean(self):
        cleaned = super().clean()
        if "scope" in self.fields:
            cleaned["manual"], cleaned["partnership"] = self.targets.get(
                cleaned.get("scope"), (None, None)
            )
        else:
            cleaned["manual"], cleaned["partnership"] = self.only_target
        return cleaned


class ChapterChoiceForm(forms.Form):
    """Which chapter to work on; sent with GET, so choosing changes nothing."""

    chapter = forms.TypedChoiceField(coerce=int)

    def __init__(self, *args, choices, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chapter"].choices = choices
        self.fields["chapter"].label = label


class ChapterChangeForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences shown under the title.",
    )
    body = forms.CharField(
        required=False,
        label="Text",
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=BODY_HELP,
    )
    change_type = forms.ChoiceField(
        choices=ChangeType.choices, widget=forms.RadioSelect, label="Type of change"
    )
    change_summary = forms.CharField(
        max_length=300,
        label="What changed",
        help_text="One line, shown on the updates page and in the email: "
        "for example 'Strategy meetings now within one working day'.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("change_type") != ChangeType.REMOVED and not cleaned.get("body", "").strip():
            self.add_error("body", "Enter the chapter's text")
        return cleaned


class LocalInformationForm(forms.Form):
    body = forms.CharField(
        required=False,
        label="Local information",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Shown in a 'Local information' box under the regional text, on your site "
        "only. Leave it empty to remove the box. " + BODY_HELP,
    )


class ChapterCreateForm(forms.Form):
    part = forms.ModelChoiceField(queryset=None, empty_label=None)
    title = forms.CharField(max_length=200)
    slug = forms.SlugField(
        max_length=120,
        required=False,
        label="Address",
        help_text="The last part of the chapter's web address, for example "
        "'strategy-discussions'. Leave it empty to make one from the title. It cannot be "
        "changed later.",
    )
    summary = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences shown under the title.",
    )
    body = forms.CharField(
        label="Text", widget=forms.Textarea(attrs={"rows": 20}), help_text=BODY_HELP
    )
    change_summary = forms.CharField(
        max_length=300,
        label="What changed",
        initial="New chapter.",
        help_text="One line, shown on the updates page and in the email.",
    )

    def __init__(self, *args, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = parts


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label="Publish at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="UK time. Readers see every change in the release at once at this time.",
    )

    def clean_publish_at(self):
        moment = self.cleaned_data["publish_at"]
        if moment <= timezone.now():
            raise ValidationError(
                "The time must be in the future. To publish straight away, use 'Publish now'."
            )
        return moment
