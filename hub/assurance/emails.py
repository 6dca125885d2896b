"""Emails about section 11 self-assessments, each sent at most once.

`send(kind, pk, key)` claims an AssuranceEmail row and sends inside one transaction, as the
training emails do: a retried task or a second run of the periodic job sends nothing, and a
failed send rolls the claim back so that a retry can send it.
"""

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from hub.assurance.models import AssuranceEmail, Challenge, Submission
from hub.core.models import Role, RoleAssignment, User
from hub.training.emails import base_url

# kind -> (model, subject, who). The template is assurance/email/<kind>.txt.
KINDS = {
    "invitation": (Submission, "Section 11 self-assessment: {round} is open", "agency"),
    "reminder": (Submission, "Reminder: your section 11 self-assessment is due {due}", "agency"),
    "submitted": (Submission, "{agency} has submitted its section 11 self-assessment", "reviewers"),
    "challenge": (Challenge, "A question about your section 11 self-assessment", "agency"),
    "returned": (
        Submission,
        "Your section 11 self-assessment has been returned for changes",
        "agency",
    ),
}


def agency_recipients(submission):
    """The agency's safeguarding leads and the colleagues named on the submission."""
    leads = RoleAssignment.objects.current().filter(role=Role.AGENCY_LEAD, agency=submission.agency)
    people = User.objects.filter(is_active=True).filter(
        pk__in=[*leads.values_list("user_id", flat=True)]
        + [*submission.contributors.values_list("person_id", flat=True)]
    )
    return sorted({person.email for person in people})


def reviewer_recipients(submission):
    """Reviewers and admins of each partnership the submission is shared with."""
    assignments = RoleAssignment.objects.current().filter(
        role__in=[Role.SECTION_11_REVIEWER, Role.PARTNERSHIP_ADMIN],
        partnership__in=submission.shared_with.all(),
    )
    return sorted(set(assignments.values_list("user__email", flat=True)))


def send(kind, pk, key=""):
    """Send the `kind` email about the row `pk` unless it was sent before. True if sent."""
    model, subject, who = KINDS[kind]
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return False
    submission = obj if isinstance(obj, Submission) else obj.submission
    round_ = submission.round
    recipients = (
        agency_recipients(submission) if who == "agency" else reviewer_recipients(submission)
    )
    if not recipients:
        return False
    partnership = round_.partnership
    context = {
        "kind": kind,
        "item": obj,
        "submission": submission,
        "round": round_,
        "agency": submission.agency,
        "partnership": partnership,
        "base_url": base_url(partnership),
    }
    message = EmailMessage(
        subject=subject.format(
            round=round_.title,
            agency=submission.agency.name,
            due=f"{round_.due_on:%-d %B %Y}",
        ),
        body=render_to_string(f"assurance/email/{kind}.txt", context),
        to=recipients,
    )
    with transaction.atomic():
        try:
            with transaction.atomic():
                AssuranceEmail.objects.create(kind=kind, key=f"{pk}:{key}"[:80])
        except IntegrityError:
            return False
        message.send()
    return True
