"""Reads of the manual as one partnership's readers see it, now or at any past moment."""

import re
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, Subquery
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


def _published_for(partnership, moment):
    """Every chapter version this partnership's readers could have seen by `moment`: those
    in releases published by then, regional or the partnership's own."""
    return ChapterVersion.objects.filter(release__published_at__lte=moment).filter(
        Q(release__partnership__isnull=True) | Q(release__partnership=partnership)
    )


def _standing(partnership, moment, chapters):
    """For each of `chapters`, the version readers saw at `moment`, unless it removed the
    chapter: one query whatever the manual's size or history, the latest version being
    picked in the database."""
    published = _published_for(partnership, moment)
    latest = (
        published.filter(chapter=OuterRef("pk"))
        .order_by("-release__published_at", "-pk")
        .values("pk")[:1]
    )
    return published.filter(
        pk__in=chapters.annotate(latest=Subquery(latest)).values("latest"), is_removed=False
    )


def _visible_versions(partnership, moment):
    """{chapter id: version, text included} for every chapter this partnership's site shows
    at `moment` (the search index reads the words)."""
    chapters = Chapter.objects.for_partnership(partnership)
    return {version.chapter_id: version for version in _standing(partnership, moment, chapters)}


def _listed(partnership, moment, chapters):
    """`_standing` for a list of chapters: titles and places only, in the manual's order
    (a list never reads the bodies)."""
    return (
        _standing(partnership, moment, chapters)
        .select_related("chapter__part")
        .defer("body", "summary")
        .order_by("chapter__part__number", "chapter__position", "chapter__slug")
    )


def _grouped(versions):
    parts = {}
    for version in versions:
        part = version.chapter.part
        parts.setdefault(part.pk, PartView(part=part)).chapters.append(
            ChapterView(chapter=version.chapter, version=version)
        )
    return list(parts.values())


def contents_at(partnership, moment=None):
    """The parts and chapters readers of this partnership saw at `moment`, in order."""
    moment = moment or timezone.now()
    chapters = Chapter.objects.for_partnership(partnership)
    return _grouped(_listed(partnership, moment, chapters))


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
    version = (
        _published_for(partnership, moment)
        .filter(chapter__in=Chapter.objects.for_partnership(partnership).filter(slug=slug))
        .select_related("chapter__part", "release")
        .order_by("-release__published_at", "-pk")
        .first()
    )
    if version is None or version.is_removed:
        return None
    return ChapterView(
        chapter=version.chapter,
        version=version,
        local=local_information_at(version.chapter, partnership, moment),
    )


def related_at(partnership, chapter, moment=None):
    """The chapters related to `chapter` that this partnership's readers saw at `moment`, in
    the manual's order, titles only: one query however many there are."""
    moment = moment or timezone.now()
    related = Chapter.objects.for_partnership(partnership).filter(
        pk__in=chapter.related_chapters.values("pk")
    )
    return [
        ChapterView(chapter=version.chapter, version=version)
        for version in _listed(partnership, moment, related)
    ]


def last_amended_in(chapter_view):
    return chapter_view.version.release


def releases_for(partnership, moment=None):
    """The published releases with what each changed: titles and one-line summaries of the
    changes, never their text."""
    changes = ChapterVersion.objects.select_related("chapter").defer("body", "summary")
    local_changes = LocalInformationVersion.objects.select_related("chapter").defer("body")
    return (
        Release.objects.for_partnership(partnership)
        .published(moment)
        .prefetch_related(
            Prefetch("chapter_versions", queryset=changes),
            Prefetch("local_versions", queryset=local_changes),
        )
        .order_by("-published_at")
    )


def glossary(manual, *, definitions=True):
    """The manual's terms, A to Z; without their definitions when only the terms are used
    (linking them in a chapter)."""
    terms = GlossaryTerm.objects.filter(manual=manual)
    if not definitions:
        terms = terms.only("manual_id", "term", "slug")
    return list(terms)


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
