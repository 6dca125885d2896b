"""The procedures in the search index (declared in hub/procedures/domain.py).

A chapter is one source, indexed as each partnership of its consortium publishes it: the
version that partnership's readers see now, then that partnership's local information, each
copy for that partnership's site only. So a result always shows the words the reader will
find, and a partnership's local information is found only on its own site. Glossary terms
are sources of their own, for the whole consortium.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hub.core.models import Partnership
from hub.procedures.models import Chapter, GlossaryTerm, LocalInformationVersion
from hub.procedures.queries import _visible_versions
from hub.search.chunking import chunk_html
from hub.search.models import SearchChunk, Visibility


def chapter_chunks(ids):
    chapters = Chapter.objects.all()
    if ids is not None:
        chapters = chapters.filter(pk__in=ids)
    wanted = {chapter.pk: chapter for chapter in chapters}
    if not wanted:
        return {}
    consortia = Chapter.objects.filter(pk__in=wanted).values("manual__consortium_id")
    now = timezone.now()
    found = {chapter_id: [] for chapter_id in wanted}
    for partnership in Partnership.objects.filter(consortium_id__in=consortia):
        visible = _visible_versions(partnership, now)
        local = _local_information(partnership, [pk for pk in wanted if pk in visible], now)
        for chapter_id, version in visible.items():
            if chapter_id not in wanted:
                continue
            chapter = wanted[chapter_id]
            html = f"<p>{escape(version.summary)}</p>{version.body}"
            if chapter_id in local:
                html += f"<h2>Local information</h2>{local[chapter_id]}"
            found[chapter_id].extend(
                SearchChunk(
                    partnership_id=partnership.pk,
                    visibility=Visibility.PUBLIC,
                    kind="Procedure chapter",
                    reach="local" if chapter.partnership_id else "regional",
                    title=version.title[:300],
                    heading=chunk.heading[:300],
                    text=chunk.text,
                    url=chapter.get_absolute_url(),
                    audiences="professionals",
                )
                for chunk in chunk_html(html)
            )
    return found


def _local_information(partnership, chapter_ids, now):
    """{chapter id: the partnership's local information readers see now}, when not empty."""
    latest = {}
    versions = LocalInformationVersion.objects.filter(
        partnership=partnership, chapter_id__in=chapter_ids, release__published_at__lte=now
    ).order_by("chapter_id", "release__published_at", "pk")
    for version in versions.only("chapter_id", "body"):
        latest[version.chapter_id] = version.body
    return {chapter_id: body for chapter_id, body in latest.items() if body.strip()}


def chapter_changed(chapter):
    return [chapter.pk]


def version_changed(version):
    return [version.chapter_id]


def release_changed(release):
    chapters = set(release.chapter_versions.values_list("chapter_id", flat=True))
    chapters |= set(release.local_versions.values_list("chapter_id", flat=True))
    return chapters


def glossary_chunks(ids):
    terms = GlossaryTerm.objects.select_related("manual")
    if ids is not None:
        terms = terms.filter(pk__in=ids)
    url = reverse("procedures:glossary")
    return {
        term.pk: [
            SearchChunk(
                consortium_id=term.manual.consortium_id,
                visibility=Visibility.PUBLIC,
                kind="Glossary",
                reach="regional",
                title=term.term[:300],
                text=term.definition,
                url=f"{url}#{term.slug}",
                audiences="professionals",
            )
        ]
        for term in terms
    }


def term_changed(term):
    return [term.pk]
