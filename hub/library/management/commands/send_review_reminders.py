from django.core.management.base import BaseCommand

from hub.library.services import send_review_reminders


class Command(BaseCommand):
    help = (
        "Email document owners as review dates approach and pass, once per threshold "
        "(LIBRARY_REMINDER_DAYS). Run daily from cron; running it more often sends nothing twice."
    )

    def handle(self, *args, **options):
        sent = send_review_reminders()
        self.stdout.write(f"Sent {sent} review reminder(s).")
