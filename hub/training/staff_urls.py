"""Pages for trainers, agency leads and coordinators, and the partnership's training team.
Included by urls.py under /training/manage/, in the same "training" namespace."""

from django.urls import path

from hub.training import bookings_views, staff_views

urlpatterns = [
    path("", staff_views.index, name="staff_index"),
    path("sessions/", staff_views.my_sessions, name="staff_sessions"),
    path("sessions/<int:pk>/register/", staff_views.register, name="register"),
    path("sessions/<int:pk>/register/close/", staff_views.register_close, name="register_close"),
    path("sessions/<int:pk>/bookings/", bookings_views.session_bookings, name="session_bookings"),
    path("sessions/<int:pk>/bookings/book/", bookings_views.book_someone, name="book_someone"),
    path("sessions/<int:pk>/bookings/<int:booking_pk>/move/", bookings_views.move, name="move"),
    path("sessions/<int:pk>/bookings/email/", bookings_views.email_booked, name="email_booked"),
    path(
        "sessions/<int:pk>/bookings/<int:booking_pk>/certificate/withdraw/",
        staff_views.certificate_withdraw,
        name="certificate_withdraw",
    ),
    path(
        "sessions/<int:pk>/bookings.csv",
        bookings_views.session_bookings_csv,
        name="session_bookings_csv",
    ),
    path(
        "sessions/<int:pk>/bookings.xlsx",
        bookings_views.session_bookings_xlsx,
        name="session_bookings_xlsx",
    ),
    path("agency/", staff_views.agency_records, name="agency_records"),
    path("agency/records.csv", staff_views.agency_records_csv, name="agency_records_csv"),
    path("agency/bookings/<int:pk>/transfer/", staff_views.transfer, name="transfer"),
    path("reports/", staff_views.report, name="report"),
    path("charges/", staff_views.charges, name="charges"),
    path("charges/charges.csv", staff_views.charges_csv, name="charges_csv"),
    path("charges/charges.xlsx", staff_views.charges_xlsx, name="charges_xlsx"),
    path("charges/<int:pk>/waive/", staff_views.waive, name="waive"),
]
