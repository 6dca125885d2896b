"""The screening tools as practitioners use them, signed in or not: the list, and each tool's
flow at one address (hub/decision_aids/flow.py). The start page is a GET; every later step
is a POST to the same address carrying the answers in one signed hidden field, so nothing is
ever in a URL, a session, the database, a cache or a log.

Every flow response says `Cache-Control: no-store` (the back button on a shared computer
cannot bring answers back), every POST parameter is marked sensitive, and an error report of
a flow request shows no POST parameter and no frame's local variables (the answers pass
through many frames), so an error report never shows them."""

from functools import wraps

from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.debug import SafeExceptionReporterFilter
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from hub.core.pdf import PDF_CONTENT_TYPE, render_pdf
from hub.core.presenters import partnership_for
from hub.decision_aids import flow, queries
from hub.decision_aids.forms import DomainForm
from hub.decision_aids.models import Tool, ToolVersion


def tools(request):
    partnership = partnership_for(request)
    if partnership is None:
        raise Http404
    return render(
        request,
        "decision_aids/tools.html",
        {"tools": queries.published_tools(partnership), "partnership": partnership},
    )


def _latest_version(request, slug):
    """The latest published version of the tool this partnership uses at `slug` (its own,
    or else the consortium's regional one), with its tool; 404 when there is none."""
    partnership = partnership_for(request)
    if partnership is None:
        raise Http404
    version = (
        ToolVersion.objects.filter(
            tool__in=Tool.objects.for_partnership(partnership).filter(slug=slug)
        )
        .select_related("tool")
        .order_by(F("tool__partnership").asc(nulls_last=True), "-number")
        .first()
    )
    if version is None:
        raise Http404
    return version


def _urls(version):
    slug = version.tool.slug
    return {
        "flow_url": reverse("decision_aids:tool", args=[slug]),
        "pdf_url": reverse("decision_aids:summary_pdf", args=[slug]),
    }


def _page(request, template, journey, **context):
    return render(
        request,
        f"decision_aids/{template}",
        {
            "version": journey.version,
            "content": journey.content,
            "state": journey.signed(),
            "journey": journey,
            **_urls(journey.version),
            **context,
        },
    )


def _refused(request, version, error):
    """The error page: what happened, and Start again. Logs and keeps nothing sent."""
    response = render(
        request,
        "decision_aids/tool_error.html",
        {
            "version": version,
            "error_title": error.title,
            "error_message": error.message,
            **_urls(version),
        },
        status=error.status,
    )
    if error.allow:
        response["Allow"] = error.allow
    return response


class NothingShown(SafeExceptionReporterFilter):
    """The error report of a flow request (hub/decision_aids/flow.py): every POST parameter
    and every frame's variables are replaced, whatever DEBUG says."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {name: self.cleansed_substitute for name in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


def _flow_view(view):
    """A view of the flow: POST parameters sensitive, no frame variable in an error report,
    and `Cache-Control: no-store` on every response."""

    @sensitive_post_parameters()
    @never_cache
    @wraps(view)
    def flow_view(request, *args, **kwargs):
        request.exception_reporter_filter = NothingShown()
        return view(request, *args, **kwargs)

    return flow_view


@_flow_view
def tool(request, slug):
    version = _latest_version(request, slug)
    if request.method in ("GET", "HEAD"):
        return _start_page(request, flow.Journey(version), fresh=True)
    try:
        if request.method != "POST":
            raise flow.wrong_method()
        action = flow.parse_action(request.POST, version.content)
        signed = request.POST.get(flow.STATE_FIELD)
        if action.step == "start" and not signed:
            journey = flow.Journey(version)
        else:
            journey = flow.Journey.read(signed, version)
        return _step(request, journey, action)
    except flow.FlowError as error:
        return _refused(request, version, error)


def _step(request, journey, action):
    step = action.step
    if step == "intro":
        return _start_page(request, journey, fresh=False)
    if step in ("domain", "change"):
        return _domain_page(request, journey, action.domain, changing=step == "change")
    if step in ("save", "save-change"):
        return _save_domain(request, journey, action.domain, changing=step == "save-change")
    if step == "check" and journey.complete:
        return _check_page(request, journey)
    if step == "outcome" and journey.complete:
        return _outcome_page(request, journey)
    # "start", "tasks", and checking or an outcome before every domain is done.
    return _task_list(request, journey)


def _start_page(request, journey, *, fresh):
    """The start page: a GET (no answers), or Back from the task list (answers carried)."""
    return render(
        request,
        "decision_aids/tool_start.html",
        {
            "version": journey.version,
            "content": journey.content,
            "state": "" if fresh else journey.signed(),
            **_urls(journey.version),
        },
    )


def _task_list(request, journey):
    return _page(
        request,
        "tool_tasks.html",
        journey,
        tasks=flow.tasks(journey),
        back_action="intro",
    )


def _domain_page(request, journey, index, *, changing, form=None):
    if form is None:
        form = DomainForm(journey=journey, index=index, initial=journey.initial(index))
    return _page(
        request,
        "tool_domain.html",
        journey,
        form=form,
        index=index,
        domain=journey.domains[index],
        save_action=flow.action_value("save-change" if changing else "save", index),
        back_action="check" if changing and journey.complete else "tasks",
    )


def _save_domain(request, journey, index, *, changing):
    journey.check_posted(request.POST, index)
    form = DomainForm(request.POST, journey=journey, index=index)
    if not form.is_valid():
        return _domain_page(request, journey, index, changing=changing, form=form)
    journey.save(index, form.cleaned_data)
    if changing and journey.complete:
        return _check_page(request, journey)
    following = journey.next_to_do(index)
    if following is None:
        return _check_page(request, journey)
    return _domain_page(request, journey, following, changing=False)


def _check_page(request, journey):
    return _page(
        request,
        "tool_check.html",
        journey,
        groups=flow.answer_groups(journey),
        back_action="tasks",
    )


def _outcome_page(request, journey):
    return _page(
        request,
        "tool_outcome.html",
        journey,
        summary=flow.outcome_summary(journey),
        printed_at=timezone.now(),
        back_action="check",
    )


@_flow_view
def summary_pdf(request, slug):
    """The outcome as a PDF, made in memory from the posted answers and sent as a download;
    never written to disk."""
    version = _latest_version(request, slug)
    try:
        if request.method != "POST":
            raise flow.summary_by_post_only()
        journey = flow.Journey.read(request.POST.get(flow.STATE_FIELD), version)
        if not journey.complete:
            raise flow.incomplete()
    except flow.FlowError as error:
        return _refused(request, version, error)
    pdf = render_pdf(
        "decision_aids/summary_pdf.html",
        {
            "version": version,
            "content": journey.content,
            "summary": flow.outcome_summary(journey),
            "partnership": partnership_for(request),
            "made_at": timezone.now(),
        },
        request=request,
    )
    response = HttpResponse(pdf, content_type=PDF_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{version.tool.slug}-summary.pdf"'
    return response
