"""The regional child protection procedures: one manual for a consortium, with each
partnership's local information, changed only through dated releases.

Every piece of text is a version that belongs to a release. A release becomes visible in one
step, when its `published_at` is set (or reached, if scheduled), so readers never see half a
release. What a reader sees on any date is, for each chapter, the latest version whose release
was published by then: the manual "as at" a date is read from stored history, never rebuilt
by replaying edits.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


def end_of(day):
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.max), timezone.get_current_timezone()
    )


class Manual(models.Model):
    consortium = models.OneToOneField(
        "core.Consortium", on_delete=models.CASCADE, related_name="manual"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    introduction = models.TextField(blank=True)

    def __str__(self):
        return self.title


class Part(models.Model):
    manual = models.ForeignKey(Manual, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["manual", "number"]
        constraints = [
            models.UniqueConstraint(fields=["manual", "number"], name="one_part_per_number")
        ]

    def __str__(self):
        return f"Part {self.number}: {self.title}"


class ReleaseQuerySet(models.QuerySet):
    def published(self, moment=None):
        return self.filter(published_at__lte=moment or timezone.now())

    def for_partnership(self, partnership):
        return self.filter(
            Q(partnership__isnull=True, manual__consortium_id=partnership.consortium_id)
            | Q(partnership=partnership)
        )


class Release(models.Model):
    """A set of changes that becomes visible at one moment. Regional releases are made by
    the consortium; a partnership's own release carries its local information and chapters."""

    manual = models.ForeignKey(Manual, on_delete=models.CASCADE, related_name="releases")
    partnership = models.ForeignKey(
        "core.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="procedure_releases",
        help_text="Blank for a regional release.",
    )
    title = models.CharField(max_length=120, help_text="For example: December 2026 update")
    summary = models.TextField(blank=True)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When readers see it. Blank while it is a draft."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Sign-off by a second person (hub/core/sign_off.py), when the partnership (or, for a
    # regional release, the consortium) requires it: who asked, when, and for what time
    # (blank: as soon as it is approved); then who approved it.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    publish_requested_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.published_at is not None and self.published_at <= timezone.now()

    @property
    def awaits_sign_off(self):
        return self.published_at is None and self.submitted_at is not None


class ChapterQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def for_partnership(self, partnership):
        """Regional chapters of the partnership's consortium, and its own local chapters."""
        return self.filter(manual__consortium_id=partnership.consortium_id).filter(
            Q(partnership__isnull=True) | Q(partnership=partnership)
        )


class Chapter(index.Indexed, models.Model):
    """A chapter's identity: its address and where it sits. Its words are in its versions."""

    manual = models.ForeignKey(Manual, on_delete=models.CASCADE, related_name="chapters")
    partnership = models.ForeignKey(
        "core.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="local_chapters",
        help_text="Set for a chapter that exists only on this partnership's site.",
    )
    part = models.ForeignKey(Part, on_delete=models.PROTECT, related_name="chapters")
    slug = models.SlugField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0)
    related_chapters = models.ManyToManyField("self", blank=True, symmetrical=True)
    related_documents = models.ManyToManyField(
        "library.LibraryDocument", blank=True, related_name="procedure_chapters"
    )

    objects = ChapterQuerySet.as_manager()

    search_fields = [
        index.SearchField("current_title", boost=3),
        index.SearchField("current_text"),
        index.FilterField("id"),
        index.FilterField("manual_id"),
        index.FilterField("partnership_id"),
    ]

    class Meta:
        ordering = ["part__number", "position", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["manual", "slug"], name="one_chapter_per_slug")
        ]

    def __str__(self):
        return self.slug

    def get_absolute_url(self):
        return reverse("procedures:chapter", args=[self.slug])

    def version_at(self, moment=None):
        """The version readers saw at `moment` (now by default); None if none yet."""
        return (
            self.versions.filter(release__published_at__lte=moment or timezone.now())
            .select_related("release")
            .order_by("-release__published_at", "-pk")
            .first()
        )

    def current_title(self):
        version = self.version_at()
        return version.title if version and not version.is_removed else ""

    def current_text(self):
        version = self.version_at()
        return f"{version.summary} {version.body}" if version and not version.is_removed else ""


class ChangeType(models.TextChoices):
    NEW = "new", "New"
    AMENDED = "amended", "Amended"
    REMOVED = "removed", "Removed"


class ChapterVersion(models.Model):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="versions")
    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="chapter_versions")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    body = models.TextField(
        help_text="Use <b>must</b> for the law and <b>should</b> for good practice."
    )
    change_type = models.CharField(max_length=10, choices=ChangeType.choices)
    change_summary = models.CharField(max_length=300, help_text="One line: what changed.")
    is_removed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "release"], name="one_chapter_version_per_release"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.release})"


class LocalInformationVersion(models.Model):
    """A partnership's 'Local information' box on a regional chapter, as of one release.
    An empty body removes the box."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="local_versions")
    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="local_versions")
    body = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "partnership", "release"], name="one_local_version_per_release"
            )
        ]

    def __str__(self):
        return f"Local information for {self.chapter} ({self.partnership})"


class GlossaryTerm(models.Model):
    manual = models.ForeignKey(Manual, on_delete=models.CASCADE, related_name="glossary")
    term = models.CharField(max_length=120)
    definition = models.TextField()
    slug = models.SlugField(max_length=120)

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["manual", "slug"], name="one_glossary_term_per_slug")
        ]

    def __str__(self):
        return self.term


class Subscription(models.Model):
    """Someone who asked to be emailed when a release is published. Only an email address."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    # Releases published from here on are emailed.
    created_at = models.DateTimeField(auto_now_add=True)
    # Subscribing again renews it; it ends PROCEDURES_SUBSCRIPTION_DAYS after this.
    renewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "email"], name="one_subscription")
        ]

    def __str__(self):
        return self.email


class ReleaseNotification(models.Model):
    """One email per release per subscriber: the row is claimed before the email is sent."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="+")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "subscription"], name="one_notification")
        ]

    def __str__(self):
        return f"{self.release} to {self.subscription}"
