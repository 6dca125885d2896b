"""Forms for the editors' procedures screens in Wagtail's admin. They only collect and check
what was typed; every write is made by hub.procedures.services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.admin.rich_text import DraftailRichTextArea

from hub.core import sign_off
from hub.core.rich_text import CheckedDraftail
from hub.procedures import richtext
from hub.procedures.models import ChangeType

MUST_SHOULD = "Use bold must for the law and bold should for good practice."
REGIONAL_HELP = (
    "Headings, lists, bold and links: to outside addresses (web, email, phone) and to other "
    "chapters or the glossary (paste the address, for example /procedures/early-help/). "
    "Regional text is shown on every partnership's site, so links to one partnership's pages "
    "or documents are removed when saved, and you are told. " + MUST_SHOULD
)
LOCAL_HELP = (
    "Headings, lists, bold and links: to outside addresses (web, email, phone), chapters, "
    "the glossary, and your partnership's own pages and library documents. Anything else is "
    "removed when saved, and you are told. "
)


# What the widget gives the form for an editor's value it could not convert.
UNREADABLE = "<hub-unreadable-text>"


class TextEditor(CheckedDraftail):
    """Wagtail's rich text editor, sending its content as JSON. A value that is not JSON is
    taken as HTML (sent without the editor, by a script or with JavaScript off) and goes
    through the same cleaner; JSON the converter cannot read is an error on the field, never
    a server error."""

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if raw is None or not raw.lstrip().startswith("{"):
            return raw
        try:
            return DraftailRichTextArea.value_from_datadict(self, data, files, name)
        except Exception:  # noqa: BLE001 - any malformed editor state, from a forged post
            return UNREADABLE


def text_widget(partnership, rows):
    """The editor with the features this text may use: `partnership` None for regional text
    (see hub.procedures.richtext)."""
    features = richtext.FEATURES if partnership is None else richtext.LOCAL_FEATURES
    return TextEditor(features=features, attrs={"rows": rows})


class RichTextFormMixin:
    """Forms whose text fields use the editor; `partnership` is the release's (or None)."""

    text_fields = ()

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.text_fields:
            self.fields[name].widget = text_widget(partnership, 20)
            hint = REGIONAL_HELP if partnership is None else LOCAL_HELP + MUST_SHOULD
            self.fields[name].help_text = f"{self.fields[name].help_text} {hint}".strip()

    def clean_text(self, value):
        """The editor sends an empty paragraph for an empty box."""
        if value == UNREADABLE:
            raise ValidationError("The text could not be read. Reload the page and try again.")
        return "" if not strip_tags(value or "").strip() else value


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


class ChapterChangeForm(RichTextFormMixin, forms.Form):
    text_fields = ("body",)
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences shown under the title.",
    )
    body = forms.CharField(required=False, label="Text")
    change_type = forms.ChoiceField(
        choices=ChangeType.choices, widget=forms.RadioSelect, label="Type of change"
    )
    change_summary = forms.CharField(
        max_length=300,
        label="What changed",
        help_text="One line, shown on the updates page and in the email: "
        "for example 'Strategy meetings now within one working day'.",
    )

    def clean_body(self):
        return self.clean_text(self.cleaned_data["body"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("change_type") != ChangeType.REMOVED and not cleaned.get("body"):
            self.add_error("body", "Enter the chapter's text")
        return cleaned


class LocalInformationForm(RichTextFormMixin, forms.Form):
    text_fields = ("body",)
    body = forms.CharField(
        required=False,
        label="Local information",
        help_text="Shown in a 'Local information' box under the regional text, on your site "
        "only. Leave it empty to remove the box.",
    )

    def clean_body(self):
        return self.clean_text(self.cleaned_data["body"])


class ChapterCreateForm(RichTextFormMixin, forms.Form):
    text_fields = ("body",)
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
    body = forms.CharField(label="Text")
    change_summary = forms.CharField(
        max_length=300,
        label="What changed",
        initial="New chapter.",
        help_text="One line, shown on the updates page and in the email.",
    )

    def __init__(self, *args, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = parts

    def clean_body(self):
        value = self.clean_text(self.cleaned_data["body"])
        if not value:
            raise ValidationError("Enter the chapter's text")
        return value


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


class SendBackForm(forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="What needs changing",
        help_text="Kept in the audit log. Optional when you take back your own release.",
    )


class RegionalSignOffForm(forms.Form):
    sign_off = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Regional changes that need a second consortium editor's approval",
    )

    def __init__(self, *args, consortium, **kwargs):
        super().__init__(*args, auto_id=f"id_consortium{consortium.pk}_%s", **kwargs)
        self.fields["sign_off"].choices = [
            (key, item.label) for key, item in sign_off.kinds(regional=True).items()
        ]
        self.fields["sign_off"].initial = list(consortium.sign_off or [])
