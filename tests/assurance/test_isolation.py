"""Agencies never reach each other's section 11 records, and partnerships reach only the
submissions shared with them: every object URL, with fuzzed and forged ids, answers 404 to
anyone out of scope, for GET and POST alike, and changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.assurance import services
from hub.assurance.models import (
    ActionPlanItem,
    Answer,
    Challenge,
    EvidenceFile,
    LocalAnswer,
    Submission,
    SubmissionContributor,
)
from tests.assurance.conftest import complete, pdf_upload, submission_of

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SUBMISSION_URLS = [
    "assurance:submission",
    "assurance:local_questions",
    "assurance:action_new",
    "assurance:contributors",
    "assurance:submit",
    "assurance:review",
    "assurance:submission_pdf",
]
# (url name, keyword for the second id, model of the second id)
CHILD_URLS = [
    ("assurance:standard", "standard_pk", "standard"),
    ("assurance:evidence", "evidence_pk", "evidence"),
    ("assurance:evidence_remove", "evidence_pk", "evidence"),
    ("assurance:action", "action_pk", "action"),
    ("assurance:respond", "challenge_pk", "challenge"),
]
ROUND_URLS = ["assurance:round", "assurance:round_xlsx", "assurance:round_manage"]
FORM = {
    "action": "close",
    "rating": "1",
    "narrative": "Forged",
    "response": "Forged",
    "email": "s11-lead@police.example",
    "description": "Forged",
    "owner_role": "Forged",
    "status": "complete",
    "text": "Forged",
    "kind": "challenge",
    "reason": "Forged",
}


def _state():
    """Everything a forged request could change."""
    return (
        tuple(Submission.objects.order_by("pk").values_list("pk", "status", "updated_at")),
        tuple(Answer.objects.order_by("pk").values_list("pk", "rating", "narrative")),
        Answer.objects.filter(agreed_rating__isnull=False).count(),
        EvidenceFile.objects.count(),
        tuple(ActionPlanItem.objects.order_by("pk").values_list("pk", "status", "description")),
        tuple(Challenge.objects.order_by("pk").values_list("pk", "response")),
        LocalAnswer.objects.count(),
        SubmissionContributor.objects.count(),
    )


@pytest.fixture
def busy_round(
    joint_round,
    westbury,
    police,
    moorhampton,
    lead_westbury,
    lead_police,
    lead_moorhampton,
    reviewer_westshire,
):
    """Every agency with answers, evidence, an action, and (for the two submitted) a
    challenge question."""
    leads = {westbury: lead_westbury, police: lead_police, moorhampton: lead_moorhampton}
    for agency, lead in leads.items():
        submission = complete(submission_of(joint_round, agency), lead)
        standard = joint_round.framework_version.standards.first()
        services.evidence_add(
            by=lead, submission=submission, standard=standard, uploaded_file=pdf_upload()
        )
        services.action_add(
            by=lead,
            submission=submission,
            standard=standard,
            description="An action",
            owner_role="Lead",
            due_on=joint_round.due_on,
        )
    for agency in (westbury, police):
        submission = submission_of(joint_round, agency)
        services.submission_submit(by=leads[agency], submission=submission)
        services.challenge_raise(
            by=reviewer_westshire, submission=submission, kind="challenge", text="Why?"
        )
    return joint_round


def _children(submissions):
    """Ids of each kind of child row, for the given submissions."""
    return {
        "standard": set(
            Answer.objects.filter(submission__in=submissions).values_list("standard_id", flat=True)
        ),
        "evidence": set(
            EvidenceFile.objects.filter(submission__in=submissions).values_list("pk", flat=True)
        ),
        "action": set(
            ActionPlanItem.objects.filter(submission__in=submissions).values_list("pk", flat=True)
        ),
        "challenge": set(
            Challenge.objects.filter(submission__in=submissions).values_list("pk", flat=True)
        ),
    }


def _ids(values):
    return st.one_of(st.sampled_from(sorted(values)), st.integers(min_value=0, max_value=2**31 - 1))


def _refused(method):
    """404 for any record out of scope. A POST to a read-only page may be refused as 405
    first: that reveals nothing about whether the record exists."""
    return {404} if method == "get" else {404, 405}


def _client(user, host=None):
    client = Client(HTTP_HOST=host) if host else Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", SUBMISSION_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_agency_lead_never_reaches_another_agencys_submission(
    name, method, busy_round, westbury, lead_westbury
):
    client = _client(lead_westbury)
    own = set(Submission.objects.filter(agency=westbury).values_list("pk", flat=True))
    others = set(Submission.objects.exclude(agency=westbury).values_list("pk", flat=True))
    before = _state()

    @FUZZ
    @given(pk=_ids(own | others))
    def check(pk):
        if pk in own:
            return
        response = getattr(client, method)(reverse(name, kwargs={"pk": pk}), FORM)
        assert response.status_code in _refused(method), (name, pk, response.status_code)

    check()
    assert _state() == before


@pytest.mark.parametrize(("name", "child_key", "kind"), CHILD_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_submissions_rows_are_not_found_through_your_own(
    name, child_key, kind, method, busy_round, westbury, lead_westbury
):
    """Your own submission's URL with a standard, file, action or challenge id of another
    submission (or a made-up one) is a 404."""
    client = _client(lead_westbury)
    own = submission_of(busy_round, westbury)
    mine = _children([own])[kind]
    theirs = _children(list(busy_round.submissions.exclude(pk=own.pk)))[kind]
    foreign = theirs - mine
    before = _state()

    @FUZZ
    @given(child=_ids(foreign | {2**31 - 1}))
    def check(child):
        if child in mine:
            return
        url = reverse(name, kwargs={"pk": own.pk, child_key: child})
        response = getattr(client, method)(url, FORM)
        assert response.status_code in _refused(method), (name, child, response.status_code)

    check()
    assert _state() == before


@pytest.mark.parametrize(
    "name", ["assurance:review", "assurance:submission_pdf", "assurance:submission"]
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_reviewer_reaches_only_submissions_shared_with_their_partnership(
    name, method, busy_round, westbury, police, moorhampton, reviewer_northmoor
):
    client = _client(reviewer_northmoor, host="northmoor.localhost")
    shared = set(services.visible_submissions(reviewer_northmoor).values_list("pk", flat=True))
    assert submission_of(busy_round, police).pk in shared
    assert submission_of(busy_round, westbury).pk not in shared
    everything = set(Submission.objects.values_list("pk", flat=True))
    before = _state()

    @FUZZ
    @given(pk=_ids(everything))
    def check(pk):
        if pk in shared:
            return
        response = getattr(client, method)(reverse(name, kwargs={"pk": pk}), FORM)
        assert response.status_code in _refused(method), (name, pk, response.status_code)

    check()
    assert _state() == before


@pytest.mark.parametrize("name", ROUND_URLS)
def test_people_outside_a_round_never_reach_its_dashboard_or_operations(
    name, busy_round, lead_westbury, colleague_westbury
):
    before = _state()
    for person in (lead_westbury, colleague_westbury):
        client = _client(person)
        assert client.get(reverse(name, args=[busy_round.pk])).status_code in (404, 405)
        response = client.post(reverse(name, args=[busy_round.pk]), FORM)
        assert response.status_code in _refused("post")
    assert _state() == before


def test_a_practitioner_reaches_no_submission_at_all(busy_round, colleague_westbury):
    client = _client(colleague_westbury)
    before = _state()
    for submission in busy_round.submissions.all():
        for name in SUBMISSION_URLS:
            url = reverse(name, kwargs={"pk": submission.pk})
            assert client.get(url).status_code == 404, name
            assert client.post(url, FORM).status_code in _refused("post"), name
    assert _state() == before
