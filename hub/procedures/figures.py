"""The procedures' figures for reports (hub/core/domains.py Figure): releases, chapters changed."""

FIGURES = ()
