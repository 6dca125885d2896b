"""Query budgets for the section 11 pages people open most: an agency lead's task list and
their list of self-assessments, a reviewer's list of rounds, the round's dashboard and the
review of one self-assessment. Each is counted on the demo round and again with ten times the
rows the page lists: the same budget must hold, so no query is made per row.

Each budget is the number of queries counted when it was set; the comment next to it says
what they are. The shared layout (navigation, footer, contact routes, site settings) is
counted too: when the budgets were set it cost no query once warm."""

import datetime

import pytest
from django.utils import timezone

from hub.assurance.models import (
    ActionPlanItem,
    Answer,
    Challenge,
    ChallengeKind,
    Framework,
    FrameworkVersion,
    LocalQuestion,
    Round,
    RoundStatus,
    Standard,
    Submission,
    SubmissionContributor,
    SubmissionStatus,
)
from hub.core.models import Agency, AgencyType
from tests.budgets import TEN_TIMES, signed_in, within_budget
from tests.conftest import make_person
from tests.pdfs import read_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_round(db):
    """The demo's open 2026 round, run by Westshire with Northmoor taking part."""
    return Round.objects.select_related("framework_version").get(
        is_demo=True, status=RoundStatus.OPEN
    )


@pytest.fixture
def westbury_draft(demo_round, westbury):
    """Westbury Cross's demo self-assessment: started, answers carried forward, a draft."""
    submission = demo_round.submissions.get(agency=westbury)
    assert submission.status == SubmissionStatus.DRAFT and submission.started_at is not None
    return submission


# --- Growing the demo ten times ---------------------------------------------------------------


def grow_standards(version, submissions, times=TEN_TIMES):
    """Ten times the framework version's standards, each answered by `submissions`."""
    existing = list(version.standards.all())
    last = max(standard.sort_order for standard in existing)
    added = Standard.objects.bulk_create(
        Standard(
            version=version,
            sort_order=last + index,
            key=f"budget-{index}",
            number=str(len(existing) + index),
            title=f"Budget standard {index}",
            summary="What it expects.",
            sub_standards="First part\nSecond part",
            evidence_prompts="A policy",
        )
        for index in range(1, len(existing) * (times - 1) + 1)
    )
    Answer.objects.bulk_create(
        Answer(submission=submission, standard=standard, rating=2, narrative="Our evidence.")
        for submission in submissions
        for standard in added
    )
    return added


def grow_task_list(submission, partnership, times=TEN_TIMES):
    """Ten times (at least ten of each) the rows of the task list: standards, actions,
    comments and challenge questions, colleagues helping and local questions."""
    grow_standards(submission.round.framework_version, [submission], times)
    due = timezone.localdate() + datetime.timedelta(days=30)
    actions = max(submission.actions.count(), 1) * times
    ActionPlanItem.objects.bulk_create(
        ActionPlanItem(
            submission=submission, description=f"Action {n}", owner_role="Lead", due_on=due
        )
        for n in range(actions)
    )
    Challenge.objects.bulk_create(
        Challenge(
            submission=submission,
            partnership=partnership,
            kind=ChallengeKind.CHALLENGE if n % 2 else ChallengeKind.COMMENT,
            text=f"Question {n}",
        )
        for n in range(times)
    )
    for n in range(times):
        colleague = make_person(
            f"budget-colleague-{n}@westbury.example",
            partnership=partnership,
            agency=submission.agency,
        )
        SubmissionContributor.objects.create(submission=submission, person=colleague)
    questions = LocalQuestion.objects.filter(round=submission.round, partnership=partnership)
    LocalQuestion.objects.bulk_create(
        LocalQuestion(round=submission.round, partnership=partnership, text=f"Local question {n}")
        for n in range(max(questions.count(), 1) * (times - 1))
    )


def grow_rounds(agency, partnership, framework_version, times=TEN_TIMES):
    """Ten times the agency's self-assessments: a closed round a year for `times` years."""
    count = Submission.objects.filter(agency=agency).count()
    today = timezone.localdate()
    for year in range(1, count * (times - 1) + 1):
        opens_on = today - datetime.timedelta(days=365 * year)
        round_ = Round.objects.create(
            partnership=partnership,
            title=f"Budget round {year}",
            framework_version=framework_version,
            opens_on=opens_on,
            due_on=opens_on + datetime.timedelta(days=60),
            status=RoundStatus.CLOSED,
        )
        round_.partnerships.add(partnership)
        round_.agencies.add(agency)
        submission = Submission.objects.create(
            round=round_, agency=agency, status=SubmissionStatus.CLOSED, started_at=timezone.now()
        )
        submission.shared_with.add(partnership)


