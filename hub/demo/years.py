"""The reporting years the demo's activity is dated in, worked out from the day of loading:
the demo's yearly report looks back on the last complete year (hub/reports/demo.py), so each
domain's demo puts some activity in that year, whatever the day it is loaded."""

import datetime

from django.utils import timezone


def _year_starts():
    """The day a partnership's reporting year starts unless it sets another (1 April)."""
    from hub.reports.models import YearlyReportIndexPage

    fields = YearlyReportIndexPage._meta
    return (
        fields.get_field("year_starts_month").get_default(),
        fields.get_field("year_starts_day").get_default(),
    )


def current_year(today=None):
    """(first day, last day) of the reporting year in progress."""
    from hub.reports.figures import default_dates

    return default_dates(today or timezone.localdate(), *_year_starts())


def last_complete_year(today=None):
    """(first day, last day) of the last reporting year that has ended."""
    from hub.reports.figures import last_complete_dates

    return last_complete_dates(today or timezone.localdate(), *_year_starts())


def in_last_year(fraction, today=None):
    """The day `fraction` (0 to 1) of the way through the last complete year."""
    start, end = last_complete_year(today)
    return start + datetime.timedelta(days=round((end - start).days * fraction))
