"""Forms of the escalation log. Each renders through core/forms.html (GOV.UK fields, inline
errors, the error summary). Forms check the shape of what was typed; hub.escalations.services
decides whether it may be saved. No form has a field for a child's or family's details: the
only free text is a short summary or note, each with the hint not to write names."""

from django import forms

from hub.core.forms import GovukDateField
from hub.core.models import Agency
from hub.decision_aids.models import Level
from hub.decision_aids.queries import guide_for
from hub.escalations.models import FREE_TEXT_LIMIT, NO_NAMES, RoleLevel
from hub.escalations.services import CORRECTABLE


def _free_text(label, *, required=True, hint=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=FREE_TEXT_LIMIT,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"{hint} {NO_NAMES}".strip(),
        error_messages={
            "required": f"Enter {label[0].lower()}{label[1:]}",
            "max_length": f"{label} must be {FREE_TEXT_LIMIT} characters or fewer",
        },
    )


def _date(label, *, required=True):
    return GovukDateField(
        label=label,
        label_for_errors="The date",
        required=required,
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date"},
    )


def _role_level(label="Who was involved"):
    return forms.ChoiceField(
        label=label,
        choices=RoleLevel.choices,
        widget=forms.RadioSelect,
        help_text="By role, never by name.",
        error_messages={"required": "Choose who was involved"},
    )


class EscalationForm(forms.Form):
    """What every escalation form carries: how many steps the page showed (a form sent twice
    then changes nothing), and the confirmation that a phone number is not a family's."""

    seen = forms.IntegerField(widget=forms.HiddenInput, required=False)
    phone_confirmed = forms.BooleanField(
        label="I have checked: the phone number is not a child's or family's",
        required=False,
    )

    def __init__(self, *args, escalation=None, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.phone_warning = False

    def asks_about_phone(self):
        """Show the confirmation box: the service warned of a phone number, or it is ticked."""
        return self.phone_warning or bool(self.data.get("phone_confirmed"))

    def visible(self):
        return [f for f in self if not f.is_hidden and f.name != "phone_confirmed"]


class RaiseForm(EscalationForm):
    receiving_agency = forms.ModelChoiceField(
        label="Which agency's decision do you disagree with?",
        queryset=Agency.objects.none(),
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency", "invalid_choice": "Choose the agency"},
    )
    level = forms.ModelChoiceField(
        label="Level of need",
        queryset=None,
        empty_label="Choose a level of need",
        help_text="From the partnership's levels of need guide.",
        error_messages={
            "required": "Choose the level of need",
            "invalid_choice": "Choose the level of need",
        },
    )
    theme = forms.ModelChoiceField(
        label="What is it about?",
        queryset=None,
        empty_label="Choose a theme",
        error_messages={"required": "Choose a theme", "invalid_choice": "Choose a theme"},
    )
    summary = _free_text(
        "Summary of the disagreement",
        hint="What was decided and why your agency disagrees, in general terms.",
    )
    raised_on = _date("Date raised")
    role_level = _role_level("Who raised it")

    good_practice = False

    def __init__(self, *args, partnership, protocol, raising_agency, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = partnership.agencies.order_by("name")
        if raising_agency is not None:
            agencies = agencies.exclude(pk=raising_agency.pk)
        self.fields["receiving_agency"].queryset = agencies
        guide = guide_for(partnership)
        levels = self.fields["level"]
        levels.queryset = guide.levels.all() if guide else Level.objects.none()
        self.fields["theme"].queryset = protocol.themes.all()
        if self.good_practice:
            self.fields["level"].required = False
            self.fields["theme"].required = False
        self.fields["role_level"].initial = RoleLevel.PRACTITIONER


class GoodPracticeForm(RaiseForm):
    good_practice = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_agency"].label = "Which agency's good practice are you recording?"
        self.fields["summary"].label = "What the agency did well"
        self.fields["summary"].help_text = f"In general terms. {NO_NAMES}"
        self.fields["raised_on"].label = "Date"
        self.fields["role_level"].label = "Who is recording it"
        self.fields["level"].label = "Level of need (optional)"
        self.fields["theme"].label = "Theme (optional)"


class MoveForm(EscalationForm):
    stage = forms.ModelChoiceField(
        label="Stage it moves to",
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the stage", "invalid_choice": "Choose the stage"},
    )
    on = _date("Date it moved")
    role_level = _role_level()
    note = _free_text("Why it is moving on", hint="A short reason.")
    skip_reason = _free_text(
        "If it skips a stage, why",
        required=False,
        hint="Only if it goes past the next stage.",
    )

    def __init__(self, *args, escalation, **kwargs):
        super().__init__(*args, **kwargs)
        stages = list(escalation.protocol.stages.order_by("sort_order", "pk"))
        ids = [stage.pk for stage in stages]
        current = ids.index(escalation.stage_id) if escalation.stage_id in ids else -1
        self.fields["stage"].queryset = escalation.protocol.stages.filter(
            pk__in=ids[current + 1 :]
        ).order_by("sort_order", "pk")
        self.fields["stage"].label_from_instance = lambda stage: (
            f"{stage.name} (within {stage.target_working_days} working days)"
        )


class RespondForm(EscalationForm):
    on = _date("Date of the response")
    role_level = _role_level()
    note = _free_text("The response", hint="What the agency decided, and why.")


class CloseForm(EscalationForm):
    outcome = forms.ModelChoiceField(
        label="Outcome",
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome", "invalid_choice": "Choose the outcome"},
    )
    on = _date("Date closed")
    role_level = _role_level()
    note = _free_text("Note (optional)", required=False)

    def __init__(self, *args, escalation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].queryset = escalation.protocol.outcomes.all()


class CorrectForm(EscalationForm):
    """Every detail, filled in as it is now; what the business unit changes is corrected."""

    raising_agency = forms.ModelChoiceField(label="Raising agency", queryset=None)
    receiving_agency = forms.ModelChoiceField(label="Receiving agency", queryset=None)
    level = forms.ModelChoiceField(label="Level of need", queryset=None, required=False)
    theme = forms.ModelChoiceField(label="Theme", queryset=None, required=False)
    summary = _free_text("Summary")
    raised_on = _date("Date raised")
    stage = forms.ModelChoiceField(label="Stage reached", queryset=None, required=False)
    stage_started_on = _date("Date the stage started", required=False)
    outcome = forms.ModelChoiceField(label="Outcome", queryset=None, required=False)
    closed_on = _date("Date closed", required=False)
    reason = _free_text("Why it is corrected")

    def __init__(self, *args, escalation, **kwargs):
        kwargs.setdefault("initial", {field: getattr(escalation, field) for field in CORRECTABLE})
        super().__init__(*args, **kwargs)
        partnership, protocol = escalation.partnership, escalation.protocol
        agencies = partnership.agencies.order_by("name")
        self.fields["raising_agency"].queryset = agencies
        self.fields["receiving_agency"].queryset = agencies
        guide = guide_for(partnership)
        level = self.fields["level"]
        level.queryset = guide.levels.all() if guide else Level.objects.none()
        self.fields["theme"].queryset = protocol.themes.all()
        self.fields["stage"].queryset = protocol.stages.order_by("sort_order", "pk")
        self.fields["outcome"].queryset = protocol.outcomes.all()
        for name in ("level", "theme", "stage", "outcome"):
            self.fields[name].empty_label = "None"

    def changes(self):
        return {field: self.cleaned_data.get(field) for field in CORRECTABLE}
