"""The numbers practice reviews and briefings offer reports (declared in domain.py): each
`name(partnership, start, end)` for the dates from `start` to `end`, both included; the
breakdowns give [(label, count)] in a stable order."""

from django.db.models import Count, F, Q
from django.utils import timezone

from hub.reviews.models import (
    ActionStatus,
    AgencyAction,
    Briefing,
    PublishedReview,
    Review,
    ReviewKind,
    TeamUse,
)


def rapid_reviews(partnership, start, end):
    """Rapid reviews of notifications made in the period."""
    return Review.objects.filter(
        partnership=partnership, kind=ReviewKind.RAPID, notified_on__range=(start, end)
    ).count()


def rapid_reviews_on_time(partnership, start, end):
    """Rapid reviews sent in the period within 15 working days of the notification."""
    return Review.objects.filter(
        partnership=partnership,
        kind=ReviewKind.RAPID,
        rapid_review_sent_on__range=(start, end),
        rapid_review_sent_on__lte=F("rapid_review_due_on"),
    ).count()


def reviews_published(partnership, start, end):
    """Reviews the partnership published in the period."""
    return PublishedReview.objects.filter(
        partnership=partnership, published=True, published_on__range=(start, end)
    ).count()


def actions_signed_off(partnership, start, end):
    """Agencies' actions on recommendations signed off by the panel in the period."""
    return _actions(partnership).filter(signed_off_on__range=(start, end)).count()


def actions_overdue(partnership, start, end):
    """Actions not yet completed that were past their due date at the end of the period (or
    today, if that is sooner)."""
    as_at = min(end, timezone.localdate())
    return (
        _actions(partnership)
        .filter(due_on__lt=as_at)
        .filter(Q(signed_off_on__isnull=True) | Q(signed_off_on__gt=as_at))
        .exclude(status__in=(ActionStatus.COMPLETED, ActionStatus.EVIDENCE_ACCEPTED))
        .count()
    )


def briefings_published(partnership, start, end):
    return Briefing.objects.filter(
        partnership=partnership, published=True, published_on__range=(start, end)
    ).count()


def team_uses(partnership, start, end):
    """Team discussions of the partnership's briefings recorded for the period."""
    return _uses(partnership, start, end).count()


def agencies_using_briefings(partnership, start, end):
    return _uses(partnership, start, end).values("agency").distinct().count()


def team_uses_by_briefing(partnership, start, end):
    rows = (
        _uses(partnership, start, end)
        .values("briefing__title")
        .annotate(count=Count("pk"))
        .order_by("-count", "briefing__title")
    )
    return [(row["briefing__title"], row["count"]) for row in rows]


def team_uses_by_agency(partnership, start, end):
    rows = (
        _uses(partnership, start, end)
        .values("agency__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "agency__name")
    )
    return [(row["agency__name"], row["count"]) for row in rows]


def _actions(partnership):
    return AgencyAction.objects.filter(recommendation__review__partnership=partnership)


def _uses(partnership, start, end):
    return TeamUse.objects.filter(
        briefing__partnership=partnership, discussed_on__range=(start, end)
    )
