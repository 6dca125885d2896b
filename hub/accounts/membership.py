"""Who works for which agency: asked for by the person, confirmed by someone who knows.

Anyone can say which organisation they work for, but saying so makes them nobody's staff.
They are confirmed, and only then appear in the agency's lists, can be booked and charged as
its staff and added to its section 11 self-assessment, when:

- the agency's safeguarding lead, or the partnership admin, confirms them;
- their verified email address is at a domain the agency registered (a domain belongs to at
  most one agency in a partnership, and shared domains such as nhs.net never count); or
- the partnership invited them, naming the agency.

Every function checks permission, runs in one transaction and writes the audit log.
"""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from hub.core import audit
from hub.core.models import (
    Agency,
    AgencyEmailDomain,
    MembershipConfirmation,
    Role,
    RoleAssignment,
    User,
)
from hub.core.permissions import Action, can, forget_cached_roles

# A host name: labels of letters, digits and inner hyphens, at least one dot.
_DOMAIN = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def domain_of(email):
    return (email or "").rsplit("@", 1)[-1].strip().lower()


def _verified_domains(user):
    return {domain_of(address) for address in user.verified_addresses()}


def _lock(user):
    return User.objects.select_for_update().get(pk=user.pk)


def _confirm(user, agency, how, *, by, request):
    user.agency = agency
    user.requested_agency = None
    user.agency_confirmed_at = timezone.now()
    user.agency_confirmed_how = how
    user.save(
        update_fields=["agency", "requested_agency", "agency_confirmed_at", "agency_confirmed_how"]
    )
    forget_cached_roles(user)
    audit.record(
        actor=by,
        action="hub.account.agency_confirmed",
        instance=user,
        request=request,
        agency_id=agency.pk,
        details={"how": how},
    )


def _domain_matches(user, agency):
    return AgencyEmailDomain.objects.filter(
        agency=agency, domain__in=_verified_domains(user)
    ).exists()


@transaction.atomic
def membership_request(*, user, agency, request=None):
    """`user` says they work for `agency` (None: for no organisation). Choosing the
    organisation they are already confirmed for changes nothing; choosing another leaves the
    old one at once, and the new one is a request until it is confirmed, which happens at
    once if their verified address is at one of its registered domains."""
    user = _lock(user)
    agency_id = agency.pk if agency is not None else None
    if agency_id == user.agency_id and agency_id is not None:
        return user
    if agency_id == user.requested_agency_id:
        return user
    if user.agency_id is not None:
        audit.record(
            actor=user,
            action="hub.account.agency_left",
            instance=user,
            request=request,
            agency_id=user.agency_id,
        )
    user.agency = None
    user.agency_confirmed_at = None
    user.agency_confirmed_how = ""
    user.requested_agency = agency
    user.save(
        update_fields=["agency", "requested_agency", "agency_confirmed_at", "agency_confirmed_how"]
    )
    forget_cached_roles(user)
    if agency is None:
        return user
    audit.record(
        actor=user,
        action="hub.account.agency_requested",
        instance=user,
        request=request,
        agency_id=agency.pk,
    )
    if _domain_matches(user, agency):
        _confirm(user, agency, MembershipConfirmation.EMAIL_DOMAIN, by=None, request=request)
    else:
        _tell_leads(user, agency)
    return user


def _tell_leads(user, agency):
    leads = list(
        RoleAssignment.objects.current()
        .filter(role=Role.AGENCY_LEAD, agency=agency)
        .values_list("user__email", flat=True)
    )
    if not leads:
        return
    context = {"person": user, "agency": agency}
    transaction.on_commit(
        lambda: send_mail(
            f"{user.get_full_name() or user.email} asks to join {agency.name} on the Hub",
            render_to_string("accounts/email/asking_to_join.txt", context),
            None,
            leads,
        )
    )


@transaction.atomic
def membership_confirm(*, by, user, request=None):
    """Confirm that `user` works for the agency they asked to join. Only that agency's lead
    or an admin of one of its partnerships may; anyone else gets a refusal (404)."""
    user = _lock(user)
    agency = user.requested_agency
    if agency is None or not can(by, Action.CONFIRM_MEMBERS, agency):
        raise PermissionDenied
    leads_it = RoleAssignment.objects.filter(user=by, role=Role.AGENCY_LEAD, agency=agency)
    how = MembershipConfirmation.LEAD if leads_it.exists() else MembershipConfirmation.ADMIN
    _confirm(user, agency, how, by=by, request=request)
    _tell_person(user, agency, confirmed=True)
    return user


