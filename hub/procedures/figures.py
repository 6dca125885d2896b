"""The procedures' figures for reports (hub/core/domains.py Figure): releases published and
chapters changed in a period, as the partnership's readers were given them: the consortium's
regional releases and the partnership's own, never another partnership's. A release counts
in the period in which it went live (a scheduled one once its time has come)."""

import datetime

from django.utils import timezone

from hub.core.domains import Figure


def _published_in(partnership, start, end):
    from hub.procedures.models import Release, end_of

    since = timezone.make_aware(
        datetime.datetime.combine(start, datetime.time.min), timezone.get_current_timezone()
    )
    return (
        Release.objects.for_partnership(partnership)
        .published()
        .filter(published_at__gte=since, published_at__lte=end_of(end))
    )


def _changed_chapters(partnership, releases):
    """(chapter id, release id) for each chapter a release changed: its text, or this
    partnership's local information on it."""
    from hub.procedures.models import ChapterVersion, LocalInformationVersion

    texts = ChapterVersion.objects.filter(release__in=releases).values_list(
        "chapter_id", "release_id"
    )
    local = LocalInformationVersion.objects.filter(
        release__in=releases, partnership=partnership
    ).values_list("chapter_id", "release_id")
    return set(texts) | set(local)


def _releases(partnership, start, end):
    return _published_in(partnership, start, end).count()


def _chapters(partnership, start, end):
    releases = _published_in(partnership, start, end)
    return len({chapter for chapter, _ in _changed_chapters(partnership, releases)})


def _chapters_per_release(partnership, start, end):
    releases = list(_published_in(partnership, start, end).order_by("published_at", "pk"))
    changed = _changed_chapters(partnership, [release.pk for release in releases])
    return [
        (
            release.title,
            sum(1 for _, release_id in changed if release_id == release.pk),
        )
        for release in releases
    ]


FIGURES = (
    Figure(
        "Procedure releases published",
        "releases",
        _releases,
        key="releases-published",
        description="Releases of the child protection procedures that went live in the "
        "period: the consortium's regional ones and the partnership's own.",
    ),
    Figure(
        "Procedure chapters changed",
        "chapters",
        _chapters,
        breakdown=_chapters_per_release,
        key="chapters-changed",
        description="Chapters whose text, or whose local information for the partnership, a "
        "release in the period changed; each chapter counted once however often it changed. "
        "Split by release.",
    ),
)
