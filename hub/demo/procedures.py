"""Loads the demo regional procedures: the manual, its releases in date order, each
partnership's local information and local chapters, and the glossary. Idempotent: nothing
is created if the manual exists."""

import datetime

from django.db import transaction
from django.utils import timezone

from hub.demo.content import procedures as content
from hub.procedures import richtext
from hub.procedures.models import (
    ChangeType,
    Chapter,
    ChapterVersion,
    GlossaryTerm,
    LocalInformationVersion,
    Manual,
    Part,
    Release,
)
from hub.procedures.queries import term_slug


def _at(day):
    return timezone.make_aware(
        datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(9))
    )


def _fill(text, partnership):
    from hub.core.models import WorriedAboutAChild

    contacts = WorriedAboutAChild.for_site(partnership.site) if partnership.site_id else None
    return text.format_map(
        {
            "short": partnership.short_name,
            "front_door": getattr(contacts, "front_door_name", "children's social care"),
            "front_door_phone": getattr(contacts, "front_door_phone", ""),
            "out_of_hours_phone": getattr(contacts, "out_of_hours_phone", ""),
        }
    )


@transaction.atomic
def load_procedures(consortium, partnerships):
    if Manual.objects.filter(slug=content.MANUAL["slug"]).exists():
        return 0
    manual = Manual.objects.create(
        consortium=consortium,
        title=content.MANUAL["title"],
        slug=content.MANUAL["slug"],
        introduction=_clean(content.MANUAL.get("introduction", "")),
    )
    parts = {}
    chapters = {}
    for part_spec in content.PARTS:
        part = Part.objects.create(
            manual=manual, number=part_spec["number"], title=part_spec["title"]
        )
        parts[part.number] = part
        for position, spec in enumerate(part_spec["chapters"]):
            chapters[spec["slug"]] = (
                Chapter.objects.create(
                    manual=manual, part=part, slug=spec["slug"], position=position
                ),
                spec,
            )

    for release_spec in content.RELEASES:
        release = Release.objects.create(
            manual=manual,
            title=release_spec["title"],
            summary=release_spec.get("summary", ""),
            published_at=_at(release_spec["date"]),
        )
        if release_spec["changes"] == "all":
            for chapter, spec in chapters.values():
                ChapterVersion.objects.create(
                    chapter=chapter,
                    release=release,
                    title=spec["title"],
                    summary=spec.get("summary", ""),
                    body=_clean(spec["body"]),
                    change_type=ChangeType.NEW,
                    change_summary="First published.",
                )
            continue
        for change in release_spec["changes"]:
            slug = change["chapter"]
            if change["type"] == "new":
                part = parts[change["part"]]
                chapter = Chapter.objects.create(
                    manual=manual, part=part, slug=slug, position=part.chapters.count()
                )
                chapters[slug] = (chapter, change)
            chapter, _ = chapters[slug]
            previous = chapter.versions.order_by("-release__published_at").first()
            ChapterVersion.objects.create(
                chapter=chapter,
                release=release,
                title=change.get("title") or previous.title,
                summary=change.get("chapter_summary") or (previous.summary if previous else ""),
                body=_clean(change.get("body") or (previous.body if previous else "")),
                change_type=change["type"],
                change_summary=change["summary"],
                is_removed=change["type"] == "removed",
            )

    for slug, partnership in partnerships.items():
        _load_local(manual, parts, chapters, partnership, slug)

    for term, definition in content.GLOSSARY:
        GlossaryTerm.objects.create(
            manual=manual, term=term, definition=definition, slug=term_slug(term)
        )
    _relate(chapters)
    return len(chapters)


def _clean(html, partnership=None):
    """Demo text kept as the editors' rich text would keep it (regional when no partnership)."""
    return richtext.clean(html, partnership=partnership).html


def _load_local(manual, parts, chapters, partnership, slug):
    items = content.LOCAL_INFORMATION.get(slug, [])
    local_chapters = content.LOCAL_CHAPTERS.get(slug, [])
    if not items and not local_chapters:
        return
    dates = sorted({item["date"] for item in items + local_chapters})
    release = Release.objects.create(
        manual=manual,
        partnership=partnership,
        title=f"{partnership.short_name} local information",
        summary=f"Local information added by {partnership.name}.",
        published_at=_at(dates[0]),
    )
    for item in items:
        LocalInformationVersion.objects.create(
            chapter=chapters[item["chapter"]][0],
            partnership=partnership,
            release=release,
            body=_clean(_fill(item["body"], partnership), partnership),
        )
    for spec in local_chapters:
        part = parts[spec["part"]]
        chapter = Chapter.objects.create(
            manual=manual,
            partnership=partnership,
            part=part,
            slug=spec["slug"],
            position=100 + part.chapters.count(),
        )
        ChapterVersion.objects.create(
            chapter=chapter,
            release=release,
            title=_fill(spec["title"], partnership),
            summary=_fill(spec.get("summary", ""), partnership),
            body=_clean(_fill(spec["body"], partnership), partnership),
            change_type=ChangeType.NEW,
            change_summary="First published.",
        )


def _relate(chapters):
    """Chapters of the same part point to their neighbours, so 'related' is never empty."""
    ordered = sorted(
        (chapter for chapter, _ in chapters.values()), key=lambda c: (c.part_id, c.position)
    )
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.part_id == second.part_id:
            first.related_chapters.add(second)
