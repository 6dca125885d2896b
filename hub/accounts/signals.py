"""Account events raised by django-allauth, written to the audit log."""

from allauth.account.signals import email_confirmed, password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.dispatch import receiver

from hub.core import audit


@receiver(email_confirmed)
def log_email_confirmed(request, email_address, **kwargs):
    from hub.accounts.membership import membership_confirm_by_email

    user = email_address.user
    audit.record(actor=user, action="hub.account.email_verified", instance=user, request=request)
    # A verified address at the agency's own domain confirms a waiting request.
    membership_confirm_by_email(user=user, request=request)


@receiver(password_changed)
def log_password_changed(request, user, **kwargs):
    audit.record(actor=user, action="hub.account.password_changed", instance=user, request=request)


@receiver(password_reset)
def log_password_reset(request, user, **kwargs):
    audit.record(actor=user, action="hub.account.password_reset", instance=user, request=request)


@receiver(authenticator_added)
@receiver(authenticator_removed)
def log_second_factor_changed(request, user, authenticator, **kwargs):
    audit.record(
        actor=user,
        action="hub.account.second_factor_changed",
        instance=user,
        request=request,
        details={"type": authenticator.type},
    )
