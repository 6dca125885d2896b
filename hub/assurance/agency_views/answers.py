"""A standard's page (the rating, the evidence narrative and the evidence files) and the
local questions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from hub.assurance import presenters, services
from hub.assurance.agency_views.common import (
    _bound,
    _editable,
    _needs_starting,
    _open_for_changes,
    _readable,
    _standards,
    _url,
)
from hub.assurance.forms import (
    AnswerForm,
    AttachForm,
    EvidenceForm,
    LocalAnswersForm,
)
from hub.core.forms import service_call
from hub.core.uploads.documents import CONTENT_TYPES
from hub.core.uploads.serving import serve_upload

# --- A standard: the answer and its evidence files --------------------------------------


def _next_url(submission, standard, standards):
    """The next standard's page, or the task list after the last."""
    index = [s.pk for s in standards].index(standard.pk)
    if index + 1 < len(standards):
        return _url("standard", submission, standards[index + 1].pk)
    return submission.get_absolute_url()


@login_required
@require_http_methods(["GET", "POST"])
def standard(request, pk, standard_pk):
    item = _readable(request, pk)
    version = item.round.framework_version
    current = get_object_or_404(version.standards.all(), pk=standard_pk)
    user = request.user
    may_edit = services.may_edit(user, item)
    if request.method == "POST" and not may_edit:
        raise Http404
    if may_edit and _needs_starting(item):
        # Starting brings last round's answers forward; the task list's button does it.
        return redirect(item.get_absolute_url())
    answer = item.answers.filter(standard=current).first()
    max_bytes = services.max_evidence_bytes()
    answer_form = AnswerForm(
        version=version,
        initial={"rating": answer.rating, "narrative": answer.narrative} if answer else None,
    )
    upload_form = EvidenceForm(max_bytes=max_bytes)
    attach_form = AttachForm()
    standards = _standards(item)
    leads = services.may_lead(user, item)
    if request.method == "POST" and "attach" in request.POST:
        attach_form = AttachForm(request.POST)
        if not leads:
            raise Http404
        if attach_form.is_valid():
            with service_call(attach_form) as call:
                services.record_attach(
                    by=user,
                    submission=item,
                    standard=current,
                    choice=request.POST.get("attach", ""),
                    request=request,
                )
            if call.ok:
                messages.success(request, "The record has been attached to this standard.")
                return redirect(_url("standard", item, current.pk, anchor="#attached"))
    elif request.method == "POST" and "upload" in request.POST:
        upload_form = EvidenceForm(request.POST, request.FILES, max_bytes=max_bytes)
        if upload_form.is_valid():
            with service_call(upload_form, "file") as call:
                evidence = services.evidence_add(
                    by=user,
                    submission=item,
                    standard=current,
                    uploaded_file=upload_form.cleaned_data["file"],
                    request=request,
                )
            if call.ok:
                messages.success(request, f"{evidence.original_filename} has been uploaded.")
                return redirect(_url("standard", item, current.pk, anchor="#evidence"))
    elif request.method == "POST":
        answer_form = AnswerForm(request.POST, version=version)
        if answer_form.is_valid():
            with service_call(answer_form) as call:
                services.answer_save(
                    by=user,
                    submission=item,
                    standard=current,
                    rating=answer_form.cleaned_data["rating"],
                    narrative=answer_form.cleaned_data["narrative"],
                    request=request,
                )
            if call.ok:
                if request.POST.get("next") == "return":
                    messages.success(
                        request, f"Your answer to standard {current.number} has been saved."
                    )
                    return redirect(item.get_absolute_url())
                return redirect(_next_url(item, current, standards))
    position = [s.pk for s in standards].index(current.pk) + 1
    attached = list(item.attached_records.filter(standard=current))
    return render(
        request,
        "assurance/agency/standard.html",
        {
            "submission": item,
            "standard": current,
            "position": position,
            "count": len(standards),
            "answer": answer,
            "rating": presenters.rating(item.scale, answer.rating if answer else None),
            "agreed": presenters.rating(item.scale, answer.agreed_rating if answer else None),
            "evidence": item.evidence.filter(standard=current),
            "attached": attached,
            "attached_choices": {f"{record.source}:{record.key}" for record in attached},
            # Only the agency's lead sees its records from elsewhere in the Hub.
            "offered": services.offered_records(item) if leads and _open_for_changes(item) else [],
            "leads": leads,
            "editable": may_edit and _open_for_changes(item),
            "answer_form": answer_form,
            "upload_form": upload_form,
            "attach_form": attach_form,
            # The layout marks the title "Error:" when the page's `form` has errors.
            "form": next((form for form in (upload_form, attach_form) if form.errors), answer_form),
        },
    )


@login_required
def evidence_download(request, pk, evidence_pk):
    item = _readable(request, pk)
    evidence = get_object_or_404(item.evidence.all(), pk=evidence_pk)
    # Out of scope is a 404 above, whatever the method.
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    try:
        response = serve_upload(
            evidence.file,
            filename=evidence.original_filename,
            content_type=CONTENT_TYPES.get(evidence.kind, "application/octet-stream"),
            private=True,
        )
    except FileNotFoundError as error:
        raise Http404 from error
    with service_call():
        services.evidence_download_record(by=request.user, evidence=evidence, request=request)
    return response


@login_required
def evidence_remove(request, pk, evidence_pk):
    item = _editable(request, pk)
    evidence = get_object_or_404(item.evidence.all(), pk=evidence_pk)
    # Out of scope is a 404 above, whatever the method; in scope, only POST removes.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    name, standard_pk = evidence.original_filename, evidence.standard_id
    with service_call() as call:
        services.evidence_remove(by=request.user, evidence=evidence, request=request)
    if call.ok:
        messages.success(request, f"{name} has been removed.")
    else:
        messages.error(request, " ".join(call.messages))
    return redirect(_url("standard", item, standard_pk, anchor="#evidence"))


@login_required
def attached_remove(request, pk, attached_pk):
    item = _editable(request, pk)
    attached = get_object_or_404(item.attached_records.all(), pk=attached_pk)
    # Out of scope is a 404 above, whatever the method; in scope, only POST removes.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    standard_pk = attached.standard_id
    with service_call() as call:
        services.record_detach(by=request.user, attached=attached, request=request)
    if call.ok:
        messages.success(request, "The attached record has been removed.")
    else:
        messages.error(request, " ".join(call.messages))
    return redirect(_url("standard", item, standard_pk, anchor="#attached"))


# --- Local questions ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def local_questions(request, pk):
    item = _readable(request, pk)
    user = request.user
    may_edit = services.may_edit(user, item)
    if request.method == "POST" and not may_edit:
        raise Http404
    if may_edit and _needs_starting(item):
        return redirect(item.get_absolute_url())
    questions = list(services.local_questions_for(item))
    given = {a.question_id: a.text for a in item.local_answers.all()}
    form = _bound(
        request,
        LocalAnswersForm,
        questions=questions,
        initial={f"local-{pk}": text for pk, text in given.items()},
    )
    if request.method == "POST" and form.is_valid():
        with service_call(form) as call:
            services.local_answers_save(
                by=user, submission=item, answers=form.answers(), request=request
            )
        if call.ok:
            messages.success(request, "Your answers to the local questions have been saved.")
            return redirect(item.get_absolute_url())
    return render(
        request,
        "assurance/agency/local_questions.html",
        {
            "submission": item,
            "form": form,
            "questions": [(q, given.get(q.pk, "")) for q in questions],
            "editable": may_edit and _open_for_changes(item),
        },
    )
