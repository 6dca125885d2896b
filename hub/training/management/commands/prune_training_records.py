from django.core.management.base import BaseCommand

from hub.training.privacy import prune


class Command(BaseCommand):
    help = "Delete waiting-list entries of sessions over 90 days past and the old email log."

    def handle(self, *args, **options):
        entries, emails = prune()
        self.stdout.write(f"Deleted {entries} waiting-list entries and {emails} email log rows.")
