from django.urls import path

from hub.escalations import quarterly_views, views

app_name = "escalations"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.raise_escalation, name="new"),
    path("good-practice/new/", views.record_good_practice, name="new_good_practice"),
    path("quarterly/", quarterly_views.quarterly, name="quarterly"),
    path("quarterly.xlsx", quarterly_views.quarterly_xlsx, name="quarterly_xlsx"),
    path("quarterly.pdf", quarterly_views.quarterly_pdf, name="quarterly_pdf"),
    path("<str:reference>/", views.detail, name="detail"),
    path("<str:reference>/move/", views.move, name="move"),
    path("<str:reference>/respond/", views.respond, name="respond"),
    path("<str:reference>/close/", views.close, name="close"),
    path("<str:reference>/correct/", views.correct, name="correct"),
]
