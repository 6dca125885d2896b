"""The action plan, and the colleagues the lead names to help."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from hub.assurance import services
from hub.assurance.agency_views.common import (
    _bound,
    _editable,
    _open_for_changes,
    _url,
)
from hub.assurance.forms import (
    ActionForm,
    ContributorForm,
)
from hub.assurance.models import (
    ActionStatus,
    SubmissionStatus,
)
from hub.core.forms import service_call

# --- The action plan ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def action_new(request, pk):
    item = _editable(request, pk)
    form = _bound(
        request,
        ActionForm,
        standards=item.round.framework_version.standards.all(),
        initial={"status": ActionStatus.NOT_STARTED},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_call(form) as call:
            services.action_add(
                by=request.user,
                submission=item,
                standard=data["standard"],
                description=data["description"],
                owner_role=data["owner_role"],
                due_on=data["due_on"],
                status=data["status"],
                progress_note=data["progress_note"],
                request=request,
            )
        if call.ok:
            messages.success(request, "The action has been added to your plan.")
            return redirect(item.get_absolute_url() + "#action-plan")
    return render(
        request,
        "assurance/agency/action.html",
        {
            "submission": item,
            "form": form,
            "action": None,
            "can_change": _open_for_changes(item),
            "wording_locked": False,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk, action_pk):
    item = _editable(request, pk)
    action = get_object_or_404(item.actions.select_related("standard"), pk=action_pk)
    wording_locked = not _open_for_changes(item)
    form = _bound(
        request,
        ActionForm,
        standards=item.round.framework_version.standards.all(),
        wording_locked=wording_locked,
        initial={
            "description": action.description,
            "standard": action.standard_id,
            "owner_role": action.owner_role,
            "due_on": action.due_on,
            "status": action.status,
            "progress_note": action.progress_note,
        },
    )
    if request.method == "POST" and "remove" in request.POST:
        with service_call() as call:
            services.action_remove(by=request.user, action=action, request=request)
        if not call.ok:
            messages.error(request, " ".join(call.messages))
            return redirect(_url("action", item, action.pk))
        messages.success(request, "The action has been removed from your plan.")
        return redirect(item.get_absolute_url() + "#action-plan")
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        wording = {}
        if not wording_locked:
            wording = {
                "description": data["description"],
                "owner_role": data["owner_role"],
                "due_on": data["due_on"],
                "standard": data["standard"],
            }
        with service_call(form) as call:
            services.action_update(
                by=request.user,
                action=action,
                status=data["status"],
                progress_note=data["progress_note"],
                request=request,
                **wording,
            )
        if call.ok:
            messages.success(request, "The action has been updated.")
            return redirect(item.get_absolute_url() + "#action-plan")
    return render(
        request,
        "assurance/agency/action.html",
        {
            "submission": item,
            "form": form,
            "action": action,
            "overdue": action.is_overdue(),
            "can_change": not (item.round.is_closed or item.status == SubmissionStatus.CLOSED),
            "can_remove": _open_for_changes(item),
            "wording_locked": wording_locked,
        },
    )


# --- Colleagues helping -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def contributors(request, pk):
    item = _editable(request, pk)
    user = request.user
    lead = services.may_lead(user, item)
    form = ContributorForm()
    if request.method == "POST":
        if not lead:
            raise Http404
        if "remove" in request.POST:
            remove = request.POST["remove"]
            contributor = get_object_or_404(
                item.contributors.select_related("person"),
                pk=int(remove) if remove.isdigit() else 0,
            )
            with service_call() as call:
                services.contributor_remove(by=user, contributor=contributor, request=request)
            if call.ok:
                messages.success(
                    request,
                    f"{contributor.person.display_name} can no longer work on this "
                    "self-assessment.",
                )
            else:
                messages.error(request, " ".join(call.messages))
            return redirect(_url("contributors", item))
        form = ContributorForm(request.POST)
        if form.is_valid():
            with service_call(form, "email") as call:
                added = services.contributor_add(
                    by=user, submission=item, email=form.cleaned_data["email"], request=request
                )
            if call.ok:
                messages.success(
                    request, f"{added.person.display_name} can now work on this self-assessment."
                )
                return redirect(_url("contributors", item))
    return render(
        request,
        "assurance/agency/contributors.html",
        {
            "submission": item,
            "form": form,
            "lead": lead,
            "can_add": lead and not item.round.is_closed,
            "contributors": item.contributors.select_related("person", "added_by"),
        },
    )
