"""Placeholder: the public programme and My training are being built."""

from django.http import Http404


def _missing(request, *args, **kwargs):
    raise Http404


programme = calendar_feed = my_training = session = cancel = evaluation = impact = _missing
certificate = booking_calendar = waiting = course = _missing
