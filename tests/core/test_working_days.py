"""The England and Wales working-day calendar every domain counts with."""

import datetime

from hub.core.working_days import (
    is_working_day,
    working_days_after,
    working_days_before,
    working_days_between,
)

D = datetime.date


def test_weekends_and_bank_holidays_are_not_working_days():
    assert is_working_day(D(2026, 12, 4))  # a Friday
    assert not is_working_day(D(2026, 12, 5))  # Saturday
    assert not is_working_day(D(2026, 12, 25))  # Christmas Day
    assert not is_working_day(D(2026, 12, 28))  # Boxing Day's substitute (a Monday)
    assert not is_working_day(D(2022, 9, 19))  # a one-off bank holiday


def test_five_working_days_after_a_friday_before_christmas_skip_the_holidays():
    # Mon 21, Tue 22, Wed 23, Thu 24, then Fri 25 and Mon 28 are holidays: Tue 29.
    assert working_days_after(D(2026, 12, 18), 5) == D(2026, 12, 29)
    assert working_days_after(D(2026, 12, 18), 0) == D(2026, 12, 18)


def test_working_days_before_and_after_undo_each_other_from_a_working_day():
    day = D(2026, 4, 2)  # the Thursday before Good Friday
    for count in range(1, 15):
        assert working_days_before(working_days_after(day, count), count) == day


def test_working_days_between_counts_the_days_after_the_start_up_to_the_end():
    assert working_days_between(D(2026, 12, 18), D(2026, 12, 29)) == 5
    assert working_days_between(D(2026, 12, 18), D(2026, 12, 18)) == 0
    assert working_days_between(D(2026, 12, 29), D(2026, 12, 18)) == 0
    assert working_days_between(D(2026, 12, 4), D(2026, 12, 6)) == 0  # Friday to Sunday
