"""Forms of the agency's section 11 pages. Each renders through core/forms.html, so labels,
hints, inline errors and the error summary follow the GOV.UK patterns. Forms check the
shape of what was typed; the services decide whether it may be saved, and their refusals
come back through `hub.core.forms.service_call`."""

from django import forms

from hub.assurance.models import NO_CHILD_DATA, ActionStatus
from hub.assurance.services import EVIDENCE_TYPES
from hub.core.forms import GovukDateField
from hub.core.presenters import file_size
from hub.core.uploads.documents import KIND_LABELS

LONG_TEXT = 10_000


def _long_text(label, *, required=False, help_text=NO_CHILD_DATA, rows=6, required_message=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        error_messages={
            "required": required_message,
            "max_length": f"{label} must be {LONG_TEXT:,} characters or fewer",
        },
    )


class ConfirmForm(forms.Form):
    """A button with nothing to fill in (start, submit): the form carries the service's
    refusal back to the error summary."""


class AnswerForm(forms.Form):
    """The agency's rating against one standard and the evidence for it. Either may be left
    empty while drafting; submitting checks that both are there."""

    rating = forms.TypedChoiceField(
        label="How well does your organisation meet this standard?",
        choices=(),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    narrative = _long_text(
        "Your evidence",
        rows=10,
        help_text="Describe what is in place and how you know it works. " + NO_CHILD_DATA,
    )

    def __init__(self, *args, version, **kwargs):
        # Ids without a prefix: the error summary links straight to the first radio.
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        levels = version.levels()
        rating = self.fields["rating"]
        rating.choices = [(str(value), label) for value, label, _ in levels]
        rating.item_hints = {str(value): meaning for value, _, meaning in levels}
        scale = ", ".join(label for _, label, _ in levels)
        rating.error_messages["invalid_choice"] = (
            f"Choose a rating on this framework's scale: {scale}."
        )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        # The library's checks say what is wrong with an empty file, in its own words.
        allow_empty_file=True,
        error_messages={"required": "Select a file to upload"},
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


class AttachForm(forms.Form):
    """Attaching a record from elsewhere in the Hub: the record is the pressed button's value
    (checked by the service against what is offered), so the form has no field of its own;
    a refusal shows at the top of the error summary."""


class LocalAnswersForm(forms.Form):
    """One box per local question, named `local-<id>` as the services' errors name them."""

    def __init__(self, *args, questions, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            hint = f"Asked by {question.partnership.name}."
            if question.guidance:
                hint = f"{question.guidance} {hint}"
            if not question.is_required:
                hint += " Optional."
            self.fields[f"local-{question.pk}"] = _long_text(
                question.text, help_text=f"{hint} {NO_CHILD_DATA}", rows=5
            )

    def answers(self):
        """{question id: text} for services.local_answers_save."""
        return {
            question.pk: self.cleaned_data.get(f"local-{question.pk}", "")
            for question in self.questions
        }


class ActionForm(forms.Form):
    """An action of the plan. Once the self-assessment is submitted its wording is fixed
    (`wording_locked`) and only its status and progress change."""

    description = _long_text(
        "What will be done",
        rows=4,
        required=True,
        required_message="Enter what will be done",
    )
    standard = forms.ModelChoiceField(
        label="Standard it addresses (optional)",
        queryset=None,
        required=False,
        empty_label="Not linked to one standard",
        error_messages={"invalid_choice": "Choose a standard from the list"},
    )
    owner_role = forms.CharField(
        label="Whose job it is",
        max_length=120,
        help_text="A role, not a name: for example, Designated safeguarding lead.",
        error_messages={
            "required": "Enter whose job it is, as a role",
            "max_length": "The role must be 120 characters or fewer",
        },
    )
    due_on = GovukDateField(
        label="Date it will be done by",
        label_for_errors="The date it will be done by",
        help_text="For example, 31 3 2027",
        error_messages={"required": "Enter the date it will be done by"},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the action's status",
            "invalid_choice": "Choose the action's status",
        },
    )
    progress_note = _long_text("Progress so far (optional)", rows=4)

    def __init__(self, *args, standards, wording_locked=False, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        if wording_locked:
            for name in ("description", "standard", "owner_role", "due_on"):
                del self.fields[name]
        else:
            self.fields["standard"].queryset = standards


class ContributorForm(forms.Form):
    email = forms.EmailField(
        label="Colleague's work email address",
        max_length=254,
        help_text="They need an account with the Hub at your organisation.",
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": "Enter your colleague's work email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


class ResponseForm(forms.Form):
    response = _long_text(
        "Your response",
        rows=8,
        required=True,
        required_message="Enter your response",
    )
