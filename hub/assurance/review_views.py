"""Placeholder: the partnership's pages are being written."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


review = submission_pdf = round_dashboard = round_xlsx = round_manage = _todo
