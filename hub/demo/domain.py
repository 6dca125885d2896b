"""The demo loader's app: it loads every domain's demo (hub/core/domains.py), adding none."""

from hub.core.domains import Domain

DOMAIN = Domain(label="demo", name="Demo content")
