"""The site domain: each partnership's pages (hub/core/domains.py). Every Wagtail page
change purges the page cache whatever its type; useful links appear on pages too."""

from hub.core.domains import Domain

DOMAIN = Domain(
    label="site",
    name="Partnership websites",
    cache_purge={"site.usefullink": ("content", "training")},
)
