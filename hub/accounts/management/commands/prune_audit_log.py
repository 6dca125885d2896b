from django.conf import settings
from django.core.management.base import BaseCommand

from hub.core import audit


class Command(BaseCommand):
    help = "Delete the Hub's audit log entries older than AUDIT_LOG_RETENTION_DAYS (daily)."

    def handle(self, *args, **options):
        deleted = audit.prune()
        self.stdout.write(
            f"Deleted {deleted} audit entr{'y' if deleted == 1 else 'ies'} older than "
            f"{settings.AUDIT_LOG_RETENTION_DAYS} days."
        )
