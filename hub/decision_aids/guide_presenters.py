"""The levels-of-need guide as its public pages show it: the overview of levels × domains, one
level with its indicators, and one domain with its topics across the levels.

Each page reads a fixed number of queries however many levels, domains and indicators the
guide has: the guide's levels and domains once, the indicators in one or two queries, the
procedure chapters' titles in one (`procedures.queries.contents_at`, which also keeps to the
chapters this partnership's readers can open), and every rich text of the page expanded
together (`expand_together`), so page and document links cost one query per kind of link
for the whole page instead of one per indicator.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from wagtail.rich_text import RichText, expand_db_html

from hub.decision_aids.models import NeedIndicator
from hub.decision_aids.queries import published_tools
from hub.procedures import queries as procedures

# Between two rich texts expanded together; rich text the editor saves never holds a comment.
_SEPARATOR = "<!--hub-rich-text-separator-->"


def expand_together(texts):
    """Each of `texts` (editors' rich text, as stored) as readers see it, wrapped as Wagtail's
    RichText so the template's `richtext` filter shows it unchanged. One pass of Wagtail's
    link rewriter over them all: one query per kind of link, not one per text."""
    texts = [text or "" for text in texts]
    if not texts:
        return []
    expanded = expand_db_html(_SEPARATOR.join(texts)).split(_SEPARATOR)
    if len(expanded) != len(texts):  # never expected; each text alone is still right
        expanded = [expand_db_html(text) for text in texts]
    return [RichText(html) for html in expanded]


def anchor(indicator_id):
    """The id an indicator has on its level's page."""
    return f"need-{indicator_id}"


def domain_anchor(domain):
    return f"area-{domain.slug}"


def level_url(level, indicator_id=None):
    url = reverse("decision_aids:level", args=[level.slug])
    return f"{url}#{anchor(indicator_id)}" if indicator_id else url


def domain_url(domain):
    return reverse("decision_aids:domain", args=[domain.slug])


def _topic_key(topic):
    return " ".join(topic.split()).casefold()


def _levels_and_domains(guide):
    return list(guide.levels.all()), list(guide.domains.all())


# -- the overview ----------------------------------------------------------------------------


@dataclass
class Cell:
    level: object
    domain: object
    count: int

    @property
    def url(self):
        return f"{level_url(self.level)}#{domain_anchor(self.domain)}"


@dataclass
class Overview:
    guide: object
    introduction: RichText
    levels: list
    domains: list
    rows: list  # [(domain, [Cell per level])]
    by_level: dict  # level id -> [Cell per domain] (the stacked list on small screens)
    tools: list


def overview(partnership, guide):
    levels, domains = _levels_and_domains(guide)
    counts = {
        (row["level_id"], row["domain_id"]): row["count"]
        for row in NeedIndicator.objects.filter(guide=guide)
        .values("level_id", "domain_id")
        .annotate(count=Count("pk"))
        .order_by()
    }
    cells = {
        (level.pk, domain.pk): Cell(level, domain, counts.get((level.pk, domain.pk), 0))
        for level in levels
        for domain in domains
    }
    (introduction,) = expand_together([guide.introduction])
    return Overview(
        guide=guide,
        introduction=introduction,
        levels=levels,
        domains=domains,
        rows=[(domain, [cells[level.pk, domain.pk] for level in levels]) for domain in domains],
        by_level={level.pk: [cells[level.pk, domain.pk] for domain in domains] for level in levels},
        tools=[tool for tool in published_tools(partnership) if tool.guide_id == guide.pk],
    )


# -- one level -------------------------------------------------------------------------------


@dataclass
class Elsewhere:
    """The same topic at another level: a link to it on that level's page."""

    level: object
    url: str


@dataclass
class Need:
    indicator: object
    services: RichText
    chapter: object = None  # procedures' ChapterView, when this site shows the chapter
    elsewhere: list = field(default_factory=list)

    @property
    def anchor(self):
        return anchor(self.indicator.pk)


@dataclass
class LevelPage:
    guide: object
    level: object
    what_to_do: RichText
    levels: list
    sections: list  # [(domain, [Need])], domains without indicators at this level left out
    previous: object = None
    next: object = None


def _chapters(partnership, chapter_ids):
    """{chapter id: ChapterView} of the chapters among `chapter_ids` this partnership's
    readers see now: one query for the whole manual's titles."""
    if not chapter_ids:
        return {}
    return {
        view.chapter.pk: view
        for part in procedures.contents_at(partnership)
        for view in part.chapters
        if view.chapter.pk in chapter_ids
    }


def level_page(partnership, guide, slug):
    """The level with `slug` in `guide` with its indicators by domain, or None."""
    levels, domains = _levels_and_domains(guide)
    position = next((n for n, level in enumerate(levels) if level.slug == slug), None)
    if position is None:
        return None
    level = levels[position]
    indicators = list(
        NeedIndicator.objects.filter(guide=guide, level=level).order_by("sort_order", "topic", "pk")
    )
    others = defaultdict(list)
    level_of = {other.pk: other for other in levels}
    for pk, level_id, domain_id, topic in (
        NeedIndicator.objects.filter(guide=guide)
        .exclude(level=level)
        .values_list("pk", "level_id", "domain_id", "topic")
    ):
        others[domain_id, _topic_key(topic)].append((level_of[level_id], pk))
    order = {other.pk: n for n, other in enumerate(levels)}
    chapters = _chapters(partnership, {i.chapter_id for i in indicators if i.chapter_id})
    what_to_do, *services = expand_together([level.what_to_do, *(i.services for i in indicators)])
    needs = defaultdict(list)
    for indicator, rich in zip(indicators, services, strict=True):
        found = sorted(
            others[indicator.domain_id, _topic_key(indicator.topic)],
            key=lambda row: (order[row[0].pk], row[1]),
        )
        needs[indicator.domain_id].append(
            Need(
                indicator=indicator,
                services=rich,
                chapter=chapters.get(indicator.chapter_id),
                elsewhere=[Elsewhere(other, level_url(other, pk)) for other, pk in found],
            )
        )
    return LevelPage(
        guide=guide,
        level=level,
        what_to_do=what_to_do,
        levels=levels,
        sections=[(domain, needs[domain.pk]) for domain in domains if needs[domain.pk]],
        previous=levels[position - 1] if position > 0 else None,
        next=levels[position + 1] if position + 1 < len(levels) else None,
    )


# -- one domain ------------------------------------------------------------------------------


@dataclass
class Topic:
    name: str
    cells: list  # [(level, [indicator, ...])] for every level, in order


@dataclass
class DomainPage:
    guide: object
    domain: object
    levels: list
    domains: list
    topics: list


def domain_page(guide, slug):
    """The domain with `slug` in `guide`: its topics, each across every level; or None."""
    levels, domains = _levels_and_domains(guide)
    domain = next((domain for domain in domains if domain.slug == slug), None)
    if domain is None:
        return None
    by_topic = {}
    for indicator in NeedIndicator.objects.filter(guide=guide, domain=domain).order_by(
        "sort_order", "topic", "pk"
    ):
        # A topic comes where its first indicator does; its name as first written.
        by_topic.setdefault(_topic_key(indicator.topic), []).append(indicator)
    topics = []
    for found in by_topic.values():
        at = defaultdict(list)
        for indicator in found:
            at[indicator.level_id].append(indicator)
        topics.append(Topic(found[0].topic, [(level, at[level.pk]) for level in levels]))
    return DomainPage(guide=guide, domain=domain, levels=levels, domains=domains, topics=topics)
