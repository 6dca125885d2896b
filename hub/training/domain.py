"""The training domain: the inter-agency training programme (hub/core/domains.py)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from hub.core.domains import (
    Domain,
    Job,
    Link,
    PersonalData,
    Retention,
    Searchable,
    Todo,
)
from hub.training.api import API
from hub.training.figures import FIGURES
from hub.training.staff_screens import STAFF_LINKS

AUDIT_ACTIONS = {
    "hub.training.booked": "Booked a training place",
    "hub.training.joined_waiting_list": "Joined a waiting list",
    "hub.training.offer_made": "Offered a freed place",
    "hub.training.offer_accepted": "Accepted an offered place",
    "hub.training.offer_expired": "Offer of a place expired",
    "hub.training.left_waiting_list": "Left a waiting list or declined an offer",
    "hub.training.cancelled": "Cancelled a training place",
    "hub.training.transferred": "Transferred a training place",
    "hub.training.moved": "Moved a training place to another date",
    "hub.training.message_sent": "Emailed everyone booked on a session",
    "hub.training.register_taken": "Took a register",
    "hub.training.register_closed": "Register closed",
    "hub.training.session_cancelled": "Cancelled a session",
    "hub.training.charged": "Charge raised",
    "hub.training.charge_waived": "Charge waived",
    "hub.training.charges_set": "Set a course's charges",
    "hub.training.evaluated": "Sent a course evaluation",
    "hub.training.certificate_issued": "Issued a certificate of attendance",
    "hub.training.certificate_withdrawn": "Withdrew a certificate of attendance",
    "hub.training.certificate_reinstated": "A certificate is valid again: attendance corrected",
}

TRAINING_PAGES = ("training",)


def _personal_data(user):
    from hub.training.privacy import personal_data

    return personal_data(user)


def _prune(now):
    from hub.training.privacy import prune

    entries, emails = prune(now)
    return entries + emails


def _jobs(now):
    from hub.training.jobs import run_due

    return run_due(now)


def _registers_to_take(user):
    from hub.core.permissions import Action, can
    from hub.training.models import Session, SessionStatus

    if not can(user, Action.TAKE_REGISTER):
        return []
    due = Session.objects.filter(
        trainers=user,
        status=SessionStatus.SCHEDULED,
        register_closed_at__isnull=True,
        starts_at__lte=timezone.now(),
    ).count()
    return [("Registers to take", reverse("training:staff_sessions"), due)] if due else []


def _has_staff_screens(request):
    from hub.training.staff_screens import screens_for

    return bool(screens_for(request))


def _sessions_this_week(user):
    from hub.core.permissions import Action, can, scope_queryset
    from hub.training.models import Course, Session, SessionStatus

    if not can(user, Action.MANAGE_TRAINING):
        return []  # no query for everyone else
    courses = scope_queryset(user, Action.MANAGE_TRAINING, Course.objects.all())
    now = timezone.now()
    coming = Session.objects.filter(
        course__in=courses,
        status=SessionStatus.SCHEDULED,
        starts_at__range=(now, now + datetime.timedelta(days=7)),
    ).count()
    if not coming:
        return []
    return [("Training sessions in the next 7 days", reverse("training:staff_sessions"), coming)]


def _demo(context):
    from hub.demo.training import load_training

    load_training()


def _courses(ids):
    from hub.training.search_index import course_chunks

    return course_chunks(ids)


def _course_changed(course):
    return [course.pk]


DOMAIN = Domain(
    label="training",
    name="Training programme",
    audit_actions=AUDIT_ACTIONS,
    personal_data=(
        PersonalData(
            key="training",
            models=(
                "training.Booking",
                "training.Certificate",
                "training.WaitingListEntry",
                "training.Session",
                "training.Charge",
                "training.SessionMessage",
            ),
            export=_personal_data,
        ),
    ),
    retention=(
        Retention(
            what="Training bookings, certificates (their codes), evaluations and impact answers; "
            "sessions a trainer runs",
            how_long="while the account exists (they are deleted with it)",
            models=("training.Booking", "training.Certificate", "training.Session"),
            prune=None,
        ),
        Retention(
            what="Training waiting-list entries, the training team's emails to a session and "
            "the training email log",
            how_long="waiting lists and the team's emails 90 days after the session; the email "
            "log 400 days",
            models=("training.WaitingListEntry", "training.SessionMessage"),
            prune=_prune,
        ),
        Retention(
            what="Training charges: organisation, course, date, amount, the person's name",
            how_long="kept as the agency's finance record when the account is deleted, without "
            "a link to it; removed under the partnership's finance retention policy",
            models=("training.Charge",),
            prune=None,
        ),
    ),
    jobs=(
        Job(
            "run_training_jobs",
            _jobs,
            every=datetime.timedelta(minutes=5),
            description="expires offers, closes registers, sends reminders and impact questions",
        ),
    ),
    cache_purge={
        f"training.{model}": TRAINING_PAGES
        for model in (
            "course",
            "tariff",
            "session",
            "booking",
            "waitinglistentry",
            "audience",
            "trainingpolicy",
        )
    },
    navigation=(
        Link(
            "Training",
            lambda request: reverse("training:programme"),
            order=30,
            active_for="training:",
        ),
    ),
    account_links=(
        Link(
            "Your training: bookings, certificates and refresher dates",
            lambda request: reverse("training:my_training"),
            order=10,
        ),
        Link(
            "Training team screens: sessions and registers, staff records, report, charges",
            lambda request: reverse("training:staff_index"),
            order=11,
            shown=_has_staff_screens,
        ),
    ),
    staff_links=STAFF_LINKS,
    todos=(
        Todo("registers to take", _registers_to_take),
        Todo("sessions this week", _sessions_this_week),
    ),
    figures=FIGURES,
    search=(
        Searchable(
            "courses",
            "Training courses",
            _courses,
            changes={"training.Course": _course_changed},
            order=50,
        ),
    ),
    demo=_demo,
    demo_order=30,
    api=API,
)
