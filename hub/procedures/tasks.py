from django_tasks import task

from hub.procedures.models import Release


@task()
def reindex_release(release_id):
    """Bring search up to date with a published release and tell its subscribers. Both
    steps are safe to repeat."""
    from wagtail.search.index import insert_or_update_object

    from hub.procedures.services import send_release_notifications

    release = Release.objects.filter(pk=release_id).first()
    if release is None:
        return
    chapters = {version.chapter for version in release.chapter_versions.select_related("chapter")}
    for chapter in chapters:
        insert_or_update_object(chapter)
    send_release_notifications()
