import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hub.training.jobs import run_due


def _moment(value):
    """An ISO 8601 time; one without an offset is read as the partnership's local time."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"--now must be an ISO 8601 time, such as 2026-12-23T09:00: {error}"
        ) from error
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class Command(BaseCommand):
    help = (
        "The training programme's periodic work: expire offers whose hold is over and offer "
        "the place on, close registers whose time is up and raise their charges, send session "
        "reminders and the impact question, and send confirmations or offers whose task was "
        "lost. Run every few minutes from cron; each step is idempotent, so a second run (or "
        "two at once) sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            type=str,
            help="Act as if it were this ISO 8601 time (for testing); default: the real time.",
        )

    def handle(self, *args, **options):
        now = _moment(options["now"]) if options["now"] else timezone.now()
        done = run_due(now)
        self.stdout.write(
            f"Training jobs: {done['offers']} session(s) with expired offers settled, "
            f"{done['registers']} register(s) closed, {done['reminders']} reminder(s) sent, "
            f"{done['impact']} impact question(s) sent, {done['lost']} lost confirmation(s) "
            "or offer(s) sent."
        )
