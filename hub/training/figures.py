"""The training programme's figures for reports (hub/core/domains.py Figure): sessions, places
offered and taken, fill rate, attendance and no-shows by agency type, confidence before and
after, impact.
"""

FIGURES = ()
