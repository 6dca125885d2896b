"""Account pages: your own account and data, accepting an invitation, and for partnership
admins and agency leads the people they look after and the audit log. Views are thin:
permission through hub.core.permissions, writes through hub.accounts.services."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_POST

from hub.accounts import services
from hub.accounts.forms import (
    AuditFilterForm,
    ConfirmWithPasswordForm,
    GrantRoleForm,
    InviteForm,
    PeopleSearchForm,
    RegistrationDetailsForm,
    SetPasswordForm,
)
from hub.core import audit
from hub.core.domains import every, staff_links_for, todos_for
from hub.core.downloads import private_download
from hub.core.forms import service_call
from hub.core.models import RoleAssignment, User
from hub.core.permissions import (
    Action,
    can,
    get_object_or_404_for,
    policy,
    roles_of,
    scope_queryset,
    what_roles_may_do,
)
from hub.core.presenters import partnership_for
from hub.core.staff_menu import in_admin

PEOPLE_PER_PAGE = 25
AUDIT_ENTRIES_PER_PAGE = 50


def _apply_validation_error(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def home(request):
    assignments = RoleAssignment.objects.filter(user=request.user).select_related(
        "partnership", "agency", "consortium"
    )
    return render(
        request,
        "accounts/home.html",
        {
            "assignments": assignments,
            # Every domain's staff screens this person may use, as in the admin menu.
            "staff_groups": staff_links_for(request),
            "in_admin": in_admin(request),
            # Each domain's links and "what needs doing" (hub/core/domains.py).
            "domain_links": [
                {"text": link.text, "href": link.url(request)}
                for link in every("account_links")
                if link.shown(request)
            ],
            "todos": todos_for(request.user),
        },
    )


@login_required
def details(request):
    user = request.user
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "partnership": user.partnership_id,
        "agency": user.agency_id or user.requested_agency_id,
        "job_role": user.job_role,
        "line_manager_email": user.line_manager_email,
    }
    form = RegistrationDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.account_update_details(user=user, details=form.cleaned_data, request=request)
        messages.success(request, "Your details have been saved.")
        return redirect("accounts:home")
    return render(request, "accounts/details.html", {"form": form})


@login_required
def my_data(request):
    if request.method != "POST":
        return render(request, "accounts/my_data.html")
    data = services.account_export(user=request.user, request=request)
    return private_download(
        json.dumps(data, indent=2),
        filename=f"my-hub-data-{timezone.localdate().isoformat()}.json",
        content_type="application/json; charset=utf-8",
    )


@login_required
def delete_account(request):
    form = ConfirmWithPasswordForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user, request=request)
        return redirect("accounts:deleted")
    return render(request, "accounts/delete.html", {"form": form})


def deleted(request):
    return render(request, "accounts/deleted.html")


def invitation(request, uidb64, token):
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    if user is None or not services.invitation_token_is_valid(user, token):
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"valid_days": settings.INVITATION_VALID_DAYS},
            status=400,
        )
    form = SetPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.invitation_accept(
            user=user, password=form.cleaned_data["password1"], request=request
        )
        messages.success(request, "Your password is set. Sign in, then set up your second factor.")
        return redirect("account_login")
    return render(request, "accounts/invitation.html", {"form": form, "invited": user})


def _require_some(user, action):
    if not can(user, action):
        raise PermissionDenied


@login_required
def people(request):
    _require_some(request.user, Action.VIEW_PEOPLE)
    visible = scope_queryset(request.user, Action.VIEW_PEOPLE, User.objects.all())
    search = PeopleSearchForm(request.GET or None)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    if query:
        visible = visible.filter(email__icontains=query) | visible.filter(
            last_name__icontains=query
        )
    page = Paginator(visible.select_related("agency", "partnership"), PEOPLE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "accounts/people.html",
        {
            "people": page,
            "query": query,
            "search": search,
            "can_invite": can(request.user, Action.MANAGE_PEOPLE, partnership_for(request)),
        },
    )


@login_required
def person(request, pk):
    member = get_object_or_404_for(request.user, Action.VIEW_PEOPLE, User.objects.all(), pk=pk)
    audit.record(actor=request.user, action="hub.record.viewed", instance=member, request=request)
    can_manage = can(request.user, Action.MANAGE_PEOPLE, member)
    return render(
        request,
        "accounts/person.html",
        {
            "member": member,
            "assignments": member.role_assignments.select_related("partnership", "agency"),
            "can_manage": can_manage,
            "invitation_days": settings.INVITATION_VALID_DAYS,
            "grant_form": GrantRoleForm() if can_manage else None,
            "roles": sorted(roles_of(member)) if member.is_active else [],
        },
    )


def _managed_person(request, pk):
    # 404 for anyone the manager may not manage, whether or not the account exists.
    return get_object_or_404_for(request.user, Action.MANAGE_PEOPLE, User.objects.all(), pk=pk)


@login_required
def invite(request):
    partnership = partnership_for(request)
    if partnership is None or not can(request.user, Action.MANAGE_PEOPLE, partnership):
        raise PermissionDenied
    form = InviteForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.person_invite(
                by=request.user,
                partnership=partnership,
                details=form.cleaned_data,
                request=request,
            )
        except ValidationError as error:
            _apply_validation_error(form, error)
        else:
            messages.success(request, f"Invitation sent to {member.email}.")
            return redirect("accounts:person", pk=member.pk)
    return render(
        request,
        "accounts/invite.html",
        {"form": form, "partnership": partnership, "roles": what_roles_may_do()},
    )


@login_required
@require_POST
def grant_role(request, pk):
    member = _managed_person(request, pk)
    form = GrantRoleForm(request.POST)
    if form.is_valid():
        try:
            services.role_grant(
                by=request.user,
                user=member,
                role=form.cleaned_data["role"],
                partnership=member.partnership,
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Role given.")
    else:
        messages.error(request, "Choose a role to give.")
    return redirect("accounts:person", pk=member.pk)


@login_required
@require_POST
def remove_role(request, pk, assignment_pk):
    member = _managed_person(request, pk)
    assignment = get_object_or_404(RoleAssignment, pk=assignment_pk, user=member)
    services.role_remove(by=request.user, assignment=assignment, request=request)
    messages.success(request, "Role removed.")
    return redirect("accounts:person", pk=member.pk)


@login_required
@require_POST
def deactivate(request, pk):
    member = _managed_person(request, pk)
    try:
        services.account_deactivate(by=request.user, user=member, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The account is deactivated. It can no longer sign in.")
    return redirect("accounts:person", pk=member.pk)


@login_required
@require_POST
def resend_invitation(request, pk):
    member = _managed_person(request, pk)
    with service_call() as call:
        services.invitation_resend(by=request.user, user=member, request=request)
    if call.ok:
        messages.success(request, f"A new invitation link is on its way to {member.email}.")
    else:
        messages.error(request, " ".join(call.messages))
    return redirect("accounts:person", pk=member.pk)


@login_required
@require_POST
def reactivate(request, pk):
    member = _managed_person(request, pk)
    services.account_reactivate(by=request.user, user=member, request=request)
    messages.success(request, "The account is active again.")
    return redirect("accounts:person", pk=member.pk)


@login_required
def audit_log(request):
    partnership = partnership_for(request)
    if partnership is None or not can(request.user, Action.VIEW_AUDIT_LOG, partnership):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    entries = audit.entries().filter(data__partnership_id=partnership.pk).select_related("user")
    if form.is_bound and form.is_valid():
        filters = form.cleaned_data
        if (chosen := form.actions_chosen()) is not None:
            entries = entries.filter(action__in=chosen)
        if filters["actor"]:
            entries = entries.filter(user__email__iexact=filters["actor"].strip())
        if filters["date_from"]:
            entries = entries.filter(timestamp__date__gte=filters["date_from"])
        if filters["date_to"]:
            entries = entries.filter(timestamp__date__lte=filters["date_to"])
    elif form.is_bound:
        entries = entries.none()
    page = Paginator(entries.order_by("-timestamp", "-pk"), AUDIT_ENTRIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    audit.describe(page.object_list, request.user)
    return render(
        request,
        "accounts/audit_log.html",
        {
            "form": form,
            "entries": page,
            "labels": audit.actions(),
            "role_labels": policy().labels,
            "partnership": partnership,
        },
    )


def not_found(request, *args, **kwargs):
    raise Http404
