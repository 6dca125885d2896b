"""Section 11 as an agency meets it: the list of its self-assessments, the task list of one,
a page per standard with its evidence files, the local questions, the action plan, the
colleagues helping, checking the answers and submitting, and answering a reviewer's
challenge question.

Views are thin: every write goes through hub.assurance.services, whose PermissionDenied is
answered with 404 and whose ValidationError is shown in the GOV.UK error summary. Every page
first finds the submission and checks that the person may see it (services.may_view), then
finds the row inside that submission (a standard of its framework, one of its files, actions
or challenges): anything out of scope, or an id from another submission, is a 404, so a
guessed or forged id never reveals that a record exists. GET never writes, except the audit
entry for an evidence download.

The pages live in three modules (overview, answers, plan) and are all imported here, as
urls.py names them.
"""

from hub.assurance.agency_views.answers import (
    attached_remove,
    evidence_download,
    evidence_remove,
    local_questions,
    standard,
)
from hub.assurance.agency_views.overview import (
    home,
    respond,
    submission,
    submit,
)
from hub.assurance.agency_views.plan import (
    action_edit,
    action_new,
    contributors,
)

__all__ = [
    "action_edit",
    "action_new",
    "attached_remove",
    "contributors",
    "evidence_download",
    "evidence_remove",
    "home",
    "local_questions",
    "respond",
    "standard",
    "submission",
    "submit",
]
