from django.urls import path

from hub.library import views

app_name = "library"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.document, name="document"),
    path("<slug:slug>/download/", views.download, name="download"),
    path("<slug:slug>/versions/<int:number>/", views.version, name="version"),
    path(
        "<slug:slug>/versions/<int:number>/download/",
        views.version_download,
        name="version_download",
    ),
]
