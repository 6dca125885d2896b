"""The document register: multi-agency policies, procedures, protocols and guidance, with
every version kept.

A `LibraryDocument` is the register entry (what it is, who owns it, when it is due for
review). Each upload is a `DocumentVersion` owning one Wagtail document (the file). The
current version is the latest published one; an earlier version is superseded from the
moment the next was published, which is how "which version was current on a date" is
answered from stored history. Where the partnership asks for sign-off by a second person, a
new version has no publication time until another editor approves it, so until then it is
in none of these answers.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class DocumentType(models.TextChoices):
    POLICY = "policy", "Policy"
    PROCEDURE = "procedure", "Procedure"
    PROTOCOL = "protocol", "Protocol"
    GUIDANCE = "guidance", "Guidance"
    TOOLKIT = "toolkit", "Toolkit"
    TEMPLATE = "template", "Template or form"
    BRIEFING = "briefing", "Briefing"
    REVIEW_REPORT = "review_report", "Practice review report"


class Reach(models.TextChoices):
    """How far a document reaches: shown to readers as its scope."""

    NATIONAL = "national", "National"
    REGIONAL = "regional", "Regional"
    LOCAL = "local", "Local"


class Status(models.TextChoices):
    CURRENT = "current", "Current"
    UNDER_REVIEW = "under_review", "Under review"
    SUPERSEDED = "superseded", "Superseded"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Topic(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class LibraryDocumentQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def for_partnership(self, partnership):
        """Documents a partnership's site shows: its own, and those shared by its consortium."""
        if partnership is None:
            return self.none()
        return self.filter(
            Q(partnership=partnership)
            | Q(partnership__isnull=True, consortium_id=partnership.consortium_id)
        )

    def visible_to(self, user, partnership):
        """What `user` may read on `partnership`'s site. Withdrawn documents are gone from
        lists. A restricted document is for the partnership's professionals: someone signed
        in who is confirmed staff of one of its agencies or holds a role in it; a restricted
        document shared by the consortium, for those of any partnership of the consortium."""
        from hub.core.permissions import belongs_to_consortium, belongs_to_partnership

        documents = self.exclude(status=Status.WITHDRAWN)
        own = partnership is not None and belongs_to_partnership(user, partnership)
        shared = (
            partnership is not None
            and partnership.consortium_id is not None
            and belongs_to_consortium(user, partnership.consortium_id)
        )
        hidden = Q(pk__in=[])
        if not own:
            hidden |= Q(is_restricted=True, partnership__isnull=False)
        if not shared:
            hidden |= Q(is_restricted=True, partnership__isnull=True)
        return documents.exclude(hidden)

    def with_current_version(self):
        return self.prefetch_related(
            models.Prefetch(
                "versions",
                queryset=DocumentVersion.objects.published().without_text().order_by("-number"),
                to_attr="published_versions",
            )
        )

    def review_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.exclude(status=Status.WITHDRAWN).filter(review_due__lt=today)

    def review_due_within(self, days, today=None):
        today = today or timezone.localdate()
        return self.exclude(status=Status.WITHDRAWN).filter(
            review_due__gte=today, review_due__lte=today + datetime.timedelta(days=days)
        )


REVIEW_CYCLE_YEARS = 1


def suggested_review_date(from_day=None):
    """The usual next review date: a year on from `from_day` (today by default); 29 February
    becomes 28 February. Only ever offered as a starting value the editor can change."""
    day = from_day or timezone.localdate()
    try:
        return day.replace(year=day.year + REVIEW_CYCLE_YEARS)
    except ValueError:
        return day.replace(year=day.year + REVIEW_CYCLE_YEARS, day=28)


