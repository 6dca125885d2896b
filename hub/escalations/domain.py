"""The escalations domain: resolving professional differences between agencies
(hub/core/domains.py)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from hub.core.domains import Domain, Figure, Job, Link, PersonalData, Retention, StaffLink, Todo
from hub.core.staff_menu import admin_screen
from hub.escalations.actions import VIEW_ALL

AUDIT_ACTIONS = {
    "hub.escalations.raised": "Escalation raised",
    "hub.escalations.good_practice_recorded": "Good practice recorded",
    "hub.escalations.moved": "Escalation moved to a stage",
    "hub.escalations.responded": "Escalation response recorded",
    "hub.escalations.closed": "Escalation closed",
    "hub.escalations.corrected": "Escalation corrected",
    "hub.escalations.viewed": "Escalation viewed",
    "hub.escalations.quarterly_viewed": "Escalations quarterly picture viewed",
    "hub.escalations.quarterly_downloaded": "Escalations quarterly picture downloaded",
    "hub.escalations.protocol_changed": "Escalation protocol changed",
}


def _raised(user):
    from hub.escalations.models import Escalation, Step

    raised = Escalation.objects.filter(raised_by=user).select_related(
        "raising_agency", "receiving_agency"
    )
    return {
        "raised": [
            {
                "reference": escalation.reference,
                "type": escalation.get_entry_type_display(),
                "raised_on": escalation.raised_on.isoformat(),
                "raising_agency": str(escalation.raising_agency),
                "receiving_agency": str(escalation.receiving_agency),
                "closed_on": escalation.closed_on.isoformat() if escalation.closed_on else None,
            }
            for escalation in raised
        ],
        "steps_recorded": [
            {
                "reference": step.escalation.reference,
                "step": step.get_kind_display(),
                "on": str(step.on),
            }
            for step in Step.objects.filter(recorded_by=user).select_related("escalation")
        ],
    }


def _prune(now):
    from hub.escalations.services import prune_escalations

    return prune_escalations(now)


def _remind(now):
    from hub.escalations.services import send_stage_reminders

    return send_stage_reminders(now)


def _demo(context):
    from hub.demo.escalations import load_escalations

    with transaction.atomic():
        load_escalations(context.consortium, context.partnerships)


def _figure(name):
    def compute(partnership, start, end):
        from hub.escalations import figures

        return getattr(figures, name)(partnership, start, end)

    return compute


def _todos(user):
    from hub.escalations.queries import overdue_todos

    return overdue_todos(user)


def _may_use(request):
    """On a partnership's site: whether its escalation log is this person's to use."""
    from hub.core.presenters import partnership_for
    from hub.escalations.queries import may_use_here

    partnership = partnership_for(request)
    return partnership is not None and may_use_here(request.user, partnership)


def _sees_quarterly(request):
    from hub.core.permissions import can

    return can(request.user, VIEW_ALL)


DOMAIN = Domain(
    label="escalations",
    name="Resolving professional differences",
    audit_actions=AUDIT_ACTIONS,
    actions={
        VIEW_ALL: "See and correct every escalation of the partnership; its quarterly picture"
    },
    grants={"partnership_admin": (VIEW_ALL,)},
    personal_data=(
        PersonalData(
            key="escalations",
            models=("escalations.Escalation", "escalations.Step"),
            export=_raised,
        ),
    ),
    retention=(
        Retention(
            what="Escalations and good practice entries: the two agencies, level of need, "
            "theme, stages with dates, role levels and short notes (never a child's or "
            "family's details); which accounts raised them and recorded each step",
            how_long=f"{settings.ESCALATION_RETENTION_YEARS} years after closing "
            "(`ESCALATION_RETENTION_YEARS`); the link to an account goes when it is deleted",
            models=("escalations.Escalation", "escalations.Step", "escalations.StageReminder"),
            prune=_prune,
        ),
    ),
    jobs=(
        Job(
            "send_escalation_reminders",
            _remind,
            at=datetime.time(7, 15),
            description="emails both agencies' leads once when an escalation passes a stage's "
            "target",
        ),
    ),
    account_links=(
        Link(
            "Escalations: resolving professional differences between agencies",
            lambda request: reverse("escalations:index"),
            order=30,
            shown=_may_use,
        ),
    ),
    staff_links=(
        StaffLink(
            "people",
            "Escalation protocol",
            lambda request: reverse("escalations_protocols:index"),
            admin_screen("escalations.Protocol", actions=("change",)),
            order=40,
            description="The protocol's stages and their targets, themes and outcomes.",
        ),
        StaffLink(
            "people",
            "Escalations: quarterly picture",
            lambda request: reverse("escalations:quarterly"),
            _sees_quarterly,
            order=41,
            description="How many escalations each agency raised and received, time per "
            "stage, themes, and what is past its target.",
        ),
    ),
    todos=(Todo("escalations past a stage's target", _todos),),
    figures=(
        Figure("Escalations raised", "escalations", _figure("raised")),
        Figure("Escalations closed", "escalations", _figure("closed")),
        Figure("Escalations open past a stage's target", "escalations", _figure("overdue")),
        Figure("Good practice recorded", "entries", _figure("good_practice")),
    ),
    demo=_demo,
    demo_order=70,
)
