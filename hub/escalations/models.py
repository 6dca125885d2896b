"""Resolving professional differences: each partnership's escalation protocol as data, and the
escalation log agencies keep in it.

An escalation records that one agency's practitioner disagreed with another agency's decision
about a child, and how the disagreement moved through the protocol's stages to an outcome. It
holds no child or family identifier by design: the form has no field for one, its free text
goes through the identifier guard (hub/core/identifiers.py), and its only reference is the
Hub's own (`WS-RPD-2026-0042`) for the practitioner to note in their agency's case record.
People appear by role level, never by name; the account that recorded each step is kept for
accountability and the audit log.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

FREE_TEXT_LIMIT = 500
NO_NAMES = "Do not write the child's or family's names."


class Protocol(ClusterableModel):
    """A partnership's Resolving Professional Differences protocol: its stages in order, the
    themes and outcomes escalations are recorded with, and the protocol document."""

    partnership = models.OneToOneField(
        "core.Partnership", on_delete=models.CASCADE, related_name="escalation_protocol"
    )
    title = models.CharField(max_length=200, default="Resolving professional differences")
    reference_prefix = models.CharField(
        max_length=12,
        help_text="Begins every escalation's reference, for example WS-RPD gives "
        "WS-RPD-2026-0042. Capital letters, digits and hyphens.",
    )
    document = models.ForeignKey(
        "library.LibraryDocument",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The protocol in the library.",
    )
    records_good_practice = models.BooleanField(
        default=True, help_text="Whether agencies may record good practice between agencies."
    )
    updated_at = models.DateTimeField(auto_now=True)

    PERMISSION_SCOPE = {"partnership": "partnership"}

    def __str__(self):
        return f"{self.title} ({self.partnership})"


class Stage(Orderable):
    protocol = ParentalKey(Protocol, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=120)
    who = models.CharField(
        "Who is involved", max_length=300, help_text="For example: the practitioners' managers."
    )
    target_working_days = models.PositiveSmallIntegerField(
        help_text="Working days this stage should take at most."
    )

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(target_working_days__gte=1) & Q(target_working_days__lte=60),
                name="stage_target_1_to_60_working_days",
            )
        ]

    def __str__(self):
        return self.name


class Theme(Orderable):
    protocol = ParentalKey(Protocol, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=120)

    def __str__(self):
        return self.name


class Outcome(Orderable):
    protocol = ParentalKey(Protocol, on_delete=models.CASCADE, related_name="outcomes")
    name = models.CharField(max_length=120)

    def __str__(self):
        return self.name


class EntryType(models.TextChoices):
    ESCALATION = "escalation", "Escalation"
    GOOD_PRACTICE = "good_practice", "Good practice"


class RoleLevel(models.TextChoices):
    """Who was involved at a step, by level, never by name."""

    PRACTITIONER = "practitioner", "Practitioners"
    MANAGER = "manager", "Team or line managers"
    SENIOR_MANAGER = "senior_manager", "Senior managers or heads of service"
    DIRECTOR = "director", "Directors or equivalent"
    PANEL = "panel", "Multi-agency panel or the partnership"


class EscalationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_on__isnull=True, entry_type=EntryType.ESCALATION)


class Escalation(models.Model):
    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    protocol = models.ForeignKey(Protocol, on_delete=models.PROTECT, related_name="escalations")
    entry_type = models.CharField(
        max_length=20, choices=EntryType.choices, default=EntryType.ESCALATION
    )
    reference = models.CharField(max_length=40, unique=True)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    raising_agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    receiving_agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    level = models.ForeignKey(
        "decision_aids.Level",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Level of need",
    )
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, null=True, related_name="+")
    summary = models.TextField(max_length=FREE_TEXT_LIMIT, help_text=NO_NAMES)
    raised_on = models.DateField()
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )  # the stage it has reached; none for good practice
    stage_started_on = models.DateField(null=True, blank=True)
    outcome = models.ForeignKey(
        Outcome, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EscalationQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year", "number"], name="one_escalation_per_number"
            ),
            models.CheckConstraint(
                condition=~Q(raising_agency=models.F("receiving_agency")),
                name="escalation_between_two_agencies",
            ),
        ]

    def __str__(self):
        return self.reference


class Step(models.Model):
    """One step of an escalation: raised, moved to a stage, the receiving agency's response,
    closed, or a correction by the partnership. Never changed once written."""

    class Kind(models.TextChoices):
        RAISED = "raised", "Raised"
        MOVED = "moved", "Moved to a stage"
        RESPONSE = "response", "Response"
        CLOSED = "closed", "Closed"
        CORRECTED = "corrected", "Corrected"

    class Side(models.TextChoices):
        RAISING = "raising", "Raising agency"
        RECEIVING = "receiving", "Receiving agency"
        PARTNERSHIP = "partnership", "Partnership"

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    side = models.CharField(max_length=12, choices=Side.choices)
    on = models.DateField()
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, null=True, related_name="+")
    role_level = models.CharField(max_length=20, choices=RoleLevel.choices, blank=True)
    note = models.TextField(max_length=FREE_TEXT_LIMIT, blank=True, help_text=NO_NAMES)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["escalation", "on", "recorded_at", "pk"]

    def __str__(self):
        return f"{self.escalation} {self.get_kind_display()} {self.on}"


class StageReminder(models.Model):
    """That the reminder for an escalation passing a stage's target was sent (once each)."""

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="+")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["escalation", "stage"], name="one_reminder_per_stage")
        ]

    def __str__(self):
        return f"{self.escalation} reminded at {self.stage}"
