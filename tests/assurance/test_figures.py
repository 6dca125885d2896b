"""The section 11 figures for reports (hub/assurance/figures.py), on a reporting year of their
own: 1 April 2019 to 31 March 2020, which the demo leaves empty.

A round run jointly by Westshire and Northmoor opened in it, the round before it in May 2018:

- Westbury (Westshire) agreed: self 3, 3, 3; agreed -, 2, 3. In 2018 agreed 2, 2, 3.
- the police (both partnerships) submitted: 1, 3, 2. In 2018 agreed 1, 2, 3.
- the college (Westshire) is still a draft, rated 3, 3, 3: invited, never counted further.
- Moorhampton (Northmoor only) submitted 1, 1, 1: never Westshire's.

Left out too: a round still being set up that opened in the year, and a round that opened
the day after it ended."""

import datetime

import pytest

from hub.assurance import figures as assurance_figures
from hub.assurance.models import (
    ActionPlanItem,
    ActionStatus,
    Answer,
    Round,
    RoundStatus,
    Submission,
    SubmissionStatus,
)
from hub.core.domains import figures

pytestmark = pytest.mark.django_db

START = datetime.date(2019, 4, 1)
END = datetime.date(2020, 3, 31)


def make_round(version, opens_on, partnerships, *, previous=None, status=RoundStatus.CLOSED):
    round_ = Round.objects.create(
        partnership=partnerships[0],
        title=f"Test round {opens_on}",
        framework_version=version,
        opens_on=opens_on,
        due_on=opens_on + datetime.timedelta(days=60),
        previous_round=previous,
        status=status,
    )
    round_.partnerships.set(partnerships)
    return round_


def make_submission(round_, agency, shared_with, status, ratings, agreed=(None, None, None)):
    round_.agencies.add(agency)
    submission = Submission.objects.create(round=round_, agency=agency, status=status)
    submission.shared_with.set(shared_with)
    standards = round_.framework_version.standards.order_by("sort_order")
    for standard, rating, agreed_rating in zip(standards, ratings, agreed, strict=True):
        Answer.objects.create(
            submission=submission,
            standard=standard,
            rating=rating,
            agreed_rating=agreed_rating,
            narrative="Our arrangements (test).",
        )
    return submission


def act(submission, status):
    return ActionPlanItem.objects.create(
        submission=submission,
        description="Test action.",
        owner_role="Designated safeguarding lead",
        due_on=datetime.date(2019, 12, 31),
        status=status,
    )


@pytest.fixture
def year(framework_version, westshire, northmoor, westbury, police, college, moorhampton):
    both = [westshire, northmoor]
    before = make_round(framework_version, datetime.date(2018, 5, 1), [westshire])
    make_submission(before, westbury, [westshire], SubmissionStatus.CLOSED, (2, 2, 3), (2, 2, 3))
    make_submission(before, police, [westshire], SubmissionStatus.CLOSED, (1, 2, 3), (1, 2, 3))

    this = make_round(framework_version, datetime.date(2019, 6, 1), both, previous=before)
    agreed = make_submission(
        this, westbury, [westshire], SubmissionStatus.AGREED, (3, 3, 3), (None, 2, 3)
    )
    submitted = make_submission(this, police, both, SubmissionStatus.SUBMITTED, (1, 3, 2))
    draft = make_submission(this, college, [westshire], SubmissionStatus.DRAFT, (3, 3, 3))
    theirs = make_submission(this, moorhampton, [northmoor], SubmissionStatus.SUBMITTED, (1, 1, 1))
    act(agreed, ActionStatus.COMPLETE)
    act(agreed, ActionStatus.IN_PROGRESS)
    act(submitted, ActionStatus.NOT_STARTED)
    act(draft, ActionStatus.COMPLETE)
    act(theirs, ActionStatus.NOT_STARTED)

    setting_up = make_round(
        framework_version, datetime.date(2019, 9, 1), [westshire], status=RoundStatus.DRAFT
    )
    make_submission(setting_up, westbury, [westshire], SubmissionStatus.DRAFT, (3, 3, 3))
    later = make_round(framework_version, datetime.date(2020, 4, 1), [westshire], previous=this)
    make_submission(later, westbury, [westshire], SubmissionStatus.SUBMITTED, (1, 1, 1))


def value(key, partnership):
    _domain, figure = figures()[f"assurance.{key}"]
    return figure.compute(partnership, START, END)


def test_agencies_invited_and_returned_in_the_years_rounds(year, westshire, northmoor):
    assert value("agencies-invited", westshire) == 3
    assert value("agencies-returned", westshire) == 2
    assert value("agencies-invited", northmoor) == 2
    assert value("agencies-returned", northmoor) == 2


def test_ratings_per_standard_are_stacked_by_where_they_sit_on_the_scale(year, westshire):
    _domain, figure = figures()["assurance.ratings-by-standard"]
    assert figure.columns == ("Met", "Partly met", "Not met")
    assert figure.compute(westshire, START, END) == 6
    assert figure.breakdown(westshire, START, END) == [
        ("1. Leadership and accountability", [1, 0, 1]),
        ("2. Safer recruitment", [1, 1, 0]),
        ("3. Training", [1, 1, 0]),
    ]
    assert value("standards-met", westshire) == 50.0


def test_change_since_the_last_round_compares_each_agencys_standard(year, westshire):
    _domain, figure = figures()["assurance.ratings-improved"]
    assert figure.compute(westshire, START, END) == 2
    assert figure.breakdown(westshire, START, END) == [
        ("Improved", 2),
        ("No change", 3),
        ("Lower", 1),
    ]


def test_actions_open_and_completed_in_the_returned_plans(year, westshire):
    _domain, figure = figures()["assurance.actions-open"]
    assert figure.compute(westshire, START, END) == 2
    assert figure.breakdown(westshire, START, END) == [
        ("Not started", 1),
        ("In progress", 1),
        ("Complete", 1),
    ]
    assert value("actions-completed", westshire) == 1


def test_another_partnerships_ratings_are_its_own(year, northmoor):
    _domain, figure = figures()["assurance.ratings-by-standard"]
    assert figure.breakdown(northmoor, START, END) == [
        ("1. Leadership and accountability", [0, 0, 2]),
        ("2. Safer recruitment", [1, 0, 1]),
        ("3. Training", [0, 1, 1]),
    ]


def test_a_year_without_rounds_counts_nothing(westshire):
    start, end = datetime.date(2011, 4, 1), datetime.date(2012, 3, 31)
    assert assurance_figures.agencies_invited(westshire, start, end) == 0
    assert assurance_figures.standards_met(westshire, start, end) is None
    assert assurance_figures.changes(westshire, start, end) == [
        ("Improved", 0),
        ("No change", 0),
        ("Lower", 0),
    ]
    assert assurance_figures.ratings_by_standard(westshire, start, end) == []


def test_every_section_11_figure_has_a_lasting_key_and_describes_no_people():
    for figure in assurance_figures.FIGURES:
        assert figure.key and figure.description, figure.name
        assert not figure.counts_people, figure.name
        assert f"assurance.{figure.key}" in figures()
