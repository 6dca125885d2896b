"""The public learning library: the partnership's published reviews and 7-minute briefings,
newest first, filtered by theme and year, and a page per published review.

Public GETs with a filter form that needs no JavaScript and no session, so the anonymous
page cache keeps them (hub/ops/page_cache.py). A filter value that is not one of the choices
is named in the error summary and ignored; nothing here answers 500 to a query string.
Another partnership's entries, withdrawn ones and unpublished ones are 404 on this site.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from hub.core.presenters import partnership_or_404
from hub.procedures.models import end_of
from hub.procedures.queries import contents_at
from hub.reviews import learning
from hub.reviews.models import Briefing, PublishedReview, Theme

ENTRIES_PER_PAGE = 20


class LibraryFilterForm(forms.Form):
    render_fields_once = True  # choices and filter values only (hub/core/forms.py)
    theme = forms.ChoiceField(
        label="Theme",
        required=False,
        error_messages={"invalid_choice": "Choose a theme from the list"},
    )
    year = forms.ChoiceField(
        label="Year published",
        required=False,
        error_messages={"invalid_choice": "Choose a year from the list"},
    )

    def __init__(self, *args, themes=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "Any theme")] + [
            (theme.slug, theme.name) for theme in themes
        ]
        self.fields["year"].choices = [("", "Any year")] + [(str(y), str(y)) for y in years]


def _years(reviews, briefings):
    years = {day.year for day in reviews.dates("published_on", "year")}
    years |= {day.year for day in briefings.dates("published_on", "year")}
    return sorted(years, reverse=True)


def _themes_in_use(partnership, reviews, briefings):
    return Theme.objects.filter(partnership=partnership).filter(
        Q(pk__in=reviews.values("themes")) | Q(pk__in=briefings.values("themes"))
    )


def _entries(reviews, briefings, page_number):
    """One page of the library's entries, reviews and briefings together, newest first:
    the list is ordered from their dates and titles alone, then the page's rows are read."""
    keys = [
        ("review", pk, on, title)
        for pk, on, title in reviews.values_list("pk", "published_on", "title")
    ] + [
        ("briefing", pk, on, title)
        for pk, on, title in briefings.values_list("pk", "published_on", "title")
    ]
    keys.sort(key=lambda key: (key[3].lower(), key[1]))
    keys.sort(key=lambda key: key[2], reverse=True)
    page = Paginator(keys, ENTRIES_PER_PAGE).get_page(page_number)
    wanted = {"review": [], "briefing": []}
    for kind, pk, _, _ in page.object_list:
        wanted[kind].append(pk)
    found = {}
    if wanted["review"]:
        rows = PublishedReview.objects.filter(pk__in=wanted["review"])
        for row in rows.prefetch_related("themes"):
            found[("review", row.pk)] = row
    if wanted["briefing"]:
        rows = Briefing.objects.filter(pk__in=wanted["briefing"]).defer(*learning.PART_FIELDS)
        for row in rows.prefetch_related("themes"):
            found[("briefing", row.pk)] = row
    page.entries = [(kind, found[(kind, pk)]) for kind, pk, _, _ in page.object_list]
    return page


def library(request):
    partnership = partnership_or_404(request)
    reviews = learning.public_reviews(partnership)
    briefings = learning.public_briefings(partnership)
    asked = request.GET if {"theme", "year"} & request.GET.keys() else None
    form = LibraryFilterForm(
        asked,
        themes=_themes_in_use(partnership, reviews, briefings),
        years=_years(reviews, briefings),
    )
    filters = {}
    if form.is_bound:
        form.is_valid()
        # A value that is not one of the choices is named in the error summary and ignored.
        filters = {key: value for key, value in form.cleaned_data.items() if value}
    if "theme" in filters:
        reviews = reviews.filter(themes__slug=filters["theme"])
        briefings = briefings.filter(themes__slug=filters["theme"])
    if "year" in filters:
        reviews = reviews.filter(published_on__year=int(filters["year"]))
        briefings = briefings.filter(published_on__year=int(filters["year"]))
    page = _entries(reviews, briefings, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reviews/library/index.html",
        {
            "partnership": partnership,
            "form": form,
            "filtered": bool(filters),
            "rows": page,
            "total": page.paginator.count,
            "query_string": query.urlencode(),
            "today": timezone.localdate(),
        },
    )


def chapters_then(partnership, review):
    """The review's procedure chapters, each as {"title", "url", "as_at"}: as they stood at
    the end of the period the review looked at, at their as-at address; a chapter not in the
    procedures then (or any chapter, when the review gives no period) at its current
    address, under its current title."""
    wanted = set(review.chapters.values_list("pk", flat=True))
    if not wanted:
        return []
    today = timezone.localdate()
    day = (
        review.practice_until if review.practice_until and review.practice_until <= today else None
    )
    found = {}
    if day is not None:
        for part in contents_at(partnership, end_of(day)):
            for view in part.chapters:
                if view.chapter.pk in wanted:
                    found[view.chapter.pk] = {
                        "title": view.version.title,
                        "url": reverse(
                            "procedures:chapter_as_at",
                            kwargs={"as_at": day.isoformat(), "slug": view.chapter.slug},
                        ),
                        "as_at": day,
                    }
    if wanted - found.keys():
        for part in contents_at(partnership):
            for view in part.chapters:
                if view.chapter.pk in wanted and view.chapter.pk not in found:
                    found[view.chapter.pk] = {
                        "title": view.version.title,
                        "url": view.chapter.get_absolute_url(),
                        "as_at": None,
                    }
    return sorted(found.values(), key=lambda chapter: chapter["title"].lower())


def published_review(request, slug):
    partnership = partnership_or_404(request)
    review = get_object_or_404(
        learning.public_reviews(partnership).select_related("report").prefetch_related("themes"),
        slug=slug,
    )
    today = timezone.localdate()
    briefings = (
        learning.public_briefings(partnership)
        .filter(published_review=review)
        .only("slug", "title", "summary", "published_on")
    )
    return render(
        request,
        "reviews/library/review.html",
        {
            "partnership": partnership,
            "review": review,
            "themes": list(review.themes.all()),
            "report_shown": learning.report_shown(review, today),
            "summary_only": learning.summary_only(review, today),
            "summary": learning.blocks(review.summary),
            "chapters": chapters_then(partnership, review),
            "briefings": list(briefings),
            "linked": learning.linked,
        },
    )
