"""Local protocols and guidance: the register, a page per document and per version, and
downloads served through a view that checks who may have them."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from hub.core.presenters import partnership_for
from hub.core.uploads.documents import CONTENT_TYPES
from hub.core.uploads.serving import serve_upload
from hub.library import queries
from hub.library.forms import AsAtForm, LibraryFilterForm
from hub.library.models import Status

DOCUMENTS_PER_PAGE = 20


def index(request):
    partnership = partnership_for(request)
    documents = queries.visible_documents(request, partnership)
    form = LibraryFilterForm(_filters_asked(request) or None, owners=queries.owners_of(documents))
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    documents = queries.filter_documents(documents, filters)
    if filters.get("q"):
        documents, ranked = queries.search_documents(request, partnership, documents, filters["q"])
        if filters.get("sort") != "updated":
            # Best match first, unless the reader asked for the latest updated.
            documents = queries.best_first(documents, ranked)
    as_at = filters.get("as_at")
    if as_at:
        documents = queries.documents_as_at(documents, as_at)
    page = queries.register_page(
        documents, request.GET.get("page"), per_page=DOCUMENTS_PER_PAGE, as_at=as_at
    )
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "library/index.html",
        {
            "form": form,
            "rows": page,
            "as_at": as_at,
            "total": page.paginator.count,
            "query_string": query_without_page.urlencode(),
            "partnership": partnership,
        },
    )


def _filters_asked(request):
    """The query string's filters. `?scope=` was the reach filter's old name: links saved
    with it still filter."""
    query = request.GET.copy()
    if "scope" in query and "reach" not in query:
        query.setlist("reach", query.getlist("scope"))
    return query


def _document_or_404(request, slug, *related):
    """A document this site shows and this visitor may see; otherwise 404. Restricted
    documents answer 404 to signed-out visitors on every address, so nothing leaks."""
    partnership = partnership_for(request)
    documents = queries.visible_documents(request, partnership)
    return get_object_or_404(documents.select_related(*related), slug=slug)


def document(request, slug):
    item = _document_or_404(request, slug, "owner_agency")
    form = AsAtForm(request.GET if "as_at_year" in request.GET else None)
    as_at_version = None
    if form.is_bound and form.is_valid():
        as_at_version = item.version_on(form.cleaned_data["as_at"])
    versions = list(
        item.versions.published().only(*queries.SHOWN_VERSION_FIELDS).order_by("-number")
    )
    return render(
        request,
        "library/document.html",
        {
            "document": item,
            "current": versions[0] if versions else None,
            "versions": versions,
            "form": form,
            "as_at_version": as_at_version,
            "as_at_checked": form.is_bound and form.is_valid(),
            "related_documents": queries.visible_documents(request, partnership_for(request))
            .filter(pk__in=item.related_documents.values("pk"))
            .only("title", "slug"),
            "related_pages": item.related_pages.live().public(),
        },
    )


def version(request, slug, number):
    item = _document_or_404(request, slug)
    shown = get_object_or_404(
        item.versions.published().only(*queries.SHOWN_VERSION_FIELDS), number=number
    )
    current = item.current_version
    if current is not None and current.pk == shown.pk:
        return redirect(item.get_absolute_url())
    return render(
        request,
        "library/version.html",
        {"document": item, "version": shown, "current": current},
    )


def _serve(version):
    if version.is_withdrawn or version.document.status == Status.WITHDRAWN:
        raise Http404
    if not version.is_published:
        raise Http404
    return serve_upload(
        version.file.file,
        filename=version.original_filename,
        content_type=CONTENT_TYPES.get(version.kind, "application/octet-stream"),
        private=version.document.is_restricted,
    )


def serve_file(request, version):
    """A version's file at Wagtail's own /documents/ address, under the same rules as the
    library's download addresses: this site's documents, visible to this visitor, published,
    not withdrawn."""
    visible = queries.visible_documents(request, partnership_for(request))
    if not visible.filter(pk=version.document_id).exists():
        raise Http404
    return _serve(version)


def download(request, slug):
    item = _document_or_404(request, slug)
    current = item.current_version
    if current is None:
        raise Http404
    return _serve(current)


def version_download(request, slug, number):
    item = _document_or_404(request, slug)
    return _serve(get_object_or_404(item.versions.published(), number=number))
