"""The levels-of-need guide's public pages: the overview, one level, one domain. Each shows
the guide this site's partnership uses (its own, or the consortium's regional one); plain
GETs with no form, so the anonymous page cache can keep them."""

from django.http import Http404
from django.shortcuts import render

from hub.core.presenters import partnership_for
from hub.decision_aids import guide_presenters
from hub.decision_aids.queries import guide_for


def _guide(request):
    partnership = partnership_for(request)
    guide = guide_for(partnership) if partnership is not None else None
    if guide is None:
        raise Http404
    return partnership, guide


def guide(request):
    partnership, found = _guide(request)
    return render(
        request,
        "decision_aids/guide.html",
        {"partnership": partnership, "view": guide_presenters.overview(partnership, found)},
    )


def level(request, level):
    partnership, found = _guide(request)
    view = guide_presenters.level_page(partnership, found, level)
    if view is None:
        raise Http404
    return render(request, "decision_aids/level.html", {"partnership": partnership, "view": view})


def domain(request, domain):
    partnership, found = _guide(request)
    view = guide_presenters.domain_page(found, domain)
    if view is None:
        raise Http404
    return render(request, "decision_aids/domain.html", {"partnership": partnership, "view": view})
