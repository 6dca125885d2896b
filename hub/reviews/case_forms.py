"""Forms of the review case records and the requests for information. Each renders through
core/forms.html (GOV.UK fields, inline errors, the error summary). Forms check the shape of
what was typed; hub/reviews/cases.py decides whether it may be saved. No form has a field for
a child's or family's details: an age band, never a date of birth, and the only free text is
a short summary with the hint not to identify anyone."""

from django import forms

from hub.core.forms import GovukDateField
from hub.core.models import Agency
from hub.reviews.cases import RETURN_SUMMARY_LIMIT
from hub.reviews.models import (
    FREE_TEXT_LIMIT,
    NO_IDENTIFIERS,
    AgeBand,
    Decision,
    ReviewKind,
    ReviewStatus,
    Theme,
)


def _date(label, *, required=False, hint="For example, 27 3 2026"):
    return GovukDateField(
        label=label,
        label_for_errors="The date",
        required=required,
        help_text=hint,
        error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}"},
    )


def _summary(label, *, limit=FREE_TEXT_LIMIT, hint=""):
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"{hint} {NO_IDENTIFIERS}".strip(),
        error_messages={"max_length": f"{label} must be {limit} characters or fewer"},
    )


def _themes():
    return forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={"invalid_choice": "Choose from the partnership's themes"},
    )


def _age_band():
    return forms.ChoiceField(
        label="The child's age band",
        choices=AgeBand.choices,
        widget=forms.RadioSelect,
        help_text="At the time of the incident. Never a date of birth.",
        error_messages={
            "required": "Choose the child's age band",
            "invalid_choice": "Choose the child's age band",
        },
    )


class CaseForm(forms.Form):
    def __init__(self, *args, partnership, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        if "themes" in self.fields:
            self.fields["themes"].queryset = Theme.objects.filter(partnership=partnership)


class OpenReviewForm(CaseForm):
    kind = forms.ChoiceField(
        label="Type of review",
        choices=ReviewKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the type of review",
            "invalid_choice": "Choose the type of review",
        },
    )
    incident_on = _date(
        "Date of the incident",
        required=True,
        hint="When the child died or was seriously harmed. For example, 27 2 2026",
    )
    notified_on = _date(
        "Date the national panel was notified",
        hint="Day 0 of a rapid review's timeline: every step is counted in working days from "
        "it. Needed for a rapid review. For example, 4 3 2026",
    )
    age_band = _age_band()
    themes = _themes()
    summary = _summary("Summary (optional)", hint="What happened, briefly, in general terms.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = ReviewKind.RAPID


class EditReviewForm(CaseForm):
    """Every key date, the status, decision, age band, themes and summary, filled in as they
    are now."""

    status = forms.ChoiceField(
        label="Status",
        choices=ReviewStatus.choices,
        widget=forms.RadioSelect,
        help_text="Closing the review starts its retention: the case record is deleted some "
        "years after it closes.",
        error_messages={"required": "Choose the status", "invalid_choice": "Choose the status"},
    )
    incident_on = _date("Date of the incident", required=True)
    notified_on = _date(
        "Date the national panel was notified",
        hint="Changing it moves every timeline step's due date. For example, 4 3 2026",
    )
    rapid_review_sent_on = _date("Date the rapid review was sent to the national panel")
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("", "Not decided yet"), *Decision.choices],
        required=False,
        error_messages={"invalid_choice": "Choose one of the decisions"},
    )
    decision_on = _date("Date of the decision")
    reviewer_commissioned_on = _date("Date the reviewer was commissioned")
    draft_on = _date("Date of the draft report")
    final_on = _date("Date of the final report")
    published_on = _date("Date of publication")
    removal_on = _date(
        "Date of removal from the website",
        hint="At least a year after publication. For example, 1 9 2028",
    )
    age_band = _age_band()
    themes = _themes()
    summary = _summary("Summary (optional)", hint="What happened, briefly, in general terms.")

    def __init__(self, *args, review, **kwargs):
        initial = {field: getattr(review, field) for field in self.base_fields if field != "themes"}
        initial["themes"] = [theme.pk for theme in review.themes.all()]
        kwargs.setdefault("initial", initial)
        super().__init__(*args, partnership=review.partnership, **kwargs)

    def changes(self):
        return {field: self.cleaned_data.get(field) for field in self.fields}


class RequestInformationForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label="Which agencies are you asking?",
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply. Each agency's safeguarding leads get an email.",
        error_messages={
            "required": "Choose at least one agency to ask",
            "invalid_choice": "Choose from the partnership's agencies",
        },
    )
    due_on = _date(
        "Date the information is due (optional)",
        hint="Leave it empty for the timeline's date for agencies' information. "
        "For example, 18 3 2026",
    )

    def __init__(self, *args, review, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        asked = review.requests.values("agency_id")
        self.fields["agencies"].queryset = review.partnership.agencies.exclude(
            pk__in=asked
        ).order_by("name")


class ReturnInformationForm(forms.Form):
    chronology_sent = forms.BooleanField(
        label="My agency has sent its chronology and information through the partnership's "
        "secure email or case system",
        required=False,
    )
    summary = _summary(
        "Summary of your agency's involvement and learning (optional)",
        limit=RETURN_SUMMARY_LIMIT,
        hint="A few lines: the chronology itself goes through the secure route, never here.",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)


class CaseFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type", choices=[("", "All types"), *ReviewKind.choices], required=False
    )
    status = forms.ChoiceField(
        label="Status", choices=[("", "All statuses"), *ReviewStatus.choices], required=False
    )
    overdue = forms.BooleanField(label="Only reviews with something overdue", required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)

    def filters(self):
        """The valid filters ("" for none); an unknown value is ignored, not an error."""
        self.is_valid()
        found = self.cleaned_data
        return {
            "kind": found.get("kind", ""),
            "status": found.get("status", ""),
            "overdue": found.get("overdue", False),
        }
