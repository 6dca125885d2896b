from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from hub.core import admin_views as core_admin_views
from hub.core import views as core_views
from hub.ops import views as ops_views
from hub.training import verification

handler400 = "hub.core.views.bad_request"
handler403 = "hub.core.views.permission_denied"
handler404 = "hub.core.views.page_not_found"
handler500 = "hub.ops.views.server_error"

urlpatterns = [
    # One door: Wagtail's own sign-in and password reset lead to the Hub's accounts, which
    # enforce the second factor and throttling.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password"),
    ),
    # Two of Wagtail's screens, narrowed (hub/core/admin_views.py).
    path("admin/account/", require_admin_access(core_admin_views.HubAccountView.as_view())),
    path("admin/redirects/import/", require_admin_access(core_admin_views.checked_redirect_import)),
    path("admin/", include(wagtailadmin_urls)),
    path("", include("hub.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include("hub.search.urls")),
    path("library/", include("hub.library.urls")),
    path("procedures/", include("hub.procedures.urls")),
    path("training/", include("hub.training.urls")),
    # Printed on every certificate of attendance, so anyone can check it without signing in.
    path(
        "certificates/<str:code>/",
        verification.certificate_check,
        name="certificate_check",
    ),
    path("assurance/", include("hub.assurance.urls")),
    path("", include("hub.decision_aids.urls")),
    path("escalations/", include("hub.escalations.urls")),
    path("", include("hub.reviews.urls")),
    path("", include("hub.opendata.urls")),
    path("health/", ops_views.health, name="health"),
    path("", include("hub.core.urls")),
]

if settings.SERVE_MEDIA:
    # Public images only, each folder its own root; every other upload is served by a view
    # that checks who may have it.
    urlpatterns += [
        re_path(
            r"^media/(?P<folder>images|original_images)/(?P<path>.+)$", core_views.public_image
        ),
    ]

urlpatterns += [path("", include(wagtail_urls))]
