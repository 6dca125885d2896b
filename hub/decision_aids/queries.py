"""Reads: which guides and tools a person may edit, and which ones a partnership uses."""

from django.db.models import Q

from hub.core.permissions import Action, can, scope_queryset
from hub.decision_aids.models import LevelsGuide, NeedIndicator, Tool


def may_edit_decision_aids(user):
    """Partnership editors edit their partnership's own guide and tools; consortium editors
    the regional ones."""
    return can(user, Action.EDIT_PAGES) or can(user, Action.EDIT_REGIONAL_CONTENT)


def _editable(user, queryset, partnership_lookup, consortium_lookup):
    local = scope_queryset(
        user, Action.EDIT_PAGES, queryset.filter(**{f"{partnership_lookup}__isnull": False})
    )
    regional = scope_queryset(
        user,
        Action.EDIT_REGIONAL_CONTENT,
        queryset.filter(**{f"{partnership_lookup}__isnull": True}),
    )
    return queryset.filter(Q(pk__in=local.values("pk")) | Q(pk__in=regional.values("pk")))


def editable_guides(user):
    return _editable(user, LevelsGuide.objects.all(), "partnership", "consortium").select_related(
        "partnership", "consortium"
    )


def editable_tools(user):
    return _editable(user, Tool.objects.all(), "partnership", "consortium").select_related(
        "partnership", "consortium", "guide"
    )


def editable_indicators(user):
    return _editable(
        user, NeedIndicator.objects.all(), "guide__partnership", "guide__consortium"
    ).select_related("guide", "level", "domain")


def published_tools(partnership):
    """The tools practitioners of `partnership` can use: its own, and the regional ones whose
    slug it has not taken, each with its latest version (tools never published are left out)."""
    tools = list(
        Tool.objects.for_partnership(partnership)
        .filter(versions__isnull=False)
        .distinct()
        .order_by("title")
    )
    own = {tool.slug for tool in tools if tool.partnership_id == partnership.pk}
    return [tool for tool in tools if tool.partnership_id or tool.slug not in own]


def guide_for(partnership):
    """The levels-of-need guide the partnership uses (its own, or the regional one)."""
    return LevelsGuide.objects.used_by(partnership)
