from django.http import Http404
from wagtail import hooks

from hub.library.wagtail_documents import LibraryDocumentLinkHandler, choosable_files, version_of


@hooks.register("before_serve_document")
def serve_library_files_as_the_library_would(document, request):
    """Wagtail's own /documents/<id>/ address is no way round the library's checks: only a
    library version's file is served, by the library's rules and headers."""
    from hub.library.views import serve_file

    version = version_of(document)
    if version is None:
        raise Http404
    return serve_file(request, version)


@hooks.register("construct_document_chooser_queryset")
def only_current_library_files(documents, request):
    return choosable_files(request.user, documents)


@hooks.register("register_rich_text_features", order=100)
def link_documents_to_their_current_version(features):
    # After wagtail.documents registers its own handler, so this one replaces it.
    features.register_link_type(LibraryDocumentLinkHandler)


@hooks.register("register_admin_viewset")
def register_library_viewset():
    from hub.library.viewsets import LibraryDocumentViewSet

    return LibraryDocumentViewSet()


@hooks.register("register_admin_urls")
def register_library_admin_urls():
    from django.urls import include, path

    from hub.library import admin_views

    return [
        path(
            "library/",
            include(
                (
                    [
                        path("reviews/", admin_views.ReviewDashboardView.as_view(), name="reviews"),
                        path(
                            "<int:pk>/upload/",
                            admin_views.UploadVersionView.as_view(),
                            name="upload_version",
                        ),
                        path(
                            "<int:pk>/mark-under-review/",
                            admin_views.MarkUnderReviewView.as_view(),
                            name="mark_under_review",
                        ),
                        path(
                            "<int:pk>/email-owner/",
                            admin_views.EmailOwnerView.as_view(),
                            name="email_owner",
                        ),
                        path(
                            "versions/<int:pk>/withdraw/",
                            admin_views.WithdrawVersionView.as_view(),
                            name="withdraw_version",
                        ),
                        path(
                            "versions/<int:pk>/approve/",
                            admin_views.ApproveVersionView.as_view(),
                            name="approve_version",
                        ),
                        path(
                            "versions/<int:pk>/send-back/",
                            admin_views.SendBackVersionView.as_view(),
                            name="send_back_version",
                        ),
                    ],
                    "library_admin",
                ),
                namespace="library_admin",
            ),
        )
    ]
