"""The levels of need and the screening tools in site search (declared in
hub/decision_aids/domain.py as one type, "Levels of need").

Three kinds of source, each one result:

- "guide-<id>": the guide's overview page (its introduction and its areas);
- "level-<id>": a level's page: its summary and what to do next, then one chunk per
  indicator leading to the indicator on the page (`#need-<id>`), so the snippet and the link
  land on the need that matched;
- "tool-<id>": a published screening tool's start page, in the words of its latest version.

Each copy is for one partnership's site, like the procedures' chapters: a partnership's own
guide and tools for its own site; a regional guide for each partnership of the consortium
that has no guide of its own, and a regional tool for each that has not published its own
tool at the same address. A consortium-wide chunk would also reach the partnerships with a
guide of their own, which would then find two sets of levels.
"""

from collections import defaultdict

from django.urls import reverse
from django.utils.html import escape

from hub.core.models import Partnership
from hub.decision_aids.guide_presenters import level_url
from hub.decision_aids.models import (
    Level,
    LevelsGuide,
    NeedDomain,
    NeedIndicator,
    Tool,
    ToolVersion,
)
from hub.search.chunking import chunk_html
from hub.search.models import SearchChunk, Visibility

KIND = "Levels of need"
TOOL_KIND = "Screening tool"
PREFIXES = ("guide", "level", "tool")


def _source(prefix, pk):
    return f"{prefix}-{pk}"


def _wanted(ids):
    """{prefix: {pk}} from source ids; None (every source) stays None."""
    if ids is None:
        return None
    wanted = {prefix: set() for prefix in PREFIXES}
    for source_id in ids:
        prefix, _, pk = str(source_id).partition("-")
        if prefix in wanted and pk.isdigit():
            wanted[prefix].add(int(pk))
    return wanted


def _chunks(html, *, partnership_id, reach, title, url, kind=KIND):
    return [
        SearchChunk(
            partnership_id=partnership_id,
            visibility=Visibility.PUBLIC,
            kind=kind,
            reach=reach,
            title=title[:300],
            heading=chunk.heading[:300],
            text=chunk.text,
            url=url,
            audiences="professionals",
        )
        for chunk in chunk_html(html)
    ]


def _partnerships(consortium_ids):
    """{consortium id: [partnership id]}"""
    found = defaultdict(list)
    for pk, consortium_id in Partnership.objects.filter(
        consortium_id__in=consortium_ids
    ).values_list("pk", "consortium_id"):
        found[consortium_id].append(pk)
    return found


def _guide_readers(guides):
    """{guide id: [partnership id whose site shows it]}"""
    members = _partnerships({guide.consortium_id for guide in guides})
    with_own = set(
        LevelsGuide.objects.filter(partnership__isnull=False).values_list(
            "partnership_id", flat=True
        )
    )
    return {
        guide.pk: [guide.partnership_id]
        if guide.partnership_id
        else [pk for pk in members[guide.consortium_id] if pk not in with_own]
        for guide in guides
    }


def guide_chunks(ids):
    wanted = _wanted(ids)
    found = {}
    if wanted is None or wanted["guide"] or wanted["level"]:
        found.update(_guides_and_levels(wanted))
    if wanted is None or wanted["tool"]:
        found.update(_tools(wanted))
    return found


def _guides_and_levels(wanted):
    levels = Level.objects.all()
    guides = LevelsGuide.objects.all()
    if wanted is not None:
        levels = levels.filter(pk__in=wanted["level"])
        guides = guides.filter(
            pk__in={*wanted["guide"], *levels.values_list("guide_id", flat=True)}
        )
    guides = list(guides)
    levels = list(levels.filter(guide__in=guides))
    readers = _guide_readers(guides)
    domains = defaultdict(list)
    for domain in NeedDomain.objects.filter(guide__in=guides):
        domains[domain.guide_id].append(domain)
    domain_of = {domain.pk: domain for found in domains.values() for domain in found}
    indicators = defaultdict(list)
    for indicator in NeedIndicator.objects.filter(level__in=levels).order_by(
        "domain__sort_order", "sort_order", "topic", "pk"
    ):
        indicators[indicator.level_id].append(indicator)
    by_pk = {guide.pk: guide for guide in guides}
    found = {}
    if wanted is None or wanted["guide"]:
        for guide in guides:
            if wanted is not None and guide.pk not in wanted["guide"]:
                continue
            html = guide.introduction + "".join(
                f"<h2>{escape(domain.name)}</h2><p>{escape(domain.description)}</p>"
                for domain in domains[guide.pk]
            )
            found[_source("guide", guide.pk)] = [
                chunk
                for partnership_id in readers[guide.pk]
                for chunk in _chunks(
                    html,
                    partnership_id=partnership_id,
                    reach="regional" if guide.is_regional else "local",
                    title=guide.title,
                    url=reverse("decision_aids:guide"),
                )
            ]
    for level in levels:
        guide = by_pk[level.guide_id]
        found[_source("level", level.pk)] = [
            chunk
            for partnership_id in readers[guide.pk]
            for chunk in _level_chunks(
                guide, level, indicators[level.pk], domain_of, partnership_id
            )
        ]
    if wanted is not None:
        for pk in wanted["guide"]:
            found.setdefault(_source("guide", pk), [])
        for pk in wanted["level"]:
            found.setdefault(_source("level", pk), [])
    return found


