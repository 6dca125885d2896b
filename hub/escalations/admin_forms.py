"""The form of the escalation protocol's admin screen. Every choice it offers is the editor's
own (their partnerships, those partnerships' library documents) and is checked again when
the form is posted, whatever the page offered.

A protocol belongs to its partnership for good: the partnership is chosen when it is made
(one protocol per partnership) and shown, not offered, afterwards. A stage, theme or outcome
that escalations are recorded with cannot be removed.
"""

import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from wagtail.admin.forms import WagtailAdminModelForm

from hub.core.models import Partnership
from hub.core.permissions import scope_queryset
from hub.escalations.actions import VIEW_ALL
from hub.escalations.models import Escalation, Outcome, Protocol, Stage, Step, Theme
from hub.library.models import LibraryDocument

PREFIX = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")
PREFIX_RULE = (
    "Use capital letters, digits and single hyphens, beginning with a letter: for example WS-RPD"
)
TARGET_RULE = "Give a whole number of working days from 1 to 60"


def partnerships_for(user):
    """The partnerships whose protocol `user` may keep."""
    if user is None:
        return Partnership.objects.none()
    return scope_queryset(user, VIEW_ALL, Partnership.objects.all()).order_by("name")


def _stage_form(base):
    """The stage form with its target held to 1–60 working days, said in words."""

    class StageForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            field = self.fields.get("target_working_days")
            if field is not None:
                field.min_value, field.max_value = 1, 60
                field.validators += [MinValueValidator(1), MaxValueValidator(60)]
                field.widget.attrs.update(min=1, max=60)
                for code in ("invalid", "min_value", "max_value"):
                    field.error_messages[code] = TARGET_RULE
                field.error_messages["required"] = "Give the stage's target in working days"

    StageForm.__name__ = base.__name__
    return StageForm


def in_use(row):
    """Why a stage, theme or outcome cannot be removed, in words (None if nothing uses it)."""
    if isinstance(row, Stage):
        count = (
            Escalation.objects.filter(stage=row).count()
            + Step.objects.filter(stage=row).values("escalation").distinct().count()
        )
    elif isinstance(row, Theme):
        count = Escalation.objects.filter(theme=row).count()
    elif isinstance(row, Outcome):
        count = Escalation.objects.filter(outcome=row).count()
    else:
        return None
    if not count:
        return None
    return "escalations recorded with it"


