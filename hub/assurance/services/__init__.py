"""Every change to section 11 records: each a function that checks who is asking, validates,
writes in one transaction under a lock on the submission (or round) row, and logs it.

Who may do what:
- the agency's safeguarding lead (EDIT_AGENCY_RECORDS on the submission) completes and
  submits it, and names colleagues as contributors;
- contributors (colleagues of the same agency) edit a draft and update action progress, but
  do not submit or name others;
- reviewers (REVIEW_ASSURANCE in a partnership the submission is shared with) start the
  review, comment, challenge, record agreed ratings, return it or agree it;
- partnership admins (MANAGE_ASSURANCE) open, remind and close rounds and close submissions.

A refusal for lack of permission is PermissionDenied (views answer 404); bad input is a
ValidationError whose `error_dict` keys name the field or the standard it is about.

The functions live in four modules (access, rounds, completing, reviewing); all are
imported here, so callers write `services.answer_save(...)`.
"""

from hub.assurance.services.access import (
    is_contributor,
    may_edit,
    may_lead,
    may_manage,
    may_read_answers,
    may_review,
    may_view,
    shared_partnership_ids,
    visible_submissions,
)
from hub.assurance.services.attaching import (
    offered_records,
    record_attach,
    record_detach,
)
from hub.assurance.services.completing import (
    DEFAULT_MAX_EVIDENCE_BYTES,
    EVIDENCE_TYPES,
    MAX_EVIDENCE_FILES_PER_STANDARD,
    action_add,
    action_remove,
    action_update,
    answer_save,
    challenge_respond,
    contributor_add,
    contributor_remove,
    evidence_add,
    evidence_download_record,
    evidence_remove,
    local_answers_save,
    local_questions_for,
    max_evidence_bytes,
    missing_answers,
    submission_start,
    submission_submit,
)
from hub.assurance.services.reviewing import (
    agreed_rating_record,
    agreement_problems,
    challenge_raise,
    review_start,
    submission_agree,
    submission_close,
    submission_return,
)
from hub.assurance.services.rounds import (
    framework_version_copy,
    framework_version_publish,
    round_close,
    round_open,
    round_send_reminders,
    send_due_reminders,
)

__all__ = [
    "DEFAULT_MAX_EVIDENCE_BYTES",
    "EVIDENCE_TYPES",
    "MAX_EVIDENCE_FILES_PER_STANDARD",
    "action_add",
    "action_remove",
    "action_update",
    "agreed_rating_record",
    "agreement_problems",
    "answer_save",
    "challenge_raise",
    "challenge_respond",
    "contributor_add",
    "contributor_remove",
    "evidence_add",
    "evidence_download_record",
    "evidence_remove",
    "framework_version_copy",
    "framework_version_publish",
    "is_contributor",
    "local_answers_save",
    "local_questions_for",
    "max_evidence_bytes",
    "may_edit",
    "may_lead",
    "may_manage",
    "may_read_answers",
    "may_review",
    "may_view",
    "missing_answers",
    "offered_records",
    "record_attach",
    "record_detach",
    "review_start",
    "round_close",
    "round_open",
    "round_send_reminders",
    "send_due_reminders",
    "shared_partnership_ids",
    "submission_agree",
    "submission_close",
    "submission_return",
    "submission_start",
    "submission_submit",
    "visible_submissions",
]
