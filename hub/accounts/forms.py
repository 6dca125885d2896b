from django import forms
from django.core.exceptions import ValidationError

from hub.core.forms import GovukDateField
from hub.core.models import Agency, Partnership

JOB_ROLE_HINT = "For example: class teacher, health visitor, youth football coach"


class RegistrationDetailsForm(forms.Form):
    """The details a practitioner gives when registering, beyond email and password.

    Nothing about any child or family is asked for.
    """

    first_name = forms.CharField(
        label="First name",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    partnership = forms.ModelChoiceField(
        label="Which partnership's area do you mainly work in?",
        queryset=Partnership.objects.all(),
        empty_label="Choose a partnership",
    )
    agency = forms.ModelChoiceField(
        label="Which organisation do you work or volunteer for?",
        queryset=Agency.objects.all(),
        empty_label="Choose an organisation",
        help_text="If yours is not listed, choose the one closest to it and tell the "
        "partnership's business unit.",
    )
    job_role = forms.CharField(
        label="Job role",
        max_length=120,
        help_text=JOB_ROLE_HINT,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    line_manager_email = forms.EmailField(
        label="Your line manager's work email address (optional)",
        required=False,
        help_text="So that training confirmations can be copied to them if you choose.",
    )

    def clean(self):
        cleaned = super().clean()
        partnership, agency = cleaned.get("partnership"), cleaned.get("agency")
        if partnership and agency and not agency.partnerships.filter(pk=partnership.pk).exists():
            self.add_error(
                "agency",
                f"{agency.name} is not one of the organisations in {partnership.short_name}. "
                "Choose another organisation or partnership.",
            )
        return cleaned

    def signup(self, request, user):
        from hub.accounts.services import account_register_details

        account_register_details(user=user, details=self.cleaned_data, request=request)


def staff_role_choices():
    """Every role a partnership admin may give, its domains' roles included."""
    from hub.core.permissions import policy

    table = policy()
    return [("", "Choose a role")] + [(role, table.labels[role]) for role in table.assignable]


class InviteForm(forms.Form):
    email = forms.EmailField(label="Work email address")
    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    agency = forms.ModelChoiceField(
        label="Organisation", queryset=Agency.objects.none(), empty_label="Choose an organisation"
    )
    job_role = forms.CharField(label="Job role", max_length=120)
    role = forms.ChoiceField(label="Role", choices=staff_role_choices)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.in_partnership(partnership)


class PeopleSearchForm(forms.Form):
    q = forms.CharField(
        label="Search by email address or last name",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )


class GrantRoleForm(forms.Form):
    role = forms.ChoiceField(label="Role to give", choices=staff_role_choices)


AREA_PREFIX = "area:"


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label="What happened", required=False)
    actor = forms.CharField(label="Done by (email address)", required=False, max_length=254)
    date_from = GovukDateField(label="From", label_for_errors="From date", required=False)
    date_to = GovukDateField(label="To", label_for_errors="To date", required=False)

    def __init__(self, *args, **kwargs):
        from hub.core.domains import domains

        super().__init__(*args, **kwargs)
        # Grouped by domain, each group led by "anything about" it (hub/core/audit.py).
        self.fields["action"].choices = [("", "Anything")] + [
            (
                domain.name,
                [(f"{AREA_PREFIX}{domain.label}", f"Anything about {domain.name.lower()}")]
                + list(domain.audit_actions.items()),
            )
            for domain in domains()
            if domain.audit_actions
        ]

    def actions_chosen(self):
        """The actions the filter asks for: one, a domain's, or None for any."""
        from hub.core.domains import domains

        chosen = self.cleaned_data.get("action")
        if not chosen:
            return None
        if chosen.startswith(AREA_PREFIX):
            label = chosen.removeprefix(AREA_PREFIX)
            return [a for d in domains() if d.label == label for a in d.audit_actions]
        return [chosen]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise ValidationError("The from date must be on or before the to date")
        return cleaned


class ConfirmWithPasswordForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise ValidationError("The password is not right")
        return self.cleaned_data["password"]


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label="Create a password",
        help_text="At least 12 characters. A few unrelated words work well.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Type the password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        from django.contrib.auth.password_validation import validate_password

        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match")
        elif first:
            try:
                validate_password(first, self.user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class AgencyDomainForm(forms.Form):
    domain = forms.CharField(
        label="Email domain",
        max_length=253,
        help_text="The part of your organisation's addresses after the @, for example "
        "westbury-academy.org.uk. Shared domains such as nhs.net or gmail.com cannot be used.",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
