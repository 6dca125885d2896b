"""The Atom feeds' address: /feeds/<key>/ for every feed a domain declares (feeds.py)."""

from django.urls import path

from hub.opendata import feeds

app_name = "feeds"
urlpatterns = [path("feeds/<slug:key>/", feeds.feed, name="feed")]
