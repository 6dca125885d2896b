"""The admin menu's "Yearly reports": a redirect worked out when followed, so the menu drawn
on every admin page costs no query to find the page."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from hub.core.permissions import can
from hub.core.policy import Action
from hub.reports.models import YearlyReportIndexPage


def yearly_reports(request):
    """The partnership's yearly reports in the page explorer; its home page while it has no
    yearly reports page, where one is added."""
    partnership = getattr(request.user, "partnership", None)
    if partnership is None or not partnership.site_id:
        raise PermissionDenied
    if not can(request.user, Action.EDIT_PAGES, partnership):
        raise PermissionDenied
    root = partnership.site.root_page
    index = YearlyReportIndexPage.objects.descendant_of(root).only("pk").first()
    return redirect("wagtailadmin_explore", index.pk if index else root.pk)
