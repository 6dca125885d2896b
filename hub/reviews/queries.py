"""Who sees which practice-review records: every view and export goes through these.

- A review case record (and its timeline, requests, recommendations and actions) is seen only
  by the partnership's review panel and its partnership admin (`VIEW_CASES`, held for the
  partnership) and changed only by them (`MANAGE_CASES`).
- An agency's safeguarding lead (`VIEW_AGENCY_RECORDS`, held for their agency) sees the
  requests for information addressed to their agency and the actions assigned to it, never
  the case record itself.

Everything is for the partnership whose site answers: a record of another partnership is not
found there, whoever asks.
"""

from django.utils import timezone

from hub.core.permissions import Action, can, scope_queryset
from hub.reviews.actions import MANAGE_CASES, VIEW_CASES
from hub.reviews.models import (
    ActionStatus,
    AgencyAction,
    InformationRequest,
    Review,
    ReviewStatus,
    ReviewStep,
    TeamUse,
)


def visible_reviews(user, partnership):
    """The partnership's case records this person may see (none for anyone else)."""
    return scope_queryset(user, VIEW_CASES, Review.objects.filter(partnership=partnership))


def manageable_reviews(user, partnership):
    return scope_queryset(user, MANAGE_CASES, Review.objects.filter(partnership=partnership))


def sees_cases(user, partnership):
    return partnership is not None and can(user, VIEW_CASES, partnership)


def manages_cases(user, partnership):
    return partnership is not None and can(user, MANAGE_CASES, partnership)


def agency_requests(user, partnership):
    """Requests for information addressed to this person's agency (as its lead), here."""
    return scope_queryset(
        user,
        Action.VIEW_AGENCY_RECORDS,
        InformationRequest.objects.filter(review__partnership=partnership),
    )


def agency_actions(user, partnership):
    """Actions assigned to this person's agency (as its lead), here."""
    return scope_queryset(
        user,
        Action.VIEW_AGENCY_RECORDS,
        AgencyAction.objects.filter(recommendation__review__partnership=partnership),
    )


def visible_actions(user, partnership):
    """Every action of the partnership for the panel; the agency's own for its lead."""
    if sees_cases(user, partnership):
        return AgencyAction.objects.filter(recommendation__review__partnership=partnership)
    return agency_actions(user, partnership)


def has_agency_work(request):
    """Whether this person leads an agency with requests or actions on this site."""
    from hub.core.presenters import partnership_for

    partnership = partnership_for(request)
    user = request.user
    if partnership is None or not can(user, Action.VIEW_AGENCY_RECORDS):
        return False
    return agency_requests(user, partnership).exists() or agency_actions(user, partnership).exists()


def _open_actions():
    return AgencyAction.objects.exclude(
        status__in=(ActionStatus.COMPLETED, ActionStatus.EVIDENCE_ACCEPTED)
    )


def todos(user):
    """Past-due steps, requests and actions this person may act on, per partnership."""
    from django.urls import reverse

    today = timezone.localdate()
    found = []
    steps = scope_queryset(
        user,
        MANAGE_CASES,
        ReviewStep.objects.filter(
            due_on__lt=today, done_on__isnull=True, review__status=ReviewStatus.OPEN
        ),
    )
    steps = steps.count()
    if steps:
        found.append(("Review timeline steps past due", reverse("reviews:cases"), steps))
    requests = scope_queryset(
        user,
        Action.VIEW_AGENCY_RECORDS,
        InformationRequest.objects.filter(due_on__lt=today, returned_on__isnull=True),
    ).count()
    if requests:
        found.append(("Requests for information past due", reverse("reviews:agency"), requests))
    actions = scope_queryset(
        user,
        Action.VIEW_AGENCY_RECORDS,
        _open_actions().filter(due_on__lt=today),
    ).count()
    if actions:
        found.append(("Review actions past due", reverse("reviews:tracker"), actions))
    panel_actions = scope_queryset(
        user, MANAGE_CASES, _open_actions().filter(due_on__lt=today)
    ).count()
    if panel_actions:
        found.append(
            ("Review actions past due (all agencies)", reverse("reviews:tracker"), panel_actions)
        )
    awaiting = scope_queryset(
        user,
        MANAGE_CASES,
        AgencyAction.objects.filter(status=ActionStatus.COMPLETED),
    ).count()
    if awaiting:
        found.append(
            (
                "Review actions completed, awaiting sign-off",
                reverse("reviews:tracker") + "?status=completed",
                awaiting,
            )
        )
    return found


def team_uses_for(agency, partnership):
    return TeamUse.objects.filter(agency=agency, briefing__partnership=partnership).select_related(
        "briefing"
    )


def team_use_evidence(agency, partnership):
    """The agency's teams' discussions of the partnership's briefings, as section 11 evidence
    its lead may choose to attach: [(key, text, date)], newest first."""
    found = []
    for use in team_uses_for(agency, partnership).order_by("-discussed_on", "-pk"):
        text = (
            f"A team of {use.get_team_size_display()} discussed the 7-minute briefing "
            f"“{use.briefing.title}” on {use.discussed_on:%-d %B %Y}."
        )
        if use.change:
            text += f" What will change: {use.change}"
        found.append((f"team-use-{use.pk}", text, use.discussed_on))
    return found
