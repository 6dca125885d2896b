"""The yearly report: a page per partnership and reporting year, under the partnership's
"Yearly reports" page, built from the editor's sections and figures pulled from every
domain. Publishing freezes the figures (FigureSnapshot), so a published report never changes
when later data arrives; a draft shows them live, with what changed since it was last
saved."""

import datetime

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField

from hub.site.models import HubPage
from hub.reports.blocks import ReportStreamBlock, skeleton


class YearlyReportIndexPage(HubPage):
    """The partnership's yearly reports, newest first; it also holds when the partnership's
    reporting year starts (1 April unless set)."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    year_starts_month = models.PositiveSmallIntegerField(
        default=4,
        choices=[(month, datetime.date(2000, month, 1).strftime("%B")) for month in range(1, 13)],
        verbose_name="Reporting year starts in",
    )
    year_starts_day = models.PositiveSmallIntegerField(
        default=1, verbose_name="on day", help_text="1 to 28."
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("year_starts_month"), FieldPanel("year_starts_day")]),
    ]
    parent_page_types = ["site.HomePage"]
    subpage_types = ["reports.YearlyReportPage"]
    max_count_per_parent = 1
    template = "reports/index_page.html"

    class Meta:
        verbose_name = "yearly reports page"


class YearlyReportPage(HubPage):
    starts_on = models.DateField(verbose_name="Year starts")
    ends_on = models.DateField(verbose_name="Year ends")
    signed_off_on = models.DateField(
        null=True,
        blank=True,
        verbose_name="Signed off by the safeguarding partners on",
    )
    body = StreamField(ReportStreamBlock(), default=skeleton, use_json_field=True)
    refresh_figures = models.BooleanField(
        default=False,
        verbose_name="Take the figures again when next published",
        help_text="A published report keeps the figures it was published with. Tick this to "
        "take them afresh (correcting a report, say); it clears itself once published.",
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("signed_off_on"),
            ],
            heading="Reporting year",
        ),
        FieldPanel("body"),
        FieldPanel("refresh_figures"),
    ]
    parent_page_types = ["reports.YearlyReportIndexPage"]
    subpage_types = []
    template = "reports/report_page.html"

    class Meta:
        verbose_name = "yearly report"


class FigureSnapshot(models.Model):
    """The figures of a report as they were: frozen when it was published (what readers
    see), or when its draft was last saved (what a draft's changes are measured against).
    `figures` maps each figure block's id to what it showed."""

    class Kind(models.TextChoices):
        PUBLISHED = "published", "Published"
        DRAFT = "draft", "Draft last saved"

    page = models.ForeignKey(YearlyReportPage, on_delete=models.CASCADE, related_name="snapshots")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    figures = models.JSONField(default=dict)
    taken_at = models.DateTimeField()
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind"], name="reports_one_snapshot_per_kind")
        ]

    def __str__(self):
        return f"{self.page} ({self.get_kind_display()})"
