"""Starting from last round: answers and open actions come forward marked "carried forward —
review before submitting", matched by standard key across framework versions; nothing is
submitted until each has been reviewed; the earlier round is never changed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hub.assurance import services
from hub.assurance.models import ActionStatus, Answer, Round, Standard, SubmissionStatus
from tests.assurance.conftest import complete, submission_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_round_agreed(joint_round, westbury, lead_westbury, reviewer_westshire, admin_westshire):
    """The joint round, with Westbury's submission agreed and an open and a done action."""
    submission = complete(submission_of(joint_round, westbury), lead_westbury, rating=2)
    due = timezone.localdate() + datetime.timedelta(days=30)
    standards = list(joint_round.framework_version.standards.all())
    services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=standards[1],
        description="Check every volunteer's DBS renewal date",
        owner_role="Business manager",
        due_on=due,
    )
    done = services.action_add(
        by=lead_westbury,
        submission=submission,
        standard=None,
        description="Write a staff code of conduct",
        owner_role="Headteacher",
        due_on=due,
    )
    services.action_update(
        by=lead_westbury, action=done, status=ActionStatus.COMPLETE, progress_note="Done"
    )
    services.submission_submit(by=lead_westbury, submission=submission)
    services.review_start(by=reviewer_westshire, submission=submission)
    for standard in standards:
        services.agreed_rating_record(
            by=reviewer_westshire, submission=submission, standard=standard, rating=2
        )
    services.submission_agree(by=reviewer_westshire, submission=submission)
    services.round_close(by=admin_westshire, round_=joint_round)
    return joint_round


@pytest.fixture
def next_round(closed_round_agreed, admin_westshire, westshire, northmoor, westbury):
    """A round on a new version of the framework: one standard reworded, one new."""
    version = services.framework_version_copy(
        by=admin_westshire, version=closed_round_agreed.framework_version
    )
    training = version.standards.get(key="training")
    training.title = "Training and supervision"
    training.save()
    Standard.objects.create(
        version=version,
        sort_order=4,
        key="voice-of-the-child",
        number="4",
        title="Listening to children",
        summary="Children's views shape services.",
    )
    services.framework_version_publish(by=admin_westshire, version=version)
    today = timezone.localdate()
    round_ = Round.objects.create(
        partnership=westshire,
        title="Next round",
        framework_version=version,
        opens_on=today,
        due_on=today + datetime.timedelta(days=60),
        previous_round=closed_round_agreed,
    )
    round_.partnerships.set([westshire, northmoor])
    round_.agencies.set([westbury])
    services.round_open(by=admin_westshire, round_=round_)
    return round_


def test_starting_copies_last_rounds_answers_marked_for_review(next_round, westbury, lead_westbury):
    submission = services.submission_start(
        by=lead_westbury, submission=submission_of(next_round, westbury)
    )
    answers = {a.standard.key: a for a in submission.answers.select_related("standard")}
    assert set(answers) == {"leadership", "safer-recruitment", "training", "voice-of-the-child"}
    for key in ("leadership", "safer-recruitment", "training"):
        assert answers[key].carried_forward
        assert answers[key].rating == 2
        assert answers[key].narrative.startswith("Our evidence for")
        assert answers[key].standard.version_id == next_round.framework_version_id
    assert not answers["voice-of-the-child"].carried_forward
    assert answers["voice-of-the-child"].rating is None
    assert submission.carried_forward_from.round == next_round.previous_round


def test_only_open_actions_come_forward(next_round, westbury, lead_westbury):
    submission = services.submission_start(
        by=lead_westbury, submission=submission_of(next_round, westbury)
    )
    actions = list(submission.actions.select_related("standard"))
    assert [a.description for a in actions] == ["Check every volunteer's DBS renewal date"]
    assert actions[0].carried_forward
    assert actions[0].standard.key == "safer-recruitment"
    assert actions[0].standard.version_id == next_round.framework_version_id


def test_carried_forward_answers_must_be_reviewed_before_submitting(
    next_round, westbury, lead_westbury
):
    submission = services.submission_start(
        by=lead_westbury, submission=submission_of(next_round, westbury)
    )
    standards = {s.key: s for s in next_round.framework_version.standards.all()}
    services.answer_save(
        by=lead_westbury,
        submission=submission,
        standard=standards["voice-of-the-child"],
        rating=1,
        narrative="We have started a pupil voice group.",
    )
    with pytest.raises(ValidationError) as refused:
        services.submission_submit(by=lead_westbury, submission=submission)
    messages = refused.value.message_dict
    for key in ("leadership", "safer-recruitment", "training"):
        assert "carried forward" in messages[f"standard-{standards[key].pk}"][0]
    action = submission.actions.get()
    assert f"action-{action.pk}" in messages
    for key in ("leadership", "safer-recruitment", "training"):
        answer = Answer.objects.get(submission=submission, standard=standards[key])
        services.answer_save(
            by=lead_westbury,
            submission=submission,
            standard=standards[key],
            rating=answer.rating,
            narrative=answer.narrative,
        )
    services.action_update(
        by=lead_westbury, action=action, status=ActionStatus.IN_PROGRESS, progress_note="Half"
    )
    services.submission_submit(by=lead_westbury, submission=submission)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_the_earlier_round_is_unchanged_by_the_new_one(next_round, westbury, lead_westbury):
    previous = submission_of(next_round.previous_round, westbury)
    before = list(previous.answers.values_list("standard__title", "rating", "narrative"))
    submission = services.submission_start(
        by=lead_westbury, submission=submission_of(next_round, westbury)
    )
    for answer in submission.answers.select_related("standard"):
        services.answer_save(
            by=lead_westbury,
            submission=submission,
            standard=answer.standard,
            rating=1,
            narrative="Rewritten",
        )
    assert list(previous.answers.values_list("standard__title", "rating", "narrative")) == before
    assert ("Training", 2, "Our evidence for Training.") in before
    assert previous.status == SubmissionStatus.CLOSED


def test_starting_twice_never_overwrites_an_answer(next_round, westbury, lead_westbury):
    submission = services.submission_start(
        by=lead_westbury, submission=submission_of(next_round, westbury)
    )
    standard = next_round.framework_version.standards.get(key="leadership")
    services.answer_save(
        by=lead_westbury, submission=submission, standard=standard, rating=3, narrative="Mine"
    )
    services.submission_start(by=lead_westbury, submission=submission)
    answer = Answer.objects.get(submission=submission, standard=standard)
    assert (answer.rating, answer.narrative, answer.carried_forward) == (3, "Mine", False)
    assert submission.actions.count() == 1
