"""The review panel's case records, on their partnership's site: the list (by type and status,
with what is overdue), opening a review from its notification, one review with its key dates,
working-day timeline, requests for information and recommendations, changing it, marking a
step done and asking agencies for information.

Only the partnership's review panel and its partnership admin reach these pages
(hub/reviews/queries.py); for anyone else, and for a review of another partnership or a
guessed reference, every page is a 404, whatever the method, and nothing changes. Every view
of a case record is audited. Responses are private and never stored (`Cache-Control: private,
no-store`) nor indexed. Views are thin: every write goes through hub/reviews/cases.py.
"""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from hub.core.forms import service_call
from hub.core.presenters import partnership_for
from hub.reviews import cases as case_services
from hub.reviews import queries, timeline
from hub.reviews.case_forms import (
    CaseFilterForm,
    EditReviewForm,
    OpenReviewForm,
    RequestInformationForm,
)
from hub.reviews.models import KEY_DATES, NO_IDENTIFIERS, ReviewStatus


def mark_private(response):
    """A review page is for the one person who asked: never kept by a cache, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private(view):
    """`mark_private` on every response of `view`."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return mark_private(view(request, *args, **kwargs))

    return wrapped


def _partnership(request, *, manage=False):
    """The partnership whose site this is, if the person sees (or runs) its case records."""
    partnership = partnership_for(request)
    allowed = queries.manages_cases if manage else queries.sees_cases
    if partnership is None or not allowed(request.user, partnership):
        raise Http404
    return partnership


def _review(request, reference, *, manage=False):
    partnership = _partnership(request, manage=manage)
    rows = (
        queries.manageable_reviews(request.user, partnership)
        if manage
        else queries.visible_reviews(request.user, partnership)
    )
    return get_object_or_404(rows.select_related("partnership", "opened_by"), reference=reference)


def wrong_method(request, *methods):
    """A 405 for another method, once the page is known to be the person's (so that, for
    anyone else, every method is the same 404)."""
    if request.method not in methods:
        return HttpResponseNotAllowed(methods)
    return None


def _back(review):
    return reverse("reviews:case", args=[review.reference])


# --- The list -------------------------------------------------------------------------------


@login_required
@private
def cases(request):
    partnership = _partnership(request)
    if refused := wrong_method(request, "GET"):
        return refused
    user = request.user
    chosen = CaseFilterForm(request.GET).filters()
    today = timezone.localdate()
    rows = timeline.with_overdue_flags(queries.visible_reviews(user, partnership), today)
    if chosen["kind"]:
        rows = rows.filter(kind=chosen["kind"])
    if chosen["status"]:
        rows = rows.filter(status=chosen["status"])
    if chosen["overdue"]:
        rows = rows.filter(Q(has_overdue_step=True) | Q(has_overdue_request=True))
    rows = rows.prefetch_related("themes").order_by("-year", "-number")
    return render(
        request,
        "reviews/cases/index.html",
        {
            "partnership": partnership,
            "reviews": list(rows),
            "filter_form": CaseFilterForm(initial=chosen),
            "filtered": any(chosen.values()),
            "may_open": queries.manages_cases(user, partnership),
        },
    )


# --- Opening a review -----------------------------------------------------------------------


def _double_submitted(call):
    error = call.error
    if error is None or hasattr(error, "error_dict"):
        return None
    for found in error.error_list:
        if found.code == "double_submit":
            return found.params["reference"]
    return None


