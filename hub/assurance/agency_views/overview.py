"""The Section 11 home page, one self-assessment's task list, checking the answers and
submitting, and answering a reviewer's challenge question."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from hub.assurance import presenters, services
from hub.assurance.agency_views.common import (
    STATE_ORDER,
    _bound,
    _editable,
    _needs_starting,
    _open_for_changes,
    _standards,
    _viewable,
    _with_standard_named,
)
from hub.assurance.forms import (
    ConfirmForm,
    ResponseForm,
)
from hub.assurance.models import (
    ChallengeKind,
    Round,
    Submission,
    SubmissionStatus,
)
from hub.core.forms import service_call
from hub.core.permissions import Action, can, scope_queryset

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
    reviewed = scope_queryset(user, Action.REVIEW_ASSURANCE, Round.objects.all())
    managed = scope_queryset(user, Action.MANAGE_ASSURANCE, Round.objects.all())
    rounds = Round.objects.filter(
        Q(pk__in=reviewed.values("pk")) | Q(pk__in=managed.values("pk"))
    ).select_related("partnership")
    # Only what the state is read from: the counts need no more of each submission.
    states = (
        visible.filter(round__in=rounds)
        .select_related(None)
        .only("round_id", "status", "started_at", "returned_at")
        .order_by()
    )
    counts = {}
    for submission in states:
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
        .defer("returned_reason")
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
        for action in _with_standard_named(submission.actions.all())
    ]


def _overview_context(request, submission, form):
    user = request.user
    standards = _standards(submission, text=False)
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
    may_edit = services.may_edit(user, submission)
    editable = _open_for_changes(submission) and may_edit
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
        "contributors": submission.contributors.select_related("person").only(
            "submission_id", "person__first_name", "person__last_name", "person__email"
        ),
        "challenges": _with_standard_named(submission.challenges.select_related("partnership")),
        "may_edit": may_edit,
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
        with service_call(form) as call:
            services.submission_start(by=request.user, submission=item, request=request)
        if call.ok:
            return redirect(item.get_absolute_url())
    return render(
        request, "assurance/agency/submission.html", _overview_context(request, item, form)
    )


# --- Checking the answers and submitting ------------------------------------------------


def _check_context(request, item, errors):
    standards = _standards(item, text=False)
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
        with service_call() as call:
            services.submission_submit(by=request.user, submission=item, request=request)
        if not call.ok and hasattr(call.error, "error_dict"):
            errors = [
                {"text": " ".join(messages_), "href": f"#{key}"}
                for key, messages_ in call.error.message_dict.items()
            ]
        elif not call.ok:
            errors = [{"text": message, "href": "#submit"} for message in call.messages]
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
        with service_call(form) as call:
            services.challenge_respond(
                by=request.user,
                challenge=challenge,
                response=form.cleaned_data["response"],
                request=request,
            )
        if call.ok:
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
