from django.urls import path

from hub.accounts import membership_views, views

app_name = "accounts"
urlpatterns = [
    path("accounts/", views.home, name="home"),
    path("accounts/details/", views.details, name="details"),
    path("accounts/my-data/", views.my_data, name="my_data"),
    path("accounts/delete/", views.delete_account, name="delete"),
    path("accounts/deleted/", views.deleted, name="deleted"),
    path("accounts/invitation/<str:uidb64>/<str:token>/", views.invitation, name="invitation"),
    path("people/", views.people, name="people"),
    path("people/invite/", views.invite, name="invite"),
    path("people/organisations/", membership_views.organisations, name="organisations"),
    path("people/organisations/<int:pk>/", membership_views.organisation, name="organisation"),
    path(
        "people/organisations/<int:pk>/confirm/<int:person_pk>/",
        membership_views.confirm,
        name="confirm_member",
    ),
    path(
        "people/organisations/<int:pk>/decline/<int:person_pk>/",
        membership_views.decline,
        name="decline_member",
    ),
    path("people/organisations/<int:pk>/domains/", membership_views.add_domain, name="add_domain"),
    path(
        "people/organisations/<int:pk>/domains/<int:domain_pk>/remove/",
        membership_views.remove_domain,
        name="remove_domain",
    ),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/roles/", views.grant_role, name="grant_role"),
    path(
        "people/<int:pk>/roles/<int:assignment_pk>/remove/",
        views.remove_role,
        name="remove_role",
    ),
    path("people/<int:pk>/deactivate/", views.deactivate, name="deactivate"),
    path("people/<int:pk>/invitation/", views.resend_invitation, name="resend_invitation"),
    path("people/<int:pk>/reactivate/", views.reactivate, name="reactivate"),
    path("audit-log/", views.audit_log, name="audit_log"),
]
