"""The yearly report domain (hub/core/domains.py): reports built from every domain's figures,
frozen when published. It takes part through the registry like any other domain. It keeps
nothing about a person: a report's figures are counts, small ones of people suppressed
before they are stored."""

from django.urls import reverse

from hub.core.domains import Domain, StaffLink
from hub.core.staff_menu import admin_only


def _demo(context):
    from hub.reports.demo import load

    return load(context)


def _may_edit_pages(request):
    from hub.core.permissions import can
    from hub.core.policy import Action

    return can(request.user, Action.EDIT_PAGES)


DOMAIN = Domain(
    label="reports",
    name="Yearly report",
    staff_links=(
        StaffLink(
            "content",
            "Yearly reports",
            lambda request: reverse("reports_yearly_reports"),
            admin_only(_may_edit_pages),
            order=60,
            description="The safeguarding partners' report on each year, with figures from "
            "the Hub frozen when published.",
        ),
    ),
    # A report's frozen figures are what its page and PDF show.
    cache_purge={"reports.figuresnapshot": ("content",)},
    demo=_demo,
    demo_order=900,  # after every domain whose activity its figures count
)
