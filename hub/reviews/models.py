"""Practice reviews and learning: the partnership's review case records (rapid reviews, local
child safeguarding practice reviews, local learning reviews, national reviews it responds to)
on a working-day clock, the requests for information it sends agencies, recommendations and
the agencies' actions tracked to evidence, and the public learning library of published
reviews and 7-minute briefings, with the record of teams that used a briefing.

A case record is highly restricted: only the partnership's review panel and its partnership
admin see it (hub/reviews/actions.py), it is never indexed for search, and it is deleted
`REVIEW_RETENTION_YEARS` after the review closes. It holds no child's or family's identifier by
design: an age band, never a name, date of birth or address, and its free text goes through the
identifier guard (hub/core/identifiers.py). The chronologies agencies write travel through the
partnership's secure email or case system, never the Hub: the Hub records only that
information was asked, when it is due, and when and by whom it was returned.

What the public sees (a published review and its briefings) is kept apart from the case
record, so it stays when the case record goes.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

FREE_TEXT_LIMIT = 1000
NO_IDENTIFIERS = (
    "Never a child's or family's name, date of birth, address, or a number that identifies them."
)


class Theme(models.Model):
    """A learning theme of the partnership (neglect, adolescent risk, ...), shared by its case
    records, recommendations, published reviews and briefings."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80)

    PERMISSION_SCOPE = {"partnership": "partnership"}

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="one_review_theme_slug")
        ]

    def __str__(self):
        return self.name


class TimelineStep(models.Model):
    """One step of the partnership's rapid review timeline, counted in working days from the
    notification to the national panel (day 0): "days 2–10: agency information". A review
    copies the steps when it is opened, so changing them never moves a running clock."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=150)
    first_day = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The working day the step starts, when it spans days."
    )
    day = models.PositiveSmallIntegerField(help_text="The working day the step is due.")
    requests_information = models.BooleanField(
        default=False,
        help_text="Whether the requests for information to agencies are due on this step's day.",
    )

    PERMISSION_SCOPE = {"partnership": "partnership"}

    class Meta:
        ordering = ["partnership", "day", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(day__gte=1) & Q(day__lte=60), name="timeline_step_day_1_to_60"
            ),
            models.CheckConstraint(
                condition=Q(first_day__isnull=True) | Q(first_day__lte=models.F("day")),
                name="timeline_step_starts_before_due",
            ),
        ]

    def __str__(self):
        return self.name


class ReviewKind(models.TextChoices):
    RAPID = "rapid", "Rapid review"
    LCSPR = "lcspr", "Local child safeguarding practice review"
    LOCAL_LEARNING = "local_learning", "Local learning review"
    NATIONAL = "national", "National review the partnership responds to"


KIND_CODES = {
    ReviewKind.RAPID: "RR",
    ReviewKind.LCSPR: "CSPR",
    ReviewKind.LOCAL_LEARNING: "LLR",
    ReviewKind.NATIONAL: "NR",
}


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Open"
    COMPLETED = "completed", "Completed"  # the review is done; recommendations may run on
    CLOSED = "closed", "Closed"  # nothing left to do: the retention clock starts


class Decision(models.TextChoices):
    LCSPR = "lcspr", "Commission a local child safeguarding practice review"
    NATIONAL = "national", "The national panel reviews it"
    LOCAL_LEARNING = "local_learning", "A local learning review"
    NO_FURTHER = "no_further", "No further review: learning taken from the rapid review"


class AgeBand(models.TextChoices):
    UNBORN = "unborn", "Unborn"
    UNDER_1 = "under_1", "Under 1"
    AGE_1_4 = "1_4", "1 to 4"
    AGE_5_10 = "5_10", "5 to 10"
    AGE_11_15 = "11_15", "11 to 15"
    AGE_16_17 = "16_17", "16 or 17"
    ADULT = "18_plus", "18 or over"


# The review's key dates, in the order they happen, with their names for people: every one
# on or after the incident (hub/reviews/cases.py checks them).
KEY_DATES = (
    ("incident_on", "Incident"),
    ("notified_on", "Notification to the national panel"),
    ("rapid_review_due_on", "Rapid review due"),
    ("rapid_review_sent_on", "Rapid review sent"),
    ("decision_on", "Decision"),
    ("reviewer_commissioned_on", "Reviewer commissioned"),
    ("draft_on", "Draft report"),
    ("final_on", "Final report"),
    ("published_on", "Publication"),
    ("removal_on", "Removal from the website"),
)


class Review(models.Model):
    """A review case record: internal and highly restricted (see the module's docstring)."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    reference = models.CharField(max_length=40)  # RR-2026-03: kind, year, number
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    themes = models.ManyToManyField(Theme, blank=True, related_name="reviews")
    summary = models.TextField(
        max_length=FREE_TEXT_LIMIT,
        blank=True,
        help_text=f"What happened, briefly. {NO_IDENTIFIERS}",
    )
    incident_on = models.DateField()
    notified_on = models.DateField(null=True, blank=True)
    rapid_review_due_on = models.DateField(null=True, blank=True)
    rapid_review_sent_on = models.DateField(null=True, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_on = models.DateField(null=True, blank=True)
    reviewer_commissioned_on = models.DateField(null=True, blank=True)
    draft_on = models.DateField(null=True, blank=True)
    final_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    removal_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    PERMISSION_SCOPE = {"partnership": "partnership"}

    class Meta:
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year", "number"], name="one_review_per_number"
            ),
            models.UniqueConstraint(
                fields=["partnership", "reference"], name="one_review_per_reference"
            ),
            models.CheckConstraint(
                condition=Q(notified_on__isnull=True) | Q(notified_on__gte=models.F("incident_on")),
                name="review_notified_after_incident",
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_on__isnull=False)
                | (~Q(status="closed") & Q(closed_on__isnull=True)),
                name="review_closed_with_a_date",
            ),
        ]

    def __str__(self):
        return self.reference


