"""The document library in the open-data API (/api/v1/library/, hub/opendata).

Public content only: the documents a signed-out visitor of this site may open (the library's
own `visible_to` rule: never withdrawn, never restricted) that have a published version.
A restricted or not yet published document, or another partnership's, is answered exactly
as a missing one. Documents carry no Last-Modified: an editor's change to a document's
details is not dated, so the API could not vouch for one (the ETag changes with them).
"""

import datetime

from hub.core.domains import ApiResource


def router():
    from django.db.models import Exists, OuterRef, Prefetch
    from ninja import Field, Query, Router, Schema

    from hub.library.models import DocumentType, DocumentVersion, LibraryDocument, Reach, Topic
    from hub.opendata import resources as r

    class VersionOut(Schema):
        number: int = Field(description="1 for the first upload, then 2, 3…")
        label: str = Field(description="The version as printed on the document, e.g. 2.1.")
        published_at: datetime.datetime = Field(description="When it became current.")
        approved_on: datetime.date = Field(description="When it was approved.")
        approved_by: str = Field(description="Who approved it (a board or role).")
        what_changed: str = Field(description="What this version changed.")
        format: str = Field(description="The file's kind: pdf, docx, odt, xlsx or pptx.")
        size_bytes: int = Field(description="The file's size in bytes.")
        download_url: str = Field(description="This version's file.")

    class DocumentOut(Schema):
        id: int = Field(description="The document's lasting id in this API.")
        slug: str = Field(description="The last part of the document's web address.")
        title: str
        summary: str
        type: str = Field(description="policy, procedure, protocol, guidance, toolkit, …")
        type_label: str = Field(description="The type in words.")
        scope: str = Field(description="national, regional or local.")
        status: str = Field(description="current or under_review.")
        being_reviewed: bool = Field(
            description="True when readers are told the document is being reviewed (under "
            "review, or past its review date by more than the grace period)."
        )
        review_due: datetime.date | None = Field(description="The next review date.")
        topics: list[str] = Field(description="Topic slugs, A to Z.")
        audiences: list[str] = Field(description="professionals, parents, young_people.")
        owner: str | None = Field(description="The agency that owns the document.")
        contact_role: str = Field(description="Whom to ask about it: a role, not a person.")
        url: str = Field(description="The document's page on this site.")
        download_url: str = Field(description="The current version's file, always.")
        current_version: VersionOut

    class DocumentFilters(Schema):
        type: DocumentType | None = Field(None, description="Only documents of this type.")
        scope: Reach | None = Field(None, description="Only national, regional or local ones.")
        topic: str | None = Field(
            None, pattern=r.SLUG_PATTERN, description="Only documents on this topic (its slug)."
        )
        updated_since: datetime.date | None = Field(
            None, description="Only documents with a version published on or after this date."
        )

    DocumentPage = r.paged(DocumentOut, "DocumentPage")
    router = Router()

    def public_documents(request):
        partnership = r.site_partnership(request)
        published = DocumentVersion.objects.published().filter(document=OuterRef("pk"))
        return (
            LibraryDocument.objects.for_partnership(partnership)
            .visible_to(r.visitor(), partnership)
            .filter(Exists(published))
            .select_related("owner_agency")
            .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
            .defer("owner_email")
            .with_current_version()
        )

    def version_out(request, document, version):
        return {
            "number": version.number,
            "label": version.version_label,
            "published_at": version.published_at,
            "approved_on": version.approved_on,
            "approved_by": version.approved_by,
            "what_changed": version.what_changed,
            "format": version.kind,
            "size_bytes": version.size_bytes,
            "download_url": r.absolute(request, version.get_download_url()),
        }

    def document_out(request, document):
        version = document.current_version
        version.document = document
        audiences = [
            name
            for name, field in (
                ("professionals", "for_professionals"),
                ("parents", "for_parents"),
                ("young_people", "for_young_people"),
            )
            if getattr(document, field)
        ]
        return {
            "id": document.pk,
            "slug": document.slug,
            "title": document.title,
            "summary": document.summary,
            "type": document.document_type,
            "type_label": document.get_document_type_display(),
            "scope": document.reach,
            "status": document.status,
            "being_reviewed": document.shows_being_reviewed,
            "review_due": document.review_due,
            "topics": [topic.slug for topic in document.topics.all()],
            "audiences": audiences,
            "owner": document.owner_agency.name if document.owner_agency else None,
            "contact_role": document.contact_role,
            "url": r.absolute(request, document.get_absolute_url()),
            "download_url": r.absolute(request, document.get_download_url()),
            "current_version": version_out(request, document, version),
        }

    @router.get("/documents/", response=r.responses(DocumentPage), summary="Documents")
    def documents(request, filters: Query[DocumentFilters], paging: Query[r.Paging]):
        """The library's public documents, A to Z by title: policies, procedures, protocols,
        guidance and toolkits, each with its current version and download address."""
        found = public_documents(request)
        if filters.type:
            found = found.filter(document_type=filters.type)
        if filters.scope:
            found = found.filter(reach=filters.scope)
        if filters.topic:
            found = found.filter(topics__slug=filters.topic)
        since = r.checked_day(filters.updated_since, "updated_since")
        if since:
            start = datetime.datetime.combine(since, datetime.time.min)
            from django.utils import timezone

            newer = DocumentVersion.objects.published().filter(
                document=OuterRef("pk"), published_at__gte=timezone.make_aware(start)
            )
            found = found.filter(Exists(newer))
        found = found.order_by("title", "pk")
        return r.paginate(
            request, found, paging, lambda rows: [document_out(request, row) for row in rows]
        )

    @router.get("/documents/{id}/", response=r.responses(DocumentOut), summary="A document")
    def document(request, id: int = r.item_id("document")):
        """One public document with its current version. A document that is restricted to
        professionals, withdrawn, not yet published or another partnership's is a 404."""
        found = r.one(public_documents(request), id, "document")
        return document_out(request, found)

    return router


API = (
    ApiResource(
        "library",
        "Library documents",
        router,
        description="Local protocols and guidance: the multi-agency policies, procedures, "
        "protocols and toolkits this partnership publishes, with each one's current version, "
        "review date and download address.",
        sections=("content",),
        order=10,
    ),
)
