"""Who works for an organisation: the people asking to join it, confirmed or declined by its
safeguarding lead or the partnership admin, and the email domains that confirm newcomers by
themselves. Views are thin: writes through hub.accounts.membership."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hub.accounts import membership
from hub.accounts.forms import AgencyDomainForm
from hub.core.forms import service_call
from hub.core.models import Agency, User
from hub.core.permissions import Action, can, get_object_or_404_for, scope_queryset


def _agencies(user):
    return scope_queryset(user, Action.CONFIRM_MEMBERS, Agency.objects.all())


def _agency(request, pk):
    return get_object_or_404_for(request.user, Action.CONFIRM_MEMBERS, Agency.objects.all(), pk=pk)


@login_required
def organisations(request):
    if not can(request.user, Action.CONFIRM_MEMBERS):
        raise PermissionDenied
    agencies = _agencies(request.user).annotate(
        asking=Count("join_requests", filter=Q(join_requests__is_active=True), distinct=True),
        staff=Count("members", filter=Q(members__is_active=True), distinct=True),
        domains=Count("email_domains", distinct=True),
    )
    if agencies.count() == 1:
        return redirect("accounts:organisation", agencies.get().pk)
    return render(request, "accounts/organisations.html", {"agencies": agencies})


def _page(request, agency, domain_form=None):
    return render(
        request,
        "accounts/organisation.html",
        {
            "agency": agency,
            "asking": User.objects.asking_to_join(agency).select_related("partnership"),
            "staff_count": User.objects.staff_of(agency).count(),
            "domains": agency.email_domains.all(),
            "domain_form": domain_form or AgencyDomainForm(),
            "form": domain_form,
        },
    )


@login_required
def organisation(request, pk):
    return _page(request, _agency(request, pk))


def _answer(request, pk, person_pk, service):
    """Confirm or decline someone asking to join the agency; anyone else is a 404."""
    agency = _agency(request, pk)
    person = get_object_or_404(User.objects.asking_to_join(agency), pk=person_pk)
    with service_call(AgencyDomainForm()):
        service(by=request.user, user=person, request=request)
    return agency, person.get_full_name() or person.email


@login_required
@require_POST
def confirm(request, pk, person_pk):
    agency, name = _answer(request, pk, person_pk, membership.membership_confirm)
    messages.success(request, f"{name} is confirmed as staff.")
    return redirect("accounts:organisation", agency.pk)


@login_required
@require_POST
def decline(request, pk, person_pk):
    agency, name = _answer(request, pk, person_pk, membership.membership_decline)
    messages.success(
        request, f"{name} is not confirmed. They keep their account and have been told."
    )
    return redirect("accounts:organisation", agency.pk)


@login_required
@require_POST
def add_domain(request, pk):
    agency = _agency(request, pk)
    form = AgencyDomainForm(request.POST)
    if form.is_valid():
        with service_call(form, "domain") as call:
            row = membership.agency_domain_add(
                by=request.user, agency=agency, domain=form.cleaned_data["domain"], request=request
            )
        if call.ok:
            messages.success(request, f"{row.domain} is registered to {agency.name}.")
            return redirect("accounts:organisation", agency.pk)
    return _page(request, agency, domain_form=form)


@login_required
@require_POST
def remove_domain(request, pk, domain_pk):
    agency = _agency(request, pk)
    row = get_object_or_404(agency.email_domains.all(), pk=domain_pk)
    with service_call(AgencyDomainForm()):
        membership.agency_domain_remove(by=request.user, row=row, request=request)
    messages.success(request, f"{row.domain} no longer confirms newcomers.")
    return redirect("accounts:organisation", agency.pk)