@transaction.atomic
def membership_decline(*, by, user, request=None):
    """Say that `user` does not work for the agency they asked to join. They stay a
    practitioner of their partnership, with no organisation confirmed."""
    user = _lock(user)
    agency = user.requested_agency
    if agency is None or not can(by, Action.CONFIRM_MEMBERS, agency):
        raise PermissionDenied
    user.requested_agency = None
    user.save(update_fields=["requested_agency"])
    audit.record(
        actor=by,
        action="hub.account.agency_declined",
        instance=user,
        request=request,
        agency_id=agency.pk,
    )
    _tell_person(user, agency, confirmed=False)
    return user


def _tell_person(user, agency, *, confirmed):
    context = {"person": user, "agency": agency, "confirmed": confirmed}
    subject = (
        f"You are confirmed as staff of {agency.name}"
        if confirmed
        else f"{agency.name} did not confirm you as its staff"
    )
    transaction.on_commit(
        lambda: send_mail(
            subject,
            render_to_string("accounts/email/membership_answered.txt", context),
            None,
            [user.email],
        )
    )


def membership_confirm_by_email(*, user, request=None):
    """After an address is verified: confirm a waiting request if the address is at one of
    the requested agency's registered domains."""
    with transaction.atomic():
        user = _lock(user)
        agency = user.requested_agency
        if agency is not None and _domain_matches(user, agency):
            _confirm(user, agency, MembershipConfirmation.EMAIL_DOMAIN, by=None, request=request)
    return user


def normalise_domain(value):
    domain = (value or "").strip().lower().lstrip("@").rstrip(".")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValidationError({"domain": "Enter a domain like westbury-academy.org.uk"}) from error
    if not _DOMAIN.match(domain):
        raise ValidationError({"domain": "Enter a domain like westbury-academy.org.uk"})
    return domain


@transaction.atomic
def agency_domain_add(*, by, agency, domain, request=None):
    """Register an email domain as `agency`'s own. Refused for shared and public domains,
    and for a domain another agency of any of its partnerships already has. People waiting
    to join the agency whose verified address is at the domain are confirmed."""
    if not can(by, Action.CONFIRM_MEMBERS, agency):
        raise PermissionDenied
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    domain = normalise_domain(domain)
    if domain in {d.lower() for d in settings.SHARED_EMAIL_DOMAINS}:
        raise ValidationError(
            {
                "domain": f"{domain} is used by many organisations' staff, so it cannot show "
                "that someone works for yours. Confirm people at it one by one."
            }
        )
    if AgencyEmailDomain.objects.filter(agency=agency, domain=domain).exists():
        raise ValidationError({"domain": f"{domain} is already registered to {agency.name}."})
    clash = (
        AgencyEmailDomain.objects.filter(
            domain=domain, agency__partnerships__in=agency.partnerships.all()
        )
        .exclude(agency=agency)
        .select_related("agency")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "domain": f"{domain} is registered to another organisation in the same "
                "partnership. Ask the partnership's business unit if that is wrong."
            }
        )
    row = AgencyEmailDomain.objects.create(agency=agency, domain=domain)
    audit.record(
        actor=by,
        action="hub.agency.email_domain_added",
        instance=agency,
        request=request,
        agency_id=agency.pk,
        details={"domain": domain},
    )
    for person in User.objects.asking_to_join(agency).filter(
        emailaddress__verified=True, emailaddress__email__iendswith=f"@{domain}"
    ):
        _confirm(person, agency, MembershipConfirmation.EMAIL_DOMAIN, by=by, request=request)
    return row


@transaction.atomic
def agency_domain_remove(*, by, row, request=None):
    """Stop a domain confirming newcomers. People already confirmed stay confirmed."""
    if not can(by, Action.CONFIRM_MEMBERS, row.agency):
        raise PermissionDenied
    row.delete()
    audit.record(
        actor=by,
        action="hub.agency.email_domain_removed",
        instance=row.agency,
        request=request,
        agency_id=row.agency_id,
        details={"domain": row.domain},
    )
