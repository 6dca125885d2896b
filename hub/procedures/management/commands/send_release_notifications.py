from django.core.management.base import BaseCommand

from hub.procedures.services import send_release_notifications
from hub.procedures.tasks import reindex_recently_live


class Command(BaseCommand):
    help = (
        "Email subscribers about releases published since they last heard, one email per "
        "release, and bring search up to date with releases that went live in the last day "
        "(scheduled releases go live unattended). Run every 15 minutes."
    )

    def handle(self, *args, **options):
        indexed = reindex_recently_live()
        sent = send_release_notifications()
        self.stdout.write(f"Re-indexed {indexed} chapter(s); sent {sent} release email(s).")
