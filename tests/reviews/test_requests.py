"""Requests for information: the panel asks the partnership's agencies (one request per agency
and review, due by default on the timeline's information step), each agency's leads are told
by email, and an agency's lead records that its information went back by the secure route,
with an optional short summary. Agencies see only the requests addressed to them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from hub.reviews import cases
from hub.reviews.models import InformationRequest, ReviewStatus, TimelineStep
from tests.reviews.conftest import NOW, make_review, signed_in
from tests.reviews.test_cases import (
    BIRTH_DATE,
    NHS_NUMBER,
    POSTCODE,
    audit_actions,
    date_fields,
    error_summary,
    open_one,
    text_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(panel, westshire):
    """Opened now, notified today: the information step is due ten working days on."""
    TimelineStep.objects.filter(partnership=westshire).delete()
    today = timezone.localdate()
    return open_one(
        panel,
        westshire,
        notified_on=today,
        incident_on=today - datetime.timedelta(days=5),
        now=timezone.now(),
    )


def ask(client, review, agencies, **extra):
    data = {"agencies": [str(agency.pk) for agency in agencies]} | extra
    return client.post(f"/reviews/{review.reference}/requests/new/", data)


def request_emails(email):
    return [m for m in mail.outbox if email in m.to and "asks for your agency's" in m.subject]


def test_the_panel_asks_agencies_for_information_due_on_the_information_step(
    panel,
    review,
    college,
    westbury,
    college_lead,
    westbury_lead,
    police_lead,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(signed_in(panel), review, [college, westbury])
    assert response.status_code == 302
    made = list(InformationRequest.objects.filter(review=review).order_by("agency__name"))
    assert [row.agency for row in made] == [westbury, college]
    information_step = review.steps.get(day=10)
    for row in made:
        assert row.asked_on == timezone.localdate()
        assert row.due_on == information_step.due_on
        assert row.asked_by == panel
        assert audit_actions(row) == ["hub.reviews.information_requested"]
    # Each agency's leads are told; nobody else.
    message = request_emails(college_lead.email)[0]
    assert review.reference in message.subject
    assert f"/reviews/agency/requests/{made[1].pk}/" in message.body
    assert "never through the Hub" in message.body
    assert len(request_emails(westbury_lead.email)) == 1
    assert request_emails(police_lead.email) == []


def test_a_due_date_may_be_given_and_must_not_be_past(panel, review, college):
    client = signed_in(panel)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = ask(client, review, [college], **date_fields("due_on", yesterday))
    assert "The date it is due must be today or later" in error_summary(response)
    assert not InformationRequest.objects.filter(review=review).exists()
    later = timezone.localdate() + datetime.timedelta(days=30)
    assert ask(client, review, [college], **date_fields("due_on", later)).status_code == 302
    assert InformationRequest.objects.get(review=review).due_on == later


def test_an_agency_is_asked_once_per_review(panel, review, college, westbury):
    client = signed_in(panel)
    assert ask(client, review, [college]).status_code == 302
    # The page no longer offers the college; a forged or repeated form is refused whole.
    html = client.get(f"/reviews/{review.reference}/requests/new/").content.decode()
    offered = {
        box["value"]
        for box in BeautifulSoup(html, "html.parser").find_all("input", {"name": "agencies"})
    }
    assert str(westbury.pk) in offered and str(college.pk) not in offered
    response = ask(client, review, [college, westbury])
    assert "Choose from the partnership's agencies" in error_summary(response)
    with pytest.raises(ValidationError, match="Already asked for this review: Westshire College"):
        cases.request_information(by=panel, review=review, agencies=[college, westbury])
    assert list(InformationRequest.objects.filter(review=review)) == [
        InformationRequest.objects.get(review=review, agency=college)
    ]


def test_only_the_partnerships_own_agencies_are_asked(panel, review, moorhampton):
    response = ask(signed_in(panel), review, [moorhampton])
    assert "Choose from the partnership's agencies" in error_summary(response)
    with pytest.raises(ValidationError, match="Choose from Westshire"):
        cases.request_information(by=panel, review=review, agencies=[moorhampton])
    assert not InformationRequest.objects.filter(review=review).exists()


def test_asking_nobody_is_refused(panel, review):
    response = ask(signed_in(panel), review, [])
    assert "Choose at least one agency to ask" in error_summary(response)


def test_the_default_due_date_must_not_have_passed(panel, westshire, college):
    TimelineStep.objects.filter(partnership=westshire).delete()
    old = open_one(panel, westshire)  # notified 4 March 2026: its information step is long due
    response = ask(signed_in(panel), old, [college])
    assert "The timeline's date for agencies' information (18 March 2026) has passed" in (
        error_summary(response)
    )
    assert not InformationRequest.objects.filter(review=old).exists()


def test_a_completed_review_asks_no_one(panel, westshire, college):
    done = make_review(
        westshire,
        status=ReviewStatus.COMPLETED,
        rapid_review_sent_on=datetime.date(2026, 3, 24),
        decision="no_further",
        decision_on=datetime.date(2026, 4, 1),
    )
    client = signed_in(panel)
    page = text_of(client.get(f"/reviews/{done.reference}/requests/new/").content.decode())
    assert "agencies are no longer asked for information" in page
    assert ask(client, done, [college]).status_code == 200
    with pytest.raises(ValidationError, match="reopen it to ask agencies"):
        cases.request_information(by=panel, review=done, agencies=[college], now=NOW)
    assert not InformationRequest.objects.filter(review=done).exists()


# --- The agency's side ------------------------------------------------------------------------


@pytest.fixture
def asked(panel, review, college, police):
    return {
        row.agency.name: row
        for row in cases.request_information(by=panel, review=review, agencies=[college, police])
    }


def test_an_agency_lead_sees_only_the_requests_addressed_to_their_agency(
    asked, college_lead, police_lead, westbury_lead, review
):
    college_request = asked["Westshire College (demo)"]
    police_request = asked["Westmoor Police (demo)"]
    html = signed_in(college_lead).get("/reviews/agency/").content.decode()
    assert f"/reviews/agency/requests/{college_request.pk}/" in html
    assert f"/reviews/agency/requests/{police_request.pk}/" not in html
    assert review.reference in html and 'href="/reviews/tracker/"' in html
    # Nothing of the case record itself.
    assert review.summary not in html and "5 to 10" not in html
    none = text_of(signed_in(westbury_lead).get("/reviews/agency/").content.decode())
    assert "Nothing is awaiting your agency's information." in none
    # The police work in Northmoor too: Northmoor's site shows none of Westshire's requests.
    northmoor = signed_in(police_lead, host="northmoor.localhost").get("/reviews/agency/")
    assert f"/reviews/agency/requests/{police_request.pk}/" not in northmoor.content.decode()


def test_another_agencys_request_or_a_guessed_one_is_a_404_and_changes_nothing(
    asked, college_lead, westbury_lead, police_lead
):
    college_request = asked["Westshire College (demo)"]
    for person in (westbury_lead, police_lead):
        client = signed_in(person)
        url = f"/reviews/agency/requests/{college_request.pk}/"
        assert client.get(url).status_code == 404
        response = client.post(url, {"chronology_sent": "on", "summary": "Taken over."})
        assert response.status_code == 404
    client = signed_in(college_lead)
    for guess in (college_request.pk + 1000, 0):
        assert client.get(f"/reviews/agency/requests/{guess}/").status_code == 404
    northmoor = signed_in(police_lead, host="northmoor.localhost")
    police_request = asked["Westmoor Police (demo)"]
    assert northmoor.get(f"/reviews/agency/requests/{police_request.pk}/").status_code == 404
    college_request.refresh_from_db()
    assert college_request.returned_on is None and college_request.summary == ""


def test_the_agency_lead_records_that_the_information_is_returned(asked, college_lead, review):
    college_request = asked["Westshire College (demo)"]
    client = signed_in(college_lead)
    url = f"/reviews/agency/requests/{college_request.pk}/"
    page = text_of(client.get(url).content.decode())
    assert "Record that your information is returned" in page
    assert review.reference in page
    response = client.post(
        url,
        {
            "chronology_sent": "on",
            "summary": "The college had contact with the older sibling; learning on sharing "
            "attendance concerns (test).",
        },
    )
    assert response.status_code == 302
    college_request.refresh_from_db()
    assert college_request.returned_on == timezone.localdate()
    assert college_request.returned_by == college_lead
    assert college_request.chronology_sent
    assert college_request.summary.startswith("The college had contact")
    assert audit_actions(college_request) == [
        "hub.reviews.information_requested",
        "hub.reviews.information_request_viewed",
        "hub.reviews.information_returned",
    ]
    entry = ModelLogEntry.objects.get(
        action="hub.reviews.information_returned", object_id=str(college_request.pk)
    )
    assert entry.data["agency_id"] == college_request.agency_id
    assert entry.data["partnership_id"] == review.partnership_id
    shown = text_of(client.get(url).content.decode())
    assert "Sent through the partnership's secure route" in shown
    assert "Record that your information is returned" not in shown


def test_a_return_sent_twice_keeps_the_first(asked, college_lead, panel):
    college_request = asked["Westshire College (demo)"]
    url = f"/reviews/agency/requests/{college_request.pk}/"
    client = signed_in(college_lead)
    client.post(url, {"chronology_sent": "on", "summary": "First (test)."})
    again = client.post(url, {"chronology_sent": "on", "summary": "Second (test)."}, follow=True)
    assert "was already recorded as returned. Nothing was changed." in text_of(
        again.content.decode()
    )
    with pytest.raises(ValidationError, match="already recorded as returned"):
        cases.information_return(
            by=panel, information_request=college_request, summary="", chronology_sent=True
        )
    college_request.refresh_from_db()
    assert college_request.summary == "First (test)."
    assert college_request.returned_by == college_lead


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"summary": "Done."}, "Confirm that your agency has sent its information"),
        ({"chronology_sent": "on", "summary": NHS_NUMBER}, "Remove an NHS number"),
        ({"chronology_sent": "on", "summary": POSTCODE}, "Remove a full postcode"),
        ({"chronology_sent": "on", "summary": BIRTH_DATE}, "Remove a date of birth"),
        ({"chronology_sent": "on", "summary": "x" * 2001}, "2000 characters or fewer"),
    ],
)
def test_a_bad_return_is_refused_with_a_clear_message_and_changes_nothing(
    asked, college_lead, data, message
):
    college_request = asked["Westshire College (demo)"]
    response = signed_in(college_lead).post(f"/reviews/agency/requests/{college_request.pk}/", data)
    assert response.status_code == 200
    assert message in error_summary(response)
    college_request.refresh_from_db()
    assert college_request.returned_on is None and college_request.summary == ""
    assert not college_request.chronology_sent


def test_the_panel_records_information_that_reached_them_by_secure_email(asked, business_unit):
    police_request = asked["Westmoor Police (demo)"]
    client = signed_in(business_unit)
    response = client.post(
        f"/reviews/agency/requests/{police_request.pk}/", {"chronology_sent": "on"}
    )
    assert response.status_code == 302
    police_request.refresh_from_db()
    assert police_request.returned_by == business_unit
    page = text_of(client.get(f"/reviews/{police_request.review.reference}/").content.decode())
    assert f"by {business_unit.display_name}" in page


def test_a_closed_reviews_request_is_no_longer_returned(asked, college_lead, review):
    college_request = asked["Westshire College (demo)"]
    type(review).objects.filter(pk=review.pk).update(
        status=ReviewStatus.CLOSED,
        closed_on=timezone.localdate(),
        rapid_review_sent_on=timezone.localdate(),
        decision="no_further",
        decision_on=timezone.localdate(),
    )
    client = signed_in(college_lead)
    url = f"/reviews/agency/requests/{college_request.pk}/"
    assert "is closed: nothing more is recorded on it" in text_of(client.get(url).content.decode())
    client.post(url, {"chronology_sent": "on"})
    college_request.refresh_from_db()
    assert college_request.returned_on is None
