"""Accounts unused for a long time are a risk: they are warned, then deactivated."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone

from hub.core import audit
from hub.core.models import User


def _last_seen():
    return Coalesce("last_login", "date_joined")


def deactivate_inactive_accounts(*, now=None):
    """Send one warning a month before the limit, and deactivate at the limit.

    Returns (warned, deactivated). Running it twice the same day sends nothing twice: the
    warning is recorded on the account and a deactivated account is no longer active.
    """
    now = now or timezone.now()
    months = settings.INACTIVE_ACCOUNT_MONTHS
    limit = now - relativedelta(months=months)
    warn_from = now - relativedelta(months=months - 1)
    active = User.objects.filter(is_active=True).annotate(last_seen=_last_seen())

    deactivated = 0
    for user in active.filter(last_seen__lte=limit):
        with transaction.atomic():
            user.is_active = False
            user.deactivated_at = now
            user.save(update_fields=["is_active", "deactivated_at"])
            audit.record(
                actor=None,
                action="hub.account.deactivated",
                instance=user,
                details={"reason": f"not signed in for {months} months"},
            )
        deactivated += 1

    warned = 0
    due_warning = active.filter(last_seen__lte=warn_from, last_seen__gt=limit).filter(
        Q(inactivity_warning_sent_at__isnull=True) | Q(inactivity_warning_sent_at__lt=_last_seen())
    )
    for user in due_warning:
        with transaction.atomic():
            # Claim the warning first, so a second run in parallel finds nothing to send.
            claimed = User.objects.filter(
                pk=user.pk, inactivity_warning_sent_at=user.inactivity_warning_sent_at
            ).update(inactivity_warning_sent_at=now)
            if not claimed:
                continue
            audit.record(actor=None, action="hub.account.inactivity_warning", instance=user)
            deadline = user.last_seen + relativedelta(months=months)
            context = {"user": user, "deadline": deadline, "months": months}
            transaction.on_commit(
                lambda context=context, email=user.email: send_mail(
                    "Your Safeguarding Partnership Hub account will be deactivated",
                    render_to_string("accounts/email/inactivity_warning.txt", context),
                    None,
                    [email],
                )
            )
        warned += 1
    return warned, deactivated
