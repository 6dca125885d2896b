"""Placeholder: the screening tools' pages (being written)."""

from django.http import Http404


def tools(request):
    raise Http404


def tool(request, slug):
    raise Http404


def summary_pdf(request, slug):
    raise Http404
