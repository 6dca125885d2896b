"""Loads the demo's levels of need and neglect screening tool (hub/demo/content/
decision_aids.py): Westshire's own guide and tool, and the consortium's regional ones, which
Northmoor uses because it has none of its own. The tool is published as version 1 through
`tool_publish`, so its rules pass the same reachability check an editor's would.
Idempotent: an owner that already has a guide is left as it is."""

from django.db import transaction

from hub.core.models import WorriedAboutAChild
from hub.decision_aids.models import (
    Level,
    LevelsGuide,
    NeedDomain,
    NeedIndicator,
    OutcomeRule,
    RatingOption,
    Tool,
)
from hub.decision_aids.services import tool_publish
from hub.demo.content import decision_aids as content
from hub.procedures.models import Chapter

# The partnerships with a guide and tool of their own; every other uses the regional ones.
OWN = ("westshire",)


def load_decision_aids(consortium, partnerships):
    """Create each owner's guide and tool unless it has a guide; return how many guides
    were created."""
    owners = [None, *(partnerships[slug] for slug in OWN if slug in partnerships)]
    created = 0
    for partnership in owners:
        if LevelsGuide.objects.filter(consortium=consortium, partnership=partnership).exists():
            continue
        with transaction.atomic():
            words = _words(partnership)
            guide, levels = _load_guide(consortium, partnership, words)
            _load_tool(consortium, partnership, guide, levels, words)
        created += 1
    return created


def _words(partnership):
    """The owner's words for the content's placeholders, with the partnership's own front
    door from its "Worried about a child?" settings."""
    if partnership is None:
        return dict(content.WORDS[None])
    contacts = WorriedAboutAChild.for_site(partnership.site)
    return {
        **content.WORDS[partnership.slug],
        "front_door": contacts.front_door_name,
        "call_front_door": f"{contacts.front_door_name} on {contacts.front_door_phone}",
        "out_of_hours": f"the emergency duty team on {contacts.out_of_hours_phone}",
    }


def _chapters(consortium, partnership):
    """{slug: chapter} of the procedures this owner's readers see: the regional chapters,
    and the partnership's own local ones."""
    chapters = Chapter.objects.filter(manual__consortium=consortium, partnership__isnull=True)
    found = {chapter.slug: chapter for chapter in chapters}
    if partnership is not None:
        found.update(
            (chapter.slug, chapter) for chapter in Chapter.objects.filter(partnership=partnership)
        )
    return found


def _load_guide(consortium, partnership, words):
    guide = LevelsGuide.objects.create(
        consortium=consortium,
        partnership=partnership,
        title=content.GUIDE["title"],
        introduction=content.GUIDE["introduction"].format_map(words),
    )
    levels = {}
    for order, spec in enumerate(content.LEVELS):
        levels[spec["slug"]] = Level.objects.create(
            guide=guide,
            sort_order=order,
            slug=spec["slug"],
            name=spec["name"],
            summary=spec["summary"],
            what_to_do=spec["what_to_do"].format_map(words),
        )
    chapters = _chapters(consortium, partnership)
    indicators = []
    for order, spec in enumerate(content.DOMAINS):
        domain = NeedDomain.objects.create(
            guide=guide,
            sort_order=order,
            slug=spec["slug"],
            name=spec["name"],
            description=spec["description"],
        )
        for position, topic in enumerate(spec["topics"]):
            for slug, (text, services) in topic["levels"].items():
                chapter = topic["chapter"] if slug != "universal" else None
                chapter = chapter or content.LEVEL_CHAPTERS[slug]
                indicators.append(
                    NeedIndicator(
                        guide=guide,
                        level=levels[slug],
                        domain=domain,
                        topic=topic["topic"],
                        text=text,
                        services=services.format_map(words),
                        chapter=chapters.get(chapter) if chapter else None,
                        sort_order=position,
                    )
                )
    NeedIndicator.objects.bulk_create(indicators)
    return guide, levels


def _load_tool(consortium, partnership, guide, levels, words):
    spec = content.TOOL
    tool = Tool(
        consortium=consortium,
        partnership=partnership,
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        introduction=spec["introduction"].format_map(words),
        guidance=spec["guidance"].format_map(words),
        guide=guide,
        otherwise_level=levels[spec["otherwise"]],
        domains=[("domain", domain) for domain in spec["domains"]],
    )
    tool.save()
    for order, (label, hint, kind) in enumerate(spec["scale"]):
        RatingOption.objects.create(tool=tool, sort_order=order, label=label, hint=hint, kind=kind)
    for order, (counted, at_least, in_domains, level) in enumerate(spec["rules"]):
        OutcomeRule.objects.create(
            tool=tool,
            sort_order=order,
            counted=counted,
            at_least=at_least,
            in_domains=in_domains,
            level=levels[level],
        )
    return tool_publish(tool=tool, by=None)
