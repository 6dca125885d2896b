from django.urls import path

from hub.search import insight_views, views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("go/", insight_views.go, name="go"),
]
