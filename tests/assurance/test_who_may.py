"""Who may take each step of the workflow: every step tried by every kind of person, with
exactly the expected ones allowed. A refused step changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied

from hub.assurance import services
from hub.assurance.models import Submission
from tests.assurance.conftest import complete, submission_of

pytestmark = pytest.mark.django_db

PEOPLE = [
    "lead_westbury",
    "colleague_westbury",
    "contributor",
    "lead_police",
    "reviewer_westshire",
    "reviewer_northmoor",
    "admin_westshire",
]


@pytest.fixture
def cast(
    request,
    joint_round,
    westbury,
    lead_westbury,
    colleague_westbury,
    lead_police,
    reviewer_westshire,
    reviewer_northmoor,
    admin_westshire,
    staff,
):
    contributor = staff(None, agency=westbury, email="s11-contributor@westbury.example")
    submission = submission_of(joint_round, westbury)
    services.contributor_add(by=lead_westbury, submission=submission, email=contributor.email)
    return {
        "lead_westbury": lead_westbury,
        "colleague_westbury": colleague_westbury,
        "contributor": contributor,
        "lead_police": lead_police,
        "reviewer_westshire": reviewer_westshire,
        "reviewer_northmoor": reviewer_northmoor,
        "admin_westshire": admin_westshire,
        "submission": submission,
    }


def _submitted(cast):
    submission = complete(cast["submission"], cast["lead_westbury"])
    services.submission_submit(by=cast["lead_westbury"], submission=submission)
    return submission


def _under_review(cast):
    submission = _submitted(cast)
    services.review_start(by=cast["reviewer_westshire"], submission=submission)
    return submission


def _agreed(cast):
    submission = _under_review(cast)
    for standard in submission.round.framework_version.standards.all():
        services.agreed_rating_record(
            by=cast["reviewer_westshire"], submission=submission, standard=standard, rating=3
        )
    services.submission_agree(by=cast["reviewer_westshire"], submission=submission)
    return submission


def _first_standard(submission):
    return submission.round.framework_version.standards.first()


STEPS = {
    "edit an answer": (
        lambda cast: cast["submission"],
        lambda by, s: services.answer_save(
            by=by, submission=s, standard=_first_standard(s), rating=2, narrative="x"
        ),
        {"lead_westbury", "contributor"},
    ),
    "name a contributor": (
        lambda cast: cast["submission"],
        lambda by, s: services.contributor_add(
            by=by, submission=s, email="s11-colleague@westbury.example"
        ),
        {"lead_westbury"},
    ),
    "submit": (
        lambda cast: complete(cast["submission"], cast["lead_westbury"]),
        lambda by, s: services.submission_submit(by=by, submission=s),
        {"lead_westbury"},
    ),
    "start the review": (
        _submitted,
        lambda by, s: services.review_start(by=by, submission=s),
        {"reviewer_westshire", "admin_westshire"},
    ),
    "raise a challenge": (
        _submitted,
        lambda by, s: services.challenge_raise(by=by, submission=s, kind="challenge", text="?"),
        {"reviewer_westshire", "admin_westshire"},
    ),
    "record an agreed rating": (
        _under_review,
        lambda by, s: services.agreed_rating_record(
            by=by, submission=s, standard=_first_standard(s), rating=1
        ),
        {"reviewer_westshire", "admin_westshire"},
    ),
    "return for changes": (
        _under_review,
        lambda by, s: services.submission_return(by=by, submission=s, reason="More"),
        {"reviewer_westshire", "admin_westshire"},
    ),
    "close": (
        _agreed,
        lambda by, s: services.submission_close(by=by, submission=s),
        {"admin_westshire"},
    ),
}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("who", PEOPLE)
def test_each_step_is_allowed_only_to_the_right_people(step, who, cast):
    prepare, do, allowed = STEPS[step]
    submission = prepare(cast)
    before = Submission.objects.filter(pk=submission.pk).values().get()
    if who in allowed:
        do(cast[who], submission)
    else:
        with pytest.raises(PermissionDenied):
            do(cast[who], submission)
        assert Submission.objects.filter(pk=submission.pk).values().get() == before
