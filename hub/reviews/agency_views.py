"""What an agency meets of a practice review, on the partnership's site: the requests for
information addressed to the agency its safeguarding lead leads, and, for one request, the
page on which the lead records that the agency's information went back through the
partnership's secure route (with a short summary of its involvement, if they like).

An agency never sees the case record itself: a request shows the review's reference and type,
when it was asked and when it is due, nothing of the child. A request addressed to another
agency, of another partnership, or a guessed id, is a 404; the review panel and the
partnership admin may open every request of their partnership (to record information that
reached them by secure email). Every view of a request is audited.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from hub.core.forms import service_call
from hub.core.permissions import Action, can
from hub.core.presenters import partnership_or_404
from hub.reviews import cases, queries, timeline
from hub.reviews.case_forms import ReturnInformationForm
from hub.reviews.case_views import private, wrong_method
from hub.reviews.models import ReviewStatus


@login_required
@private
def agency(request):
    partnership = partnership_or_404(request)
    user = request.user
    if not can(user, Action.VIEW_AGENCY_RECORDS):
        raise Http404
    if refused := wrong_method(request, "GET"):
        return refused
    today = timezone.localdate()
    rows = (
        queries.agency_requests(user, partnership)
        .select_related("review", "agency")
        .order_by("returned_on", "due_on", "agency__name", "pk")
    )
    requests = [
        {
            "request": row,
            "state": timeline.request_state(
                row, today, review_open=row.review.status == ReviewStatus.OPEN
            ),
        }
        for row in rows
    ]
    return render(
        request,
        "reviews/agency/index.html",
        {
            "partnership": partnership,
            "waiting": [row for row in requests if row["state"] != "returned"],
            "returned": [row for row in requests if row["state"] == "returned"],
            "has_actions": queries.agency_actions(user, partnership).exists(),
        },
    )


@login_required
@private
def information_request(request, pk):
    partnership = partnership_or_404(request)
    user = request.user
    rows = cases.requests_to_return(user, partnership).select_related(
        "review", "agency", "asked_by", "returned_by"
    )
    found = get_object_or_404(rows, pk=pk)
    if refused := wrong_method(request, "GET", "POST"):
        return refused
    review = found.review
    form = ReturnInformationForm(request.POST if request.method == "POST" else None)
    may_return = found.returned_on is None and review.status != ReviewStatus.CLOSED
    if request.method == "POST" and may_return and form.is_valid():
        data = form.cleaned_data
        with service_call(form) as call:
            cases.information_return(
                by=user,
                information_request=found,
                summary=data["summary"],
                chronology_sent=data["chronology_sent"],
            )
        if call.ok:
            messages.success(
                request,
                f"Recorded: {found.agency.name}'s information for {review.reference} is returned.",
            )
            return redirect("reviews:information_request", pk=found.pk)
    elif request.method == "POST" and not may_return:
        messages.info(
            request,
            f"{found.agency.name}'s information for {review.reference} was already recorded "
            "as returned. Nothing was changed."
            if found.returned_on
            else f"{review.reference} is closed: nothing more is recorded on it.",
        )
        return redirect("reviews:information_request", pk=found.pk)
    cases.information_request_viewed(
        by=user, information_request=found, partnership_id=partnership.pk, request=request
    )
    today = timezone.localdate()
    return render(
        request,
        "reviews/agency/request.html",
        {
            "form": form,
            "item": found,
            "review": review,
            "state": timeline.request_state(
                found, today, review_open=review.status == ReviewStatus.OPEN
            ),
            "may_return": may_return,
            "panel": queries.sees_cases(user, partnership),
            "back": reverse("reviews:case", args=[review.reference])
            if queries.sees_cases(user, partnership)
            else reverse("reviews:agency"),
        },
    )
