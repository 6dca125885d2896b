"""Forms of the public training pages. Each renders through core/forms.html, so labels,
hints, inline errors and the error summary follow the GOV.UK patterns."""

from django import forms

from hub.training.models import Format, Level

CHOOSE_FROM_LIST = "Choose {what} from the list"
NO_CHILD_DETAILS = (
    "Do not include names or anything else that could identify a child, a family or a colleague."
)


def _choice_errors(what):
    return {"invalid_choice": CHOOSE_FROM_LIST.format(what=what)}


class ProgrammeFilterForm(forms.Form):
    """The programme's filters, sent as a GET form so they work without JavaScript and the
    filtered list has an address that can be shared."""

    render_fields_once = True  # choices and filter values only (hub/core/forms.py)

    level = forms.TypedChoiceField(
        label="Level",
        choices=[("", "Any level"), *Level.choices],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages=_choice_errors("a level"),
    )
    format = forms.ChoiceField(
        label="Format",
        choices=[("", "Any format"), *Format.choices],
        required=False,
        error_messages=_choice_errors("a format"),
    )
    audience = forms.ChoiceField(
        label="Who it is for", required=False, error_messages=_choice_errors("an audience")
    )
    month = forms.ChoiceField(
        label="Month", required=False, error_messages=_choice_errors("a month")
    )
    places = forms.BooleanField(label="Only courses with places left", required=False)

    def __init__(self, *args, audiences=(), months=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [("", "Everyone")] + [
            (audience.slug, audience.name) for audience in audiences
        ]
        self.fields["month"].choices = [("", "Any month")] + [
            (f"{year:04d}-{month:02d}", label) for (year, month), label in months
        ]

    def clean_month(self):
        value = self.cleaned_data["month"]
        if not value:
            return None
        year, month = value.split("-")
        return int(year), int(month)


class ConfirmForm(forms.Form):
    """A button with nothing to fill in (book, cancel, accept, leave): the form carries the
    service's refusal back to the error summary."""


class BookColleagueForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Colleague",
        queryset=None,
        empty_label="Choose a colleague",
        help_text="Only active colleagues of the organisations you book for are listed.",
        error_messages={
            "required": "Choose the colleague to book",
            "invalid_choice": "Choose a colleague from the list",
        },
    )

    def __init__(self, *args, colleagues, **kwargs):
        kwargs.setdefault("auto_id", "colleague_%s")
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = colleagues
        self.fields["person"].label_from_instance = _person_label


def _person_label(person):
    name = person.get_full_name()
    agency = f", {person.agency}" if person.agency_id else ""
    return f"{name} ({person.email}){agency}" if name else f"{person.email}{agency}"


def _scale(label, low, high, required_message):
    return forms.TypedChoiceField(
        label=label,
        choices=[
            ("1", f"1 – {low}"),
            ("2", "2"),
            ("3", "3"),
            ("4", "4"),
            ("5", f"5 – {high}"),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


class EvaluationForm(forms.Form):
    overall = _scale(
        "Overall, how would you rate the course?",
        "very poor",
        "excellent",
        "Select how you rate the course overall",
    )
    trainer = _scale(
        "How would you rate the trainer?",
        "very poor",
        "excellent",
        "Select how you rate the trainer",
    )
    relevance = _scale(
        "How relevant was the course to your work?",
        "not relevant",
        "very relevant",
        "Select how relevant the course was to your work",
    )
    confidence_before = _scale(
        "Before the course, how confident were you about the subject?",
        "not at all confident",
        "very confident",
        "Select how confident you were before the course",
    )
    confidence_after = _scale(
        "After the course, how confident are you about the subject?",
        "not at all confident",
        "very confident",
        "Select how confident you are after the course",
    )
    most_useful = forms.CharField(
        label="What was most useful? (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NO_CHILD_DETAILS,
        error_messages={"max_length": "What was most useful must be 2000 characters or fewer"},
    )
    could_improve = forms.CharField(
        label="What could we improve? (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NO_CHILD_DETAILS,
        error_messages={"max_length": "What we could improve must be 2000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        # GOV.UK radios take their first id from the field's name: ids without a prefix let
        # the error summary link straight to the first radio of each question.
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)


class ImpactForm(forms.Form):
    practice_changed = forms.TypedChoiceField(
        label="Has the course changed how you work with children and families?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select yes if the course has changed how you work",
            "invalid_choice": "Select yes if the course has changed how you work",
        },
    )
    example = forms.CharField(
        label="Give an example (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What you do differently since the course. " + NO_CHILD_DETAILS,
        error_messages={"max_length": "The example must be 2000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
