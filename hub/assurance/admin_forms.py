"""The forms of the section 11 admin screens. Each limits its choices to the signed-in
user's partnerships (and their consortium), and refuses what must not change whatever is
posted: a published framework version, a closed round, an open round's framework version.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Max
from wagtail.admin.forms import WagtailAdminModelForm

from hub.assurance.admin_views import (
    consortium_partnerships,
    managed_frameworks,
    managed_partnerships,
    visible_rounds,
)
from hub.assurance.models import FrameworkVersion, Round, RoundStatus
from hub.core.models import Agency


class FrameworkForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["partnership"].queryset = managed_partnerships(for_user)


FROZEN = (
    "This version is published, so it cannot change: rounds use it exactly as it is. "
    "Copy it to a new version to make changes."
)


def next_version_number(framework):
    highest = framework.versions.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


class FrameworkVersionForm(WagtailAdminModelForm):
    """A version's scale, introduction and standards. A new version takes the framework's
    next number; a published one refuses every change, whatever is posted."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["framework"].queryset = managed_frameworks(for_user)
        if not self.instance._state.adding:
            # A version belongs to its framework for good.
            self.fields["framework"].disabled = True

    def is_frozen(self):
        # Asks the database, not the instance the form was built from: the version may
        # have been published since the page was opened.
        return (
            self.instance.pk is not None
            and FrameworkVersion.objects.filter(
                pk=self.instance.pk, published_at__isnull=False
            ).exists()
        )

    def clean(self):
        cleaned = super().clean()
        if self.is_frozen():
            raise ValidationError(FROZEN)
        return cleaned

    def save(self, commit=True):
        if self.is_frozen():
            raise ValidationError(FROZEN)
        if self.instance._state.adding and not self.instance.number:
            self.instance.number = next_version_number(self.instance.framework)
        return super().save(commit=commit)


class RoundForm(WagtailAdminModelForm):
    """A round's framework version (published, of the user's frameworks), the partnerships
    taking part (the running one and others of its consortium) and the agencies invited
    (of those partnerships). Once a round is open its framework version stays, and no
    agency or partnership with a submission can be taken out."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["partnership"].label = "Run by"
        self.fields["partnerships"].widget = forms.CheckboxSelectMultiple()
        self.fields["agencies"].widget = forms.CheckboxSelectMultiple()
        if for_user is not None:
            partnerships = consortium_partnerships(for_user)
            self.fields["partnership"].queryset = managed_partnerships(for_user)
            self.fields["partnerships"].queryset = partnerships
            self.fields["agencies"].queryset = (
                Agency.objects.filter(partnerships__in=partnerships).distinct().order_by("name")
            )
            self.fields["framework_version"].queryset = FrameworkVersion.objects.filter(
                framework__in=managed_frameworks(for_user), published_at__isnull=False
            ).select_related("framework")
            previous = visible_rounds(for_user)
            if self.instance.pk:
                previous = previous.exclude(pk=self.instance.pk)
            self.fields["previous_round"].queryset = previous
        self.fields["framework_version"].error_messages["invalid_choice"] = (
            "Choose a published version of one of your partnership's frameworks."
        )
        if not self.instance._state.adding:
            self.fields["partnership"].disabled = True

    def clean_framework_version(self):
        version = self.cleaned_data.get("framework_version")
        if version is not None and not version.is_published:
            raise ValidationError("Publish this framework version before using it in a round.")
        # The saved row, not the instance the form was built from: it may have opened since.
        saved = Round.objects.filter(pk=self.instance.pk).values("status", "framework_version")
        saved = saved.first() if self.instance.pk else None
        if (
            saved is not None
            and saved["status"] != RoundStatus.DRAFT
            and version is not None
            and version.pk != saved["framework_version"]
        ):
            raise ValidationError(
                "The round is open, so its framework version cannot change: agencies are "
                "answering its standards."
            )
        return version

    def clean(self):
        cleaned = super().clean()
        if Round.objects.filter(pk=self.instance.pk, status=RoundStatus.CLOSED).exists():
            raise ValidationError("This round is closed, so it cannot change.")
        running = cleaned.get("partnership")
        taking_part = list(cleaned.get("partnerships") or [])
        if running is not None and running not in taking_part:
            # The partnership running a round always takes part in it.
            taking_part.append(running)
        if running is not None:
            elsewhere = [p.name for p in taking_part if p.consortium_id != running.consortium_id]
            if elsewhere:
                self.add_error(
                    "partnerships",
                    "Only partnerships of the same consortium can take part: "
                    + ", ".join(elsewhere),
                )
        cleaned["partnerships"] = taking_part
        agencies = list(cleaned.get("agencies") or [])
        taking_part_ids = {p.pk for p in taking_part}
        outside = [
            agency.name
            for agency in agencies
            if not any(p.pk in taking_part_ids for p in agency.partnerships.all())
        ]
        if outside:
            self.add_error(
                "agencies",
                "These organisations do not work in a partnership taking part: "
                + ", ".join(outside),
            )
        if self.instance.pk:
            self._keep_what_has_begun(agencies, taking_part_ids)
        return cleaned

    def _keep_what_has_begun(self, agencies, taking_part_ids):
        submissions = self.instance.submissions.select_related("agency").prefetch_related(
            "shared_with"
        )
        chosen = {agency.pk for agency in agencies}
        dropped = [s.agency.name for s in submissions if s.agency_id not in chosen]
        if dropped:
            self.add_error(
                "agencies",
                "These organisations already have a self-assessment in this round, so they "
                "stay invited: " + ", ".join(dropped),
            )
        in_use = {p.pk: p.name for s in submissions for p in s.shared_with.all()}
        leaving = sorted(name for pk, name in in_use.items() if pk not in taking_part_ids)
        if leaving:
            self.add_error(
                "partnerships",
                "These partnerships share self-assessments in this round, so they stay: "
                + ", ".join(leaving),
            )


def rounds_open_to_questions(user):
    return visible_rounds(user).exclude(status=RoundStatus.CLOSED)


class LocalQuestionForm(WagtailAdminModelForm):
    """A question of one of the user's partnerships, in a round that partnership takes part
    in; answered only by agencies whose submission is shared with it."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["partnership"].queryset = managed_partnerships(for_user)
            self.fields["round"].queryset = rounds_open_to_questions(for_user)

    def clean(self):
        cleaned = super().clean()
        round_, partnership = cleaned.get("round"), cleaned.get("partnership")
        if (
            round_ is not None
            and partnership is not None
            and not round_.partnerships.filter(pk=partnership.pk).exists()
        ):
            self.add_error("partnership", f"{partnership} does not take part in {round_.title}.")
        if round_ is not None and round_.is_closed:
            self.add_error("round", "This round is closed, so its questions cannot change.")
        return cleaned