@login_required
@private
def open_review(request):
    partnership = _partnership(request, manage=True)
    if refused := wrong_method(request, "GET", "POST"):
        return refused
    form = OpenReviewForm(
        request.POST if request.method == "POST" else None, partnership=partnership
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_call(form) as call:
            review = case_services.open_review(
                by=request.user,
                partnership=partnership,
                kind=data["kind"],
                incident_on=data["incident_on"],
                notified_on=data["notified_on"],
                age_band=data["age_band"],
                themes=data["themes"],
                summary=data["summary"],
            )
        if call.ok:
            messages.success(
                request,
                f"{review.get_kind_display()} opened: its reference is {review.reference}.",
            )
            return redirect("reviews:case", reference=review.reference)
        opened = _double_submitted(call)
        if opened is not None:
            # The form was sent twice: the review it opened the first time is the answer.
            messages.info(request, " ".join(call.messages))
            return redirect("reviews:case", reference=opened)
    return render(
        request,
        "reviews/cases/form.html",
        {
            "form": form,
            "heading": "Open a review",
            "caption": partnership.name,
            "intro": "Open a case record when the local authority notifies the national panel "
            "of a serious incident. A rapid review's timeline is counted in working days from "
            "the notification.",
            "button": "Open the review",
            "back": reverse("reviews:cases"),
        },
    )


# --- One review -----------------------------------------------------------------------------


def _key_dates(review):
    return [
        {"label": label, "value": getattr(review, field)}
        for field, label in KEY_DATES
        if field != "incident_on"
    ]


@login_required
@private
def case(request, reference):
    review = _review(request, reference)
    if refused := wrong_method(request, "GET"):
        return refused
    user = request.user
    today = timezone.localdate()
    steps = list(review.steps.select_related("done_by"))
    review_open = review.status == ReviewStatus.OPEN
    requests = [
        {
            "request": row,
            "state": timeline.request_state(row, today, review_open=review_open),
        }
        for row in review.requests.select_related("agency", "asked_by", "returned_by").order_by(
            "agency__name"
        )
    ]
    recommendations = list(
        review.recommendations.select_related("theme").annotate(
            action_count=Count("actions"),
            actions_signed_off=Count("actions", filter=Q(actions__signed_off_on__isnull=False)),
        )
    )
    may_manage = queries.manages_cases(user, review.partnership)
    case_services.review_viewed(by=user, review=review, request=request)
    rows = timeline.review_timeline(review, steps, today)
    return render(
        request,
        "reviews/cases/detail.html",
        {
            "review": review,
            "themes": list(review.themes.all()),
            "key_dates": _key_dates(review),
            "timeline": rows,
            "overdue_steps": sum(1 for row in rows if row.overdue),
            "requests": requests,
            "recommendations": recommendations,
            "may_manage": may_manage,
            "may_request": may_manage
            and review_open
            and review.partnership.agencies.exclude(
                pk__in=[row["request"].agency_id for row in requests]
            ).exists(),
            "review_open": review_open,
            "today": today,
        },
    )


@login_required
@private
def edit(request, reference):
    review = _review(request, reference, manage=True)
    if refused := wrong_method(request, "GET", "POST"):
        return refused
    form = EditReviewForm(request.POST if request.method == "POST" else None, review=review)
    if request.method == "POST" and form.is_valid():
        with service_call(form) as call:
            changed = case_services.review_update(
                by=request.user, review=review, changes=form.changes()
            )
        if call.ok:
            if changed:
                messages.success(request, f"{review.reference} saved.")
            else:
                messages.info(request, f"Nothing was changed: {review.reference} already says so.")
            return redirect("reviews:case", reference=review.reference)
    if request.method == "GET":
        case_services.review_viewed(by=request.user, review=review, request=request, page="edit")
    return render(
        request,
        "reviews/cases/form.html",
        {
            "form": form,
            "review": review,
            "heading": "Change the review",
            "caption": review.reference,
            "intro": "Dates are checked against each other: every date is on or after the "
            "incident, and each step comes after the one before it.",
            "button": "Save the changes",
            "back": _back(review),
        },
    )


@login_required
@private
def step_done(request, reference, pk):
    review = _review(request, reference, manage=True)
    step = get_object_or_404(review.steps, pk=pk)
    if refused := wrong_method(request, "POST"):
        return refused
    with service_call() as call:
        case_services.step_mark_done(by=request.user, review=review, step=step)
    if call.ok:
        messages.success(request, f"“{step.name}” marked done.")
    else:
        messages.error(request, " ".join(call.messages))
    return redirect(f"{_back(review)}#timeline")


@login_required
@private
def request_information(request, reference):
    review = _review(request, reference, manage=True)
    if refused := wrong_method(request, "GET", "POST"):
        return refused
    form = RequestInformationForm(request.POST if request.method == "POST" else None, review=review)
    closed = review.status != ReviewStatus.OPEN
    if request.method == "POST" and not closed and form.is_valid():
        data = form.cleaned_data
        with service_call(form) as call:
            made = case_services.request_information(
                by=request.user,
                review=review,
                agencies=list(data["agencies"]),
                due_on=data["due_on"],
            )
        if call.ok:
            names = ", ".join(row.agency.name for row in made)
            messages.success(request, f"Information requested from {names}.")
            return redirect(f"{_back(review)}#requests")
    return render(
        request,
        "reviews/cases/form.html",
        {
            "form": form,
            "review": review,
            "closed": closed,
            "heading": "Ask agencies for information",
            "caption": review.reference,
            "intro": "The Hub records that you asked, when it is due, and when it comes back. "
            "Tell each agency which child the review concerns, and receive their chronology, "
            "through the partnership's secure email or case system: never here.",
            "default_due_on": case_services.information_due_on(review),
            "no_agencies": not form.fields["agencies"].queryset.exists(),
            "button": "Ask for information",
            "back": _back(review),
            "no_identifiers": NO_IDENTIFIERS,
        },
    )
