"""Section 11 as an agency meets it: the list of its self-assessments, the task list of one,
a page per standard with its evidence files, the local questions, the action plan, the
colleagues helping, checking the answers and submitting, and answering a reviewer's
challenge question.

Views are thin: every write goes through hub.assurance.services, whose PermissionDenied is
answered with 404 and whose ValidationError is shown in the GOV.UK error summary. Every page
first finds the submission and checks that the person may see it (services.may_view), then
finds the row inside that submission (a standard of its framework, one of its files, actions
or challenges): anything out of scope, or an id from another submission, is a 404, so a
guessed or forged id never reveals that a record exists. GET never writes, except the audit
entry for an evidence download.
"""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from hub.assurance import presenters, services
from hub.assurance.forms import (
    ActionForm,
    AnswerForm,
    ConfirmForm,
    ContributorForm,
    EvidenceForm,
    LocalAnswersForm,
    ResponseForm,
    show_errors,
)
from hub.assurance.models import (
    ActionStatus,
    ChallengeKind,
    Round,
    Submission,
    SubmissionStatus,
)
from hub.core import audit
from hub.core.permissions import Action, can, scope_queryset
from hub.library.validation import CONTENT_TYPES

# The order states are counted in on the list of rounds.
STATE_ORDER = list(presenters.STATUS_TAG_CLASSES)


def _name(person):
    return person.get_full_name() or person.email


def _url(name, submission, *args, anchor=""):
    return reverse(f"assurance:{name}", args=[submission.pk, *args]) + anchor


def _bound(request, form_class, **kwargs):
    """The form bound to the POST (even an empty one), or unbound on GET."""
    data = request.POST if request.method == "POST" else None
    return form_class(data, **kwargs)


# --- What a request may reach -----------------------------------------------------------


def _viewable(request, pk):
    """The submission, if the user may see it (its agency, a named colleague, or a
    partnership it is shared with); otherwise 404."""
    submission = get_object_or_404(
        Submission.objects.select_related(
            "round__framework_version__framework", "round__partnership", "agency"
        ),
        pk=pk,
    )
    if not services.may_view(request.user, submission):
        raise Http404
    return submission


def _readable(request, pk):
    """The submission, if the user may read its answers (services.may_read_answers): a
    partnership reads a draft's answers only once the agency submits it."""
    submission = _viewable(request, pk)
    if not services.may_read_answers(request.user, submission):
        raise Http404
    return submission


def _editable(request, pk):
    """The submission, if the user completes it: the agency's lead or a named colleague."""
    submission = _viewable(request, pk)
    if not services.may_edit(request.user, submission):
        raise Http404
    return submission


def _open_for_changes(submission):
    """Answers can change: a draft in a round that is not closed."""
    return submission.is_draft and not submission.round.is_closed


def _needs_starting(submission):
    return submission.is_draft and submission.started_at is None


def _standards(submission):
    return list(submission.round.framework_version.standards.all())


# --- Section 11 home ----------------------------------------------------------------------


def _own_submissions(user, visible):
    """The user's agency's submissions: as its lead, or as a colleague named on them."""
    if user.is_superuser:
        return visible.filter(agency_id=user.agency_id)
    led = scope_queryset(user, Action.VIEW_AGENCY_RECORDS, Submission.objects.all())
    return visible.filter(
        Q(pk__in=led.values("pk")) | Q(contributors__person=user, agency_id=user.agency_id)
    ).distinct()


def _submission_row(submission):
    return {
        "submission": submission,
        "tag": presenters.status_tag(submission),
        "shared_with": [p.name for p in submission.shared_with.all()],
    }


def _round_rows(user, visible):
    """The rounds of the partnerships the user reviews or manages for, each with its
    submissions (those the user may see) counted by state."""
    ids = set()
    for action in (Action.REVIEW_ASSURANCE, Action.MANAGE_ASSURANCE):
        ids |= set(scope_queryset(user, action, Round.objects.all()).values_list("pk", flat=True))
    rounds = Round.objects.filter(pk__in=ids).select_related("partnership")
    counts = {}
    for submission in visible.filter(round__in=rounds):
        counts.setdefault(submission.round_id, Counter())[submission.state_label] += 1
    rows = []
    for round_ in rounds.order_by("-opens_on", "title"):
        by_state = counts.get(round_.pk, Counter())
        rows.append(
            {
                "round": round_,
                "total": sum(by_state.values()),
                "counts": [
                    {"text": state, "count": by_state[state]}
                    for state in STATE_ORDER
                    if by_state[state]
                ],
            }
        )
    return rows


@login_required
@require_GET
def home(request):
    user = request.user
    visible = services.visible_submissions(user).select_related("round", "agency")
    own = (
        _own_submissions(user, visible)
        .prefetch_related("shared_with")
        .order_by("round__due_on", "agency__name")
    )
    current = [_submission_row(s) for s in own if not s.round.is_closed]
    past = [_submission_row(s) for s in own if s.round.is_closed]
    reviews = can(user, Action.REVIEW_ASSURANCE) or can(user, Action.MANAGE_ASSURANCE)
    return render(
        request,
        "assurance/home.html",
        {
            "current": current,
            "past": past[::-1],
            "reviews": reviews,
            "rounds": _round_rows(user, visible) if reviews else [],
        },
    )


