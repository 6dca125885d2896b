"""Operations: the task queue, backups and housekeeping (hub/core/domains.py)."""

import datetime
import shutil
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from hub.core.domains import Domain, Job, Retention

FINISHED_TASKS_KEPT = datetime.timedelta(days=30)


def _requeue(now):
    from hub.ops.tasks import requeue_stalled

    return requeue_stalled(now)


def _backup(now):
    """A dated backup in BACKUP_DIR, keeping the BACKUP_KEEP newest (when BACKUP_DIR is set)."""
    from hub.ops.backup import backup

    if not settings.BACKUP_DIR:
        return "BACKUP_DIR is not set"
    root = Path(settings.BACKUP_DIR)
    root.mkdir(parents=True, exist_ok=True)
    folder = root / timezone.localtime(now).strftime("%Y-%m-%d-%H%M")
    if folder.exists():
        return f"{folder.name} exists already"
    backup(folder)
    kept = sorted((p for p in root.iterdir() if p.is_dir()), reverse=True)
    for old in kept[settings.BACKUP_KEEP :]:
        shutil.rmtree(old, ignore_errors=True)
    return folder.name


def _expired_sessions(now):
    from django.contrib.sessions.models import Session

    deleted, _ = Session.objects.filter(expire_date__lt=now).delete()
    return deleted


def _finished_tasks(now):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    deleted, _ = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=now - FINISHED_TASKS_KEPT,
    ).delete()
    return deleted


DOMAIN = Domain(
    label="ops",
    name="Operations",
    retention=(
        Retention(
            what="Expired sessions (which account a signed-in browser belongs to)",
            how_long="deleted once expired (8 hours, or sign-out)",
            models=("sessions.Session",),
            prune=_expired_sessions,
        ),
        Retention(
            what="Finished background tasks (kinds and record numbers, never content)",
            how_long="30 days after they finished",
            models=("django_tasks_database.DBTaskResult",),
            prune=_finished_tasks,
        ),
    ),
    jobs=(
        Job(
            "requeue_stalled_tasks",
            _requeue,
            every=datetime.timedelta(minutes=5),
            description="puts back on the queue tasks whose worker died",
        ),
        Job(
            "backup",
            _backup,
            at=datetime.time(3, 0),
            description="a dated backup in BACKUP_DIR (database, uploads, checksums)",
        ),
    ),
)
