"""Records from elsewhere in the Hub as section 11 evidence: a domain offers an agency's
records through the registry (`EvidenceSource`); the agency's lead sees them on a standard's
page and may attach one, copied as it reads; nothing is attached unless they choose it. A
forged record, another agency, a colleague who is not the lead, or a submitted
self-assessment changes nothing."""

import datetime
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from hub.assurance import services
from hub.assurance.models import AttachedRecord
from hub.core import domains
from hub.core.audit import entries
from hub.core.domains import Domain, EvidenceSource
from tests.assurance.conftest import complete, submission_of

pytestmark = pytest.mark.django_db

WESTBURY_RECORDS = [
    ("rec-2", "A team of 6 to 10 people discussed the test briefing (newer).", "2026-05-02"),
    ("rec-1", "A team of 1 to 5 people discussed the test briefing (older).", "2026-04-01"),
]


def _records(agency, partnership):
    """The test source's records: two for Westbury Cross in Westshire, none elsewhere."""
    if agency.name.startswith("Westbury Cross") and partnership.slug == "westshire":
        return [(key, text, datetime.date.fromisoformat(on)) for key, text, on in WESTBURY_RECORDS]
    return []


@pytest.fixture
def source():
    domains.register(
        Domain(
            label="evidence_test",
            name="Evidence source (test)",
            evidence_sources=(EvidenceSource("test_records", "Test records", _records),),
        )
    )
    yield
    domains.unregister("evidence_test")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def started(joint_round, westbury, lead_westbury, source):
    submission = submission_of(joint_round, westbury)
    return services.submission_start(by=lead_westbury, submission=submission)


def standard_url(submission, index=0):
    standard = list(submission.round.framework_version.standards.all())[index]
    return reverse("assurance:standard", args=[submission.pk, standard.pk]), standard


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_lead_sees_their_agencys_records_and_attaches_one_copied_as_it_reads(
    started, lead_westbury
):
    url, standard = standard_url(started)
    client = signed_in(lead_westbury)
    page = text_of(client.get(url).content.decode())
    assert "Your agency's records you can attach" in page
    assert "discussed the test briefing (newer)" in page
    assert page.index("(newer)") < page.index("(older)")
    assert not AttachedRecord.objects.exists()  # nothing attached by being shown

    response = client.post(url, {"attach": "test_records:rec-1"})
    assert response.status_code == 302
    attached = AttachedRecord.objects.get()
    assert (attached.submission, attached.standard) == (started, standard)
    assert attached.text == WESTBURY_RECORDS[1][1]
    assert attached.on == datetime.date(2026, 4, 1)
    assert attached.attached_by == lead_westbury
    assert entries().filter(action="hub.assurance.record_attached").count() == 1

    page = client.get(url).content.decode()
    assert "govuk-tag--green" in page  # shown as attached, no second button for it
    assert page.count('value="test_records:rec-1"') == 0
    assert page.count('value="test_records:rec-2"') == 1


def test_attaching_twice_keeps_one(started, lead_westbury):
    url, _ = standard_url(started)
    client = signed_in(lead_westbury)
    client.post(url, {"attach": "test_records:rec-2"})
    client.post(url, {"attach": "test_records:rec-2"})
    assert AttachedRecord.objects.count() == 1


@pytest.mark.parametrize(
    "choice",
    ["test_records:rec-9", "test_records:", "other_source:rec-1", "", "x" * 500, "rec-1"],
)
def test_a_forged_or_stale_record_is_refused_with_a_message(started, lead_westbury, choice):
    url, _ = standard_url(started)
    response = signed_in(lead_westbury).post(url, {"attach": choice})
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "That record is not one of your agency's" in unescape(html)
    assert not AttachedRecord.objects.exists()


def test_another_agencys_lead_and_a_colleague_who_is_not_the_lead_attach_nothing(
    started, lead_police, colleague_westbury, lead_westbury
):
    url, _ = standard_url(started)
    assert signed_in(lead_police).post(url, {"attach": "test_records:rec-1"}).status_code == 404
    services.contributor_add(by=lead_westbury, submission=started, email=colleague_westbury.email)
    colleague = signed_in(colleague_westbury)
    page = colleague.get(url).content.decode()
    assert "records you can attach" not in page  # only the lead sees the agency's records
    assert colleague.post(url, {"attach": "test_records:rec-1"}).status_code == 404
    assert not AttachedRecord.objects.exists()


def test_another_agency_is_offered_only_its_own_records(joint_round, police, lead_police, source):
    submission = submission_of(joint_round, police)
    services.submission_start(by=lead_police, submission=submission)
    url, _ = standard_url(submission)
    page = signed_in(lead_police).get(url).content.decode()
    assert "test briefing" not in page
    response = signed_in(lead_police).post(url, {"attach": "test_records:rec-1"})
    assert "govuk-error-summary" in response.content.decode()
    assert not AttachedRecord.objects.exists()


def test_the_lead_removes_an_attached_record_with_a_post(started, lead_westbury):
    url, standard = standard_url(started)
    client = signed_in(lead_westbury)
    client.post(url, {"attach": "test_records:rec-1"})
    attached = AttachedRecord.objects.get()
    remove = reverse("assurance:attached_remove", args=[started.pk, attached.pk])
    assert client.get(remove).status_code == 405
    assert AttachedRecord.objects.exists()
    assert client.post(remove).status_code == 302
    assert not AttachedRecord.objects.exists()
    assert entries().filter(action="hub.assurance.record_detached").count() == 1


def test_a_forged_attached_id_from_another_submission_is_404(
    joint_round, started, lead_westbury, police, lead_police
):
    url, _ = standard_url(started)
    signed_in(lead_westbury).post(url, {"attach": "test_records:rec-1"})
    attached = AttachedRecord.objects.get()
    theirs = submission_of(joint_round, police)
    services.submission_start(by=lead_police, submission=theirs)
    forged = reverse("assurance:attached_remove", args=[theirs.pk, attached.pk])
    assert signed_in(lead_police).post(forged).status_code == 404
    mine_but_theirs = reverse("assurance:attached_remove", args=[started.pk, attached.pk])
    assert signed_in(lead_police).post(mine_but_theirs).status_code == 404
    assert AttachedRecord.objects.count() == 1


def test_after_submitting_nothing_can_be_attached_and_the_reviewer_reads_what_was(
    started, lead_westbury, reviewer_westshire
):
    url, _ = standard_url(started)
    client = signed_in(lead_westbury)
    client.post(url, {"attach": "test_records:rec-2"})
    complete(started, lead_westbury)
    services.submission_submit(by=lead_westbury, submission=started)

    page = client.get(url).content.decode()
    assert "records you can attach" not in page
    assert "discussed the test briefing (newer)" in page  # still listed, read only
    response = client.post(url, {"attach": "test_records:rec-1"})
    assert response.status_code in (200, 404)
    assert AttachedRecord.objects.count() == 1

    review = signed_in(reviewer_westshire).get(reverse("assurance:review", args=[started.pk]))
    assert "discussed the test briefing (newer)" in text_of(review.content.decode())


def test_the_attached_words_stay_when_the_source_record_goes(started, lead_westbury):
    url, _ = standard_url(started)
    signed_in(lead_westbury).post(url, {"attach": "test_records:rec-1"})
    domains.unregister("evidence_test")  # the record is gone from its domain
    page = signed_in(lead_westbury).get(url).content.decode()
    assert "discussed the test briefing (older)" in page
