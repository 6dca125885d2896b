"""The decision aids domain: store-nothing screening tools and the levels-of-need guide
(hub/core/domains.py). Practitioners' answers are never personal data here because they are
never kept; the only person this domain records is who published a tool's version."""

from django.db import transaction
from django.urls import reverse

from hub.core.domains import Domain, Link, PersonalData, Retention, Searchable, StaffLink
from hub.core.staff_menu import admin_only, admin_screen

AUDIT_ACTIONS = {
    "hub.decision_aids.tool_published": "Screening tool version published",
    "hub.decision_aids.guide_changed": "Levels of need changed",
    "hub.decision_aids.tool_changed": "Screening tool draft changed",
}


def _published_versions(user):
    from hub.decision_aids.models import ToolVersion

    return [
        {
            "tool": version.tool.title,
            "version": version.number,
            "published_at": version.published_at.isoformat(),
        }
        for version in ToolVersion.objects.filter(published_by=user).select_related("tool")
    ]


def _guide_chunks(ids):
    from hub.decision_aids.search_index import guide_chunks

    return guide_chunks(ids)


def _changed(name):
    def affected(row):
        from hub.decision_aids import search_index

        return getattr(search_index, name)(row)

    return affected


def _demo(context):
    from hub.demo.decision_aids import load_decision_aids

    with transaction.atomic():
        load_decision_aids(context.consortium, context.partnerships)


def _edits(request):
    from hub.decision_aids.queries import may_edit_decision_aids

    return may_edit_decision_aids(request.user)


DOMAIN = Domain(
    label="decision_aids",
    name="Decision aids and levels of need",
    audit_actions=AUDIT_ACTIONS,
    personal_data=(
        PersonalData(
            key="screening_tool_versions_published",
            models=("decision_aids.ToolVersion",),
            export=_published_versions,
        ),
    ),
    retention=(
        Retention(
            what="Screening tool version: which account published it (practitioners' answers "
            "are never stored at all)",
            how_long="as long as the version (an outcome names the version it used); the link "
            "to the account goes when the account is deleted",
            models=("decision_aids.ToolVersion",),
            prune=None,
        ),
    ),
    search=(
        Searchable(
            "levels",
            "Levels of need",
            _guide_chunks,
            changes={
                "decision_aids.LevelsGuide": _changed("guide_changed"),
                "decision_aids.Level": _changed("level_changed"),
                "decision_aids.NeedDomain": _changed("domain_changed"),
                "decision_aids.NeedIndicator": _changed("indicator_changed"),
                "decision_aids.Tool": _changed("tool_changed"),
                "decision_aids.ToolVersion": _changed("tool_version_changed"),
            },
            order=35,
        ),
    ),
    cache_purge={
        "decision_aids.levelsguide": ("content",),
        "decision_aids.level": ("content",),
        "decision_aids.needdomain": ("content",),
        "decision_aids.needindicator": ("content",),
        "decision_aids.tool": ("content",),
        "decision_aids.toolversion": ("content",),
    },
    navigation=(
        Link(
            "Levels of need",
            lambda request: reverse("decision_aids:guide"),
            order=25,
            active_for="decision_aids:",
        ),
    ),
    staff_links=(
        StaffLink(
            "guidance",
            "Levels of need",
            lambda request: reverse("decision_aids_guides:index"),
            admin_screen("decision_aids.LevelsGuide", actions=("change",)),
            order=30,
            description="The partnership's levels of need: levels, domains and indicators.",
        ),
        StaffLink(
            "guidance",
            "Screening tools",
            lambda request: reverse("decision_aids_tools:index"),
            admin_only(_edits),
            order=31,
            description="Draft a screening tool's questions and outcome rules, check every "
            "outcome can be reached, and publish a new version.",
        ),
    ),
    demo=_demo,
    demo_order=60,
)
