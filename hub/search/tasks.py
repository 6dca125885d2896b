from django_tasks import task

from hub.search import indexing


@task()
def reindex(kind, ids):
    """Index these sources again as they are now. Safe to run again or late."""
    return indexing.index(kind, ids)