def grow_round(round_, partnership, times=TEN_TIMES):
    """Ten times the round's self-assessments shared with `partnership`: new agencies, half
    submitted with ratings and an overdue action, half drafts."""
    shown = Submission.objects.filter(round=round_, shared_with=partnership).count()
    agencies = Agency.objects.bulk_create(
        Agency(name=f"Budget agency {n}", agency_type=AgencyType.VOLUNTARY)
        for n in range(shown * (times - 1))
    )
    Agency.partnerships.through.objects.bulk_create(
        Agency.partnerships.through(agency=agency, partnership=partnership) for agency in agencies
    )
    round_.agencies.add(*agencies)
    now = timezone.now()
    submissions = Submission.objects.bulk_create(
        Submission(
            round=round_,
            agency=agency,
            status=SubmissionStatus.SUBMITTED if n % 2 else SubmissionStatus.DRAFT,
            started_at=now,
            submitted_at=now if n % 2 else None,
        )
        for n, agency in enumerate(agencies)
    )
    Submission.shared_with.through.objects.bulk_create(
        Submission.shared_with.through(submission=submission, partnership=partnership)
        for submission in submissions
    )
    standards = list(round_.framework_version.standards.all())
    Answer.objects.bulk_create(
        Answer(submission=submission, standard=standard, rating=2, agreed_rating=3)
        for submission in submissions
        for standard in standards
    )
    late = timezone.localdate() - datetime.timedelta(days=2)
    ActionPlanItem.objects.bulk_create(
        ActionPlanItem(submission=submission, description="Late", owner_role="Lead", due_on=late)
        for submission in submissions
    )
    return shown


# --- An agency completing its self-assessment -------------------------------------------------


def test_the_task_list_costs_the_same_however_many_standards_actions_and_questions(
    westbury_draft, lead_westbury, westshire, django_assert_max_num_queries
):
    client = signed_in(lead_westbury)
    url = westbury_draft.get_absolute_url()
    # 4 for the session, user, roles and second factor; 9 for the page: the submission (with
    # its round, version, framework, agency and the round it was carried forward from), the
    # partnerships it is shared with, standards, answers, local questions, local answers,
    # actions, challenges, colleagues helping.
    budget = 13
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert "Standards" in html

    grow_task_list(westbury_draft, westshire)
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert "Budget standard 9" in html and "Question 9" in html


def test_the_agencys_list_of_self_assessments_costs_the_same_however_many_rounds(
    westbury_draft, lead_westbury, westshire, django_assert_max_num_queries
):
    client = signed_in(lead_westbury)
    url = "/assurance/"
    # 4 for the session, user, roles and second factor; 2 for the page: the self-assessments
    # (which they lead or help with, chosen in the same query) and their partnerships.
    budget = 6
    within_budget(django_assert_max_num_queries, client, url, budget)

    grow_rounds(westbury_draft.agency, westshire, westbury_draft.round.framework_version)
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert "Budget round 9" in html


# --- The partnership reviewing ----------------------------------------------------------------


def test_a_reviewers_list_of_rounds_costs_the_same_however_many_self_assessments(
    demo_round, reviewer_westshire, westshire, django_assert_max_num_queries
):
    client = signed_in(reviewer_westshire)
    url = "/assurance/"
    # 4 for the session, user, roles and second factor; 3 for the page: their agency's own
    # self-assessments (none here), the states of those they may see in their rounds, the
    # rounds.
    budget = 7
    within_budget(django_assert_max_num_queries, client, url, budget)

    grow_round(demo_round, westshire)
    within_budget(django_assert_max_num_queries, client, url, budget)


