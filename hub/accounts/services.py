"""Every change to accounts and roles. Each function checks permission, runs in one
transaction and writes the audit log; views only call these."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from hub.core import audit
from hub.core.domains import every
from hub.core.models import MembershipConfirmation, RoleAssignment, User
from hub.core.permissions import (
    PRACTITIONER,
    Action,
    assignment_scope,
    can,
    forget_cached_roles,
    policy,
    role_scope,
    roles_with,
)


def account_register_details(*, user, details, request=None):
    """Store a new practitioner's details from the registration form; log the registration.
    The organisation they name is a request to join it (see hub.accounts.membership)."""
    from hub.accounts.membership import membership_request

    user.first_name = details["first_name"]
    user.last_name = details["last_name"]
    user.partnership = details["partnership"]
    user.job_role = details["job_role"]
    user.line_manager_email = details.get("line_manager_email", "")
    user.save()
    audit.record(actor=user, action="hub.account.registered", instance=user, request=request)
    membership_request(user=user, agency=details["agency"], request=request)


@transaction.atomic
def account_update_details(*, user, details, request=None):
    """Change one's own details; the agency must belong to the chosen partnership. Choosing
    a different organisation is a request to join it, never membership by itself."""
    from hub.accounts.membership import membership_request

    for field in ("first_name", "last_name", "partnership", "job_role", "line_manager_email"):
        setattr(user, field, details.get(field, ""))
    user.save(
        update_fields=["first_name", "last_name", "partnership", "job_role", "line_manager_email"]
    )
    audit.record(actor=user, action="hub.account.details_changed", instance=user, request=request)
    membership_request(user=user, agency=details.get("agency"), request=request)


def _require(actor, action, target):
    if not can(actor, action, target):
        raise PermissionDenied


def invitation_link(request, user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("accounts:invitation", args=[uid, token]))


@transaction.atomic
def person_invite(*, by, partnership, details, request):
    """Create an account for a member of staff with one role, and email them a link to set a
    password. The link works once and expires after INVITATION_VALID_DAYS days."""
    _require(by, Action.MANAGE_PEOPLE, partnership)
    agency = details["agency"]
    if not agency.partnerships.filter(pk=partnership.pk).exists():
        raise ValidationError({"agency": "Choose an organisation in this partnership."})
    email = details["email"].strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {
                "email": "Someone with this email address already has an account. If they work "
                "in this partnership, find them in the list of people and give them the role."
            }
        )
    user = User.objects.create_user(
        email=email,
        password=None,
        first_name=details["first_name"],
        last_name=details["last_name"],
        partnership=partnership,
        agency=agency,
        # Invited by the partnership, naming the organisation: confirmed by the invitation.
        agency_confirmed_at=timezone.now(),
        agency_confirmed_how=MembershipConfirmation.INVITATION,
        job_role=details["job_role"],
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    audit.record(actor=by, action="hub.account.invited", instance=user, request=request)
    role_grant(by=by, user=user, role=details["role"], partnership=partnership, request=request)
    _send_invitation(user, by=by, request=request)
    return user


def _send_invitation(user, *, by, request):
    context = {
        "user": user,
        "partnership": user.partnership,
        "invited_by": by,
        "link": invitation_link(request, user),
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    transaction.on_commit(
        lambda: send_mail(
            f"You have been invited to the {user.partnership.name} Hub",
            render_to_string("accounts/email/invitation.txt", context),
            None,
            [user.email],
        )
    )


@transaction.atomic
def invitation_resend(*, by, user, request):
    """Email a fresh invitation link to someone who has not set a password yet, valid for
    INVITATION_VALID_DAYS from now (an earlier link, if not yet expired, works too: both went
    to the same address). Refused once they have set a password: they sign in, or reset it."""
    _require(by, Action.MANAGE_PEOPLE, user)
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        raise ValidationError("This account is deactivated. Reactivate it first.")
    if user.has_usable_password():
        raise ValidationError(
            "This person has already set a password: they can sign in, or reset their "
            "password from the sign-in page."
        )
    user.date_joined = timezone.now()
    user.save(update_fields=["date_joined"])
    audit.record(actor=by, action="hub.account.invitation_resent", instance=user, request=request)
    _send_invitation(user, by=by, request=request)
    return user


@transaction.atomic
def invitation_accept(*, user, password, request):
    """Set the invited person's password and verify their address. The token is spent: it
    was made from the old password hash, which this changes."""
    user.set_password(password)
    user.save(update_fields=["password"])
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
    audit.record(
        actor=user, action="hub.account.invitation_accepted", instance=user, request=request
    )


def invitation_token_is_valid(user, token):
    if user.has_usable_password():
        return False
    age = timezone.now() - user.date_joined
    return age <= datetime.timedelta(days=settings.INVITATION_VALID_DAYS) and (
        default_token_generator.check_token(user, token)
    )


@transaction.atomic
def role_grant(*, by, user, role, partnership, request=None):
    """Give `user` a role in `partnership` (agency leads: for the user's own agency).
    Granting a role someone already holds changes nothing."""
    _require(by, Action.MANAGE_PEOPLE, partnership)
    if user.partnership_id != partnership.pk:
        raise ValidationError("This person is not a member of this partnership.")
    table = policy()
    if role not in table.labels or role == PRACTITIONER:
        raise ValidationError("Choose one of the roles listed.")
    if role not in table.assignable:
        raise ValidationError(f"The role {table.labels[role]} is not given by a partnership.")
    if role_scope(role) == "agency" and user.agency is None:
        raise ValidationError("Record the person's organisation before giving them a role for it.")
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, **assignment_scope(role, partnership=partnership, agency=user.agency)
    )
    if created:
        audit.record(
            actor=by,
            action="hub.account.role_granted",
            instance=user,
            request=request,
            details={"role": role},
        )
        sync_admin_access(user)
    return assignment


@transaction.atomic
def role_remove(*, by, assignment, request=None):
    _require(by, Action.MANAGE_PEOPLE, assignment.partnership)
    user = assignment.user
    assignment.delete()
    audit.record(
        actor=by,
        action="hub.account.role_removed",
        instance=user,
        request=request,
        details={"role": assignment.role},
    )
    sync_admin_access(user)


@transaction.atomic
def account_deactivate(*, by, user, request=None, reason="by an administrator"):
    """Stop an account signing in. Its records stay; it can be reactivated."""
    if by is not None:
        _require(by, Action.MANAGE_PEOPLE, user)
        if by.pk == user.pk:
            raise ValidationError("You cannot deactivate your own account.")
    if not user.is_active:
        return
    user.is_active = False
    user.deactivated_at = timezone.now()
    user.save(update_fields=["is_active", "deactivated_at"])
    audit.record(
        actor=by,
        action="hub.account.deactivated",
        instance=user,
        request=request,
        details={"reason": reason},
    )


@transaction.atomic
def account_reactivate(*, by, user, request=None):
    _require(by, Action.MANAGE_PEOPLE, user)
    if user.is_active:
        return
    user.is_active = True
    user.deactivated_at = None
    user.inactivity_warning_sent_at = None
    user.last_login = timezone.now()  # a fresh start for the inactivity clock
    user.save(
        update_fields=["is_active", "deactivated_at", "inactivity_warning_sent_at", "last_login"]
    )
    audit.record(actor=by, action="hub.account.reactivated", instance=user, request=request)


def account_export(*, user, request=None):
    """Everything the Hub holds about `user`, for a subject access request by themselves:
    each domain's part under its own key (hub/core/domains.py)."""
    data = {"exported_at": timezone.now().isoformat()}
    for part in every("personal_data"):
        data[part.key] = part.export(user)
    audit.record(actor=user, action="hub.account.data_exported", instance=user, request=request)
    return data


@transaction.atomic
def account_delete(*, user, request=None):
    """Delete the account at its holder's request. Each domain erases what does not go with
    the account row by itself; the audit log keeps that it happened, and by which account
    number, but nothing else about the person."""
    for part in every("personal_data"):
        if part.erase is not None:
            part.erase(user)
    audit.record(actor=None, action="hub.account.deleted", instance=user, request=request)
    user.delete()


def sync_admin_access(user):
    """Derive Wagtail admin access from roles: editors and partnership admins edit their own
    partnership's pages only; consortium editors, training coordinators and any other role
    that uses the admin (a domain's, such as the review panel) only enter it (their screens
    check their roles themselves). Roles are the truth; Wagtail groups follow them."""
    forget_cached_roles(user)
    page_editing = roles_with(Action.EDIT_PAGES)
    editing = RoleAssignment.objects.filter(user=user, role__in=page_editing).select_related(
        "partnership__site"
    )
    groups = [editor_group_for(assignment.partnership) for assignment in editing]
    regional = set(roles_with(Action.EDIT_REGIONAL_CONTENT))
    training = set(roles_with(Action.MANAGE_TRAINING)) - set(page_editing)
    entering = set(roles_with(Action.ACCESS_ADMIN)) - set(page_editing) - regional - training
    for roles, name in (
        (regional, CONSORTIUM_EDITOR_GROUP),
        (training, TRAINING_TEAM_GROUP),
        (entering, STAFF_SCREENS_GROUP),
    ):
        if RoleAssignment.objects.filter(user=user, role__in=roles).exists():
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.add(Permission.objects.get(codename="access_admin"))
            groups.append(group)
    managed = Group.objects.filter(name__startswith=EDITOR_GROUP_PREFIX) | Group.objects.filter(
        name__in=[CONSORTIUM_EDITOR_GROUP, TRAINING_TEAM_GROUP, STAFF_SCREENS_GROUP]
    )
    user.groups.remove(*managed.exclude(pk__in=[g.pk for g in groups]))
    user.groups.add(*groups)


EDITOR_GROUP_PREFIX = "Partnership editors: "
CONSORTIUM_EDITOR_GROUP = "Consortium editors"
TRAINING_TEAM_GROUP = "Training team"
STAFF_SCREENS_GROUP = "Staff screens"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


LIBRARY_PERMISSIONS = ["add_librarydocument", "change_librarydocument", "view_librarydocument"]
# On the partnership's own collection. Documents are only ever added through the library, so
# editors may choose them (for links) but never add or change them in Wagtail's screens.
OWN_COLLECTION_PERMISSIONS = ["add_image", "change_image", "choose_image", "choose_document"]
# On the consortium's collection: files shared by every partnership, to link to and show.
SHARED_COLLECTION_PERMISSIONS = ["choose_image", "choose_document"]


def editor_group_for(partnership):
    """The Wagtail group for one partnership's editors, with exactly the permissions they need:
    its pages, its library, and its own collection (never another partnership's). Safe to call
    again: it brings the group back to exactly these permissions."""
    from hub.core.collections import collection_for

    group, _ = Group.objects.get_or_create(name=f"{EDITOR_GROUP_PREFIX}{partnership.short_name}")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="library", codename__in=LIBRARY_PERMISSIONS
        ),
    )
    if partnership.site_id:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=partnership.site.root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    wanted = [(collection_for(partnership), OWN_COLLECTION_PERMISSIONS)]
    if partnership.consortium_id:
        wanted.append((collection_for(partnership.consortium), SHARED_COLLECTION_PERMISSIONS))
    keep = []
    for collection, codenames in wanted:
        for permission in Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
        ):
            row, _ = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
            keep.append(row.pk)
    GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=keep).delete()
    return group
