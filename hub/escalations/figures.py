"""The escalation figures reports can use (declared in hub/escalations/domain.py): each is
`figure(partnership, start, end)`, a whole count for the dates from `start` to `end`
inclusive. They are raw counts; a report that shows them suppresses small ones
(hub/core/suppression.py), as the quarterly picture does."""

from django.utils import timezone

from hub.escalations.models import EntryType, Escalation
from hub.escalations.quarterly import _escalation_rows, _periods_for, _protocol, overdue_as_at


def _escalations(partnership):
    return Escalation.objects.filter(partnership=partnership, entry_type=EntryType.ESCALATION)


def raised(partnership, start, end):
    """Escalations raised between `start` and `end`."""
    return _escalations(partnership).filter(raised_on__range=(start, end)).count()


def closed(partnership, start, end):
    """Escalations closed between `start` and `end`."""
    return _escalations(partnership).filter(closed_on__range=(start, end)).count()


def overdue(partnership, start, end):
    """Escalations open at the end of the period (or today, if that is sooner) that had been
    at their stage longer than its target by then."""
    as_at = min(end, timezone.localdate())
    _, stages, _ = _protocol(partnership)
    if not stages:
        return 0
    rows = _escalation_rows(partnership, start, as_at)
    periods = _periods_for(rows, stages[0].pk)
    stages_by_id = {stage.pk: stage for stage in stages}
    return sum(1 for found in periods.values() if overdue_as_at(found, stages_by_id, as_at))


def good_practice(partnership, start, end):
    """Good practice entries recorded between `start` and `end`."""
    return Escalation.objects.filter(
        partnership=partnership,
        entry_type=EntryType.GOOD_PRACTICE,
        raised_on__range=(start, end),
    ).count()
