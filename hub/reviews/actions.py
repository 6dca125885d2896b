"""The permission actions this domain adds (declared in domain.py): kept apart so the domain's
modules can name them without importing the declaration.

Review case records are seen only by the partnership's review panel (a role this domain adds)
and its partnership admin. Agencies see only the requests for information addressed to them
and the actions assigned to them, through the core's agency-record actions.
"""

PANEL_ROLE = "review_panel"

# See and run the partnership's review case records, recommendations and their sign-off.
VIEW_CASES = "reviews.view_cases"
MANAGE_CASES = "reviews.manage_cases"
# Keep the public learning library: published reviews and 7-minute briefings.
MANAGE_LEARNING = "reviews.manage_learning"