# --- One self-assessment: the task list -------------------------------------------------


def _local_state(questions, given):
    required = [q for q in questions if q.is_required]
    answered = [q for q in questions if given.get(q.pk)]
    if not answered:
        return {"text": "Not started", "classes": "govuk-tag--grey"}
    if all(given.get(q.pk) for q in required):
        return {"text": "Completed", "classes": ""}
    return {"text": "In progress", "classes": "govuk-tag--light-blue"}


def _action_rows(submission, today):
    return [
        {"action": action, "overdue": action.is_overdue(today)}
        for action in submission.actions.select_related("standard")
    ]


def _overview_context(request, submission, form):
    user = request.user
    standards = _standards(submission)
    answers = {answer.standard_id: answer for answer in submission.answers.all()}
    tasks = [
        {
            "standard": standard,
            "answer": answers.get(standard.pk),
            "state": presenters.answer_state(answers.get(standard.pk)),
            "rating": presenters.rating(
                submission.scale, getattr(answers.get(standard.pk), "rating", None)
            ),
        }
        for standard in standards
    ]
    questions = list(services.local_questions_for(submission))
    given = {a.question_id: a.text.strip() for a in submission.local_answers.all()}
    actions = _action_rows(submission, timezone.localdate())
    editable = _open_for_changes(submission) and services.may_edit(user, submission)
    carried_forward = (
        submission.is_draft
        and submission.carried_forward_from_id is not None
        and (
            any(answer.carried_forward for answer in answers.values())
            or any(row["action"].carried_forward for row in actions)
        )
    )
    in_review = submission.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.UNDER_REVIEW)
    return {
        "submission": submission,
        "round": submission.round,
        "version": submission.round.framework_version,
        "tag": presenters.status_tag(submission),
        "shared_with": [p.name for p in submission.shared_with.all()],
        "form": form,
        "tasks": tasks,
        "completed": sum(1 for task in tasks if task["answer"] and task["answer"].is_complete),
        "questions": questions,
        "local_state": _local_state(questions, given),
        "actions": actions,
        "contributors": submission.contributors.select_related("person"),
        "challenges": submission.challenges.select_related("standard", "partnership"),
        "may_edit": services.may_edit(user, submission),
        "may_lead": services.may_lead(user, submission),
        "may_review": services.may_review(user, submission),
        "editable": editable,
        "needs_starting": _needs_starting(submission),
        "carried_forward": carried_forward,
        "returned": submission.is_draft and submission.returned_at is not None,
        "in_review": in_review,
        "actions_open": not (
            submission.round.is_closed or submission.status == SubmissionStatus.CLOSED
        ),
    }