def test_the_round_dashboard_costs_the_same_however_many_agencies_and_standards(
    demo_round, reviewer_westshire, westshire, django_assert_max_num_queries
):
    client = signed_in(reviewer_westshire)
    url = demo_round.get_absolute_url()
    # 4 for the session, user, roles and second factor; 9 for the page: the round (with its
    # version, framework, partnership and previous round), its partnerships, the previous
    # round's partnerships, standards, submissions, their ratings, their partnerships,
    # overdue actions counted, last round's ratings.
    budget = 13
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert "Ratings by agency and standard" in html

    shown = grow_round(demo_round, westshire)
    grow_standards(
        demo_round.framework_version,
        Submission.objects.filter(round=demo_round, agency__name__startswith="Budget"),
    )
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert html.count('<th scope="row" class="govuk-table__header">') >= shown * TEN_TIMES


@pytest.fixture
def under_review(demo_round, westshire):
    """The first of the demo's self-assessments Westshire's reviewers are reviewing."""
    return (
        demo_round.submissions.filter(status=SubmissionStatus.UNDER_REVIEW, shared_with=westshire)
        .order_by("pk")
        .first()
    )


def test_reviewing_a_self_assessment_costs_the_same_however_many_standards_and_challenges(
    under_review, reviewer_westshire, westshire, django_assert_max_num_queries
):
    submission = under_review
    client = signed_in(reviewer_westshire)
    url = f"/assurance/submissions/{submission.pk}/review/"
    # 4 for the session, user, roles and second factor; 12 for the page: the submission (with
    # its round, version, previous round and agency), its partnerships, the round's
    # partnerships, standards, challenges, answers, evidence, records from the Hub attached,
    # last round's agreed ratings, local answers, local questions, actions.
    budget = 16
    within_budget(django_assert_max_num_queries, client, url, budget)

    grow_task_list(submission, westshire)
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert "Budget standard 9" in html


def test_a_self_assessments_pdf_costs_the_same_however_many_standards_and_challenges(
    under_review, reviewer_westshire, westshire, django_assert_max_num_queries
):
    submission = under_review
    client = signed_in(reviewer_westshire)
    url = f"/assurance/submissions/{submission.pk}/report.pdf"
    # 4 for the session, user, roles and second factor; 10 for the PDF: the submission (with
    # its round, version, previous round and agency), its partnerships, the round's
    # partnerships, standards, challenges, answers, evidence, records from the Hub attached,
    # last round's agreed ratings and actions (no local questions: the PDF leaves them out).
    budget = 14
    for grown in (False, True):
        if grown:
            grow_task_list(submission, westshire)
        assert client.get(url).status_code == 200
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.content.startswith(b"%PDF-")
    assert "Budget standard 9" in read_pdf(response.content).text


# --- The admin's section 11 screens -----------------------------------------------------------


def grow_admin_rows(round_, partnership, times=TEN_TIMES):
    """Ten times the frameworks, framework versions, rounds and local questions the admin
    lists (a page of each is shown)."""
    frameworks = Framework.objects.filter(partnership=partnership).count()
    for n in range(frameworks * (times - 1)):
        framework = Framework.objects.create(partnership=partnership, name=f"Budget framework {n}")
        FrameworkVersion.objects.bulk_create(
            FrameworkVersion(framework=framework, number=number) for number in (1, 2)
        )
    grow_rounds(round_.agencies.order_by("pk").first(), partnership, round_.framework_version)
    questions = LocalQuestion.objects.filter(round=round_).count()
    LocalQuestion.objects.bulk_create(
        LocalQuestion(round=round_, partnership=partnership, text=f"Local question {n}")
        for n in range(questions * (times - 1))
    )


# (address, budget, the page's own queries). Each budget also holds 4 for the session, user,
# roles and second factor and 13 for Wagtail's admin shell (Django permissions twice, user
# profile, locale, page, collection and site permissions, root page, site, and the
# partnerships four times over).
ADMIN_LISTS = [
    ("/admin/section11_frameworks/", 19, "the count, the page with its partnerships"),
    ("/admin/section11_versions/", 20, "the count, the framework filter, the page"),
    ("/admin/section11_rounds/", 19, "the count, the page with who runs each and its use"),
    ("/admin/section11_local_questions/", 21, "the count, two filters, the page"),
]


@pytest.mark.parametrize("address,budget,_", ADMIN_LISTS)
def test_the_admin_lists_cost_the_same_however_many_rows(
    address, budget, _, demo_round, westshire, admin_westshire, django_assert_max_num_queries
):
    client = signed_in(admin_westshire)
    within_budget(django_assert_max_num_queries, client, address, budget)

    grow_admin_rows(demo_round, westshire)
    within_budget(django_assert_max_num_queries, client, address, budget)
