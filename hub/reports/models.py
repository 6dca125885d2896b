"""The yearly report: a page per partnership and reporting year, under the partnership's
"Yearly reports" page, built from the editor's sections and figures pulled from every
domain. Publishing freezes the figures (FigureSnapshot), so a published report never changes
when later data arrives; a draft shows them live, with what changed since it was last
saved."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.url_routing import RouteResult

from hub.reports import figures as resolving
from hub.reports.blocks import ReportStreamBlock, skeleton
from hub.reports.forms import SearchTopicsPanel, YearlyReportForm
from hub.site.models import HubPage


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

    def default_year(self, today=None):
        """(start, end) a new report under this page starts with: the last complete
        reporting year, as a yearly report looks back on a year that has ended; if that year
        has its report already, the year in progress (a draft written as it goes)."""
        today = today or timezone.localdate()
        starts = (self.year_starts_month, self.year_starts_day)
        last = resolving.last_complete_dates(today, *starts)
        taken = YearlyReportPage.objects.child_of(self)
        for start, end in (last, resolving.default_dates(today, *starts)):
            if not taken.filter(starts_on__lte=end, ends_on__gte=start).exists():
                return start, end
        return last

    def clean(self):
        super().clean()
        if not 1 <= (self.year_starts_day or 0) <= 28:
            raise ValidationError({"year_starts_day": "Enter a day from 1 to 28."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = (
            YearlyReportPage.objects.child_of(self)
            .live()
            .order_by("-starts_on")
            .only("title", "slug", "url_path", "starts_on", "ends_on", "summary", "signed_off_on")
        )
        context["reports"] = [
            {"page": report, "url": report.get_url(request), "year": report.year_text}
            for report in reports
        ]
        return context


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
        SearchTopicsPanel(heading="Search topics you may pick for this year"),
        FieldPanel("refresh_figures"),
    ]
    parent_page_types = ["reports.YearlyReportIndexPage"]
    subpage_types = []
    template = "reports/report_page.html"
    pdf_template = "reports/report_pdf.html"
    base_form_class = YearlyReportForm

    class Meta:
        verbose_name = "yearly report"

    @property
    def year_text(self):
        if self.starts_on is None or self.ends_on is None:
            return ""
        return f"{self.starts_on:%-d %B %Y} to {self.ends_on:%-d %B %Y}"

    def clean(self):
        """Refuses a year that ends before it starts, is longer than 12 months, or overlaps
        another report of the same partnership (`year_errors`). A new
        page is not in the tree yet, so the admin's form tells it its parent."""
        super().clean()
        parent = getattr(self, "_report_parent", None)
        if parent is None and self.path:
            parent = self.get_parent()
        errors = year_errors(
            starts_on=self.starts_on, ends_on=self.ends_on, parent=parent, exclude_pk=self.pk
        )
        if errors:
            raise ValidationError(errors)

    def save_revision(self, *args, **kwargs):
        """Saving the draft also keeps the figures as they are now, which its preview
        measures changes against."""
        from hub.reports.services import store_draft_figures

        revision = super().save_revision(*args, **kwargs)
        store_draft_figures(self, revision)
        return revision

    def route(self, request, path_components):
        # The report's PDF lives at its address + "pdf/".
        if path_components == ["pdf"] and self.live:
            return RouteResult(self, kwargs={"as_pdf": True})
        return super().route(request, path_components)

    def serve(self, request, *args, as_pdf=False, **kwargs):
        if as_pdf:
            return self.serve_pdf(request)
        return super().serve(request, *args, **kwargs)

    def report_context(self, request, *, preview=False):
        from hub.core.presenters import partnership_for
        from hub.reports import presenters

        partnership = partnership_for(request) if request is not None else None
        return presenters.report(self, partnership, preview=preview)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        preview = bool(getattr(request, "is_preview", False))
        context["report"] = self.report_context(request, preview=preview)
        context["pdf_url"] = None if preview else self.get_url(request) + "pdf/"
        return context

    def serve_pdf(self, request):
        """The report as a tagged PDF, the same for everyone (the page cache keeps it)."""
        from hub.core.pdf import PDF_CONTENT_TYPE, render_pdf
        from hub.core.presenters import partnership_for
        from hub.reports.presenters import pdf_filename

        partnership = partnership_for(request)
        context = {"page": self, "partnership": partnership, "request": request}
        context["report"] = self.report_context(request)
        pdf = render_pdf(self.pdf_template, context, request=request)
        response = HttpResponse(pdf, content_type=PDF_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(
            False, pdf_filename(self, partnership)
        )
        return response


# -- the reporting year's rules ---------------------------------------------------------------


def year_errors(*, starts_on, ends_on, parent, exclude_pk=None):
    """{field: message} for a reporting year that cannot be: ending before it starts, longer
    than 12 months, or overlapping another yearly report under the same partnership's page
    (`parent`). Empty when the year is fine."""
    errors = {}
    if not isinstance(starts_on, datetime.date) or not isinstance(ends_on, datetime.date):
        return errors  # each date's own field says what is missing
    if ends_on < starts_on:
        errors["ends_on"] = "The year must end after it starts."
        return errors
    limit = _a_year_after(starts_on)
    if limit is not None and ends_on >= limit:
        errors["ends_on"] = "A reporting year is at most 12 months: end it within a year."
        return errors
    if parent is not None:
        clash = (
            YearlyReportPage.objects.child_of(parent)
            .filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
            .exclude(pk=exclude_pk)
            .order_by("starts_on")
            .first()
        )
        if clash is not None:
            errors["starts_on"] = (
                f"This year overlaps “{clash.title}”, which covers "
                f"{clash.starts_on:%-d %B %Y} to {clash.ends_on:%-d %B %Y}. "
                "Choose dates outside it: each report covers its own year."
            )
    return errors


def _a_year_after(day):
    """The same day a year later (1 March after 29 February): a year must end before it.
    None past the last year a date can hold."""
    if day.year >= datetime.MAXYEAR:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return datetime.date(day.year + 1, 3, 1)


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
