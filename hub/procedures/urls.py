from django.urls import path

from hub.procedures import views

app_name = "procedures"
urlpatterns = [
    path("", views.contents, name="contents"),
    path("updates/", views.updates, name="updates"),
    path("updates/unsubscribe/<str:token>/", views.unsubscribe_link, name="unsubscribe"),
    path("glossary/", views.glossary, name="glossary"),
    path("as-at/<str:as_at>/", views.contents, name="contents_as_at"),
    path("as-at/<str:as_at>/<slug:slug>/", views.chapter, name="chapter_as_at"),
    path("as-at/<str:as_at>/<slug:slug>/pdf/", views.chapter_download, name="chapter_pdf_as_at"),
    path("<slug:slug>/", views.chapter, name="chapter"),
    path("<slug:slug>/pdf/", views.chapter_download, name="chapter_pdf"),
]
