"""Who sees which escalations, and what is past its stage's target.

A practitioner sees the escalations they raised; an agency lead (a role allowing
Action.VIEW_AGENCY_RECORDS, held for an agency) sees their agency's, raised and received; the
partnership's business unit (escalations.view_all for the partnership) sees every one of the
partnership's; no one else sees any. Pages find an escalation only inside
`visible_escalations`, so another agency's or partnership's reference is a 404.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from hub.core.models import Agency, RoleAssignment
from hub.core.permissions import Action, belongs_to_partnership, can, roles_with
from hub.core.working_days import working_days_after
from hub.escalations.actions import VIEW_ALL
from hub.escalations.models import EntryType, Escalation


def led_agency_ids(user):
    """The agencies `user` is a lead of (a role that sees the agency's private records)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if not hasattr(user, "_hub_escalations_led"):
        user._hub_escalations_led = set(
            RoleAssignment.objects.filter(
                user=user,
                agency__isnull=False,
                role__in=roles_with(Action.VIEW_AGENCY_RECORDS),
            ).values_list("agency_id", flat=True)
        )
    return user._hub_escalations_led


def sees_all(user, partnership):
    """The partnership's business unit: every escalation of the partnership."""
    return can(user, VIEW_ALL, partnership)


def may_use_escalations(user):
    """Confirmed staff of an agency of some partnership, an agency lead, or the business unit."""
    if not user.is_authenticated or not user.is_active:
        return False
    if (
        user.agency_id
        and Agency.objects.filter(pk=user.agency_id, partnerships__isnull=False).exists()
    ):
        return True
    return bool(led_agency_ids(user)) or can(user, VIEW_ALL)


def may_use_here(user, partnership):
    """May `user` use this partnership's escalation log (on its site)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if sees_all(user, partnership):
        return True
    agencies = set(partnership.agencies.values_list("pk", flat=True))
    return (user.agency_id in agencies and belongs_to_partnership(user, partnership)) or bool(
        led_agency_ids(user) & agencies
    )


def raising_agency_for(user, partnership):
    """The agency `user` raises for in `partnership`: their confirmed agency, or the agency
    they lead; None if neither is one of the partnership's agencies."""
    agencies = set(partnership.agencies.values_list("pk", flat=True))
    if user.agency_id in agencies:
        return Agency.objects.get(pk=user.agency_id)
    led = sorted(led_agency_ids(user) & agencies)
    return Agency.objects.get(pk=led[0]) if len(led) == 1 else None


def visible_escalations(user, partnership=None):
    """The escalations (and good practice entries) `user` may see, of `partnership` (or of
    every partnership, for what needs doing)."""
    if not user.is_authenticated or not user.is_active:
        return Escalation.objects.none()
    rows = Escalation.objects.all()
    if partnership is not None:
        rows = rows.filter(partnership=partnership)
        if user.is_superuser or sees_all(user, partnership):
            return rows
        condition = Q()
    else:
        if user.is_superuser:
            return rows
        admin_of = [
            a.partnership_id
            for a in RoleAssignment.objects.filter(
                user=user, partnership__isnull=False, agency__isnull=True
            )
            if can(user, VIEW_ALL, a.partnership)
        ]
        condition = Q(partnership__in=admin_of)
    condition |= Q(raised_by=user)
    led = led_agency_ids(user)
    if led:
        condition |= Q(raising_agency__in=led) | Q(receiving_agency__in=led)
    return rows.filter(condition)


def stage_due_on(escalation):
    """The date the escalation's current stage should be finished by (None if no stage)."""
    if escalation.stage is None or escalation.stage_started_on is None:
        return None
    return working_days_after(escalation.stage_started_on, escalation.stage.target_working_days)


def is_overdue(escalation, today=None):
    """Open and past its current stage's target."""
    if escalation.entry_type != EntryType.ESCALATION or escalation.closed_on is not None:
        return False
    due = stage_due_on(escalation)
    return due is not None and (today or timezone.localdate()) > due


def overdue(rows, today=None):
    """The open escalations among `rows` past their stage's target."""
    today = today or timezone.localdate()
    return [e for e in rows.open().select_related("stage") if is_overdue(e, today)]


def overdue_todos(user):
    """What needs doing: the escalations this person sees that are past a stage's target."""
    count = len(overdue(visible_escalations(user)))
    if not count:
        return []
    return [
        (
            "Escalations past a stage's target",
            reverse("escalations:index") + "?show=overdue",
            count,
        )
    ]
