"""A 7-minute briefing as a page and as a one-page PDF, and "We used this in our team".

The page is the same for every signed-out visitor (a sign-in link where the form would be),
so the anonymous page cache keeps it; the form is shown to signed-in staff and leads of the
partnership's agencies. Recording goes through hub.reviews.learning.record_team_use
(PermissionDenied is a 404; a refusal of the input lands on the form, shown again on the
page with an error summary). A briefing of another partnership, withdrawn or unpublished,
is 404 on this site.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from hub.core.forms import GovukDateField, service_call
from hub.core.pdf import PDF_CONTENT_TYPE
from hub.core.presenters import partnership_for
from hub.reviews import learning
from hub.reviews.models import NO_IDENTIFIERS, TeamSize, TeamUse


class TeamUseForm(forms.Form):
    """What a team's discussion of a briefing records: no one's name, nothing about a child."""

    agency = forms.ChoiceField(
        label="Which agency's team discussed it?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose which agency's team discussed it",
            "invalid_choice": "Choose one of the agencies you work for or lead",
        },
    )
    team_size = forms.ChoiceField(
        label="How many people were in the team?",
        choices=TeamSize.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how many people were in the team",
            "invalid_choice": "Choose how many people were in the team",
        },
    )
    discussed_on = GovukDateField(
        label="When did the team discuss it?",
        label_for_errors="The date",
        not_in_future=True,
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date the team discussed it"},
    )
    change = forms.CharField(
        label="What will change (optional)",
        required=False,
        max_length=learning.CHANGE_LIMIT,
        help_text=f"One line, at most {learning.CHANGE_LIMIT} characters. {NO_IDENTIFIERS}",
        error_messages={
            "max_length": f"What will change must be {learning.CHANGE_LIMIT} characters or fewer"
        },
    )

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.pk): agency for agency in agencies}
        if len(self.agencies) == 1:
            # One agency: nothing to choose, so no question (the page says which it is).
            del self.fields["agency"]
        else:
            self.fields["agency"].choices = [
                (key, agency.name) for key, agency in self.agencies.items()
            ]

    def chosen_agency(self):
        if "agency" not in self.fields:
            return next(iter(self.agencies.values()))
        return self.agencies.get(self.cleaned_data.get("agency"))


def _briefing(request, slug):
    partnership = partnership_for(request)
    if partnership is None:
        raise Http404
    briefing = get_object_or_404(
        learning.public_briefings(partnership).select_related("published_review", "partnership"),
        slug=slug,
    )
    return partnership, briefing


def _page(request, partnership, briefing, form=None):
    user = request.user
    agencies = learning.agencies_for(user, partnership) if user.is_authenticated else []
    if form is None and agencies:
        form = TeamUseForm(agencies=agencies)
    teams, agency_count = learning.team_counts(briefing)
    review = briefing.published_review
    own = (
        TeamUse.objects.filter(briefing=briefing, recorded_by=user).select_related("agency")
        if user.is_authenticated
        else []
    )
    return render(
        request,
        "reviews/library/briefing.html",
        {
            "partnership": partnership,
            "briefing": briefing,
            "parts": learning.briefing_parts(briefing),
            "themes": list(briefing.themes.all()),
            "review": review if learning.is_public(review) else None,
            "teams": teams,
            "agency_count": agency_count,
            "form": form,
            "agencies": agencies,
            "own_uses": list(own),
            "linked": learning.linked,
        },
    )


@require_GET
def briefing(request, slug):
    partnership, found = _briefing(request, slug)
    return _page(request, partnership, found)


@require_GET
def briefing_pdf(request, slug):
    """The briefing as a one-page PDF, the same for everyone (the page cache keeps it)."""
    _, found = _briefing(request, slug)
    response = HttpResponse(
        learning.briefing_pdf(found, request=request), content_type=PDF_CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{found.slug}.pdf")
    return response


@login_required
@require_http_methods(["GET", "POST"])
def record_use(request, slug):
    partnership, found = _briefing(request, slug)
    back = reverse("reviews:briefing", args=[found.slug]) + "#team-use"
    if request.method == "GET":
        # Where signing in from the form's link returns to: the form is on the briefing.
        return redirect(back)
    agencies = learning.agencies_for(request.user, partnership)
    if not agencies:
        raise Http404
    form = TeamUseForm(request.POST, agencies=agencies)
    if form.is_valid():
        data = form.cleaned_data
        with service_call(form) as call:
            use = learning.record_team_use(
                by=request.user,
                briefing=found,
                agency=form.chosen_agency(),
                team_size=data["team_size"],
                discussed_on=data["discussed_on"],
                change=data["change"],
                request=request,
            )
        if call.ok:
            messages.success(
                request,
                f"Recorded: a team of {use.get_team_size_display()} at {use.agency.name} "
                f"discussed this briefing on {use.discussed_on:%-d %B %Y}. Thank you.",
            )
            return redirect(back)
    return _page(request, partnership, found, form)
