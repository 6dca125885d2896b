"""The procedures in the open-data API (/api/v1/procedures/, hub/opendata): public content only.

Chapters are read as this partnership's readers see them (hub/procedures/queries.py): the
regional chapters of its consortium with its own local information, and its own local
chapters, now or `as_at` a past date; releases are the published ones with what each
changed. Every change to the words comes in a dated release, so answers carry the newest
release's time as Last-Modified.
"""

import datetime

from hub.core.domains import ApiResource


def router():
    from django.db.models import Max
    from django.urls import reverse
    from django.utils import timezone
    from ninja import Field, Query, Router, Schema

    from hub.opendata import resources as r
    from hub.procedures import queries, richtext
    from hub.procedures.models import Chapter, Release, end_of

    class PartOut(Schema):
        number: int
        title: str

    class ReleaseRef(Schema):
        id: int
        title: str
        published_at: datetime.datetime

    class ChapterOut(Schema):
        id: int = Field(description="The chapter's lasting id in this API.")
        slug: str = Field(description="The last part of the chapter's web address.")
        title: str
        part: PartOut
        position: int = Field(description="Its place in its part.")
        local: bool = Field(
            description="True for a chapter of this partnership's own; false for a regional one."
        )
        url: str = Field(description="The chapter's page (as it stood on `as_at`, if given).")
        last_amended: ReleaseRef = Field(description="The release that last changed it.")

    class Link(Schema):
        title: str
        url: str

    class ChapterDetailOut(ChapterOut):
        summary: str
        body_html: str = Field(description="The chapter's text as HTML (cleaned when saved).")
        local_information_html: str | None = Field(
            description="This partnership's local information on the chapter, as HTML, if any."
        )
        related_chapters: list[Link]
        related_documents: list[Link] = Field(description="Public library documents only.")
        pdf_url: str

    class ChangeOut(Schema):
        chapter_id: int
        chapter_title: str = Field(description="The chapter's title in this release.")
        change: str = Field(description="new, amended or removed.")
        summary: str = Field(description="One line: what changed.")

    class ReleaseOut(Schema):
        id: int
        title: str
        summary: str
        published_at: datetime.datetime
        regional: bool = Field(description="True for a consortium release, false for a local one.")
        changes: list[ChangeOut]
        local_information_changed: list[int] = Field(
            description="Ids of the chapters whose local information this release changed."
        )

    class AsAt(Schema):
        as_at: datetime.date | None = Field(
            None,
            description="Show the procedures as they stood at the end of this day "
            "(YYYY-MM-DD): not in the future, not before they were first published.",
        )

    ChapterPage = r.paged(ChapterOut, "ChapterPage")
    ReleasePage = r.paged(ReleaseOut, "ReleasePage")
    router = Router()

    def manual_of(request):
        partnership = r.site_partnership(request)
        manual = queries.manual_for(partnership)
        if manual is None:
            raise r.not_found("procedures manual")
        return partnership, manual

    def moment_of(manual, as_at):
        """End of the as-at day, or now; a 400 for a day the manual cannot answer for."""
        day = r.checked_day(as_at, "as_at")
        if day is None:
            return timezone.now(), None
        if day > timezone.localdate():
            raise r.bad_request("as_at cannot be in the future.")
        first = queries.first_publication(manual)
        if first is None or day < timezone.localtime(first).date():
            since = f" ({timezone.localtime(first).date().isoformat()})" if first else ""
            raise r.bad_request(
                f"as_at must be on or after the day the procedures were first published{since}."
            )
        return end_of(day), day

    def dated(request, partnership, moment):
        newest = (
            Release.objects.for_partnership(partnership)
            .published(moment)
            .aggregate(newest=Max("published_at"))["newest"]
        )
        r.last_modified(request, newest)

    def chapter_url(chapter, day, name="chapter"):
        if day is None:
            return reverse(f"procedures:{name}", args=[chapter.slug])
        return reverse(f"procedures:{name}_as_at", args=[day.isoformat(), chapter.slug])

    def chapter_out(request, version, release, day):
        chapter = version.chapter
        return {
            "id": chapter.pk,
            "slug": chapter.slug,
            "title": version.title,
            "part": {"number": chapter.part.number, "title": chapter.part.title},
            "position": chapter.position,
            "local": chapter.partnership_id is not None,
            "url": r.absolute(request, chapter_url(chapter, day)),
            "last_amended": {
                "id": release.pk,
                "title": release.title,
                "published_at": release.published_at,
            },
        }

    @router.get("/chapters/", response=r.responses(ChapterPage), summary="Chapters")
    def chapters(request, as_at: Query[AsAt], paging: Query[r.Paging]):
        """The manual's chapters in order (by part, then place), as this partnership's
        readers see them now, or as they stood at the end of `as_at`."""
        partnership, manual = manual_of(request)
        moment, day = moment_of(manual, as_at.as_at)
        dated(request, partnership, moment)
        versions = [
            view.version
            for part in queries.contents_at(partnership, moment)
            for view in part.chapters
        ]

        def present(rows):
            releases = Release.objects.in_bulk({version.release_id for version in rows})
            return [
                chapter_out(request, version, releases[version.release_id], day) for version in rows
            ]

        return r.paginate(request, versions, paging, present)

    @router.get("/chapters/{id}/", response=r.responses(ChapterDetailOut), summary="A chapter")
    def chapter(request, as_at: Query[AsAt], id: int = r.item_id("chapter")):
        """One chapter with its text and this partnership's local information, now or as it
        stood at the end of `as_at`. A chapter that did not exist then (or was removed), or
        another partnership's own chapter, is a 404."""
        r.checked_id(id, "chapter")
        partnership, manual = manual_of(request)
        moment, day = moment_of(manual, as_at.as_at)
        slug = (
            Chapter.objects.for_partnership(partnership)
            .filter(pk=id)
            .values_list("slug", flat=True)
            .first()
        )
        view = queries.chapter_at(partnership, slug, moment) if slug else None
        if view is None:
            raise r.not_found("chapter")
        dated(request, partnership, moment)
        documents = (
            view.chapter.related_documents.all()
            .visible_to(r.visitor(), partnership)
            .only("slug", "title")
        )
        return {
            **chapter_out(request, view.version, view.version.release, day),
            "summary": view.version.summary,
            "body_html": r.absolute_links(request, richtext.expand(view.version.body)),
            "local_information_html": (
                r.absolute_links(request, richtext.render(view.local.body)) if view.local else None
            ),
            "related_chapters": [
                {
                    "title": each.version.title,
                    "url": r.absolute(request, chapter_url(each.chapter, day)),
                }
                for each in queries.related_at(partnership, view.chapter, moment)
            ],
            "related_documents": [
                {"title": document.title, "url": r.absolute(request, document.get_absolute_url())}
                for document in documents
            ],
            "pdf_url": r.absolute(request, chapter_url(view.chapter, day, "chapter_pdf")),
        }

    def release_out(release, partnership):
        return {
            "id": release.pk,
            "title": release.title,
            "summary": release.summary,
            "published_at": release.published_at,
            "regional": release.partnership_id is None,
            "changes": [
                {
                    "chapter_id": change.chapter_id,
                    "chapter_title": change.title,
                    "change": change.change_type,
                    "summary": change.change_summary,
                }
                for change in sorted(release.chapter_versions.all(), key=lambda c: c.pk)
            ],
            "local_information_changed": sorted(
                {
                    local.chapter_id
                    for local in release.local_versions.all()
                    if local.partnership_id == partnership.pk
                }
            ),
        }

    @router.get("/releases/", response=r.responses(ReleasePage), summary="Releases")
    def releases(request, paging: Query[r.Paging]):
        """The published releases, newest first, each with what it changed (titles and
        one-line summaries, never the text)."""
        partnership, _manual = manual_of(request)
        dated(request, partnership, None)
        found = queries.releases_for(partnership).order_by("-published_at", "-pk")
        return r.paginate(
            request, found, paging, lambda rows: [release_out(row, partnership) for row in rows]
        )

    @router.get("/releases/{id}/", response=r.responses(ReleaseOut), summary="A release")
    def release(request, id: int = r.item_id("release")):
        """One published release and what it changed; a draft, a scheduled release or
        another partnership's is a 404."""
        partnership, _manual = manual_of(request)
        found = r.one(queries.releases_for(partnership), id, "release")
        r.last_modified(request, found.published_at)
        return release_out(found, partnership)

    return router


API = (
    ApiResource(
        "procedures",
        "Procedures",
        router,
        description="The regional child protection procedures as this partnership's site "
        "shows them, with its local information: chapters now or as they stood on a past "
        "date, and the dated releases that changed them.",
        sections=("content",),
        order=20,
    ),
)
