"""The escalation log as practitioners, agency leads and the business unit meet it, on their
partnership's site: the list of escalations the person may see, raising one, recording good
practice, one escalation with every step and its stage timers, and the pages that move it on,
record the receiving agency's response, close it and correct it.

Views are thin: every write goes through hub.escalations.services (PermissionDenied is a 404,
a ValidationError lands on the form). Every escalation is found inside
queries.visible_escalations for this partnership, so another agency's or partnership's
reference is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from hub.core.forms import service_call
from hub.core.presenters import partnership_for
from hub.core.working_days import working_days_between
from hub.escalations import queries, services
from hub.escalations.forms import (
    CloseForm,
    CorrectForm,
    GoodPracticeForm,
    MoveForm,
    RaiseForm,
    RespondForm,
)
from hub.escalations.models import NO_NAMES, EntryType, Protocol, Step

FILTERS = {
    "open": "Open",
    "overdue": "Past a stage's target",
    "closed": "Closed",
    "all": "All",
}


def _partnership(request):
    """The partnership whose site this is, if the person may use its escalation log."""
    partnership = partnership_for(request)
    if partnership is None or not queries.may_use_here(request.user, partnership):
        raise Http404
    return partnership


def _protocol(partnership):
    protocol = Protocol.objects.filter(partnership=partnership).first()
    if protocol is None:
        raise Http404
    return protocol


def _escalation(request, reference):
    partnership = _partnership(request)
    return get_object_or_404(
        queries.visible_escalations(request.user, partnership).select_related(
            "partnership",
            "protocol",
            "raising_agency",
            "receiving_agency",
            "level",
            "theme",
            "stage",
            "outcome",
        ),
        reference=reference,
    )


def _bound(request, form_class, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def _phone_warned(call):
    error = call.error
    if error is None or not hasattr(error, "error_dict"):
        return False
    return any(e.code == "phone_number" for errors in error.error_dict.values() for e in errors)


# --- The list -------------------------------------------------------------------------------


def _row(escalation, today):
    due = queries.stage_due_on(escalation) if escalation.closed_on is None else None
    return {
        "escalation": escalation,
        "due_on": due,
        "overdue": queries.is_overdue(escalation, today),
    }


@login_required
@require_GET
def index(request):
    partnership = _partnership(request)
    user = request.user
    show = request.GET.get("show", "open")
    if show not in FILTERS:
        show = "open"
    rows = queries.visible_escalations(user, partnership).select_related(
        "raising_agency", "receiving_agency", "theme", "stage", "outcome"
    )
    if show in ("open", "overdue"):
        rows = rows.open()
    elif show == "closed":
        rows = rows.filter(closed_on__isnull=False)
    today = timezone.localdate()
    items = [_row(escalation, today) for escalation in rows]
    if show == "overdue":
        items = [item for item in items if item["overdue"]]
    protocol = Protocol.objects.filter(partnership=partnership).first()
    return render(
        request,
        "escalations/index.html",
        {
            "partnership": partnership,
            "protocol": protocol,
            "rows": items,
            "show": show,
            "filters": FILTERS,
            "may_raise": queries.raising_agency_for(user, partnership) is not None,
            "sees_all": queries.sees_all(user, partnership),
        },
    )


# --- Raising, and good practice -------------------------------------------------------------


def _record(request, *, good_practice):
    partnership = _partnership(request)
    protocol = _protocol(partnership)
    if good_practice and not protocol.records_good_practice:
        raise Http404
    raising_agency = queries.raising_agency_for(request.user, partnership)
    if raising_agency is None:
        raise Http404
    form_class = GoodPracticeForm if good_practice else RaiseForm
    form = _bound(
        request,
        form_class,
        partnership=partnership,
        protocol=protocol,
        raising_agency=raising_agency,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        service = services.good_practice_record if good_practice else services.escalation_raise
        with service_call(form) as call:
            escalation = service(
                by=request.user,
                partnership=partnership,
                receiving_agency=data["receiving_agency"],
                level=data["level"],
                theme=data["theme"],
                summary=data["summary"],
                raised_on=data["raised_on"],
                role_level=data["role_level"],
                phone_confirmed=data["phone_confirmed"],
            )
        if call.ok:
            what = "Good practice recorded" if good_practice else "Escalation raised"
            messages.success(
                request,
                f"{what}: its reference is {escalation.reference}. Note this reference in "
                "your agency's own case record.",
            )
            return redirect("escalations:detail", reference=escalation.reference)
        form.phone_warning = _phone_warned(call)
    return render(
        request,
        "escalations/form.html",
        {
            "form": form,
            "heading": "Record good practice" if good_practice else "Raise an escalation",
            "caption": f"{raising_agency.name}",
            "intro": (
                "Record good practice your agency saw in another agency's work with a child "
                "or family."
                if good_practice
                else "Record a disagreement your agency has with another agency's decision "
                "about a child. The Hub gives it its own reference for you to note in your "
                "agency's case record."
            ),
            "button": "Record good practice" if good_practice else "Raise the escalation",
            "back": reverse("escalations:index"),
            "no_names": NO_NAMES,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def raise_escalation(request):
    return _record(request, good_practice=False)


@login_required
@require_http_methods(["GET", "POST"])
def record_good_practice(request):
    return _record(request, good_practice=True)


# --- One escalation -------------------------------------------------------------------------


def stage_timers(escalation, steps, stages, today):
    """Each stage the escalation reached: when it started and ended, the working days it
    took (or has taken so far), its target, and whether it is over."""
    starts = [step for step in steps if step.kind in (Step.Kind.RAISED, Step.Kind.MOVED)]
    # A correction may have moved the current stage's start; the escalation's own says.
    timers = []
    for index, step in enumerate(starts):
        stage = stages.get(step.stage_id)
        if stage is None:
            continue
        started = step.on
        is_current = index == len(starts) - 1
        if is_current:
            started = escalation.stage_started_on or started
            ended = escalation.closed_on
        else:
            ended = starts[index + 1].on
        taken = working_days_between(started, ended or today)
        timers.append(
            {
                "stage": stage,
                "started": started,
                "ended": ended,
                "days": taken,
                "target": stage.target_working_days,
                "over": taken > stage.target_working_days,
                "current": is_current and escalation.closed_on is None,
            }
        )
    return timers


@login_required
@require_GET
def detail(request, reference):
    escalation = _escalation(request, reference)
    user = request.user
    steps = list(escalation.steps.all())
    ordered = list(escalation.protocol.stages.order_by("sort_order", "pk"))
    stages = {stage.pk: stage for stage in ordered}
    today = timezone.localdate()
    services.escalation_viewed(by=user, escalation=escalation, request=request)
    is_open = escalation.entry_type == EntryType.ESCALATION and escalation.closed_on is None
    raising_side = services.acts_for_raising_side(user, escalation)
    return render(
        request,
        "escalations/detail.html",
        {
            "escalation": escalation,
            "steps": [{"step": step, "stage": stages.get(step.stage_id)} for step in steps],
            "timers": stage_timers(escalation, steps, stages, today)
            if escalation.entry_type == EntryType.ESCALATION
            else [],
            "due_on": queries.stage_due_on(escalation) if is_open else None,
            "overdue": queries.is_overdue(escalation, today),
            "may_move": is_open and raising_side and _has_later_stage(escalation, ordered),
            "may_respond": is_open and services.acts_for_receiving_side(user, escalation),
            "may_close": is_open and (raising_side or services.may_correct(user, escalation)),
            "may_correct": services.may_correct(user, escalation),
        },
    )


def _has_later_stage(escalation, ordered):
    ids = [stage.pk for stage in ordered]
    return escalation.stage_id in ids and ids.index(escalation.stage_id) < len(ids) - 1


def _step_page(request, reference, *, form_class, allowed, service, heading, button, args):
    escalation = _escalation(request, reference)
    if not allowed(request.user, escalation):
        raise Http404
    closed = escalation.closed_on is not None and form_class is not CorrectForm
    seen = escalation.steps.count()
    form = _bound(request, form_class, escalation=escalation, initial={"seen": seen})
    if form_class is CorrectForm and request.method != "POST":
        form = CorrectForm(
            escalation=escalation,
            initial={
                "seen": seen,
                **{field: getattr(escalation, field) for field in services.CORRECTABLE},
            },
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_call(form) as call:
            service(
                by=request.user,
                escalation=escalation,
                seen=data["seen"],
                phone_confirmed=data["phone_confirmed"],
                **args(form),
            )
        if call.ok:
            messages.success(request, f"{heading}: done for {escalation.reference}.")
            return redirect("escalations:detail", reference=escalation.reference)
        form.phone_warning = _phone_warned(call)
    return render(
        request,
        "escalations/form.html",
        {
            "form": form,
            "escalation": escalation,
            "closed": closed,
            "heading": heading,
            "caption": escalation.reference,
            "button": button,
            "back": reverse("escalations:detail", args=[escalation.reference]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def move(request, reference):
    return _step_page(
        request,
        reference,
        form_class=MoveForm,
        allowed=services.acts_for_raising_side,
        service=services.escalation_move,
        heading="Move to another stage",
        button="Move it on",
        args=lambda form: {
            key: form.cleaned_data[key]
            for key in ("stage", "on", "role_level", "note", "skip_reason")
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def respond(request, reference):
    return _step_page(
        request,
        reference,
        form_class=RespondForm,
        allowed=services.acts_for_receiving_side,
        service=services.escalation_respond,
        heading="Record your agency's response",
        button="Record the response",
        args=lambda form: {key: form.cleaned_data[key] for key in ("on", "role_level", "note")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def close(request, reference):
    return _step_page(
        request,
        reference,
        form_class=CloseForm,
        allowed=lambda user, e: (
            services.acts_for_raising_side(user, e) or services.may_correct(user, e)
        ),
        service=services.escalation_close,
        heading="Close the escalation",
        button="Close it",
        args=lambda form: {
            key: form.cleaned_data[key] for key in ("outcome", "on", "role_level", "note")
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def correct(request, reference):
    return _step_page(
        request,
        reference,
        form_class=CorrectForm,
        allowed=services.may_correct,
        service=services.escalation_correct,
        heading="Correct the escalation",
        button="Save the correction",
        args=lambda form: {"changes": form.changes(), "reason": form.cleaned_data["reason"]},
    )
