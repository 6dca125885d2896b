from django.core.management.base import BaseCommand

from hub.ops.tasks import requeue_stalled


class Command(BaseCommand):
    help = (
        "Put back on the queue every background task marked running for longer than "
        "TASK_STALLED_MINUTES (15): its worker was killed part-way. Safe to run at any time."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Put back {requeue_stalled()} stalled tasks.")