def _level_chunks(guide, level, indicators, domain_of, partnership_id):
    reach = "regional" if guide.is_regional else "local"
    title = f"{level.name}: {guide.title.lower()}"
    url = level_url(level)
    chunks = _chunks(
        f"<p>{escape(level.summary)}</p><h2>What to do next</h2>{level.what_to_do}",
        partnership_id=partnership_id,
        reach=reach,
        title=title,
        url=url,
    )
    for indicator in indicators:
        domain = domain_of[indicator.domain_id]
        heading = f"{domain.name}: {indicator.topic}"
        chunks += _chunks(
            f"<h2>{escape(heading)}</h2><p>{escape(indicator.text)}</p>{indicator.services}",
            partnership_id=partnership_id,
            reach=reach,
            title=title,
            url=level_url(level, indicator.pk),
        )
    return chunks


def _tools(wanted):
    tools = Tool.objects.filter(versions__isnull=False).distinct()
    if wanted is not None:
        tools = tools.filter(pk__in=wanted["tool"])
    tools = list(tools)
    members = _partnerships({tool.consortium_id for tool in tools})
    # Whose own published tool takes a regional tool's address on their site.
    taken = set(
        Tool.objects.filter(partnership__isnull=False, versions__isnull=False).values_list(
            "partnership_id", "slug"
        )
    )
    latest = {}
    for version in (
        ToolVersion.objects.filter(tool__in=tools)
        .order_by("tool_id", "number")
        .only("tool_id", "number", "content")
    ):
        latest[version.tool_id] = version.content
    found = {}
    for tool in tools:
        content = latest[tool.pk]
        readers = (
            [tool.partnership_id]
            if tool.partnership_id
            else [pk for pk in members[tool.consortium_id] if (pk, tool.slug) not in taken]
        )
        html = (
            f"<p>{escape(content.get('summary', ''))}</p>{content.get('introduction', '')}"
            + "".join(f"<h2>{escape(domain['title'])}</h2>" for domain in content["domains"])
        )
        found[_source("tool", tool.pk)] = [
            chunk
            for partnership_id in readers
            for chunk in _chunks(
                html,
                partnership_id=partnership_id,
                reach="local" if tool.partnership_id else "regional",
                title=content.get("title") or tool.title,
                url=reverse("decision_aids:tool", args=[content.get("slug") or tool.slug]),
                kind=TOOL_KIND,
            )
        ]
    if wanted is not None:
        for pk in wanted["tool"]:
            found.setdefault(_source("tool", pk), [])
    return found


# -- what a saved or deleted row changes ------------------------------------------------------


def _levels_of(guide_ids):
    return [
        _source("level", pk)
        for pk in Level.objects.filter(guide_id__in=guide_ids).values_list("pk", flat=True)
    ]


def guide_changed(guide):
    """The guide's overview and levels; and when a partnership's own guide comes or goes,
    the regional guide's, which that partnership's site stops or starts showing."""
    guide_ids = {guide.pk}
    if guide.partnership_id:
        guide_ids |= set(
            LevelsGuide.objects.filter(
                consortium_id=guide.consortium_id, partnership__isnull=True
            ).values_list("pk", flat=True)
        )
    return [_source("guide", pk) for pk in guide_ids] + _levels_of(guide_ids)


def level_changed(level):
    return [_source("level", level.pk)]


def domain_changed(domain):
    """A domain's name and description are in the overview and in every level's headings."""
    return [_source("guide", domain.guide_id), *_levels_of([domain.guide_id])]


def indicator_changed(indicator):
    """Every level of the guide: an indicator moved to another level leaves the old one."""
    return _levels_of([indicator.guide_id])


def _with_consortium_tools(tool_id, consortium):
    """The tool and every tool of its consortium: a partnership's own tool, published or
    deleted, hides or shows the regional tool at the same address (even under an old slug).
    `consortium`: its id, or a query giving it."""
    lookup = "consortium_id__in" if hasattr(consortium, "query") else "consortium_id"
    others = Tool.objects.filter(**{lookup: consortium}).values_list("pk", flat=True)
    return [_source("tool", tool_id), *(_source("tool", pk) for pk in others)]


def tool_changed(tool):
    # The row's own consortium: after a deletion the tool is no longer there to look up.
    return _with_consortium_tools(tool.pk, tool.consortium_id)


def tool_version_changed(version):
    return _with_consortium_tools(
        version.tool_id, Tool.objects.filter(pk=version.tool_id).values("consortium_id")
    )
