"""Section 11 pages. Agencies complete their self-assessment (agency_views); partnerships
review it and see the round's dashboard (review_views)."""

from django.urls import path

from hub.assurance import agency_views, review_views

app_name = "assurance"
urlpatterns = [
    path("", agency_views.home, name="home"),
    # An agency completing its self-assessment.
    path("submissions/<int:pk>/", agency_views.submission, name="submission"),
    path(
        "submissions/<int:pk>/standards/<int:standard_pk>/",
        agency_views.standard,
        name="standard",
    ),
    path(
        "submissions/<int:pk>/evidence/<int:evidence_pk>/",
        agency_views.evidence_download,
        name="evidence",
    ),
    path(
        "submissions/<int:pk>/evidence/<int:evidence_pk>/remove/",
        agency_views.evidence_remove,
        name="evidence_remove",
    ),
    path(
        "submissions/<int:pk>/attached/<int:attached_pk>/remove/",
        agency_views.attached_remove,
        name="attached_remove",
    ),
    path(
        "submissions/<int:pk>/local-questions/",
        agency_views.local_questions,
        name="local_questions",
    ),
    path("submissions/<int:pk>/actions/new/", agency_views.action_new, name="action_new"),
    path(
        "submissions/<int:pk>/actions/<int:action_pk>/",
        agency_views.action_edit,
        name="action",
    ),
    path("submissions/<int:pk>/contributors/", agency_views.contributors, name="contributors"),
    path("submissions/<int:pk>/submit/", agency_views.submit, name="submit"),
    path(
        "submissions/<int:pk>/challenges/<int:challenge_pk>/respond/",
        agency_views.respond,
        name="respond",
    ),
    # A partnership reviewing it, and the round as a whole.
    path("submissions/<int:pk>/review/", review_views.review, name="review"),
    path("submissions/<int:pk>/report.pdf", review_views.submission_pdf, name="submission_pdf"),
    path("rounds/<int:pk>/", review_views.round_dashboard, name="round"),
    path("rounds/<int:pk>/round.xlsx", review_views.round_xlsx, name="round_xlsx"),
    path("rounds/<int:pk>/manage/", review_views.round_manage, name="round_manage"),
]
