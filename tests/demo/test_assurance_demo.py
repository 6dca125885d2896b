"""The demo section 11 self-assessment: a framework of eight standards in two versions, a
closed 2024 round to compare with, and an open round with submissions in every state, built
through the services, with no email sent and nothing duplicated when loaded again."""

from collections import Counter

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from hub.assurance.models import (
    ActionPlanItem,
    Answer,
    AssuranceEmail,
    Challenge,
    Framework,
    FrameworkVersion,
    LocalQuestion,
    Round,
    RoundStatus,
    Standard,
    Submission,
    SubmissionStatus,
)
from hub.core.models import Role, RoleAssignment, User
from hub.demo.content.assurance import CURRENT_TITLE, PREVIOUS_ROUND
from hub.demo.loader import load_demo

pytestmark = pytest.mark.django_db

SHARED_AGENCIES = {
    "Westmoor Police (demo)",
    "Moorland Community Health NHS Trust (demo)",
    "South Western Ambulance Service (demo)",
    "Brightpath Family Support (demo)",
}


@pytest.fixture
def current_round(db):
    return Round.objects.get(title=CURRENT_TITLE)


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Framework,
            FrameworkVersion,
            Standard,
            Round,
            LocalQuestion,
            Submission,
            Answer,
            ActionPlanItem,
            Challenge,
            User,
            RoleAssignment,
            ModelLogEntry,
        )
    }


def test_loading_the_demo_twice_creates_no_section_11_records(
    django_capture_on_commit_callbacks,
):
    before = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    assert _counts() == before
    assert mail.outbox == []


def test_building_the_demo_sent_no_email():
    assert not AssuranceEmail.objects.exists()


def test_the_framework_has_eight_standards_in_two_published_versions(current_round):
    framework = Framework.objects.get(name="Westshire and Northmoor section 11 standards (demo)")
    assert framework.is_demo
    version_1, version_2 = framework.versions.order_by("number")
    assert version_1.is_published and version_2.is_published
    keys = [list(v.standards.values_list("key", flat=True)) for v in (version_1, version_2)]
    assert len(keys[0]) == 8
    assert keys[0] == keys[1]
    assert "managing-allegations" in keys[0]
    assert "voice-of-the-child" in keys[0]
    sub_standards = [
        dict(v.standards.values_list("key", "sub_standards")) for v in (version_1, version_2)
    ]
    assert sub_standards[0] != sub_standards[1]
    for standard in version_2.standards.all():
        assert 3 <= len(standard.sub_standard_list()) <= 4, standard
        assert standard.summary and standard.guidance and standard.evidence_prompt_list()
    assert current_round.framework_version == version_2
    assert current_round.previous_round.framework_version == version_1


def test_the_open_round_has_submissions_in_every_state(current_round):
    assert current_round.status == RoundStatus.OPEN
    today = timezone.localdate()
    assert current_round.opens_on < today < current_round.due_on
    assert current_round.is_demo
    submissions = list(current_round.submissions.all())
    assert len(submissions) == 22
    states = Counter(submission.state_label for submission in submissions)
    assert set(states) == {
        "Not started",
        "Draft",
        "Returned for changes",
        "Submitted",
        "Under review",
        "Agreed",
        "Closed",
    }
    assert min(states.values()) >= 2, states
    onwards = {"Submitted", "Under review", "Agreed", "Closed"}
    assert sum(count for state, count in states.items() if state in onwards) >= 8


def test_an_agency_in_both_partnerships_submits_once_shared_with_both(
    current_round, westshire, northmoor
):
    for submission in current_round.submissions.select_related("agency"):
        shared = set(submission.shared_with.all())
        if submission.agency.name in SHARED_AGENCIES:
            assert shared == {westshire, northmoor}, submission
        else:
            assert len(shared) == 1, submission
    assert current_round.submissions.filter(agency__name__in=SHARED_AGENCIES).count() == 4


def test_the_previous_round_is_closed_and_linked(current_round):
    previous = current_round.previous_round
    assert previous.title == PREVIOUS_ROUND["title"]
    assert previous.status == RoundStatus.CLOSED
    assert previous.opens_on.year == previous.due_on.year == 2024
    assert previous.closed_at.year == 2024
    closed = previous.submissions.filter(status=SubmissionStatus.CLOSED)
    assert closed.count() >= previous.submissions.count() - 1
    assert all(submission.closed_at.year == 2024 for submission in closed)
    assert not Answer.objects.filter(submission__in=closed, agreed_rating__isnull=True).exists()


def test_the_demo_leads_draft_has_answers_carried_forward_to_review(current_round):
    lee = User.objects.get(email="lead@westbury-academy.example")
    submission = current_round.submissions.get(agency=lee.agency)
    assert submission.state_label == "Draft"
    assert submission.carried_forward_from.round == current_round.previous_round
    answers = submission.answers.all()
    assert answers.filter(carried_forward=True).exists()
    assert answers.filter(carried_forward=False, updated_by=lee).exists()


def test_reviews_have_challenges_answered_and_awaited_and_varied_ratings(current_round):
    challenges = Challenge.objects.filter(submission__round=current_round)
    awaited = [c for c in challenges if c.awaits_response]
    assert awaited
    assert challenges.filter(responded_at__isnull=False).exists()
    assert {c.partnership.slug for c in challenges} == {"westshire", "northmoor"}
    ratings = set(
        Answer.objects.filter(submission__round=current_round, rating__isnull=False).values_list(
            "rating", flat=True
        )
    )
    assert ratings == {1, 2, 3}
    agreed = Answer.objects.filter(submission__round=current_round, agreed_rating__isnull=False)
    assert agreed.exclude(agreed_note="").exists()


def test_some_action_plans_have_overdue_actions(current_round):
    actions = ActionPlanItem.objects.filter(submission__round=current_round)
    overdue = actions.overdue()
    assert overdue.values("submission").distinct().count() >= 5
    assert overdue.filter(carried_forward=False).exists()
    assert actions.filter(status="complete").exists()


def test_each_partnership_adds_local_questions(current_round, westshire, northmoor):
    for partnership in (westshire, northmoor):
        assert 1 <= current_round.local_questions.filter(partnership=partnership).count() <= 2


def test_each_partnership_has_a_section_11_reviewer_sign_in_without_admin_access():
    for email in ("s11@westshire.example", "s11@northmoor.example"):
        reviewer = User.objects.get(email=email)
        roles = set(RoleAssignment.objects.filter(user=reviewer).values_list("role", flat=True))
        assert roles == {Role.SECTION_11_REVIEWER}
        assert not reviewer.groups.exists()


def test_demo_leads_of_other_agencies_cannot_sign_in():
    leads = User.objects.filter(job_role="Designated safeguarding lead (demo)")
    assert 0 < leads.count() <= 22
    assert not any(lead.has_usable_password() for lead in leads)
    assert all(lead.email.endswith(".example") for lead in leads)
