import datetime

from django.utils import timezone
from django_tasks import task

from hub.procedures.models import Release
from hub.procedures.services import send_release_notifications


def reindex_chapters_of(release):
    """Index each chapter the release changed, with the text readers see now (site search's
    chunk index; Wagtail's, which the editors' admin searches)."""
    from wagtail.search.index import insert_or_update_object

    from hub.procedures.search_index import release_changed
    from hub.search.indexing import index

    chapters = {version.chapter for version in release.chapter_versions.select_related("chapter")}
    for chapter in chapters:
        insert_or_update_object(chapter)
    changed = release_changed(release)
    index("procedures", changed)
    return len(changed)


def reindex_recently_live(now=None, window=datetime.timedelta(days=1)):
    """A scheduled release goes live without anyone touching it, so the periodic command
    re-indexes the chapters of every release that went live within `window`."""
    now = now or timezone.now()
    releases = Release.objects.filter(published_at__gt=now - window, published_at__lte=now)
    return sum(reindex_chapters_of(release) for release in releases)


@task()
def reindex_release(release_id):
    """Bring search up to date with a published release and tell its subscribers. Both
    steps are safe to repeat."""
    release = Release.objects.filter(pk=release_id).first()
    if release is None:
        return
    reindex_chapters_of(release)
    send_release_notifications()