@login_required
@require_http_methods(["GET", "POST"])
def submission(request, pk):
    item = _viewable(request, pk)
    form = _bound(request, ConfirmForm)
    if request.method == "POST":
        if not services.may_edit(request.user, item):
            raise Http404
        form.is_valid()
        try:
            services.submission_start(by=request.user, submission=item, request=request)
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect(item.get_absolute_url())
    return render(
        request, "assurance/agency/submission.html", _overview_context(request, item, form)
    )


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
    standards = _standards(item)
    if request.method == "POST" and "upload" in request.POST:
        upload_form = EvidenceForm(request.POST, request.FILES, max_bytes=max_bytes)
        if upload_form.is_valid():
            try:
                evidence = services.evidence_add(
                    by=user,
                    submission=item,
                    standard=current,
                    uploaded_file=upload_form.cleaned_data["file"],
                    request=request,
                )
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                show_errors(upload_form, error, "file")
            else:
                messages.success(request, f"{evidence.original_filename} has been uploaded.")
                return redirect(_url("standard", item, current.pk, anchor="#evidence"))
    elif request.method == "POST":
        answer_form = AnswerForm(request.POST, version=version)
        if answer_form.is_valid():
            try:
                services.answer_save(
                    by=user,
                    submission=item,
                    standard=current,
                    rating=answer_form.cleaned_data["rating"],
                    narrative=answer_form.cleaned_data["narrative"],
                    request=request,
                )
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                show_errors(answer_form, error)
            else:
                if request.POST.get("next") == "return":
                    messages.success(
                        request, f"Your answer to standard {current.number} has been saved."
                    )
                    return redirect(item.get_absolute_url())
                return redirect(_next_url(item, current, standards))
    position = [s.pk for s in standards].index(current.pk) + 1
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
            "editable": may_edit and _open_for_changes(item),
            "answer_form": answer_form,
            "upload_form": upload_form,
            # The layout marks the title "Error:" when the page's `form` has errors.
            "form": upload_form if upload_form.errors else answer_form,
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
        handle = evidence.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_filename,
        content_type=CONTENT_TYPES.get(evidence.kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    audit.record(
        actor=request.user,
        action="hub.assurance.evidence_downloaded",
        instance=item,
        request=request,
        partnership_id=item.round.partnership_id,
        agency_id=item.agency_id,
        details={"kind": evidence.kind},
    )
    return response


@login_required
def evidence_remove(request, pk, evidence_pk):
    item = _editable(request, pk)
    evidence = get_object_or_404(item.evidence.all(), pk=evidence_pk)
    # Out of scope is a 404 above, whatever the method; in scope, only POST removes.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    name, standard_pk = evidence.original_filename, evidence.standard_id
    try:
        services.evidence_remove(by=request.user, evidence=evidence, request=request)
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{name} has been removed.")
    return redirect(_url("standard", item, standard_pk, anchor="#evidence"))


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
        try:
            services.local_answers_save(
                by=user, submission=item, answers=form.answers(), request=request
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            show_errors(form, error)
        else:
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
        try:
            with transaction.atomic():
                action = services.action_add(
                    by=request.user,
                    submission=item,
                    standard=data["standard"],
                    description=data["description"],
                    owner_role=data["owner_role"],
                    due_on=data["due_on"],
                    request=request,
                )
                if data["status"] != ActionStatus.NOT_STARTED or data["progress_note"]:
                    services.action_update(
                        by=request.user,
                        action=action,
                        status=data["status"],
                        progress_note=data["progress_note"],
                        request=request,
                    )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            show_errors(form, error)
        else:
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
        try:
            services.action_remove(by=request.user, action=action, request=request)
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
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
        try:
            services.action_update(
                by=request.user,
                action=action,
                status=data["status"],
                progress_note=data["progress_note"],
                request=request,
                **wording,
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            show_errors(form, error)
        else:
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
            try:
                services.contributor_remove(by=user, contributor=contributor, request=request)
            except PermissionDenied as error:
                raise Http404 from error
            messages.success(
                request,
                f"{_name(contributor.person)} can no longer work on this self-assessment.",
            )
            return redirect(_url("contributors", item))
        form = ContributorForm(request.POST)
        if form.is_valid():
            try:
                added = services.contributor_add(
                    by=user, submission=item, email=form.cleaned_data["email"], request=request
                )
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                show_errors(form, error, "email")
            else:
                messages.success(
                    request, f"{_name(added.person)} can now work on this self-assessment."
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


# --- Checking the answers and submitting ------------------------------------------------


def _check_context(request, item, errors):
    standards = _standards(item)
    answers = {answer.standard_id: answer for answer in item.answers.all()}
    files = Counter(item.evidence.values_list("standard_id", flat=True))
    given = {a.question_id: a.text for a in item.local_answers.all()}
    return {
        "submission": item,
        "errors": errors,
        "standards": [
            {
                "standard": standard,
                "answer": answers.get(standard.pk),
                "rating": presenters.rating(
                    item.scale, getattr(answers.get(standard.pk), "rating", None)
                ),
                "files": files[standard.pk],
            }
            for standard in standards
        ],
        "questions": [(q, given.get(q.pk, "")) for q in services.local_questions_for(item)],
        "actions": _action_rows(item, timezone.localdate()),
        "lead": services.may_lead(request.user, item),
        "editable": _open_for_changes(item),
        "shared_with": [p.name for p in item.shared_with.all()],
    }


@login_required
@require_http_methods(["GET", "POST"])
def submit(request, pk):
    item = _editable(request, pk)
    errors = []
    if request.method == "POST":
        if not services.may_lead(request.user, item):
            raise Http404
        try:
            services.submission_submit(by=request.user, submission=item, request=request)
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                errors = [
                    {"text": " ".join(messages_), "href": f"#{key}"}
                    for key, messages_ in error.message_dict.items()
                ]
            else:
                errors = [{"text": message, "href": "#submit"} for message in error.messages]
        else:
            names = " and ".join(p.name for p in item.shared_with.all())
            messages.success(
                request, f"Your self-assessment has been submitted to {names}. Thank you."
            )
            return redirect(item.get_absolute_url())
    return render(request, "assurance/agency/submit.html", _check_context(request, item, errors))


# --- Challenge questions ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def respond(request, pk, challenge_pk):
    item = _editable(request, pk)
    challenge = get_object_or_404(
        item.challenges.filter(kind=ChallengeKind.CHALLENGE).select_related(
            "standard", "partnership"
        ),
        pk=challenge_pk,
    )
    form = _bound(request, ResponseForm, initial={"response": challenge.response})
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_respond(
                by=request.user,
                challenge=challenge,
                response=form.cleaned_data["response"],
                request=request,
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "Your response has been sent to the partnership.")
            return redirect(item.get_absolute_url() + "#challenges")
    return render(
        request,
        "assurance/agency/respond.html",
        {
            "submission": item,
            "challenge": challenge,
            "form": form,
            "open": item.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.UNDER_REVIEW),
        },
    )
