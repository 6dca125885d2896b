"""The learning library (public, under /learning/) and the practice review screens (signed in,
under /reviews/). Fixed addresses come before a review's reference."""

from django.urls import path

from hub.reviews import agency_views, briefing_views, case_views, library_views, tracker_views

app_name = "reviews"

urlpatterns = [
    # The public learning library.
    path("learning/", library_views.library, name="library"),
    path("learning/briefings/<slug:slug>/", briefing_views.briefing, name="briefing"),
    path("learning/briefings/<slug:slug>/pdf/", briefing_views.briefing_pdf, name="briefing_pdf"),
    path("learning/briefings/<slug:slug>/used/", briefing_views.record_use, name="record_use"),
    path("learning/<slug:slug>/", library_views.published_review, name="published_review"),
    # Agencies: the requests addressed to them.
    path("reviews/agency/", agency_views.agency, name="agency"),
    path(
        "reviews/agency/requests/<int:pk>/",
        agency_views.information_request,
        name="information_request",
    ),
    # Recommendations and actions across reviews.
    path("reviews/tracker/", tracker_views.tracker, name="tracker"),
    path("reviews/tracker.xlsx", tracker_views.tracker_xlsx, name="tracker_xlsx"),
    path("reviews/actions/<int:pk>/", tracker_views.action, name="action"),
    path(
        "reviews/actions/<int:pk>/evidence/", tracker_views.evidence_upload, name="evidence_upload"
    ),
    path(
        "reviews/actions/<int:pk>/evidence/<int:evidence_pk>/",
        tracker_views.evidence_download,
        name="evidence_download",
    ),
    path(
        "reviews/actions/<int:pk>/evidence/<int:evidence_pk>/remove/",
        tracker_views.evidence_remove,
        name="evidence_remove",
    ),
    path("reviews/actions/<int:pk>/sign-off/", tracker_views.sign_off, name="sign_off"),
    # The panel's case records.
    path("reviews/", case_views.cases, name="cases"),
    path("reviews/new/", case_views.open_review, name="open"),
    path("reviews/<str:reference>/", case_views.case, name="case"),
    path("reviews/<str:reference>/edit/", case_views.edit, name="edit"),
    path("reviews/<str:reference>/steps/<int:pk>/done/", case_views.step_done, name="step_done"),
    path(
        "reviews/<str:reference>/requests/new/",
        case_views.request_information,
        name="request_information",
    ),
    path(
        "reviews/<str:reference>/recommendations/new/",
        tracker_views.new_recommendation,
        name="new_recommendation",
    ),
    path(
        "reviews/<str:reference>/recommendations/<int:number>/",
        tracker_views.recommendation,
        name="recommendation",
    ),
    path(
        "reviews/<str:reference>/recommendations/<int:number>/actions/new/",
        tracker_views.new_action,
        name="new_action",
    ),
]
