"""Writes for decision aids: publishing a screening tool's version. (Practitioners' answers
are never written anywhere; see hub/decision_aids/flow.py.)"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hub.core import audit
from hub.decision_aids import rules
from hub.decision_aids.models import Tool, ToolVersion


def _level(level):
    return {"id": level.pk, "slug": level.slug, "name": level.name}


def tool_content(tool):
    """The tool as a version freezes it, and as the flow and the rules read it:

        {"title", "slug", "summary", "introduction", "guidance", "guide_id",
         "scale": [{"key", "label", "hint", "kind"}],
         "domains": [{"key", "title", "guidance",
                      "indicators": [{"key", "text", "hint", "who_could_tell"}]}],
         "rules": [{"counted", "at_least", "in_domains", "level": {"id", "slug", "name"}}],
         "otherwise": {"id", "slug", "name"} or None}

    Keys are the StreamField blocks' ids and the ratings' ids, so they stay the same from one
    version to the next for the same question."""
    domains = []
    for block in tool.domains:
        indicators = [
            {
                "key": item.id,
                "text": item.value["text"],
                "hint": item.value["hint"] or "",
                "who_could_tell": item.value["who_could_tell"] or "",
            }
            for item in block.value["indicators"].bound_blocks
        ]
        domains.append(
            {
                "key": block.id,
                "title": block.value["title"],
                "guidance": block.value["guidance"] or "",
                "indicators": indicators,
            }
        )
    return {
        "title": tool.title,
        "slug": tool.slug,
        "summary": tool.summary,
        "introduction": tool.introduction,
        "guidance": tool.guidance,
        "guide_id": tool.guide_id,
        "scale": [
            {
                "key": f"r{option.pk}",
                "label": option.label,
                "hint": option.hint,
                "kind": option.kind,
            }
            for option in tool.scale.all()
        ],
        "domains": domains,
        "rules": [
            {
                "counted": rule.counted,
                "at_least": rule.at_least,
                "in_domains": rule.in_domains,
                "level": _level(rule.level),
            }
            for rule in tool.rules.select_related("level")
        ],
        "otherwise": _level(tool.otherwise_level) if tool.otherwise_level_id else None,
    }


def tool_publish(*, tool, by, request=None):
    """Publish the tool's current draft as its next numbered version, once the check finds
    every outcome reachable. Raises ValidationError (nothing written) otherwise. Two editors
    publishing at once get consecutive numbers: the tool's row is locked while numbering."""
    with transaction.atomic():
        tool = Tool.objects.select_for_update().get(pk=tool.pk)
        content = tool_content(tool)
        found = rules.check(content)
        if not found.ok:
            raise ValidationError(found.problems)
        number = (tool.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = ToolVersion.objects.create(
            tool=tool,
            number=number,
            published_at=timezone.now(),
            published_by=by if by is not None and by.is_authenticated else None,
            content=content,
        )
        audit.record(
            actor=by,
            action="hub.decision_aids.tool_published",
            instance=tool,
            request=request,
            details={"version": number},
        )
    return version


def latest_version(tool):
    return tool.versions.order_by("-number").first()
