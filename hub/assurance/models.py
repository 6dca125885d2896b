"""Section 11 self-assessment: standards frameworks, rounds, and each agency's submission.

A framework is edited as numbered versions. A version that is published is frozen: rounds
point at it, so a later edit (a new version) never rewrites what a past round asked or how it
was rated. A round may be run jointly by several partnerships of a consortium; an agency that
works in more than one of them submits once, and the submission is shared with each (its
`shared_with` partnerships), each adding its own local questions.

Nothing here is about a child or family: every free-text box says so, and answers are about
the organisation's arrangements.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

NO_CHILD_DATA = (
    "Write about your organisation's arrangements. Never name or describe a child or family."
)


class RatingScale(models.TextChoices):
    RED_AMBER_GREEN = "rag", "Red, amber, green"
    ZERO_TO_THREE = "0-3", "0 to 3"


# value -> (short label, meaning). Ratings are stored as these small numbers, so both scales
# share one column and one heat-map colouring (by the value's place on its scale).
SCALE_LEVELS = {
    RatingScale.RED_AMBER_GREEN: {
        1: ("Red", "Not met: significant gaps"),
        2: ("Amber", "Partly met: some gaps"),
        3: ("Green", "Met: in place and evidenced"),
    },
    RatingScale.ZERO_TO_THREE: {
        0: ("0", "Not in place"),
        1: ("1", "Started: early stages"),
        2: ("2", "Mostly in place"),
        3: ("3", "Fully in place and evidenced"),
    },
}


def rating_label(scale, value):
    """ "Amber" or "2", or "" for no rating."""
    if value is None:
        return ""
    return SCALE_LEVELS[RatingScale(scale)].get(value, (str(value), ""))[0]


def rating_band(scale, value):
    """ "low", "middle" or "high": where a rating sits on its scale (the heat map's colour)."""
    if value is None:
        return "none"
    values = sorted(SCALE_LEVELS[RatingScale(scale)])
    place = values.index(value) / (len(values) - 1) if value in values else 0
    return "low" if place < 0.34 else "middle" if place < 0.67 else "high"


class Framework(models.Model):
    """A set of standards a partnership assesses agencies against, kept as versions."""

    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="assurance_frameworks"
    )
    name = models.CharField(max_length=150)
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, help_text="Fictional demo data.")

    PERMISSION_SCOPE = {"partnership": "partnership", "consortium": "partnership__consortium"}

    panels = [FieldPanel("partnership"), FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="one_framework_name")
        ]

    def __str__(self):
        return self.name

    @property
    def latest_version(self):
        return self.versions.order_by("-number").first()


