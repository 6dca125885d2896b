"""Working days in England and Wales: Monday to Friday, less bank holidays. Every domain
counts working days here (late cancellation of training, escalation stages, review timelines).

Bank holidays come from the `holidays` package, which computes them from its own rules and
shipped data (no network). It knows England and Wales's bank holidays, one-off ones included
(such as 8 May 2020 and 19 September 2022), for 1871 onwards and for any future year; a
one-off holiday announced after the package was released needs a package update.
"""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _bank_holidays(year):
    # England and Wales share their bank holidays; "ENG" is the package's name for both.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day):
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_before(day, count):
    """The date `count` working days before `day` (not counting `day` itself)."""
    current = day
    remaining = count
    while remaining > 0:
        current -= datetime.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_after(day, count):
    """The date `count` working days after `day` (not counting `day` itself): the deadline of
    something due within `count` working days of `day`."""
    current = day
    remaining = count
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start, end):
    """How many working days after `start`, up to and including `end`, there are (0 when
    `end` is not after `start`): the working days something took, or has been waiting."""
    if end <= start:
        return 0
    count = 0
    current = start
    while current < end:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
