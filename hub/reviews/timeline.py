"""A rapid review's clock: its timeline as the panel reads it (each step's working days, due
date and state as of a day), what is overdue, and the emails about it.

Working days count from the notification to the national panel (day 0), as
hub/core/working_days.py counts them; the due dates are fixed when the review opens
(hub/reviews/cases.py copies the partnership's steps), so the timeline here only reads them.

A step or a request is overdue the day after its due date, while it is not done (returned)
and the review is open. `send_reminders(now)` emails once per overdue step (the partnership's
review panel and admins) and once per overdue request (the agency's safeguarding leads): the
step's or request's `reminded_at` is claimed in the same transaction as the send, so a second
run, a late run, or two schedulers at once send nothing more, and a failed send rolls the
claim back for the next run to try again.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from hub.core.models import RoleAssignment, User
from hub.core.permissions import Action, roles_with
from hub.core.working_days import working_days_after
from hub.reviews.actions import MANAGE_CASES
from hub.reviews.models import InformationRequest, ReviewStatus, ReviewStep

logger = logging.getLogger(__name__)

# A step not done is "due soon" from this many working days before its due date.
DUE_SOON_WORKING_DAYS = 2


class StepState:
    DONE = "done"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"
    NOT_DONE = "not_done"  # the review is no longer open


STATE_LABELS = {
    StepState.DONE: "Done",
    StepState.OVERDUE: "Overdue",
    StepState.DUE_SOON: "Due soon",
    StepState.UPCOMING: "Not yet due",
    StepState.NOT_DONE: "Not done",
}


def days_label(first_day, day):
    """ "Day 1", or "Days 2 to 10" for a step that spans days."""
    if first_day and first_day != day:
        return f"Days {first_day} to {day}"
    return f"Day {day}"


def step_state(step, today, *, review_open=True):
    if step.done_on is not None:
        return StepState.DONE
    if not review_open:
        return StepState.NOT_DONE
    if step.due_on < today:
        return StepState.OVERDUE
    if step.due_on <= working_days_after(today, DUE_SOON_WORKING_DAYS):
        return StepState.DUE_SOON
    return StepState.UPCOMING


@dataclass(frozen=True)
class TimelineRow:
    step: ReviewStep
    days: str
    state: str

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def overdue(self):
        return self.state == StepState.OVERDUE


def review_timeline(review, steps, today):
    """The review's steps (`steps`, in order) as rows: working days, due date, state."""
    review_open = review.status == ReviewStatus.OPEN
    return [
        TimelineRow(
            step=step,
            days=days_label(step.first_day, step.day),
            state=step_state(step, today, review_open=review_open),
        )
        for step in steps
    ]


def request_state(information_request, today, *, review_open=True):
    """ "returned", "overdue" or "awaited"."""
    if information_request.returned_on is not None:
        return "returned"
    if review_open and information_request.due_on < today:
        return "overdue"
    return "awaited"


# --- What is overdue ------------------------------------------------------------------------


def overdue_steps(today):
    return ReviewStep.objects.filter(
        review__status=ReviewStatus.OPEN, done_on__isnull=True, due_on__lt=today
    )


def overdue_requests(today):
    return InformationRequest.objects.filter(
        review__status=ReviewStatus.OPEN, returned_on__isnull=True, due_on__lt=today
    )


def with_overdue_flags(reviews, today):
    """`reviews` annotated with `has_overdue_step` and `has_overdue_request` (one query)."""
    return reviews.annotate(
        has_overdue_step=Exists(overdue_steps(today).filter(review=OuterRef("pk"))),
        has_overdue_request=Exists(overdue_requests(today).filter(review=OuterRef("pk"))),
    )


# --- Emails ---------------------------------------------------------------------------------


def panel_emails(partnership_id):
    """The partnership's review panel members and admins (whoever runs its case records)."""
    assignments = RoleAssignment.objects.current().filter(
        partnership_id=partnership_id, role__in=roles_with(MANAGE_CASES)
    )
    return _emails(assignments)