class FrameworkVersion(ClusterableModel):
    """One version of a framework's standards and rating scale. Frozen once published."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    rating_scale = models.CharField(
        max_length=3,
        choices=RatingScale.choices,
        default=RatingScale.RED_AMBER_GREEN,
        help_text="How agencies rate themselves against each standard.",
    )
    introduction = models.TextField(
        blank=True, help_text="Shown to agencies at the start of the self-assessment."
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Once published, a version cannot change; copy it to make a new one.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERMISSION_SCOPE = {
        "partnership": "framework__partnership",
        "consortium": "framework__partnership__consortium",
    }

    panels = [
        FieldPanel("rating_scale"),
        FieldPanel("introduction"),
        InlinePanel("standards", heading="Standards", label="Standard", min_num=1),
    ]

    class Meta:
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.framework.name}, version {self.number}"

    @property
    def partnership_id(self):
        return self.framework.partnership_id

    @property
    def is_published(self):
        return self.published_at is not None

    def levels(self):
        """[(value, label, meaning)] from the lowest rating to the highest."""
        scale = SCALE_LEVELS[RatingScale(self.rating_scale)]
        return [(value, *scale[value]) for value in sorted(scale)]


class Standard(Orderable):
    """One standard of a framework version: what the agency rates itself against.

    `key` is the standard's name across versions: an answer carried forward from a round on
    an earlier version lands on the standard with the same key."""

    version = ParentalKey(FrameworkVersion, on_delete=models.CASCADE, related_name="standards")
    key = models.SlugField(
        max_length=60, help_text="Stays the same across versions, e.g. 'safer-recruitment'."
    )
    number = models.CharField(max_length=10, help_text="As agencies see it, e.g. '2'.")
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="What the standard expects, in a sentence or two.")
    sub_standards = models.TextField(
        blank=True,
        help_text="One per line. Shown numbered (2.1, 2.2…) as what the rating covers.",
    )
    guidance = models.TextField(blank=True, help_text="What good looks like.")
    evidence_prompts = models.TextField(
        blank=True, help_text="One per line: evidence an agency might describe or attach."
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("sub_standards"),
        FieldPanel("guidance"),
        FieldPanel("evidence_prompts"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="one_standard_key_per_version")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def sub_standard_list(self):
        lines = [line.strip() for line in self.sub_standards.splitlines() if line.strip()]
        return [(f"{self.number}.{index}", line) for index, line in enumerate(lines, start=1)]

    def evidence_prompt_list(self):
        return [line.strip() for line in self.evidence_prompts.splitlines() if line.strip()]


class RoundStatus(models.TextChoices):
    DRAFT = "draft", "Being set up"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Round(models.Model):
    """One round of self-assessment: a framework version, dates, and the agencies invited.

    `partnership` runs it; `partnerships` take part (it among them). A submission is shared
    with each taking part whose agencies include the submitting agency."""

    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="assurance_rounds_led"
    )
    partnerships = models.ManyToManyField(
        "core.Partnership",
        related_name="assurance_rounds",
        help_text="Partnerships taking part. An agency in several of them submits once.",
    )
    title = models.CharField(max_length=150)
    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="rounds"
    )
    agencies = models.ManyToManyField(
        "core.Agency", related_name="assurance_rounds", help_text="Agencies invited."
    )
    opens_on = models.DateField()
    due_on = models.DateField(help_text="Submissions are due by the end of this day.")
    reminder_days = models.PositiveSmallIntegerField(
        default=14, help_text="Agencies yet to submit are reminded this many days before."
    )
    previous_round = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_rounds",
        help_text="Answers are carried forward from it, and the dashboard compares with it.",
    )
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default="draft")
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, help_text="Fictional demo data.")

    PERMISSION_SCOPE = {"partnership": "partnerships", "consortium": "partnership__consortium"}

    panels = [
        FieldPanel("title"),
        FieldPanel("framework_version"),
        FieldPanel("partnerships"),
        FieldPanel("agencies"),
        MultiFieldPanel(
            [FieldPanel("opens_on"), FieldPanel("due_on"), FieldPanel("reminder_days")],
            heading="Dates",
        ),
        FieldPanel("previous_round"),
    ]

    class Meta:
        ordering = ["-opens_on", "title"]
        constraints = [
            models.CheckConstraint(
                name="round_due_after_opening", condition=Q(due_on__gte=models.F("opens_on"))
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assurance:round", args=[self.pk])

    def permission_scope(self):
        """(partnership ids, agency id, consortium ids) for hub.core.permissions."""
        partnerships = list(self.partnerships.all())
        return (
            {p.pk for p in partnerships},
            None,
            {p.consortium_id for p in partnerships},
        )

    def clean(self):
        if self.opens_on and self.due_on and self.due_on < self.opens_on:
            raise ValidationError({"due_on": "The due date must be on or after the opening date."})

    @property
    def is_open(self):
        return self.status == RoundStatus.OPEN

    @property
    def is_closed(self):
        return self.status == RoundStatus.CLOSED


class LocalQuestion(models.Model):
    """A question one partnership adds to a round, answered by its own agencies only."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="local_questions")
    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.CASCADE, related_name="assurance_local_questions"
    )
    text = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)
    is_required = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    PERMISSION_SCOPE = {"partnership": "partnership", "consortium": "partnership__consortium"}

    panels = [
        FieldPanel("round"),
        FieldPanel("partnership"),
        FieldPanel("text"),
        FieldPanel("guidance"),
        FieldPanel("is_required"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["round", "partnership", "sort_order", "pk"]

    def __str__(self):
        return self.text


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    UNDER_REVIEW = "under_review", "Under review"
    AGREED = "agreed", "Agreed"
    CLOSED = "closed", "Closed"


class SubmissionQuerySet(models.QuerySet):
    def for_round(self, round_):
        return self.filter(round=round_)

    def shared_with(self, partnership):
        return self.filter(shared_with=partnership)


class Submission(models.Model):
    """One agency's self-assessment in one round, shared with each partnership it works in
    among those taking part. Moves draft → submitted → under review → agreed → closed, and
    from under review back to draft when the partnership returns it."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="submissions")
    agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="submissions")
    shared_with = models.ManyToManyField("core.Partnership", related_name="assurance_submissions")
    status = models.CharField(
        max_length=15, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    carried_forward_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_started_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_reason = models.TextField(blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubmissionQuerySet.as_manager()

    PERMISSION_SCOPE = {"partnership": "shared_with", "agency": "agency"}

    class Meta:
        ordering = ["round", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "agency"], name="one_submission_per_round")
        ]

    def __str__(self):
        return f"{self.agency} – {self.round}"

    def get_absolute_url(self):
        return reverse("assurance:submission", args=[self.pk])

    def permission_scope(self):
        """(partnership ids, agency id, consortium ids) for hub.core.permissions."""
        partnerships = list(self.shared_with.all())
        return (
            {p.pk for p in partnerships},
            self.agency_id,
            {p.consortium_id for p in partnerships},
        )

    @property
    def is_draft(self):
        return self.status == SubmissionStatus.DRAFT

    @property
    def state_label(self):
        """The status as people say it, with "Not started" for a draft no one has opened."""
        if self.status == SubmissionStatus.DRAFT and self.started_at is None:
            return "Not started"
        if self.status == SubmissionStatus.DRAFT and self.returned_at is not None:
            return "Returned for changes"
        return self.get_status_display()

    @property
    def scale(self):
        return self.round.framework_version.rating_scale


class SubmissionContributor(models.Model):
    """A colleague the agency's lead has asked to help complete the self-assessment."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="contributors"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assurance_contributions"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "person"], name="one_contributor_row")
        ]

    def __str__(self):
        return f"{self.person} on {self.submission}"


class Answer(models.Model):
    """The agency's rating and evidence narrative for one standard, and the partnership's
    agreed (moderated) rating once it has reviewed them."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="answers")
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    narrative = models.TextField(blank=True, help_text=NO_CHILD_DATA)
    carried_forward = models.BooleanField(
        default=False, help_text="Copied from the previous round and not yet reviewed."
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agreed_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    agreed_note = models.TextField(blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["standard__sort_order", "standard__pk"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "standard"], name="one_answer_each"),
            models.CheckConstraint(name="rating_on_a_scale", condition=Q(rating__lte=3)),
            models.CheckConstraint(
                name="agreed_rating_on_a_scale", condition=Q(agreed_rating__lte=3)
            ),
        ]

    def __str__(self):
        return f"{self.submission}: {self.standard}"

    @property
    def is_complete(self):
        return self.rating is not None and bool(self.narrative.strip()) and not self.carried_forward


class LocalAnswer(models.Model):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="local_answers"
    )
    question = models.ForeignKey(LocalQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True, help_text=NO_CHILD_DATA)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "question"], name="one_local_answer")
        ]

    def __str__(self):
        return f"{self.submission}: {self.question}"


class EvidenceFile(models.Model):
    """A file an agency attaches to a standard. Stored outside the public media, checked by
    content when uploaded, and served only through a view that checks who is asking."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="evidence")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to="assurance/evidence/", max_length=200)
    original_filename = models.CharField(max_length=150)
    kind = models.CharField(max_length=10)
    size_bytes = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_filename


class AttachedRecord(models.Model):
    """A record kept elsewhere in the Hub that the agency's lead chose to attach to a standard
    as evidence (a domain offers them through the registry: hub/core/domains.py,
    `EvidenceSource`). Its words are copied as they were when attached, so the evidence reads
    the same if the record itself is later deleted; nothing is attached unless a lead chooses
    it."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="attached_records"
    )
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=40)  # the EvidenceSource's key
    key = models.CharField(max_length=80)  # the record's key within its source
    text = models.TextField(max_length=1000)
    on = models.DateField()
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attached_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "standard", "source", "key"], name="one_attachment_each"
            )
        ]

    def __str__(self):
        return self.text[:80]


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class ActionPlanItemQuerySet(models.QuerySet):
    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(due_on__lt=today).exclude(status=ActionStatus.COMPLETE)


class ActionPlanItem(models.Model):
    """One action in an agency's plan: what, whose job it is (a role, not a name), by when."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="actions")
    standard = models.ForeignKey(
        Standard, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(help_text=NO_CHILD_DATA)
    owner_role = models.CharField(
        max_length=120, help_text="A role, not a name: e.g. 'Designated safeguarding lead'."
    )
    due_on = models.DateField()
    status = models.CharField(
        max_length=15, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    progress_note = models.TextField(blank=True, help_text=NO_CHILD_DATA)
    carried_forward = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionPlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description[:60]

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status != ActionStatus.COMPLETE and self.due_on < today


class ChallengeKind(models.TextChoices):
    COMMENT = "comment", "Comment"
    CHALLENGE = "challenge", "Challenge question"


class Challenge(models.Model):
    """A reviewer's comment or challenge question on a submission (or one of its standards),
    and the agency's response to a challenge."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="challenges")
    standard = models.ForeignKey(
        Standard, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ChallengeKind.choices)
    text = models.TextField(help_text=NO_CHILD_DATA)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField(default=timezone.now)
    response = models.TextField(blank=True, help_text=NO_CHILD_DATA)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["raised_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.submission}"

    @property
    def awaits_response(self):
        return self.kind == ChallengeKind.CHALLENGE and self.responded_at is None


class AssuranceEmail(models.Model):
    """One email sent about a submission; the unique key makes each send happen once."""

    kind = models.CharField(max_length=30)
    key = models.CharField(max_length=80)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="assurance_email_once")]

    def __str__(self):
        return f"{self.kind} {self.key}"
