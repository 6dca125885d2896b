from django.http import Http404
from wagtail import hooks

from hub.library.models import DocumentVersion, Status


@hooks.register("before_serve_document")
def only_serve_library_files_that_the_library_would(document, request):
    """Wagtail's own /documents/<id>/ address must not be a way round the library's checks:
    restricted files need a signed-in person, withdrawn ones are gone."""
    version = DocumentVersion.objects.filter(file=document).select_related("document").first()
    if version is None:
        return None
    item = version.document
    if version.is_withdrawn or item.status == Status.WITHDRAWN:
        raise Http404
    if item.is_restricted and not request.user.is_authenticated:
        raise Http404
    return None


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
                    ],
                    "library_admin",
                ),
                namespace="library_admin",
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    return MenuItem("Reviews due", reverse("library_admin:reviews"), icon_name="time", order=251)
