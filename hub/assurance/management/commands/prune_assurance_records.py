from django.core.management.base import BaseCommand

from hub.assurance.privacy import prune


class Command(BaseCommand):
    help = (
        "Delete section 11 rounds closed more than ASSURANCE_RETENTION_DAYS (6 years) ago, "
        "with their evidence files, and the section 11 email log after 400 days."
    )

    def handle(self, *args, **options):
        rounds, files, emails = prune()
        self.stdout.write(
            f"Deleted {rounds} closed rounds, {files} evidence files and {emails} email log rows."
        )
