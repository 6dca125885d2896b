"""Forms of the partnership's section 11 pages: the agreed rating of a standard, a comment or
challenge question, returning a self-assessment, and the dashboard's filters. Each renders
through core/forms.html; the services check everything again and have the last word."""

from django import forms

from hub.assurance.models import NO_CHILD_DATA, ChallengeKind
from hub.core.models import AgencyType

# The `action` value of each form the review page posts back to itself.
REVIEW_ACTIONS = ("start", "agreed_rating", "challenge", "return", "agree", "close")


def agreed_rating_id(standard_pk):
    """The id of the first radio of a standard's agreed rating: where error links land."""
    return f"standard-{standard_pk}-agreed_rating"


class AgreedRatingForm(forms.Form):
    """The rating the partnership and the agency agreed for one standard.

    Every standard's form posts the same field names; the ids differ by standard, so each
    error link lands on its own radios. `problem` shows a refusal from the service (such as
    "record the agreed rating" when agreeing the whole self-assessment) as this form's
    inline error."""

    agreed_rating = forms.ChoiceField(label="Agreed rating", widget=forms.RadioSelect)
    agreed_note = forms.CharField(
        label="Note about the agreed rating (optional)",
        help_text=NO_CHILD_DATA,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, version, standard, answer=None, problem=None, **kwargs):
        kwargs.setdefault("auto_id", f"standard-{standard.pk}-%s")
        if answer is not None:
            kwargs.setdefault(
                "initial",
                {"agreed_rating": answer.agreed_rating, "agreed_note": answer.agreed_note},
            )
        if problem and not args and "data" not in kwargs:
            kwargs["data"] = {
                "agreed_rating": "",
                "agreed_note": answer.agreed_note if answer else "",
            }
        super().__init__(*args, **kwargs)
        self.standard = standard
        field = self.fields["agreed_rating"]
        field.label = f"Agreed rating for standard {standard.number}"
        field.choices = [
            (value, f"{label} – {meaning}") for value, label, meaning in version.levels()
        ]
        field.error_messages = {
            "required": problem or f"Choose the agreed rating for standard {standard.number}",
            "invalid_choice": f"Choose an agreed rating for standard {standard.number} on this "
            "framework's scale",
        }


class ChallengeForm(forms.Form):
    """A reviewer's comment, or a challenge question the agency must answer."""

    kind = forms.ChoiceField(
        label="Is this a comment or a challenge question?",
        choices=ChallengeKind.choices,
        widget=forms.RadioSelect,
        help_text="The agency must answer a challenge question before the self-assessment can "
        "be agreed. A comment needs no answer.",
        error_messages={
            "required": "Choose a comment or a challenge question",
            "invalid_choice": "Choose a comment or a challenge question",
        },
    )
    standard = forms.ChoiceField(
        label="What is it about?",
        required=False,
        error_messages={"invalid_choice": "Choose a standard of this self-assessment"},
    )
    text = forms.CharField(
        label="Your comment or question",
        help_text=NO_CHILD_DATA,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter your comment or question"},
    )

    def __init__(self, *args, standards, **kwargs):
        kwargs.setdefault("auto_id", "new-challenge-%s")
        super().__init__(*args, **kwargs)
        self.standards = {str(standard.pk): standard for standard in standards}
        self.fields["standard"].choices = [("", "The self-assessment as a whole")] + [
            (str(standard.pk), f"Standard {standard.number}: {standard.title}")
            for standard in standards
        ]

    def clean_standard(self):
        return self.standards.get(self.cleaned_data.get("standard") or "")


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="What does the agency need to change?",
        help_text="The agency's safeguarding leads are sent this by email. " + NO_CHILD_DATA,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what the agency needs to change"},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "return-%s")
        super().__init__(*args, **kwargs)


class RoundFilterForm(forms.Form):
    """The dashboard's filters, sent by GET. A value that is not offered is an error and the
    filter is left off, so the page always shows something."""

    agency_type = forms.ChoiceField(
        label="Type of organisation",
        required=False,
        choices=[("", "All types"), *AgencyType.choices],
        error_messages={"invalid_choice": "Choose a type of organisation from the list"},
    )
    partnership = forms.ChoiceField(
        label="Shared with",
        required=False,
        error_messages={"invalid_choice": "Choose a partnership from the list"},
    )

    def __init__(self, *args, partnerships, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.partnerships = {str(p.pk): p for p in partnerships}
        self.fields["partnership"].choices = [("", "All your partnerships")] + [
            (str(p.pk), p.name) for p in partnerships
        ]
        if len(partnerships) < 2:
            del self.fields["partnership"]

    def clean_partnership(self):
        return self.partnerships.get(self.cleaned_data.get("partnership") or "")

    def chosen(self):
        """(partnership or None, agency type or "") from the valid fields only."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return cleaned.get("partnership"), cleaned.get("agency_type") or ""
