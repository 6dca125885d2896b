"""What every demo account shares."""

from django.utils import timezone

from hub.core.models import MembershipConfirmation


def confirmed_by_domain():
    """The fields of a demo account confirmed as its agency's staff: every demo address is
    at its agency's registered email domain."""
    return {
        "agency_confirmed_at": timezone.now(),
        "agency_confirmed_how": MembershipConfirmation.EMAIL_DOMAIN,
    }
