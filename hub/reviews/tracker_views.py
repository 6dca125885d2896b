"""The recommendations tracker on the partnership's site: the tracker across every review (and
its spreadsheet), one action's page (its evidence, the agency lead's status form and the
panel's sign-off), and the panel's pages that add and edit a review's recommendations and
assign actions to agencies.

Views are thin: every write goes through hub.reviews.tracker, imported as `services`
(PermissionDenied is a 404, a ValidationError lands on the form). Every action is found
inside queries.visible_actions for this site's partnership, and every review inside
queries.manageable_reviews, so another agency's or partnership's record, a guessed id, or a
person with no part in reviews gets a 404, whatever the method, and nothing changes. Nothing
here is kept by a cache.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from hub.core.downloads import XLSX, private_download
from hub.core.forms import service_call
from hub.core.presenters import partnership_or_404
from hub.core.uploads.documents import CONTENT_TYPES
from hub.core.uploads.serving import serve_upload
from hub.reviews import tracker as services
from hub.reviews.case_views import mark_private
from hub.reviews.models import ActionStatus
from hub.reviews.queries import manageable_reviews, manages_cases, sees_cases, visible_actions
from hub.reviews.tracker_forms import (
    ActionForm,
    ActionStatusForm,
    ConfirmForm,
    EvidenceForm,
    RecommendationForm,
    SignOffForm,
    TrackerFilterForm,
)


def _bound(request, form_class, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


# --- The tracker -------------------------------------------------------------------------------


def _trackerpartnership_or_404(request):
    """The site's partnership, if this person sees its tracker: its review panel, or the
    lead of one of its agencies."""
    partnership = partnership_or_404(request)
    user = request.user
    if not sees_cases(user, partnership) and not services.led_agencies(user, partnership).exists():
        raise Http404
    return partnership


def _filtered(request, partnership):
    reviews, agencies, themes = services.tracker_choices(request.user, partnership)
    form = TrackerFilterForm(request.GET or None, reviews=reviews, agencies=agencies, themes=themes)
    return form, form.filters()


def _read_only(request):
    """In scope, only GET (and HEAD) reads a page here; out of scope was a 404 already."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return None


@login_required
def tracker(request):
    partnership = _trackerpartnership_or_404(request)
    refused = _read_only(request)
    if refused:
        return refused
    user = request.user
    form, filters = _filtered(request, partnership)
    today = timezone.localdate()
    actions = list(services.tracker_actions(user, partnership, filters=filters, today=today))
    services.tracker_viewed(by=user, partnership=partnership, filters=filters, request=request)
    rows = [{"action": action, "overdue": services.is_overdue(action, today)} for action in actions]
    query = urlencode({key: "on" if value is True else value for key, value in filters.items()})
    return mark_private(
        render(
            request,
            "reviews/tracker/tracker.html",
            {
                "partnership": partnership,
                "form": form,
                "rows": rows,
                "filtered": bool(filters),
                "overdue_count": sum(1 for row in rows if row["overdue"]),
                "panel": sees_cases(user, partnership),
                "xlsx_url": reverse("reviews:tracker_xlsx") + (f"?{query}" if query else ""),
            },
            status=400 if form.errors else 200,
        )
    )


@login_required
def tracker_xlsx(request):
    partnership = _trackerpartnership_or_404(request)
    refused = _read_only(request)
    if refused:
        return refused
    user = request.user
    form, filters = _filtered(request, partnership)
    if form.errors:
        # A spreadsheet of filters that could not be read is the page saying why.
        return tracker(request)
    today = timezone.localdate()
    actions = services.tracker_actions(user, partnership, filters=filters, today=today)
    content = services.tracker_workbook(actions, partnership=partnership, today=today)
    services.tracker_viewed(
        by=user, partnership=partnership, filters=filters, request=request, download=True
    )
    return private_download(
        content,
        filename=f"recommendations-tracker-{partnership.slug}-{today:%Y-%m-%d}.xlsx",
        content_type=XLSX,
    )


# --- One action --------------------------------------------------------------------------------


def _action(request, pk):
    partnership = partnership_or_404(request)
    return get_object_or_404(
        visible_actions(request.user, partnership).select_related(
            "recommendation__review__partnership",
            "recommendation__theme",
            "agency",
            "updated_by",
            "signed_off_by",
        ),
        pk=pk,
    )