class ProtocolForm(WagtailAdminModelForm):
    """A partnership's protocol: its title, reference prefix, document, stages, themes and
    outcomes."""

    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        label="Partnership",
        help_text="The partnership whose protocol this is. It cannot be changed later.",
        error_messages={
            "required": "Choose the partnership whose protocol this is",
            "invalid_choice": "Choose one of the partnerships you keep the protocol for",
        },
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        partnerships = partnerships_for(for_user)
        field = self.fields["partnership"]
        if self.instance._state.adding:
            field.queryset = partnerships
            if partnerships.count() == 1:
                field.initial = partnerships.first().pk
        else:
            field.queryset = Partnership.objects.filter(pk=self.instance.partnership_id)
            field.initial = self.instance.partnership_id
            field.disabled = True
            field.required = False
            field.help_text = "It cannot be changed once made."
        self.several = field.queryset.count() > 1

        prefix = self.fields["reference_prefix"]
        prefix.error_messages["required"] = "Give the reference prefix"
        prefix.error_messages["max_length"] = "Use at most 12 characters for the reference prefix"

        document = self.fields["document"]
        document.queryset = (
            LibraryDocument.objects.filter(partnership__in=field.queryset)
            .select_related("partnership")
            .order_by("title")
        )
        document.label_from_instance = self._document_label
        document.error_messages["invalid_choice"] = (
            "Choose a document in your partnership's library"
        )
        document.help_text = "The protocol in your partnership's library."

        stages = self.formsets.get("stages")
        if stages is not None:
            stages.form = _stage_form(stages.form)

    def _document_label(self, document):
        if self.several:
            return f"{document.title} ({document.partnership.name})"
        return document.title

    def chosen_partnership(self):
        if not self.instance._state.adding:
            return self.instance.partnership
        return getattr(self, "cleaned_data", {}).get("partnership")

    def clean_reference_prefix(self):
        value = (self.cleaned_data.get("reference_prefix") or "").strip().upper()
        if not PREFIX.match(value):
            raise forms.ValidationError(PREFIX_RULE)
        return value

    def clean(self):
        cleaned = super().clean()
        partnership = self.chosen_partnership()
        if partnership is None:
            return cleaned
        if self.instance._state.adding:
            existing = Protocol.objects.filter(partnership=partnership).first()
            if existing is not None:
                self.add_error(
                    "partnership",
                    f"{partnership.name} already has an escalation protocol ({existing.title}): "
                    "change that one instead of making another.",
                )
                return cleaned
            self.instance.partnership = partnership
        prefix = cleaned.get("reference_prefix")
        if prefix:
            others = Protocol.objects.filter(reference_prefix__iexact=prefix).exclude(
                partnership=partnership
            )
            used = Escalation.objects.filter(reference__startswith=f"{prefix}-").exclude(
                partnership=partnership
            )
            if others.exists() or used.exists():
                self.add_error(
                    "reference_prefix",
                    "Another partnership's escalation references begin with this prefix: "
                    "choose one of your own",
                )
        document = cleaned.get("document")
        if document is not None and document.partnership_id != partnership.pk:
            self.add_error("document", "Choose a document in this partnership's library")
        return cleaned

    def _kept(self, relation):
        formset = self.formsets.get(relation)
        if formset is None or not formset.is_bound:
            return None
        return sum(
            1
            for form in formset.forms
            if form.has_changed() or form.instance.pk is not None
            if not (formset.can_delete and formset._should_delete_form(form))
        )

    def _unchanged_since_opened(self, relation, model, formset):
        """Whether every saved row of `relation` is in the posted form (kept or removed):
        one missing was added by someone else since the page was opened, or the form was
        forged."""
        if self.instance.pk is None:
            return True
        posted = {form.instance.pk for form in formset.forms if form.instance.pk}
        saved = set(model.objects.filter(protocol_id=self.instance.pk).values_list("pk", flat=True))
        return saved <= posted

    def _same_names(self, formset):
        names, repeated = set(), []
        for form in formset.forms:
            if formset.can_delete and formset._should_delete_form(form):
                continue
            name = " ".join((form.cleaned_data.get("name") or "").split()).casefold()
            if name and name in names:
                repeated.append(form.cleaned_data["name"])
            names.add(name)
        return repeated

    def is_valid(self):
        valid = super().is_valid()
        refusals = []
        for relation, noun, model in (
            ("stages", "stage", Stage),
            ("themes", "theme", Theme),
            ("outcomes", "outcome", Outcome),
        ):
            formset = self.formsets.get(relation)
            if formset is None or not formset.is_bound or not formset.is_valid():
                continue
            if not self._unchanged_since_opened(relation, model, formset):
                refusals.append(
                    f"The {noun}s have changed since this page was opened. Nothing was saved: "
                    "reload the page and make your changes again."
                )
                continue
            for name in self._same_names(formset):
                refusals.append(f"Two {noun}s are called “{name}”: give each its own name.")
            for form in formset.deleted_forms:
                row = form.instance
                if row.pk is None:
                    continue
                uses = in_use(row)
                if uses:
                    refusals.append(
                        f"The {noun} “{row.name}” cannot be removed: there are {uses}. "
                        f"Rename it instead, or keep it."
                    )
            if self._kept(relation) == 0:
                refusals.append(f"Add at least one {noun}.")
        for refusal in refusals:
            self.add_error(None, refusal)
        return valid and not refusals
