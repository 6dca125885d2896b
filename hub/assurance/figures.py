"""The section 11 work's figures for reports (hub/core/domains.py Figure): agencies invited and
returned, ratings per standard, actions open and closed, change since the last round.
"""

FIGURES = ()
