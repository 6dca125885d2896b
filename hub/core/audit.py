"""The audit log: who did what to which record, when, and from where. Never the content.

Entries are Wagtail log entries (so page history and our records share one log and one
admin report) with the client address and the record's partnership and agency in `data`,
which is how a partnership admin's view is filtered.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

AUDIT_PREFIX = "hub."

# action -> label shown in the log
ACTIONS = {
    "hub.account.registered": "Registered",
    "hub.account.email_verified": "Verified email address",
    "hub.account.invited": "Invited",
    "hub.account.invitation_accepted": "Accepted invitation",
    "hub.account.role_granted": "Role granted",
    "hub.account.role_removed": "Role removed",
    "hub.account.deactivated": "Account deactivated",
    "hub.account.reactivated": "Account reactivated",
    "hub.account.inactivity_warning": "Warned of deactivation for inactivity",
    "hub.account.deleted": "Account deleted at the holder's request",
    "hub.account.data_exported": "Personal data downloaded",
    "hub.account.password_changed": "Password changed",
    "hub.account.password_reset": "Password reset",
    "hub.account.second_factor_changed": "Second factor changed",
    "hub.account.details_changed": "Account details changed",
    "hub.account.agency_requested": "Asked to join an organisation",
    "hub.account.agency_confirmed": "Confirmed as an organisation's staff",
    "hub.account.agency_declined": "Request to join an organisation declined",
    "hub.account.agency_left": "Left an organisation",
    "hub.agency.email_domain_added": "Organisation email domain registered",
    "hub.agency.email_domain_removed": "Organisation email domain removed",
    "hub.record.viewed": "Viewed",
    "hub.procedures.release_started": "Procedures release started",
    "hub.procedures.chapter_drafted": "Procedures chapter change drafted",
    "hub.procedures.chapter_created": "Procedures chapter created",
    "hub.procedures.local_information_drafted": "Procedures local information drafted",
    "hub.procedures.release_published": "Procedures release published",
    "hub.procedures.release_scheduled": "Procedures release scheduled",
    "hub.procedures.release_unscheduled": "Procedures release unscheduled",
    "hub.procedures.unsubscribed": "Unsubscribed from procedures emails",
    "hub.training.booked": "Booked a training place",
    "hub.training.joined_waiting_list": "Joined a waiting list",
    "hub.training.offer_made": "Offered a freed place",
    "hub.training.offer_accepted": "Accepted an offered place",
    "hub.training.offer_expired": "Offer of a place expired",
    "hub.training.left_waiting_list": "Left a waiting list or declined an offer",
    "hub.training.cancelled": "Cancelled a training place",
    "hub.training.transferred": "Transferred a training place",
    "hub.training.register_taken": "Took a register",
    "hub.training.register_closed": "Register closed",
    "hub.training.session_cancelled": "Cancelled a session",
    "hub.training.charged": "Charge raised",
    "hub.training.charge_waived": "Charge waived",
    "hub.training.evaluated": "Sent a course evaluation",
    "hub.assurance.framework_published": "Section 11 framework version published",
    "hub.assurance.framework_copied": "Section 11 framework copied to a new version",
    "hub.assurance.round_opened": "Section 11 round opened",
    "hub.assurance.reminders_sent": "Section 11 reminders sent",
    "hub.assurance.round_closed": "Section 11 round closed",
    "hub.assurance.started": "Section 11 self-assessment started",
    "hub.assurance.answer_saved": "Section 11 answer saved",
    "hub.assurance.local_answers_saved": "Section 11 local answers saved",
    "hub.assurance.evidence_added": "Section 11 evidence file added",
    "hub.assurance.evidence_removed": "Section 11 evidence file removed",
    "hub.assurance.evidence_downloaded": "Section 11 evidence file downloaded",
    "hub.assurance.action_added": "Section 11 action added",
    "hub.assurance.action_updated": "Section 11 action updated",
    "hub.assurance.action_removed": "Section 11 action removed",
    "hub.assurance.contributor_added": "Section 11 contributor added",
    "hub.assurance.contributor_removed": "Section 11 contributor removed",
    "hub.assurance.submitted": "Section 11 self-assessment submitted",
    "hub.assurance.review_started": "Section 11 review started",
    "hub.assurance.challenge_raised": "Section 11 comment or challenge raised",
    "hub.assurance.challenge_answered": "Section 11 challenge answered",
    "hub.assurance.rating_agreed": "Section 11 agreed rating recorded",
    "hub.assurance.returned": "Section 11 self-assessment returned for changes",
    "hub.assurance.agreed": "Section 11 self-assessment agreed",
    "hub.assurance.closed": "Section 11 self-assessment closed",
}


def client_address(request):
    if request is None:
        return ""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except Exception:  # noqa: BLE001 - a malformed forwarding header must not stop logging
        return request.META.get("REMOTE_ADDR", "")


def record(
    *, actor, action, instance, request=None, partnership_id=None, agency_id=None, details=None
):
    """Write one audit entry. `details` may name roles or reasons, never record content."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}")
    data = {
        "client_address": client_address(request),
        "partnership_id": partnership_id
        if partnership_id is not None
        else getattr(instance, "partnership_id", None),
        "agency_id": agency_id if agency_id is not None else getattr(instance, "agency_id", None),
    }
    if details:
        data["details"] = details
    return ModelLogEntry.objects.log_action(
        instance,
        action,
        user=actor if actor is not None and actor.is_authenticated else None,
        title=f"{instance._meta.verbose_name.capitalize()} {instance.pk}",
        data=data,
    )


def entries():
    return ModelLogEntry.objects.filter(action__startswith=AUDIT_PREFIX)


def prune(*, now=None):
    """Delete the Hub's audit entries older than the retention period; return how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.AUDIT_LOG_RETENTION_DAYS)
    deleted, _ = entries().filter(timestamp__lt=cutoff).delete()
    return deleted
