"""The partnership's section 11 pages: reviewing one agency's self-assessment, the round's
dashboard with its spreadsheet, an agency's self-assessment as a PDF, and the round's
operations (open, remind, close).

"Review" here always means the partnership's review of an agency's submitted self-assessment:
not a library document's review date, nor a practice review (hub/reviews).

Views are thin: every write is a service in hub.assurance.services (PermissionDenied is
answered with 404, ValidationError is shown in an error summary and changes nothing), the
figures come from hub.assurance.dashboard and the downloads from hub.assurance.exports. A
page someone may not use answers 404, as a guessed id does.
"""

from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hub.assurance import dashboard, exports, presenters, services
from hub.assurance.models import Round, Standard, Submission, SubmissionStatus
from hub.assurance.review_forms import (
    AgreedRatingForm,
    ChallengeForm,
    ReturnForm,
    RoundFilterForm,
    agreed_rating_id,
)
from hub.core.downloads import XLSX, private_download
from hub.core.forms import govuk_error_summary, service_call
from hub.core.pdf import PDF_CONTENT_TYPE
from hub.core.permissions import Action, can


def _submission_or_404(request, pk, allowed):
    # With the partnerships it is shared with and those of its round: every permission check
    # reads them (permission_scope), and so does the page.
    submission = (
        Submission.objects.select_related(
            "round__framework_version", "round__partnership", "round__previous_round", "agency"
        )
        .prefetch_related("shared_with", "round__partnerships")
        .filter(pk=pk)
        .first()
    )
    if submission is None or not allowed(request.user, submission):
        raise Http404
    return submission


def _round_or_404(request, pk):
    # With all that its dashboard reads of it and of the round it is compared with, so the
    # permission checks and figures ask nothing more about the round.
    round_ = (
        Round.objects.select_related(
            "framework_version__framework", "partnership", "previous_round"
        )
        .prefetch_related("partnerships", "previous_round__partnerships")
        .filter(pk=pk)
        .first()
    )
    if round_ is None or not dashboard.may_see_round(request.user, round_):
        raise Http404
    return round_


def _summary_items(error, *, field_links=None):
    """Error summary items for a service's refusal: a `standard-<id>` key links to that
    standard's agreed rating, a `challenge-<id>` key to the challenge, anything else to the
    top of the page."""
    field_links = field_links or {}
    items = []
    if not hasattr(error, "error_dict"):
        return [{"text": message, "href": "#main-content"} for message in error.messages]
    for key, errors in error.message_dict.items():
        if key.startswith("standard-"):
            href = "#" + agreed_rating_id(key.removeprefix("standard-"))
        elif key.startswith("challenge-"):
            href = f"#{key}"
        else:
            href = field_links.get(key, "#main-content")
        items += [{"text": message, "href": href} for message in errors]
    return items


# --- Reviewing one agency's self-assessment -------------------------------------------------


def _back_to_review(submission, anchor=""):
    return redirect(reverse("assurance:review", args=[submission.pk]) + anchor)


def _start(request, submission, page):
    if submission.status == SubmissionStatus.UNDER_REVIEW:
        messages.info(request, "The review had already started.")
        return _back_to_review(submission)
    services.review_start(by=request.user, submission=submission, request=request)
    messages.success(request, "Review started. You can now record agreed ratings.")
    return _back_to_review(submission)


def _record_agreed(request, submission, page):
    wanted = request.POST.get("standard", "")
    standard = None
    if wanted.isdigit() and len(wanted) < 10:
        standard = Standard.objects.filter(
            version_id=submission.round.framework_version_id, pk=int(wanted)
        ).first()
    if standard is None:
        page.errors.append(
            {"text": "Choose a standard of this self-assessment", "href": "#standards"}
        )
        return None
    form = AgreedRatingForm(
        request.POST, version=submission.round.framework_version, standard=standard
    )
    page.rating_forms[standard.pk] = page.posted_form = form
    if not form.is_valid():
        return None
    with service_call(form) as call:
        services.agreed_rating_record(
            by=request.user,
            submission=submission,
            standard=standard,
            rating=form.cleaned_data["agreed_rating"],
            note=form.cleaned_data["agreed_note"],
            request=request,
        )
    if not call.ok:
        return None
    messages.success(request, f"Agreed rating saved for standard {standard.number}.")
    return _back_to_review(submission, f"#standard-{standard.pk}")


