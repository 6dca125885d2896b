"""The escalation figures the domain declares for reports (hub/escalations/figures.py through
the registry): raw counts for a partnership and a date range, on the quarter described in
tests/escalations/test_quarterly.py."""

import datetime

import pytest

from hub.core import domains
from hub.escalations import figures
from tests.escalations.test_quarterly import END, START, Maker, the_quarter

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(westshire, council, police, college):
    return the_quarter(westshire, council, police, college)


def test_raised_counts_escalations_raised_in_the_period_not_good_practice(quarter, westshire):
    assert figures.raised(westshire, START, END) == 21
    assert figures.raised(westshire, START, datetime.date(2025, 4, 30)) == 12


def test_closed_counts_escalations_closed_in_the_period(quarter, westshire):
    assert figures.closed(westshire, START, END) == 12
    assert figures.closed(westshire, datetime.date(2025, 6, 1), END) == 6


def test_overdue_counts_escalations_open_past_their_stage_target_at_the_periods_end(
    quarter, westshire
):
    # At 30 June: 6 at stage 2 since 10 April (target 10) and 3 at stage 1 since 1 May
    # (target 5).
    assert figures.overdue(westshire, START, END) == 9
    # At 2 May: only the college's 3 are still within stage 1's target (1 working day);
    # the 6 at stage 2 since 10 April have had 14 working days (Easter in between).
    assert figures.overdue(westshire, START, datetime.date(2025, 5, 2)) == 6


def test_good_practice_counts_entries_in_the_period(quarter, westshire):
    assert figures.good_practice(westshire, START, END) == 2
    assert figures.good_practice(westshire, START, datetime.date(2025, 5, 19)) == 0


def test_another_partnerships_figures_do_not_count_these(quarter, northmoor):
    for figure in (figures.raised, figures.closed, figures.overdue, figures.good_practice):
        assert figure(northmoor, START, END) == 0


def test_a_partnership_without_a_protocol_has_nothing_overdue(westshire):
    from hub.escalations.models import Escalation, Protocol

    Escalation.objects.filter(partnership=westshire).delete()
    Protocol.objects.filter(partnership=westshire).delete()
    assert figures.overdue(westshire, START, END) == 0


def test_the_registry_offers_the_four_figures(quarter, westshire):
    declared = {
        figure.name: figure.compute(westshire, START, END)
        for domain in domains.domains()
        if domain.label == "escalations"
        for figure in domain.figures
    }
    assert declared == {
        "Escalations raised": 21,
        "Escalations closed": 12,
        "Escalations open past a stage's target": 9,
        "Good practice recorded": 2,
    }


def test_a_stage_is_overdue_only_once_its_target_has_passed(quarter, westshire, council, police):
    maker = Maker(westshire, quarter.protocol)
    # Stage 1's target is 5 working days: raised Tuesday 1 July, on 8 July it has had 5.
    maker.escalation(council, police, datetime.date(2025, 7, 1))
    july_start = datetime.date(2025, 7, 1)
    assert figures.overdue(westshire, july_start, datetime.date(2025, 7, 8)) == 6 + 3
    assert figures.overdue(westshire, july_start, datetime.date(2025, 7, 9)) == 6 + 3 + 1