def agency_lead_emails(agency_id):
    assignments = RoleAssignment.objects.current().filter(
        agency_id=agency_id, role__in=roles_with(Action.VIEW_AGENCY_RECORDS)
    )
    return _emails(assignments)


def _emails(assignments):
    return sorted(
        set(
            User.objects.filter(is_active=True, pk__in=assignments.values("user_id")).values_list(
                "email", flat=True
            )
        )
    )


def _base_url(partnership):
    from hub.training.emails import base_url

    return base_url(partnership)


def _send(subject, template, context, recipients):
    if recipients:
        EmailMessage(
            subject=subject, body=render_to_string(template, context), to=recipients
        ).send()


def _claim(model, rows, now):
    """Claim the reminder of each of `rows` not yet reminded; the ones this run claimed."""
    claimed = []
    for row in rows:
        if model.objects.filter(pk=row.pk, reminded_at__isnull=True).update(reminded_at=now):
            claimed.append(row)
    return claimed


def _remind_of_steps(review, steps, now):
    """One email to the panel about the review's `steps` not yet reminded of; how many."""
    partnership = review.partnership
    with transaction.atomic():
        steps = _claim(ReviewStep, steps, now)
        if steps:
            _send(
                f"{review.reference}: {len(steps)} rapid review step"
                f"{'s are' if len(steps) > 1 else ' is'} overdue",
                "reviews/email/step_overdue.txt",
                {
                    "review": review,
                    "rows": [(step, days_label(step.first_day, step.day)) for step in steps],
                    "partnership": partnership,
                    "base_url": _base_url(partnership),
                },
                panel_emails(partnership.pk),
            )
    return len(steps)


def _remind_of_request(information_request, now):
    """One email to the agency's leads about its overdue request; 1 if this run sent it."""
    review = information_request.review
    with transaction.atomic():
        if not _claim(InformationRequest, [information_request], now):
            return 0
        _send(
            f"{review.reference}: your agency's information is overdue",
            "reviews/email/request_overdue.txt",
            {
                "request": information_request,
                "review": review,
                "agency": information_request.agency,
                "partnership": review.partnership,
                "base_url": _base_url(review.partnership),
            },
            agency_lead_emails(information_request.agency_id),
        )
    return 1


def _each(items, remind):
    """Remind of each item; one that fails (the mail server, say) is logged, keeps its claim
    unmade for the next run, and does not stop the others."""
    count = 0
    for item in items:
        try:
            count += remind(item)
        except Exception:  # noqa: BLE001 - logged; the next run tries it again
            logger.exception("A practice review reminder could not be sent")
    return count


def send_reminders(now):
    """Email the review panel once about each overdue timeline step (one email per review
    for the steps newly overdue), and an agency's leads once about each overdue request for
    information. Returns how many steps and requests were reminded of."""
    today = timezone.localdate(now)
    steps = defaultdict(list)
    for step in (
        overdue_steps(today)
        .filter(reminded_at__isnull=True)
        .select_related("review__partnership__site")
        .order_by("review_id", "day", "position", "pk")
    ):
        steps[step.review].append(step)
    requests = (
        overdue_requests(today)
        .filter(reminded_at__isnull=True)
        .select_related("review__partnership__site", "agency")
        .order_by("pk")
    )
    return _each(steps.items(), lambda item: _remind_of_steps(*item, now)) + _each(
        requests, lambda item: _remind_of_request(item, now)
    )


def send_request_email(information_request):
    """Tell the agency's leads that the partnership asks for their information."""
    review = information_request.review
    partnership = review.partnership
    _send(
        f"{review.reference}: {partnership.name} asks for your agency's information",
        "reviews/email/information_requested.txt",
        {
            "request": information_request,
            "review": review,
            "agency": information_request.agency,
            "partnership": partnership,
            "base_url": _base_url(partnership),
        },
        agency_lead_emails(information_request.agency_id),
    )


@task()
def send_information_request_email(pk):
    """The request email, once the request is saved (hub/reviews/cases.py enqueues it)."""
    information_request = (
        InformationRequest.objects.filter(pk=pk)
        .select_related("review__partnership__site", "agency")
        .first()
    )
    if information_request is not None:
        send_request_email(information_request)
