from django.core.management.base import BaseCommand

from hub.procedures.services import send_release_notifications


class Command(BaseCommand):
    help = (
        "Email subscribers about releases published since they last heard, one email per "
        "release (also catches scheduled releases once their time comes). Run every 15 minutes."
    )

    def handle(self, *args, **options):
        sent = send_release_notifications()
        self.stdout.write(f"Sent {sent} release email(s).")
