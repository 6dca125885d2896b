"""The procedures as a reader meets them: contents, chapters with local information, the
updates page, the glossary, and every one of them as it stood on a past date, at permanent
addresses (/procedures/as-at/2026-03-03/...)."""

import datetime

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hub.core.pdf import PDF_CONTENT_TYPE, render_pdf
from hub.core.presenters import partnership_for
from hub.procedures import queries, richtext
from hub.procedures.forms import AsAtForm, SubscribeForm
from hub.procedures.models import end_of
from hub.procedures.services import subscribe, subscription_for_token, unsubscribe


def _context(request):
    partnership = partnership_for(request)
    manual = queries.manual_for(partnership)
    if manual is None:
        raise Http404
    return partnership, manual


def _moment(first_published, as_at):
    """End of the as-at day, or now. A malformed date in the address is a 404: the address
    does not exist; the form explains the rules."""
    if as_at is None:
        return timezone.now(), None
    try:
        day = datetime.date.fromisoformat(as_at)
    except ValueError as error:
        raise Http404 from error
    if (
        day > timezone.localdate()
        or first_published is None
        or day < timezone.localtime(first_published).date()
    ):
        raise Http404
    return end_of(day), day


def _as_at_form(request, first_published):
    return AsAtForm(request.GET if "as_at_year" in request.GET else None, earliest=first_published)


def contents(request, as_at=None):
    partnership, manual = _context(request)
    first_published = queries.first_publication(manual)
    form = _as_at_form(request, first_published)
    if form.is_bound and form.is_valid():
        return redirect("procedures:contents_as_at", as_at=form.cleaned_data["as_at"].isoformat())
    moment, day = _moment(first_published, as_at)
    return render(
        request,
        "procedures/contents.html",
        {
            "manual": manual,
            "partnership": partnership,
            "parts": queries.contents_at(partnership, moment),
            "as_at": day,
            "form": form,
            "first_published": first_published,
        },
    )


def _chapter_context(request, partnership, manual, slug, moment, day):
    """What a chapter's page and its PDF both show: the chapter as it stood at `moment`, its
    glossary terms linked, its local information, related chapters and documents."""
    view = queries.chapter_at(partnership, slug, moment)
    if view is None:
        raise Http404
    glossary_url = reverse("procedures:glossary")
    terms = queries.glossary(manual, definitions=False)
    return {
        "manual": manual,
        "partnership": partnership,
        "view": view,
        "body": queries.link_glossary_terms(
            richtext.expand(view.version.body), terms, glossary_url
        ),
        "local_body": richtext.render(view.local.body) if view.local else "",
        "related": queries.related_at(partnership, view.chapter, moment),
        # The library's own rule: withdrawn never, restricted only for its professionals.
        # A list of links: the titles and addresses only.
        "documents": view.chapter.related_documents.all()
        .visible_to(request.user, partnership)
        .only("slug", "title"),
        "as_at": day,
        "today": timezone.localdate(),
    }


def chapter(request, slug, as_at=None):
    partnership, manual = _context(request)
    first_published = queries.first_publication(manual)
    form = _as_at_form(request, first_published)
    if form.is_bound and form.is_valid():
        return redirect(
            "procedures:chapter_as_at", as_at=form.cleaned_data["as_at"].isoformat(), slug=slug
        )
    moment, day = _moment(first_published, as_at)
    context = _chapter_context(request, partnership, manual, slug, moment, day)
    return render(request, "procedures/chapter.html", {**context, "form": form})


def chapter_download(request, slug, as_at=None):
    """The chapter page's article as a PDF, for people who print procedures or read them
    offline."""
    partnership, manual = _context(request)
    # Only an as-at address needs the first publication (to refuse dates before it).
    first_published = queries.first_publication(manual) if as_at else None
    moment, day = _moment(first_published, as_at)
    context = _chapter_context(request, partnership, manual, slug, moment, day)
    response = HttpResponse(
        render_pdf("procedures/chapter_pdf.html", context, request=request),
        content_type=PDF_CONTENT_TYPE,
    )
    suffix = f"-as-at-{day.isoformat()}" if day else ""
    response["Content-Disposition"] = f'attachment; filename="{slug}{suffix}.pdf"'
    return response


def updates(request):
    partnership, manual = _context(request)
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscribe(partnership=partnership, email=form.cleaned_data["email"], request=request)
        messages.success(
            request,
            "You will get one email each time a new release of the procedures is published.",
        )
        return redirect("procedures:updates")
    return render(
        request,
        "procedures/updates.html",
        {
            "manual": manual,
            "partnership": partnership,
            "releases": queries.releases_for(partnership),
            "form": form,
        },
    )


def glossary(request):
    partnership, manual = _context(request)
    return render(
        request,
        "procedures/glossary.html",
        {"manual": manual, "partnership": partnership, "terms": queries.glossary(manual)},
    )


@require_http_methods(["GET", "POST"])
def unsubscribe_link(request, token):
    """The personal link in every release email. Opening it changes nothing, because mail
    scanners open links; the button on the page removes the subscription. A forged or
    altered link is refused and changes nothing."""
    try:
        subscription = subscription_for_token(token)
    except signing.BadSignature:
        return render(request, "procedures/unsubscribe_invalid.html", status=404)
    if request.method == "POST" and subscription is not None:
        unsubscribe(subscription=subscription, request=request)
        messages.success(
            request,
            "You have unsubscribed. You will get no more emails about the procedures.",
        )
        return redirect("procedures:updates")
    return render(request, "procedures/unsubscribe.html", {"subscription": subscription})
