"""Forms of the recommendations tracker. Each renders through core/forms.html (GOV.UK fields,
inline errors, the error summary). Forms check the shape of what was typed; hub.reviews.tracker
decides whether it may be saved, and its refusals come back through service_call. No form has
a field for a child's or family's details: free text carries the hint not to write them, and
the services refuse it when it does."""

from django import forms

from hub.core.forms import GovukDateField
from hub.core.presenters import file_size
from hub.core.uploads.documents import KIND_LABELS
from hub.reviews.models import FREE_TEXT_LIMIT, NO_IDENTIFIERS, ActionStatus, Theme
from hub.reviews.tracker import (
    AGENCY_STATUSES,
    EVIDENCE_NOTE_LIMIT,
    EVIDENCE_TYPES,
    OWNER_ROLE_LIMIT,
)


def _text(label, *, required=True, limit=FREE_TEXT_LIMIT, hint="", rows=4, what=None):
    what = what or f"{label[0].lower()}{label[1:]}"
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        help_text=f"{hint} {NO_IDENTIFIERS}".strip(),
        error_messages={
            "required": f"Enter {what}",
            "max_length": f"{label} must be {limit} characters or fewer",
        },
    )


class RecommendationForm(forms.Form):
    text = _text(
        "Recommendation",
        what="the recommendation",
        hint="What the partnership's agencies should change, in general terms.",
        rows=5,
    )
    theme = forms.ModelChoiceField(
        label="Theme (optional)",
        queryset=Theme.objects.none(),
        required=False,
        empty_label="No theme",
        error_messages={"invalid_choice": "Choose a theme from the list"},
    )

    def __init__(self, *args, partnership, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(partnership=partnership)


class ConfirmForm(forms.Form):
    """A button with nothing to fill in (closing a recommendation): the form carries the
    service's refusal to the error summary."""


class ActionForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=None,
        empty_label="Choose an agency",
        help_text="One of the partnership's agencies. Its safeguarding lead updates the action.",
        error_messages={
            "required": "Choose the agency",
            "invalid_choice": "Choose one of the partnership's agencies",
        },
    )
    owner_role = _text(
        "Owner (a role)",
        what="the owner's role",
        limit=OWNER_ROLE_LIMIT,
        rows=0,
        hint="A role, never a person's name: for example, Named nurse for safeguarding.",
    )
    text = _text("Action", what="the action", hint="What the agency will do.")
    due_on = GovukDateField(
        label="Due date",
        label_for_errors="The due date",
        help_text="For example, 30 9 2026",
        error_messages={"required": "Enter the date the action is due"},
    )

    def __init__(self, *args, partnership, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = partnership.agencies.order_by("name")


class ActionStatusForm(forms.Form):
    """The agency's lead: where the action has got to."""

    status = forms.ChoiceField(
        label="Status",
        choices=[(status.value, status.label) for status in AGENCY_STATUSES],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the action's status",
            "invalid_choice": "Choose not started, in progress or completed",
        },
    )
    progress_note = _text(
        "Progress note (optional)",
        required=False,
        what="the progress note",
        hint="What your agency has done so far.",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "status-%s")
        super().__init__(*args, **kwargs)
        self.fields["status"].item_hints = {
            ActionStatus.COMPLETED.value: "Upload the evidence first. The review panel then "
            "accepts it or sends the action back.",
        }


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        # The upload gate says what is wrong with an empty file, in its own words.
        allow_empty_file=True,
        error_messages={"required": "Select a file to upload"},
    )
    note = _text(
        "What the file shows (optional)",
        required=False,
        limit=EVIDENCE_NOTE_LIMIT,
        rows=0,
        what="what the file shows",
    )

    def __init__(self, *args, max_bytes, **kwargs):
        kwargs.setdefault("auto_id", "evidence-%s")
        super().__init__(*args, **kwargs)
        kinds = [KIND_LABELS[kind] for kind in EVIDENCE_TYPES]
        listed = ", ".join(kinds[:-1]) + " or " + kinds[-1]
        field = self.fields["file"]
        field.help_text = (
            f"{listed}, up to {file_size(max_bytes)}. Files with macros or scripts are refused. "
            "Files must not name or describe a child or family."
        )
        field.widget.attrs["accept"] = ",".join(f".{kind}" for kind in EVIDENCE_TYPES)


class SignOffForm(forms.Form):
    """The panel: accept the evidence, or send the action back with a reason."""

    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            ("accept", "Accept the evidence and sign the action off"),
            ("send_back", "Send it back to the agency: the action is not yet done"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether to accept the evidence or send the action back",
            "invalid_choice": "Choose whether to accept the evidence or send the action back",
        },
    )
    reason = _text(
        "Why it is sent back",
        required=False,
        limit=FREE_TEXT_LIMIT // 2,
        what="why the action is sent back",
        hint="Only if you send it back. The agency reads it in the action's progress note.",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "sign-off-%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "send_back" and not data.get("reason"):
            self.add_error("reason", "Enter why the action is sent back")
        return data


class TrackerFilterForm(forms.Form):
    """The tracker's filters, sent as a GET form so they work without JavaScript and the
    filtered tracker (and its spreadsheet) has an address. A value not offered is reported
    and ignored."""

    review = forms.ChoiceField(
        label="Review",
        required=False,
        error_messages={"invalid_choice": "Choose a review from the list"},
    )
    agency = forms.ChoiceField(
        label="Agency",
        required=False,
        error_messages={"invalid_choice": "Choose an agency from the list"},
    )
    theme = forms.ChoiceField(
        label="Theme",
        required=False,
        error_messages={"invalid_choice": "Choose a theme from the list"},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Any status"), *ActionStatus.choices],
        required=False,
        error_messages={"invalid_choice": "Choose a status from the list"},
    )
    overdue = forms.BooleanField(label="Only actions past their due date", required=False)

    def __init__(self, *args, reviews=(), agencies=(), themes=(), **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)
        self.fields["review"].choices = [("", "Every review"), *reviews]
        self.fields["agency"].choices = [("", "Every agency"), *agencies]
        self.fields["theme"].choices = [("", "Every theme"), *themes]

    def filters(self):
        """The filters that are fine (a bad one is left out, its error shown)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}
