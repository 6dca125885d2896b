"""Placeholder: the levels-of-need guide's pages (being written)."""

from django.http import Http404


def guide(request):
    raise Http404


def domain(request, domain):
    raise Http404


def level(request, level):
    raise Http404
