"""The search domain: one search across what every domain declares searchable."""

from django.urls import reverse

from hub.core.domains import Domain, Link

DOMAIN = Domain(
    label="hubsearch",
    name="Site search",
    navigation=(
        Link("Search", lambda request: reverse("search:search"), order=40, active_for="search:"),
    ),
)
