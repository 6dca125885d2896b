from django.core.paginator import Paginator
from django.shortcuts import render

from hub.core.presenters import partnership_for
from hub.search import insight
from hub.search import results as found
from hub.search.forms import SearchForm

RESULTS_PER_PAGE = 10


def search(request):
    form = SearchForm(request.GET or None)
    partnership = partnership_for(request)
    outcome, page = None, None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        filters = found.Filters(
            types=tuple(data["type"]), reach=data["reach"], audience=data["audience"]
        )
        outcome = found.run(data["q"], partnership=partnership, user=request.user, filters=filters)
        form.label_counts(outcome.counts)
        page = Paginator(outcome.results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        found.add_snippets(
            page.object_list, outcome.corrected or outcome.query, partnership, outcome.synonyms
        )
        _insight(outcome, page, partnership)
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "outcome": outcome,
            "results": page,
            "query": outcome.query if outcome else "",
            "query_string": query_without_page.urlencode(),
        },
    )


def _insight(outcome, page, partnership):
    """The search counted for the business unit (hub/search/insight.py), once, from its
    first page; each result's link then counts its rank when followed."""
    log = None
    if page.number == 1 and partnership is not None:
        log = insight.record(outcome.query, partnership, len(outcome.results))
    for rank, result in enumerate(page.object_list, start=page.start_index()):
        try:
            result.href = insight.click_url(log, rank, result.url)
        except ValueError:  # not an address on this site: no click counted
            result.href = result.url