class ReviewStep(models.Model):
    """A step of one review's timeline, copied from the partnership's steps when the review
    was opened, with its working-day due date, when it was done, and its one reminder."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=150)
    first_day = models.PositiveSmallIntegerField(null=True, blank=True)
    day = models.PositiveSmallIntegerField()
    requests_information = models.BooleanField(default=False)
    starts_on = models.DateField(null=True, blank=True)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    PERMISSION_SCOPE = {"partnership": "review__partnership"}

    class Meta:
        ordering = ["review", "day", "position", "pk"]

    def __str__(self):
        return f"{self.review}: day {self.day} {self.name}"


class InformationRequest(models.Model):
    """That the partnership asked an agency for information about its involvement, when it is
    due, and when and by whom the agency returned it. The chronology itself never passes
    through the Hub; the agency may write a short summary of its learning here."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="requests")
    agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    asked_on = models.DateField()
    due_on = models.DateField()
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    returned_on = models.DateField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    summary = models.TextField(
        "Summary of your agency's involvement and learning",
        max_length=2000,
        blank=True,
        help_text=f"{NO_IDENTIFIERS} Send the chronology itself through the partnership's "
        "secure email.",
    )
    chronology_sent = models.BooleanField(
        default=False, help_text="The agency has sent its chronology through the secure route."
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    PERMISSION_SCOPE = {"partnership": "review__partnership", "agency": "agency"}

    class Meta:
        ordering = ["review", "due_on", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["review", "agency"], name="one_request_per_agency"),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("asked_on")), name="request_due_after_asked"
            ),
        ]

    def __str__(self):
        return f"{self.review}: {self.agency}"


class Recommendation(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(max_length=FREE_TEXT_LIMIT, help_text=NO_IDENTIFIERS)
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    PERMISSION_SCOPE = {"partnership": "review__partnership"}

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"], name="one_recommendation_per_number"
            )
        ]

    def __str__(self):
        return f"{self.review} recommendation {self.number}"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    EVIDENCE_ACCEPTED = "evidence_accepted", "Evidence accepted"


