"""Decision aids that store nothing, and the partnership's levels of need.

A levels-of-need guide is the single source of a partnership's levels (universal, early help,
targeted, statutory, ...): its levels × domains hold indicators, each linking to the same
topic at the other levels, to local services and to a procedure chapter. The escalation log
and the screening tools pick their levels from it.

A screening tool (the neglect screening tool, say) is drafted by editors in the admin and
published as numbered `ToolVersion`s, each a frozen copy of the tool's content, so an outcome
says which version it used and a practitioner half-way through never sees the questions
change under them. Practitioners' answers are never stored anywhere (hub/decision_aids/flow.py).

Guides and tools belong either to one partnership or, with no partnership, to the whole
consortium (regional), like the procedures: a partnership uses its own when it has one and
the regional one otherwise.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class OwnedQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        """The partnership's own rows and its consortium's regional ones."""
        return self.filter(
            Q(partnership=partnership)
            | Q(partnership__isnull=True, consortium_id=partnership.consortium_id)
        )

    def used_by(self, partnership):
        """The one the partnership uses: its own, or else the regional one (None if neither)."""
        rows = list(self.for_partnership(partnership))
        own = [row for row in rows if row.partnership_id == partnership.pk]
        return (own or rows or [None])[0]


class Owned(models.Model):
    """Belongs to a partnership, or (no partnership) to its consortium as regional content."""

    consortium = models.ForeignKey("core.Consortium", on_delete=models.CASCADE, related_name="+")
    partnership = models.ForeignKey(
        "core.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leave empty for regional content shared by every partnership of the "
        "consortium that has none of its own.",
    )

    PERMISSION_SCOPE = {"partnership": "partnership", "consortium": "consortium"}

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_regional(self):
        return self.partnership_id is None

    @property
    def owner(self):
        return self.partnership if self.partnership_id else self.consortium


# -- levels of need --------------------------------------------------------------------------


class LevelsGuide(Owned, ClusterableModel):
    title = models.CharField(max_length=200, default="Levels of need")
    introduction = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(partnership__isnull=False),
                name="one_levels_guide_per_partnership",
            ),
            models.UniqueConstraint(
                fields=["consortium"],
                condition=Q(partnership__isnull=True),
                name="one_regional_levels_guide_per_consortium",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.owner})"


class Level(Orderable):
    """One level of need, lowest first (the guide's order is the order of severity)."""

    guide = ParentalKey(LevelsGuide, on_delete=models.CASCADE, related_name="levels")
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80)
    summary = models.TextField(help_text="Which children and families this level is for.")
    what_to_do = RichTextField(
        "What to do next",
        features=RICH_TEXT_FEATURES,
        help_text="Who to call, which form, the referral route, and how to escalate if you "
        "disagree with a decision.",
    )

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["guide", "slug"], name="one_level_per_slug"),
        ]

    def __str__(self):
        return self.name


class NeedDomain(Orderable):
    """An area of a child's life the guide's indicators are grouped by."""

    guide = ParentalKey(LevelsGuide, on_delete=models.CASCADE, related_name="domains")
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80)
    description = models.TextField(blank=True)

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["guide", "slug"], name="one_need_domain_per_slug"),
        ]

    def __str__(self):
        return self.name


