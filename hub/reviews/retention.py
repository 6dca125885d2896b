"""What the partnership keeps of its practice reviews, and for how long (declared in
domain.py). A case record goes `REVIEW_RETENTION_YEARS` after the review closed, with its
timeline, requests for information, recommendations, actions and evidence files; the
published review and its briefings stay (they are the public record, kept apart). A team's
record of using a briefing goes the same number of years after the discussion."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hub.reviews.models import ActionEvidence, Review, TeamUse


def cutoff(now):
    return timezone.localdate(now) - relativedelta(years=settings.REVIEW_RETENTION_YEARS)


def prune_reviews(now):
    """Delete case records closed before the cutoff; their evidence files go once the
    deletion has committed. Returns how many case records went."""
    old = Review.objects.filter(closed_on__lt=cutoff(now))
    with transaction.atomic():
        files = list(
            ActionEvidence.objects.filter(action__recommendation__review__in=old).values_list(
                "file", flat=True
            )
        )
        count = old.count()
        old.delete()
        transaction.on_commit(lambda: delete_files(files))
    return count


def prune_team_uses(now):
    old = TeamUse.objects.filter(discussed_on__lt=cutoff(now))
    with transaction.atomic():
        count, _ = old.delete()
    return count


def delete_files(names):
    storage = ActionEvidence._meta.get_field("file").storage
    for name in names:
        if name:
            storage.delete(name)
