"""Shaping section 11 records for templates: status tags, ratings as words and colours."""

from hub.assurance.models import SubmissionStatus, rating_band, rating_label

# GOV.UK tag colour per status, as people read it on lists and dashboards.
STATUS_TAG_CLASSES = {
    "Not started": "govuk-tag--grey",
    "Draft": "govuk-tag--yellow",
    "Returned for changes": "govuk-tag--orange",
    SubmissionStatus.SUBMITTED.label: "govuk-tag--blue",
    SubmissionStatus.UNDER_REVIEW.label: "govuk-tag--purple",
    SubmissionStatus.AGREED.label: "govuk-tag--green",
    SubmissionStatus.CLOSED.label: "govuk-tag--grey",
}
# The states as people read them, in the order of the workflow: how lists count them.
STATES = list(STATUS_TAG_CLASSES)


def status_tag(submission):
    """Params for govukTag."""
    label = submission.state_label
    return {"text": label, "classes": STATUS_TAG_CLASSES.get(label, "")}


def rating(scale, value):
    """{"text": "Amber", "band": "middle"}; the band picks the heat-map colour, and the text
    is always shown, so colour never carries the meaning alone."""
    return {"text": rating_label(scale, value) or "–", "band": rating_band(scale, value)}


def answer_state(answer):
    """The task-list status of one standard's answer."""
    if answer is None or (answer.rating is None and not answer.narrative):
        return {"text": "Not started", "classes": "govuk-tag--grey"}
    if answer.carried_forward:
        return {"text": "Carried forward – review", "classes": "govuk-tag--yellow"}
    if answer.is_complete:
        return {"text": "Completed", "classes": ""}
    return {"text": "In progress", "classes": "govuk-tag--light-blue"}
