from django.urls import path

from hub.core import views

app_name = "core"
urlpatterns = [
    path("branding.css", views.branding_css, name="branding_css"),
]
