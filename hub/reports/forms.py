"""The yearly report in the editors' admin: its form (a new report starts on the
partnership's reporting year; the year's rules are the page's own `clean`), and the panel
that shows the editor the search topics they may pick for the year."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel


class YearlyReportForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance.pk is None and parent_page is not None:
            start, end = parent_page.specific.default_year()
            kwargs.setdefault("initial", {})
            kwargs["initial"].setdefault("starts_on", start)
            kwargs["initial"].setdefault("ends_on", end)
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if instance is not None and parent_page is not None:
            # A new page is not in the tree while its form is checked: its year is checked
            # against the reports of the page it is being added to.
            instance._report_parent = parent_page


class SearchTopicsPanel(Panel):
    """What every topic source (the search insight report) offers for the report's year,
    with counts, so the editor can pick topics into a "What people searched for" block.
    Shown only: nothing goes into the report unless the editor types it there."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "reports/admin/search_topics_panel.html"

        def get_context_data(self, parent_context=None):
            from hub.reports.figures import available_topics
            from hub.reports.services import partnership_of

            context = super().get_context_data(parent_context)
            page, parent = self.instance, getattr(self.form, "parent_page", None)
            start, end = page.starts_on, page.ends_on
            if (start is None or end is None) and parent is not None:
                start, end = parent.specific.default_year()
            site_page = page if page.pk else parent
            partnership = partnership_of(site_page) if site_page is not None else None
            context["sources"] = (
                available_topics(partnership, start, end)
                if partnership is not None and start and end
                else []
            )
            context["start"], context["end"] = start, end
            return context