class LibraryDocument(index.Indexed, models.Model):
    # Empty only for a document the consortium shares with all its partnerships; those are
    # kept by the consortium's editors, so a partnership's editor always names one.
    partnership = models.ForeignKey(
        "core.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="library_documents",
        help_text="The partnership whose document this is: its site lists the document and "
        "its editors keep it up to date.",
    )
    consortium = models.ForeignKey(
        "core.Consortium", on_delete=models.CASCADE, related_name="library_documents"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.TextField(max_length=1000)
    document_type = models.CharField(max_length=20, choices=DocumentType.choices)
    reach = models.CharField("scope", max_length=20, choices=Reach.choices)
    topics = models.ManyToManyField(Topic, blank=True, related_name="documents")
    for_professionals = models.BooleanField("Professionals and volunteers", default=True)
    for_parents = models.BooleanField("Parents and carers", default=False)
    for_young_people = models.BooleanField("Children and young people", default=False)
    owner_agency = models.ForeignKey(
        "core.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_role = models.CharField(
        max_length=150, help_text="A role, not a person: e.g. 'Designated nurse for safeguarding'"
    )
    owner_email = models.EmailField(
        help_text="A shared mailbox that gets the review reminders.", blank=True
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CURRENT)
    is_restricted = models.BooleanField(
        "Only for signed-in professionals",
        default=False,
        help_text="The file is then served only to people signed in to the Hub.",
    )
    review_due = models.DateField(null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text="When the whole document is superseded by another one.",
    )
    related_documents = models.ManyToManyField("self", blank=True, symmetrical=True)
    related_pages = models.ManyToManyField("wagtailcore.Page", blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    objects = LibraryDocumentQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("current_text"),
        index.FilterField("id"),
        index.FilterField("partnership_id"),
        index.FilterField("consortium_id"),
        index.FilterField("status"),
        index.FilterField("is_restricted"),
        index.FilterField("document_type"),
    ]

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                name="local_documents_belong_to_a_partnership",
                condition=~Q(reach="local") | Q(partnership__isnull=False),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:document", args=[self.slug])

    def get_download_url(self):
        """Always the current version's file, whichever version that is when it is opened."""
        return reverse("library:download", args=[self.slug])

    @property
    def current_version(self):
        versions = getattr(self, "published_versions", None)
        if versions is not None:
            return versions[0] if versions else None
        return self.versions.published().without_text().order_by("-number").first()

    def current_text(self):
        text = self.versions.published().order_by("-number").values_list("text", flat=True)
        return text.first() or ""

    def version_on(self, day):
        """The version that was current at the end of `day` (or now, for today), or None if
        there was none. A version scheduled for later today is not current yet."""
        end_of_day = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time.max), timezone.get_current_timezone()
        )
        until = min(end_of_day, timezone.now())
        versions = self.versions.filter(published_at__lte=until).without_text()
        return versions.order_by("-published_at").first()

    @property
    def review_overdue_days(self):
        if not self.review_due:
            return 0
        return max(0, (timezone.localdate() - self.review_due).days)

    @property
    def shows_being_reviewed(self):
        """Past its review date by more than the grace period: readers are told."""
        return self.status == Status.UNDER_REVIEW or (
            self.review_overdue_days > settings.LIBRARY_REVIEW_GRACE_DAYS
        )


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be read"
    DONE = "done", "Text is searchable"
    FAILED = "failed", "Text could not be read"


class DocumentVersionQuerySet(models.QuerySet):
    def published(self):
        """Versions readers see: published by now. One waiting for sign-off has no
        publication time yet, so it is never among them."""
        return self.filter(published_at__lte=timezone.now())

    def awaiting_sign_off(self):
        return self.filter(published_at__isnull=True, is_withdrawn=False)

    def without_text(self):
        """Every column but the text read from the file, which can run to megabytes and is
        only ever wanted by search indexing."""
        return self.defer("text")


class DocumentVersion(models.Model):
    document = models.ForeignKey(LibraryDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(help_text="1 for the first upload, then 2, 3…")
    version_label = models.CharField(max_length=20, help_text="As printed on the document: 2.1")
    file = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+")
    original_filename = models.CharField(max_length=150)
    kind = models.CharField(max_length=10)
    size_bytes = models.PositiveBigIntegerField()
    what_changed = models.TextField(max_length=2000)
    approved_by = models.CharField(max_length=150)
    approved_on = models.DateField()
    published_at = models.DateTimeField(
        default=timezone.now,
        null=True,
        blank=True,
        help_text="When it becomes current. Blank while it waits for sign-off.",
    )
    is_withdrawn = models.BooleanField(
        default=False, help_text="A withdrawn version can no longer be downloaded."
    )
    text = models.TextField(blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    word_count = models.PositiveIntegerField(null=True, blank=True)
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extraction_error = models.CharField(max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Sign-off by a second person (hub/core/sign_off.py), when the document's partnership
    # requires it: the uploader is the one who asks. While it waits, the version has no
    # publication time; it keeps the time asked for (blank: as soon as it is approved) and
    # the document's next review date given with it, both applied on approval. Sent back,
    # it is withdrawn, never having been published.
    submitted_at = models.DateTimeField(null=True, blank=True)
    publish_requested_at = models.DateTimeField(null=True, blank=True)
    review_due_on_approval = models.DateField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)

    objects = DocumentVersionQuerySet.as_manager()

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_number_per_version")
        ]

    def __str__(self):
        return f"{self.document.title}, version {self.version_label}"

    def get_absolute_url(self):
        return reverse("library:version", args=[self.document.slug, self.number])

    def get_download_url(self):
        return reverse("library:version_download", args=[self.document.slug, self.number])

    @property
    def is_published(self):
        return self.published_at is not None and self.published_at <= timezone.now()

    @property
    def awaits_sign_off(self):
        return self.published_at is None and not self.is_withdrawn

    @property
    def was_sent_back(self):
        """Withdrawn while it waited for sign-off: never published."""
        return self.published_at is None and self.is_withdrawn

    @property
    def superseded_on(self):
        """When the next version was published, if there is one yet."""
        if self.published_at is None:
            return None
        return (
            self.document.versions.published()
            .filter(published_at__gt=self.published_at)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )


class ReviewReminder(models.Model):
    """One reminder email per document, review date and threshold: never sent twice."""

    document = models.ForeignKey(LibraryDocument, on_delete=models.CASCADE, related_name="+")
    review_due = models.DateField()
    threshold = models.CharField(max_length=20)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "review_due", "threshold"], name="one_reminder_per_threshold"
            )
        ]

    def __str__(self):
        return f"{self.document} reminder ({self.threshold} days, due {self.review_due})"
