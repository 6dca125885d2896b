from django.core.management.base import BaseCommand

from hub.ops import outage


class Command(BaseCommand):
    help = "Write each site's page for when the database cannot be reached (also done on save)."

    def handle(self, *args, **options):
        outage.write_all()
        if options["verbosity"]:
            self.stdout.write(f"Outage pages written to {outage.folder()}")