def _action_page(request, action, *, status=200, **forms):
    user = request.user
    review = action.recommendation.review
    may_update = services.may_update(user, action)
    may_manage = services.may_manage(user, review)
    open_ = services.why_unchangeable(action) is None
    evidence = list(action.evidence.select_related("uploaded_by"))
    status_form = forms.get("status_form") or ActionStatusForm(
        initial={"status": action.status, "progress_note": action.progress_note}
    )
    upload_form = forms.get("upload_form") or EvidenceForm(max_bytes=services.max_evidence_bytes())
    sign_off_form = forms.get("sign_off_form") or SignOffForm()
    with_errors = [form for form in forms.values() if form is not None and form.errors]
    return mark_private(
        render(
            request,
            "reviews/tracker/action.html",
            {
                "action": action,
                "recommendation": action.recommendation,
                "review": review,
                "evidence": evidence,
                "overdue": services.is_overdue(action, timezone.localdate()),
                "may_update": may_update and open_,
                "may_sign_off": may_manage and open_ and action.status == ActionStatus.COMPLETED,
                "panel": may_manage,
                "status_form": status_form,
                "upload_form": upload_form,
                "sign_off_form": sign_off_form,
                # The layout marks the title "Error:" when the page's `form` has errors.
                "form": with_errors[0] if with_errors else None,
            },
            status=status,
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def action(request, pk):
    item = _action(request, pk)
    user = request.user
    if request.method == "POST":
        if not services.may_update(user, item):
            raise Http404
        form = ActionStatusForm(request.POST)
        if form.is_valid():
            with service_call(form) as call:
                services.action_update(
                    by=user,
                    action=item,
                    status=form.cleaned_data["status"],
                    progress_note=form.cleaned_data["progress_note"],
                    request=request,
                )
            if call.ok:
                messages.success(request, "The action has been updated.")
                return redirect("reviews:action", pk=item.pk)
        return _action_page(request, item, status_form=form)
    with service_call():
        services.action_viewed(by=user, action=item, request=request)
    return _action_page(request, item)


def _post_only(request):
    """In scope, only POST does anything here (out of scope was a 404 already)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


@login_required
def evidence_upload(request, pk):
    item = _action(request, pk)
    user = request.user
    if not services.may_update(user, item):
        raise Http404
    refused = _post_only(request)
    if refused:
        return refused
    reason = services.why_unchangeable(item)
    if reason:
        # The page no longer offers the upload: say why there, and read no file.
        messages.error(request, reason)
        return redirect(reverse("reviews:action", args=[item.pk]) + "#evidence")
    form = EvidenceForm(request.POST, request.FILES, max_bytes=services.max_evidence_bytes())
    if form.is_valid():
        with service_call(form, "file") as call:
            evidence = services.evidence_add(
                by=user,
                action=item,
                uploaded_file=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
                request=request,
            )
        if call.ok:
            messages.success(request, f"{evidence.original_filename} has been uploaded.")
            return redirect(reverse("reviews:action", args=[item.pk]) + "#evidence")
    return _action_page(request, item, upload_form=form)


@login_required
def evidence_download(request, pk, evidence_pk):
    item = _action(request, pk)
    evidence = get_object_or_404(item.evidence.all(), pk=evidence_pk)
    refused = _read_only(request)
    if refused:
        return refused
    try:
        response = serve_upload(
            evidence.file,
            filename=evidence.original_filename,
            content_type=CONTENT_TYPES.get(evidence.kind, "application/octet-stream"),
            private=True,
        )
    except FileNotFoundError as error:
        raise Http404 from error
    evidence.action = item
    with service_call():
        services.evidence_download_record(by=request.user, evidence=evidence, request=request)
    return response


@login_required
def evidence_remove(request, pk, evidence_pk):
    item = _action(request, pk)
    if not services.may_update(request.user, item):
        raise Http404
    evidence = get_object_or_404(item.evidence.all(), pk=evidence_pk)
    refused = _post_only(request)
    if refused:
        return refused
    name = evidence.original_filename
    evidence.action = item
    with service_call() as call:
        services.evidence_remove(by=request.user, evidence=evidence, request=request)
    if call.ok:
        messages.success(request, f"{name} has been removed.")
    else:
        messages.error(request, " ".join(call.messages))
    return redirect(reverse("reviews:action", args=[item.pk]) + "#evidence")


@login_required
def sign_off(request, pk):
    item = _action(request, pk)
    if not services.may_manage(request.user, item.recommendation.review):
        raise Http404
    refused = _post_only(request)
    if refused:
        return refused
    form = SignOffForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        with service_call(form) as call:
            services.action_sign_off(
                by=request.user,
                action=item,
                accept=accept,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        if call.ok:
            messages.success(
                request,
                "The evidence has been accepted and the action signed off."
                if accept
                else "The action has been sent back to the agency.",
            )
            return redirect("reviews:action", pk=item.pk)
    return _action_page(request, item, sign_off_form=form)


# --- A review's recommendations (the panel) ----------------------------------------------------


def _review(request, reference):
    partnership = partnership_or_404(request)
    if not manages_cases(request.user, partnership):
        raise Http404
    return get_object_or_404(
        manageable_reviews(request.user, partnership).select_related("partnership"),
        reference=reference,
    )


def _recommendation(request, reference, number):
    review = _review(request, reference)
    recommendation = get_object_or_404(
        review.recommendations.select_related("theme", "closed_by"), number=number
    )
    recommendation.review = review
    return recommendation


def _form_page(request, *, form, heading, caption, button, back, crumbs, intro="", status=200):
    return mark_private(
        render(
            request,
            "reviews/tracker/form.html",
            {
                "form": form,
                "heading": heading,
                "caption": caption,
                "button": button,
                "back": back,
                "crumbs": crumbs,
                "intro": intro,
            },
            status=status,
        )
    )


def _review_crumbs(review):
    return [{"text": review.reference, "href": reverse("reviews:case", args=[review.reference])}]


@login_required
@require_http_methods(["GET", "POST"])
def new_recommendation(request, reference):
    review = _review(request, reference)
    form = _bound(request, RecommendationForm, partnership=review.partnership)
    if request.method == "POST" and form.is_valid():
        with service_call(form) as call:
            recommendation = services.recommendation_add(
                by=request.user,
                review=review,
                text=form.cleaned_data["text"],
                theme=form.cleaned_data["theme"],
                request=request,
            )
        if call.ok:
            messages.success(
                request,
                f"Recommendation {recommendation.number} has been added. Now assign its actions "
                "to agencies.",
            )
            return redirect(
                "reviews:recommendation", reference=review.reference, number=recommendation.number
            )
    return _form_page(
        request,
        form=form,
        heading="Add a recommendation",
        caption=review.reference,
        button="Add the recommendation",
        back=reverse("reviews:case", args=[review.reference]),
        crumbs=_review_crumbs(review),
        intro="It is numbered after the review's last recommendation.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation(request, reference, number):
    item = _recommendation(request, reference, number)
    review = item.review
    form = RecommendationForm(
        partnership=review.partnership, initial={"text": item.text, "theme": item.theme}
    )
    close_form = ConfirmForm()
    if request.method == "POST" and "close" in request.POST:
        close_form = ConfirmForm(request.POST)
        close_form.is_valid()  # nothing to fill in; the service's refusal lands on it
        with service_call(close_form) as call:
            services.recommendation_close(by=request.user, recommendation=item, request=request)
        if call.ok:
            messages.success(request, f"Recommendation {item.number} has been closed.")
            return redirect("reviews:recommendation", reference=review.reference, number=number)
    elif request.method == "POST":
        form = RecommendationForm(request.POST, partnership=review.partnership)
        if form.is_valid():
            with service_call(form) as call:
                services.recommendation_edit(
                    by=request.user,
                    recommendation=item,
                    text=form.cleaned_data["text"],
                    theme=form.cleaned_data["theme"],
                    request=request,
                )
            if call.ok:
                messages.success(request, f"Recommendation {item.number} has been saved.")
                return redirect("reviews:recommendation", reference=review.reference, number=number)
    if request.method == "GET":
        with service_call():
            services.recommendation_viewed(by=request.user, recommendation=item, request=request)
    today = timezone.localdate()
    actions = list(item.actions.select_related("agency").order_by("due_on", "pk"))
    return mark_private(
        render(
            request,
            "reviews/tracker/recommendation.html",
            {
                "review": review,
                "recommendation": item,
                "rows": [
                    {"action": action, "overdue": services.is_overdue(action, today)}
                    for action in actions
                ],
                "all_accepted": bool(actions)
                and all(a.status == ActionStatus.EVIDENCE_ACCEPTED for a in actions),
                "editable": item.closed_on is None and review.status != "closed",
                "edit_form": form,
                "close_form": close_form,
                "form": close_form if close_form.errors else form,
            },
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_action(request, reference, number):
    item = _recommendation(request, reference, number)
    review = item.review
    form = _bound(request, ActionForm, partnership=review.partnership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_call(form) as call:
            added = services.action_add(
                by=request.user,
                recommendation=item,
                agency=data["agency"],
                owner_role=data["owner_role"],
                text=data["text"],
                due_on=data["due_on"],
                request=request,
            )
        if call.ok:
            messages.success(request, f"The action for {added.agency.name} has been added.")
            return redirect("reviews:recommendation", reference=review.reference, number=number)
    back = reverse("reviews:recommendation", args=[review.reference, item.number])
    return _form_page(
        request,
        form=form,
        heading="Add an action",
        caption=f"{review.reference}, recommendation {item.number}",
        button="Add the action",
        back=back,
        crumbs=_review_crumbs(review) + [{"text": f"Recommendation {item.number}", "href": back}],
        intro=item.text,
    )
