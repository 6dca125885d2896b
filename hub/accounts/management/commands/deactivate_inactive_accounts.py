from django.core.management.base import BaseCommand

from hub.accounts.inactivity import deactivate_inactive_accounts


class Command(BaseCommand):
    help = (
        "Warn accounts a month before INACTIVE_ACCOUNT_MONTHS without signing in, and "
        "deactivate them when it passes. Safe to run as often as you like (daily from cron)."
    )

    def handle(self, *args, **options):
        warned, deactivated = deactivate_inactive_accounts()
        self.stdout.write(f"Warned {warned} account(s); deactivated {deactivated} account(s).")