class NeedIndicator(models.Model):
    """What a child's needs look like at one level, in one domain. Indicators of the same
    domain sharing a `topic` are the same need seen at different levels."""

    guide = models.ForeignKey(LevelsGuide, on_delete=models.CASCADE, related_name="indicators")
    level = models.ForeignKey(Level, on_delete=models.RESTRICT, related_name="indicators")
    domain = models.ForeignKey(NeedDomain, on_delete=models.RESTRICT, related_name="indicators")
    topic = models.CharField(
        max_length=120,
        help_text="The need this describes (for example 'Health' or 'Supervision'); "
        "indicators with the same topic at other levels are linked to each other.",
    )
    text = models.TextField()
    services = RichTextField("Local services", features=RICH_TEXT_FEATURES, blank=True)
    chapter = models.ForeignKey(
        "procedures.Chapter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The procedure chapter that covers this need.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    PERMISSION_SCOPE = {"partnership": "guide__partnership", "consortium": "guide__consortium"}

    class Meta:
        ordering = ["domain__sort_order", "topic", "level__sort_order", "sort_order", "pk"]

    def __str__(self):
        return f"{self.topic} ({self.level.name})"


# -- screening tools -------------------------------------------------------------------------


class RatingKind(models.TextChoices):
    """What a rating means, whatever the tool calls it: the outcome rules count by kind."""

    STRENGTH = "strength", "No concern (a strength)"
    SOME = "some", "Some concern"
    SERIOUS = "serious", "Serious concern"
    UNKNOWN = "unknown", "Not known"


class CountedRatings(models.TextChoices):
    """Which ratings an outcome rule counts."""

    SERIOUS = "serious", "Serious concern"
    SOME = "some", "Some concern"
    CONCERN = "concern", "Some or serious concern"
    UNKNOWN = "unknown", "Not known"
    STRENGTH = "strength", "No concern (a strength)"

    @classmethod
    def kinds(cls, counted):
        return {"concern": {"some", "serious"}}.get(counted, {counted})


class IndicatorBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="What the practitioner is asked to rate.")
    hint = blocks.TextBlock(required=False, help_text="Examples or what to look for.")
    who_could_tell = blocks.CharBlock(
        required=False,
        max_length=300,
        help_text="Shown when rated 'Not known': who could tell the practitioner more.",
    )


class DomainBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    guidance = blocks.TextBlock(required=False)
    indicators = blocks.ListBlock(IndicatorBlock(), min_num=1)


class Tool(Owned, ClusterableModel):
    """A screening tool's working draft; practitioners use its latest published version."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    summary = models.CharField(max_length=300, help_text="One sentence for the list of tools.")
    introduction = RichTextField(
        features=RICH_TEXT_FEATURES, help_text="The start page: who it is for, what it does."
    )
    guidance = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="How to use the outcome; it always supports, never replaces, judgement.",
    )
    guide = models.ForeignKey(
        LevelsGuide,
        on_delete=models.PROTECT,
        related_name="tools",
        help_text="The levels of need the outcomes point to.",
    )
    domains = StreamField([("domain", DomainBlock())], use_json_field=True)
    otherwise_level = models.ForeignKey(
        Level,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Otherwise",
        help_text="The level when no rule above applies.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "slug"],
                condition=Q(partnership__isnull=False),
                name="one_tool_per_slug_per_partnership",
            ),
            models.UniqueConstraint(
                fields=["consortium", "slug"],
                condition=Q(partnership__isnull=True),
                name="one_regional_tool_per_slug",
            ),
        ]

    def __str__(self):
        return self.title


class RatingOption(Orderable):
    tool = ParentalKey(Tool, on_delete=models.CASCADE, related_name="scale")
    label = models.CharField(max_length=60)
    hint = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=RatingKind.choices)

    def __str__(self):
        return self.label


class OutcomeRule(Orderable):
    """'If at least `in_domains` domains each have at least `at_least` indicators rated
    `counted`, the level is `level`': the first rule that applies wins."""

    tool = ParentalKey(Tool, on_delete=models.CASCADE, related_name="rules")
    counted = models.CharField("Count ratings of", max_length=10, choices=CountedRatings.choices)
    at_least = models.PositiveSmallIntegerField("At least this many indicators", default=1)
    in_domains = models.PositiveSmallIntegerField("In at least this many domains", default=1)
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(at_least__gte=1) & Q(in_domains__gte=1),
                name="outcome_rule_counts_at_least_one",
            )
        ]

    def __str__(self):
        return f"{self.get_counted_display()} × {self.at_least} in {self.in_domains} → {self.level}"


class ToolVersion(models.Model):
    """A published version: a frozen copy of the tool (scale, domains, indicators, rules,
    levels' names) that the practitioner's flow reads. Never changed once written."""

    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    content = models.JSONField()

    class Meta:
        ordering = ["tool", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["tool", "number"], name="one_tool_version_per_number")
        ]

    def __str__(self):
        return f"{self.tool} version {self.number}"
