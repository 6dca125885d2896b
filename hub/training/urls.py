from django.urls import include, path

from hub.training import staff_urls, views

app_name = "training"
urlpatterns = [
    path("", views.programme, name="programme"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("my-training/", views.my_training, name="my_training"),
    path("sessions/<int:pk>/", views.session, name="session"),
    path("bookings/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("bookings/<int:pk>/evaluation/", views.evaluation, name="evaluation"),
    path("bookings/<int:pk>/impact/", views.impact, name="impact"),
    path("bookings/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
    path("bookings/<int:pk>/calendar.ics", views.booking_calendar, name="booking_calendar"),
    path("waiting/<int:pk>/", views.waiting, name="waiting"),
    # Staff pages (registers, agency records, reports, charges) share the namespace.
    path("manage/", include(staff_urls)),
    path("<slug:slug>/", views.course, name="course"),
]
