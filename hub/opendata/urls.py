"""Open data's addresses: the API (api_urls.py) and the Atom feeds (feed_urls.py)."""

from django.urls import include, path

urlpatterns = [
    path("", include("hub.opendata.api_urls")),
    path("", include("hub.opendata.feed_urls")),
]
