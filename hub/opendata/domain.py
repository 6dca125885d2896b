"""Open data (hub/core/domains.py): the read-only API under /api/v1/ and the Atom feeds,
built from what each domain declares (`api`, `feeds`), naming none of them."""

from hub.core.domains import Domain

DOMAIN = Domain(label="opendata", name="Open data")
