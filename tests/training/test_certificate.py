"""The certificate of attendance: who may download it, when, and what it says, read back
from the PDF itself."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from hub.core.models import Role
from hub.training.certificate import certificate_pdf
from hub.training.models import Attendance, Booking, Evaluation, policy_for
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(session_factory, people):
    """People[0] attended a session on 3 March 2026 and sent the evaluation."""
    starts_at = timezone.make_aware(datetime.datetime(2026, 3, 3, 9, 30))
    session = session_factory(starts_at=starts_at)
    person = people[0]
    person.first_name, person.last_name = "Zoë", "Łukasz-O’Neill"
    person.save()
    booking = Booking.objects.create(
        session=session, person=person, agency=person.agency, attendance=Attendance.ATTENDED
    )
    Evaluation.objects.create(
        booking=booking,
        overall=5,
        trainer=5,
        relevance=4,
        confidence_before=2,
        confidence_after=4,
    )
    return booking


def text_of(content):
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages
    )


def test_the_certificate_names_the_person_course_level_date_hours_and_partnership(
    client, completed
):
    client.force_login(completed.person)
    response = client.get(f"/training/bookings/{completed.pk}/certificate.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = text_of(response.content)
    assert "Certificate of attendance" in text
    assert "Zoë Lukasz-O'Neill" in text
    assert "Test course: recognising neglect" in text
    assert "Level 2: working with children and families" in text
    assert "3 March 2026" in text
    assert "3 hours" in text
    assert "Westshire Safeguarding Children Partnership" in text


def test_no_certificate_before_the_evaluation_when_the_partnership_asks_for_one(client, completed):
    completed.evaluation.delete()
    client.force_login(completed.person)
    assert client.get(f"/training/bookings/{completed.pk}/certificate.pdf").status_code == 404
    policy = policy_for(completed.session.course.partnership)
    policy.certificate_needs_evaluation = False
    policy.save()
    assert client.get(f"/training/bookings/{completed.pk}/certificate.pdf").status_code == 200


@pytest.mark.parametrize("mark", [Attendance.ABSENT, Attendance.LEFT_EARLY, ""])
def test_no_certificate_without_completed_attendance(client, completed, mark):
    completed.attendance = mark
    completed.save()
    client.force_login(completed.person)
    assert client.get(f"/training/bookings/{completed.pk}/certificate.pdf").status_code == 404


def test_a_colleague_cannot_download_it_but_their_agency_lead_can(
    client, westshire, completed, people, outsider
):
    address = f"/training/bookings/{completed.pk}/certificate.pdf"
    client.force_login(people[1])
    assert client.get(address).status_code == 404
    other_lead = make_person(
        "lead@college.example",
        partnership=westshire,
        agency=outsider.agency,
        roles=[Role.AGENCY_LEAD],
    )
    client.force_login(other_lead)
    assert client.get(address).status_code == 404
    lead = make_person(
        "lead-2@westbury.example",
        partnership=westshire,
        agency=completed.agency,
        roles=[Role.AGENCY_LEAD],
    )
    client.force_login(lead)
    assert client.get(address).status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(client, completed):
    response = client.get(f"/training/bookings/{completed.pk}/certificate.pdf")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_text_outside_latin_1_keeps_its_letters():
    content = certificate_pdf(
        person_name="Łukasz Żółć",
        course_title="Neglect – “what to look for”",
        level="Level 1: awareness for everyone",
        on=datetime.date(2026, 7, 1),
        hours="1.5 hours",
        partnership_name="Test Partnership",
    )
    text = text_of(content)
    assert "Lukasz Zólc" in text
    assert 'Neglect - "what to look for"' in text
    assert "1 July 2026" in text