class AgencyAction(models.Model):
    """An action an agency takes on a recommendation: its owner (a role, never a person's
    name), due date and status; completed with evidence, and signed off by the panel."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="actions"
    )
    agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    owner_role = models.CharField(
        max_length=150, help_text="A role, not a person: for example 'Named nurse'."
    )
    text = models.TextField(max_length=FREE_TEXT_LIMIT, help_text=NO_IDENTIFIERS)
    due_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    progress_note = models.TextField(max_length=FREE_TEXT_LIMIT, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    signed_off_on = models.DateField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    PERMISSION_SCOPE = {
        "partnership": "recommendation__review__partnership",
        "agency": "agency",
    }

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="evidence_accepted") | Q(signed_off_on__isnull=False),
                name="accepted_action_signed_off",
            ),
        ]

    def __str__(self):
        return f"{self.recommendation}: {self.agency}"


class ActionEvidence(models.Model):
    """A file an agency attaches to an action as evidence. Stored outside the public media,
    checked by content when uploaded, and served only through a view that checks who asks."""

    action = models.ForeignKey(AgencyAction, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="reviews/evidence/", max_length=200)
    original_filename = models.CharField(max_length=150)
    kind = models.CharField(max_length=10)
    size_bytes = models.PositiveIntegerField()
    note = models.CharField(max_length=300, blank=True, help_text=NO_IDENTIFIERS)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    PERMISSION_SCOPE = {
        "partnership": "action__recommendation__review__partnership",
        "agency": "action__agency",
    }

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_filename


# -- the public learning library -------------------------------------------------------------


class PublishedReview(models.Model):
    """A review as the public learning library shows it: kept apart from the case record, so
    it stays when the case record is deleted. Past `removal_on` the report itself comes off
    and the entry stays as "summary only", unless the panel withdraws it altogether."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(
        Review,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="published",
        help_text="The case record it came from (deleted in time; this entry stays).",
    )
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120)
    summary = models.TextField(max_length=3000)
    themes = models.ManyToManyField(Theme, blank=True, related_name="published_reviews")
    report = models.ForeignKey(
        "library.LibraryDocument",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The report, as a document in the library.",
    )
    published = models.BooleanField(default=False)
    published_on = models.DateField(null=True, blank=True)
    removal_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the report comes off the website (at least a year after publication); "
        "the summary stays.",
    )
    practice_until = models.DateField(
        null=True,
        blank=True,
        help_text="The end of the period the review looked at: its procedure chapters are "
        "linked as they stood then.",
    )
    chapters = models.ManyToManyField("procedures.Chapter", blank=True, related_name="+")
    withdrawn = models.BooleanField(default=False)
    withdrawn_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    PERMISSION_SCOPE = {"partnership": "partnership"}

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "slug"], name="one_published_review_slug"
            ),
            models.CheckConstraint(
                condition=Q(published=False) | Q(published_on__isnull=False),
                name="published_review_has_a_date",
            ),
        ]

    def __str__(self):
        return self.title


BRIEFING_PARTS = (
    ("background", "Background"),
    ("why_it_matters", "Why it matters"),
    ("key_findings", "Key findings"),
    ("what_to_remember", "What to remember"),
    ("what_to_do", "What to do"),
    ("questions", "Questions for your team"),
    ("further_reading", "Further reading"),
)


class Briefing(models.Model):
    """A 7-minute briefing in the common seven-part shape, shown as a page and as a one-page
    PDF. Each part is plain text: paragraphs separated by a blank line, a line starting "- "
    a bullet."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    published_review = models.ForeignKey(
        PublishedReview,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="briefings",
        help_text="The published review it draws on, if any.",
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120)
    summary = models.CharField(max_length=300)
    themes = models.ManyToManyField(Theme, blank=True, related_name="briefings")
    background = models.TextField(max_length=2000)
    why_it_matters = models.TextField(max_length=2000)
    key_findings = models.TextField(max_length=2000)
    what_to_remember = models.TextField(max_length=2000)
    what_to_do = models.TextField(max_length=2000)
    questions = models.TextField("Questions for your team", max_length=2000)
    further_reading = models.TextField(max_length=2000, blank=True)
    published = models.BooleanField(default=False)
    published_on = models.DateField(null=True, blank=True)
    withdrawn = models.BooleanField(default=False)
    pdf_pages = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Pages its PDF ran to when last saved."
    )
    updated_at = models.DateTimeField(auto_now=True)

    PERMISSION_SCOPE = {"partnership": "partnership"}

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="one_briefing_slug"),
            models.CheckConstraint(
                condition=Q(published=False) | Q(published_on__isnull=False),
                name="briefing_has_a_date",
            ),
        ]

    def __str__(self):
        return self.title


class TeamSize(models.TextChoices):
    UP_TO_5 = "1_5", "1 to 5 people"
    UP_TO_10 = "6_10", "6 to 10 people"
    UP_TO_20 = "11_20", "11 to 20 people"
    MORE = "21_plus", "21 or more people"


class TeamUse(models.Model):
    """That a team discussed a briefing: the agency, a team size band, the date and one
    optional line on what will change. No personal data beyond who recorded it."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="team_uses")
    agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    team_size = models.CharField(max_length=10, choices=TeamSize.choices)
    discussed_on = models.DateField()
    change = models.CharField(
        "What will change (optional)", max_length=200, blank=True, help_text=NO_IDENTIFIERS
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    PERMISSION_SCOPE = {"partnership": "briefing__partnership", "agency": "agency"}

    class Meta:
        ordering = ["-discussed_on", "-pk"]

    def __str__(self):
        return f"{self.briefing}: {self.agency} on {self.discussed_on}"
