"""The accounts domain: people, their organisations, roles and sign-in (hub/core/domains.py)."""

from django.conf import settings
from django.urls import reverse

from hub.core.domains import Domain, Link, PersonalData, Retention, StaffLink, Todo

AUDIT_ACTIONS = {
    "hub.account.registered": "Registered",
    "hub.account.email_verified": "Verified email address",
    "hub.account.invited": "Invited",
    "hub.account.invitation_resent": "Invitation sent again",
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
}


def _account(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_role": user.job_role,
        "line_manager_email": user.line_manager_email,
        "partnership": str(user.partnership) if user.partnership else None,
        "agency": str(user.agency) if user.agency else None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "is_active": user.is_active,
    }


def _email_addresses(user):
    from allauth.account.models import EmailAddress

    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user)
    ]


def _roles(user):
    from hub.core.models import RoleAssignment

    return [
        {
            "role": a.role_label,
            "scope": str(a.agency or a.partnership or a.consortium),
            "granted_at": a.granted_at.isoformat(),
        }
        for a in RoleAssignment.objects.filter(user=user).select_related(
            "agency", "partnership", "consortium"
        )
    ]


def _second_factors(user):
    from allauth.mfa.models import Authenticator

    return [
        {"type": a.type, "created_at": a.created_at.isoformat()}
        for a in Authenticator.objects.filter(user=user)
    ]


def _activity(user):
    from hub.core import audit

    actions = audit.actions()
    return [
        {
            "when": entry.timestamp.isoformat(),
            "what": actions.get(entry.action),
            "from_address": entry.data.get("client_address"),
        }
        for entry in audit.entries().filter(user=user).order_by("timestamp")
    ]


def _forget_activity(user):
    """The audit log keeps that things happened, not who did them from where."""
    from wagtail.models import ModelLogEntry

    from hub.core import audit

    entries = list(audit.entries().filter(user=user))
    for entry in entries:
        entry.data.pop("client_address", None)
        entry.user = None
    ModelLogEntry.objects.bulk_update(entries, ["data", "user"], batch_size=500)


def _deactivate(now):
    from hub.accounts.inactivity import deactivate_inactive_accounts

    warned, deactivated = deactivate_inactive_accounts(now=now)
    return deactivated


def _prune_audit(now):
    from hub.core import audit

    return audit.prune(now=now)


def _people_asking_to_join(user):
    from hub.core.models import Agency, User
    from hub.core.permissions import Action, can, scope_queryset

    if not can(user, Action.CONFIRM_MEMBERS):
        return []
    agencies = scope_queryset(user, Action.CONFIRM_MEMBERS, Agency.objects.all())
    waiting = User.objects.filter(is_active=True, requested_agency__in=agencies).count()
    if not waiting:
        return []
    return [("People asking to join your organisation", reverse("accounts:organisations"), waiting)]


def _invitations_pending(user):
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

    from hub.core.models import User
    from hub.core.permissions import Action, can, scope_queryset

    if not can(user, Action.MANAGE_PEOPLE):
        return []
    pending = (
        scope_queryset(user, Action.MANAGE_PEOPLE, User.objects.all())
        .filter(is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .count()
    )
    if not pending:
        return []
    return [("Invitations not yet accepted", reverse("accounts:people"), pending)]


def _may(request, action):
    from hub.core.permissions import Action, can

    return can(request.user, Action[action])


def _signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


DOMAIN = Domain(
    label="accounts",
    name="Accounts",
    audit_actions=AUDIT_ACTIONS,
    personal_data=(
        PersonalData(
            key="account", models=("core.User", "wagtailusers.UserProfile"), export=_account
        ),
        PersonalData(
            key="email_addresses", models=("account.EmailAddress",), export=_email_addresses
        ),
        PersonalData(key="roles", models=("core.RoleAssignment",), export=_roles),
        PersonalData(key="second_factors", models=("mfa.Authenticator",), export=_second_factors),
        PersonalData(
            key="activity_log",
            models=("wagtailcore.ModelLogEntry",),
            export=_activity,
            erase=_forget_activity,
        ),
    ),
    retention=(
        Retention(
            what="Account: name, work email, organisation, role, roles, second factors",
            how_long=f"deactivated after {settings.INACTIVE_ACCOUNT_MONTHS} months without "
            "signing in (`INACTIVE_ACCOUNT_MONTHS`), with a warning a month before; deleted "
            "by its holder",
            models=(
                "core.User",
                "core.RoleAssignment",
                "account.EmailAddress",
                "mfa.Authenticator",
                "wagtailusers.UserProfile",
            ),
            prune=_deactivate,
        ),
        Retention(
            what="Audit log: who did what to which record, when, from which address",
            how_long=f"{settings.AUDIT_LOG_RETENTION_DAYS} days (`AUDIT_LOG_RETENTION_DAYS`)",
            models=("wagtailcore.ModelLogEntry",),
            prune=_prune_audit,
        ),
    ),
    navigation=(
        Link(
            "Your account",
            lambda request: reverse("accounts:home"),
            order=900,
            shown=_signed_in,
            active_for="accounts:",
        ),
        Link(
            "Sign in",
            lambda request: reverse("account_login"),
            order=900,
            shown=lambda request: not _signed_in(request),
            active_for="account_login",
        ),
    ),
    staff_links=(
        StaffLink(
            "people",
            "People",
            lambda request: reverse("accounts:people"),
            lambda request: _may(request, "VIEW_PEOPLE"),
            order=10,
            description="Staff accounts and their roles; invite someone, deactivate an account.",
        ),
        StaffLink(
            "people",
            "Who works for your organisations",
            lambda request: reverse("accounts:organisations"),
            lambda request: _may(request, "CONFIRM_MEMBERS"),
            order=20,
            description="People asking to join an organisation; its email domains.",
        ),
        StaffLink(
            "people",
            "Audit log",
            lambda request: reverse("accounts:audit_log"),
            lambda request: _may(request, "VIEW_AUDIT_LOG"),
            order=30,
            description="Who did what to which account or record, and when.",
        ),
    ),
    todos=(
        Todo("people asking to join", _people_asking_to_join),
        Todo("invitations pending", _invitations_pending),
    ),
)
