"""Reads of the manual as one partnership's readers see it, now or at any past moment."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from markupsafe import Markup

from hub.procedures.models import (
    Chapter,
    ChapterVersion,
    GlossaryTerm,
    LocalInformationVersion,
    Manual,
    Release,
)


def manual_for(partnership):
    if partnership is None:
        return None
    return Manual.objects.filter(consortium_id=partnership.consortium_id).first()


def first_publication(manual):
    release = manual.releases.published().order_by("published_at").first()
    return release.published_at if release else None


@dataclass
class ChapterView:
    chapter: Chapter
    version: ChapterVersion
    local: LocalInformationVersion | None = None


@dataclass
class PartView:
    part: object
    chapters: list = field(default_factory=list)


def _visible_versions(partnership, moment):
    """For each chapter this partnership's site shows, the version visible at `moment`."""
    chapters = Chapter.objects.for_partnership(partnership)
    versions = (
        ChapterVersion.objects.filter(chapter__in=chapters, release__published_at__lte=moment)
        .filter(Q(release__partnership__isnull=True) | Q(release__partnership=partnership))
        .select_related("chapter__part", "release")
        .order_by("chapter_id", "release__published_at", "pk")
    )
    latest = {}
    for version in versions:
        latest[version.chapter_id] = version
    return {cid: v for cid, v in latest.items() if not v.is_removed}


def contents_at(partnership, moment=None):
    """The parts and chapters readers of this partnership saw at `moment`, in order."""
    moment = moment or timezone.now()
    visible = _visible_versions(partnership, moment)
    parts = {}
    for version in sorted(
        visible.values(),
        key=lambda v: (v.chapter.part.number, v.chapter.position, v.chapter.slug),
    ):
        part = version.chapter.part
        parts.setdefault(part.pk, PartView(part=part)).chapters.append(
            ChapterView(chapter=version.chapter, version=version)
        )
    return list(parts.values())


def local_information_at(chapter, partnership, moment):
    version = (
        LocalInformationVersion.objects.filter(
            chapter=chapter, partnership=partnership, release__published_at__lte=moment
        )
        .order_by("-release__published_at", "-pk")
        .first()
    )
    return version if version and version.body.strip() else None


def chapter_at(partnership, slug, moment=None):
    """The chapter as this partnership's readers saw it at `moment`, or None if it did not
    exist there then (not yet written, removed, or another partnership's local chapter)."""
    moment = moment or timezone.now()
    chapter = Chapter.objects.for_partnership(partnership).filter(slug=slug).first()
    if chapter is None:
        return None
    version = _visible_versions(partnership, moment).get(chapter.pk)
    if version is None:
        return None
    return ChapterView(
        chapter=chapter,
        version=version,
        local=local_information_at(chapter, partnership, moment),
    )


def last_amended_in(chapter_view):
    return chapter_view.version.release


def releases_for(partnership, moment=None):
    return (
        Release.objects.for_partnership(partnership)
        .published(moment)
        .prefetch_related("chapter_versions__chapter", "local_versions__chapter")
        .order_by("-published_at")
    )


def glossary(manual):
    return list(GlossaryTerm.objects.filter(manual=manual))


def link_glossary_terms(html, terms, glossary_url):
    """Link the first use of each glossary term in a chapter body (outside tags and existing
    links) to its definition."""
    linked = set()
    for term in sorted(terms, key=lambda t: len(t.term), reverse=True):
        pattern = re.compile(r"(?<![\w-])(" + re.escape(term.term) + r")(?![\w-])", re.I)
        pieces = re.split(r"(<[^>]+>)", html)
        inside_link = False
        for index, piece in enumerate(pieces):
            if piece.startswith("<"):
                if piece.lower().startswith("<a "):
                    inside_link = True
                elif piece.lower().startswith("</a"):
                    inside_link = False
                continue
            if inside_link or term.slug in linked:
                continue
            match = pattern.search(piece)
            if match:
                link = (
                    f'<a class="govuk-link hub-glossary-link" href="{glossary_url}#{term.slug}">'
                    f"{match.group(1)}</a>"
                )
                pieces[index] = piece[: match.start()] + link + piece[match.end() :]
                linked.add(term.slug)
        html = "".join(pieces)
    # The body was cleaned when it was saved (richtext.clean) and its links expanded.
    return Markup(html)  # noqa: S704


def term_slug(term):
    return slugify(term)[:120]
