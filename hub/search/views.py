from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from hub.search.forms import SearchForm
from hub.search.queries import add_snippets, search_everything

RESULTS_PER_PAGE = 10


def search(request):
    form = SearchForm(request.GET or None)
    query = ""
    results = None
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if query:
            rows = search_everything(request, query, form.cleaned_data.get("kind") or "")
            paginator = Paginator(rows, RESULTS_PER_PAGE)
            try:
                results = paginator.page(request.GET.get("page", 1))
            except PageNotAnInteger:
                results = paginator.page(1)
            except EmptyPage:
                results = paginator.page(paginator.num_pages)
            add_snippets(results.object_list, query)
    return render(request, "search/search.html", {"form": form, "query": query, "results": results})
