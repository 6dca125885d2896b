from django.core.management.base import BaseCommand

from hub.assurance.services import send_due_reminders


class Command(BaseCommand):
    help = (
        "Remind agencies yet to submit a section 11 self-assessment, the round's reminder days "
        "before it is due and on the due date; each reminder once. Run daily from cron."
    )

    def handle(self, *args, **options):
        queued = send_due_reminders()
        self.stdout.write(f"{queued} section 11 reminders queued.")
