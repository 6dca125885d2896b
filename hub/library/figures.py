"""The document library's figures for reports (hub/core/domains.py Figure): documents reviewed on
time and overdue.
"""

FIGURES = ()