def _raise_challenge(request, submission, page):
    form = ChallengeForm(request.POST, standards=page.standards)
    page.challenge_form = page.posted_form = form
    if not form.is_valid():
        return None
    with service_call(form) as call:
        services.challenge_raise(
            by=request.user,
            submission=submission,
            kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"],
            standard=form.cleaned_data["standard"],
            request=request,
        )
    if not call.ok:
        return None
    if form.cleaned_data["kind"] == "challenge":
        messages.success(request, "Challenge question sent to the agency.")
    else:
        messages.success(request, "Comment added.")
    return _back_to_review(submission, "#challenges")


def _return(request, submission, page):
    form = ReturnForm(request.POST)
    page.return_form = page.posted_form = form
    if not form.is_valid():
        return None
    with service_call(form) as call:
        services.submission_return(
            by=request.user,
            submission=submission,
            reason=form.cleaned_data["reason"],
            request=request,
        )
    if not call.ok:
        return None
    messages.success(
        request, f"The self-assessment was returned to {submission.agency.name} for changes."
    )
    return _back_to_review(submission)


def _agree(request, submission, page):
    if submission.status == SubmissionStatus.AGREED:
        messages.info(request, "The self-assessment had already been agreed.")
        return _back_to_review(submission)
    with service_call() as call:
        services.submission_agree(by=request.user, submission=submission, request=request)
    if not call.ok:
        page.errors += _summary_items(call.error)
        if hasattr(call.error, "error_dict"):
            for key, errors in call.error.message_dict.items():
                if key.startswith("standard-") and key.removeprefix("standard-").isdigit():
                    page.rating_problems[int(key.removeprefix("standard-"))] = errors[0]
        return None
    messages.success(request, "The self-assessment is agreed.")
    return _back_to_review(submission)


def _close(request, submission, page):
    if submission.status == SubmissionStatus.CLOSED:
        messages.info(request, "The self-assessment had already been closed.")
        return _back_to_review(submission)
    services.submission_close(by=request.user, submission=submission, request=request)
    messages.success(request, "The self-assessment is closed.")
    return _back_to_review(submission)


REVIEW_HANDLERS = {
    "start": _start,
    "agreed_rating": _record_agreed,
    "challenge": _raise_challenge,
    "return": _return,
    "agree": _agree,
    "close": _close,
}


class _ReviewPage:
    """The review page's forms and problems, bound to what was posted where it was."""

    def __init__(self, submission):
        self.standards = list(submission.round.framework_version.standards.all())
        self.rating_forms = {}
        self.rating_problems = {}
        self.challenge_form = None
        self.return_form = None
        self.posted_form = None
        self.errors = []


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    submission = _submission_or_404(request, pk, services.may_review)
    page = _ReviewPage(submission)
    if request.method == "POST":
        handler = REVIEW_HANDLERS.get(request.POST.get("action", ""))
        if handler is None:
            page.errors.append(
                {"text": "That is not something you can do on this page", "href": "#main-content"}
            )
        else:
            response = None
            with service_call() as call:
                response = handler(request, submission, page)
            if not call.ok:
                page.errors += _summary_items(call.error)
            elif response is not None:
                return response
    return render(
        request, "assurance/review/review.html", _review_context(request, submission, page)
    )


def _review_context(request, submission, page):
    user = request.user
    version = submission.round.framework_version
    # A draft (never submitted, or returned for changes) is the agency's working copy.
    answers_hidden = not services.may_read_answers(user, submission)
    challenges = list(dashboard.submission_challenges(submission))
    sections = (
        []
        if answers_hidden
        else dashboard.standard_sections(
            submission, standards=page.standards, challenges=challenges
        )
    )
    for section in sections:
        standard = section.standard
        if standard.pk not in page.rating_forms:
            page.rating_forms[standard.pk] = AgreedRatingForm(
                version=version,
                standard=standard,
                answer=section.answer,
                problem=page.rating_problems.get(standard.pk),
            )
    challenge_form = page.challenge_form or ChallengeForm(standards=page.standards)
    return_form = page.return_form or ReturnForm()
    errors = list(page.errors)
    if page.posted_form is not None and page.posted_form.errors:
        errors += govuk_error_summary(page.posted_form)
    status = submission.status
    round_ = submission.round
    return {
        "submission": submission,
        "round": round_,
        "status": presenters.status_tag(submission),
        "shared_with": sorted(submission.shared_with.all(), key=attrgetter("name")),
        "sections": sections,
        "rating_forms": page.rating_forms,
        "challenges": challenges,
        "challenge_form": challenge_form,
        "return_form": return_form,
        "local_answers": [] if answers_hidden else dashboard.local_answers_for(user, submission),
        "actions": [] if answers_hidden else dashboard.submission_actions(submission),
        "answers_hidden": answers_hidden,
        "errors": errors,
        "may_start": status == SubmissionStatus.SUBMITTED,
        "in_review": status in (SubmissionStatus.SUBMITTED, SubmissionStatus.UNDER_REVIEW),
        "under_review": status == SubmissionStatus.UNDER_REVIEW,
        "may_close": status == SubmissionStatus.AGREED
        and can(user, Action.MANAGE_ASSURANCE, submission),
        "may_see_round": dashboard.may_see_round(user, round_),
    }


