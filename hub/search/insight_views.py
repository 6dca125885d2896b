"""Query insight's two screens: `/search/go/`, through which a search result's link records
the rank clicked and goes on to the result; and the business unit's report in the admin, for
the person's own partnership only (hub/search/insight.py does the work)."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from hub.core.admin_screen import AdminScreen
from hub.core.models import Partnership
from hub.core.permissions import Action, can, scope_queryset
from hub.core.presenters import partnership_for
from hub.core.staff_menu import in_admin
from hub.search import insight

# The business unit's editors (and its partnership admin) look after what people find, so
# the report is for whoever may edit the partnership's pages and documents.
INSIGHT_ACTION = Action.EDIT_PAGES
REPORT_MONTHS = 5  # the month in progress and the five before it


@require_GET
@never_cache
def go(request):
    """A click on a search result: a valid token records the rank clicked (the search's
    first click only) and redirects to the result, a path on this site. Anything else (no
    token, a forged, changed or expired one, or one leading off the site) is a 400 page
    that says so, and nothing is recorded."""
    try:
        click = insight.read_click(request.GET.get("t", ""))
    except insight.ClickRefused as refused:
        return render(
            request, "search/click_refused.html", {"expired": refused.expired}, status=400
        )
    insight.record_click(click.log_id, click.rank)
    return HttpResponseRedirect(click.url)


# -- the report in the admin ------------------------------------------------------------------


def may_see_insight(request):
    """Whether the person may open the report at all (the menu link's `shown`)."""
    return in_admin(request) and can(request.user, INSIGHT_ACTION)


def insight_partnerships(user):
    """The partnerships whose report `user` may read: those where they edit the pages."""
    return scope_queryset(user, INSIGHT_ACTION, Partnership.objects.all()).order_by("name")


class InsightReportView(AdminScreen, TemplateView):
    """Top queries, queries that found nothing and queries whose results were never
    clicked, month by month, for one partnership the person may read: the site's own by
    default, another of theirs by `?partnership=<id>`. Any other id is a 404."""

    template_name = "search/admin/insight.html"
    header_icon = "search"
    page_title = "What people search for"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_insight(request):
            raise Http404
        self.partnerships = list(insight_partnerships(request.user))
        self.partnership = self.chosen(request)
        return super().dispatch(request, *args, **kwargs)

    def chosen(self, request):
        asked = request.GET.get("partnership")
        if asked is not None:
            for partnership in self.partnerships:
                if str(partnership.pk) == asked:
                    return partnership
            raise Http404
        site = partnership_for(request)
        for partnership in self.partnerships:
            if site is not None and partnership.pk == site.pk:
                return partnership
        if not self.partnerships:
            raise Http404
        return self.partnerships[0]

    def get_page_subtitle(self):
        return self.partnership.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partnership"] = self.partnership
        context["partnerships"] = self.partnerships if len(self.partnerships) > 1 else []
        context["months"] = insight.report(self.partnership, months=REPORT_MONTHS)
        context["shown_from"] = insight.SHOWN_FROM
        context["raw_days"] = insight.RAW_DAYS
        return context


def admin_urls():
    """The report's address in the admin: /admin/search-insight/."""
    return [
        path(
            "search-insight/",
            include(
                ([path("", InsightReportView.as_view(), name="report")], "search_insight"),
                namespace="search_insight",
            ),
        )
    ]