# --- The agency's self-assessment as a PDF ---------------------------------------------------


@login_required
@require_GET
def submission_pdf(request, pk):
    submission = _submission_or_404(request, pk, services.may_read_answers)
    challenges = list(dashboard.submission_challenges(submission))
    content = exports.submission_pdf(
        submission=submission,
        sections=dashboard.standard_sections(submission, challenges=challenges),
        challenges=challenges,
        actions=dashboard.submission_actions(submission),
        request=request,
    )
    stamp = timezone.localdate().isoformat()
    return private_download(
        content,
        filename=f"section-11-{slugify(submission.agency.name)}-{stamp}.pdf",
        content_type=PDF_CONTENT_TYPE,
    )


# --- The round's dashboard and spreadsheet ---------------------------------------------------


def _filtered(request, round_):
    """(filter form, figures): the figures as the viewer may see them, filtered by whatever
    valid filter was asked for; an invalid one is shown as an error and left off."""
    partnerships = dashboard.viewer_partnerships(request.user, round_)
    form = RoundFilterForm(request.GET, partnerships=partnerships)
    partnership, agency_type = form.chosen()
    figures = dashboard.round_figures(
        request.user, round_, partnership=partnership, agency_type=agency_type
    )
    return form, figures


@login_required
@require_GET
def round_dashboard(request, pk):
    round_ = _round_or_404(request, pk)
    form, figures = _filtered(request, round_)
    partnership, agency_type = form.chosen()
    query = urlencode(
        {
            **({"agency_type": agency_type} if agency_type else {}),
            **({"partnership": partnership.pk} if partnership else {}),
        }
    )
    previous = round_.previous_round
    return render(
        request,
        "assurance/review/round.html",
        {
            "round": figures.round,
            "form": form,
            "figures": figures,
            "band_key": dashboard.band_key(figures.scale),
            "query": query,
            "is_filtered": bool(query),
            "may_manage": services.may_manage(request.user, round_),
            "previous": previous
            if previous is not None and dashboard.may_see_round(request.user, previous)
            else None,
            "partnerships": sorted(round_.partnerships.all(), key=attrgetter("name")),
        },
    )


@login_required
@require_GET
def round_xlsx(request, pk):
    round_ = _round_or_404(request, pk)
    _, figures = _filtered(request, round_)
    content = exports.round_workbook(figures, dashboard.round_actions(figures))
    stamp = timezone.localdate().isoformat()
    return private_download(
        content,
        filename=f"section-11-{slugify(round_.title)}-{stamp}.xlsx",
        content_type=XLSX,
    )


# --- Opening, reminding and closing a round --------------------------------------------------


def _plural(count, one, many):
    return f"{count} {one if count == 1 else many}"


@login_required
@require_POST
def round_manage(request, pk):
    round_ = _round_or_404(request, pk)
    if not services.may_manage(request.user, round_):
        raise Http404
    action = request.POST.get("action", "")
    with service_call() as call:
        if action == "open":
            created = services.round_open(by=request.user, round_=round_, request=request)
            if created:
                messages.success(
                    request,
                    f"The round is open. {_plural(created, 'agency was', 'agencies were')} "
                    "invited.",
                )
            else:
                messages.success(
                    request, "No new agencies to invite: every invited agency has been invited."
                )
        elif action == "remind":
            sent = services.round_send_reminders(by=request.user, round_=round_, request=request)
            messages.success(
                request,
                f"{_plural(sent, 'reminder', 'reminders')} sent to agencies yet to submit."
                if sent
                else "Every agency has submitted: no reminders were needed.",
            )
        elif action == "close":
            if round_.is_closed:
                messages.info(request, "The round had already been closed.")
            else:
                closed = services.round_close(by=request.user, round_=round_, request=request)
                agreed = _plural(
                    closed, "agreed self-assessment was", "agreed self-assessments were"
                )
                messages.success(request, f"The round is closed. {agreed} closed with it.")
        else:
            messages.error(request, "Choose to open the round, send reminders or close it.")
    for message in call.messages:
        messages.error(request, message)
    return redirect("assurance:round", pk=round_.pk)
