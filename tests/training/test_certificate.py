"""The certificate of attendance: who may download it, when, and what it says, read back
from the PDF as a screen reader, a search and a copy-and-paste would (tests/pdfs.py); the
certificate row issued on the first download, once; withdrawn by the training team or by a
corrected register, after which it is no longer offered."""

import datetime
import io

import pytest
from django.db.models import QuerySet
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from hub.core import audit
from hub.core.models import Role
from hub.training import services
from hub.training.models import Attendance, Booking, Certificate, Evaluation, policy_for
from hub.training.services.certificates import ATTENDANCE_CORRECTED
from tests.conftest import make_person
from tests.pdfs import UNICODE_NAMES, assert_accessible_pdf, assert_text_exact, read_pdf

pytestmark = pytest.mark.django_db

COURSE = "Test course: recognising neglect"
TITLE = f"Certificate of attendance: {COURSE}"


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


def address(booking):
    return f"/training/bookings/{booking.pk}/certificate.pdf"


def download(booking, user=None):
    client = Client()
    client.force_login(user or booking.person)
    response = client.get(address(booking))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return response


def named(booking, name):
    """Give the booked person `name`: first and last names split at the last space that
    leaves the first name its 150 characters at most."""
    split = max(i for i, c in enumerate(name) if c == " " and i <= 150)
    first, last = name[:split], name[split + 1 :]
    booking.person.first_name, booking.person.last_name = first, last
    booking.person.save()
    assert booking.person.display_name == name


# --- What it says, read back -------------------------------------------------------------


def test_the_certificate_is_a_tagged_pdf_naming_the_person_course_level_date_hours_and_partnership(
    completed,
):
    response = download(completed)
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    pdf = assert_accessible_pdf(
        response.content, title=TITLE, first_heading="Certificate of attendance"
    )
    assert pdf.pages == 1, "one A4 landscape page"
    assert_text_exact(
        pdf,
        "Zoë Łukasz-O’Neill",
        COURSE,
        "Level 2: working with children and families",
        "Date: 3 March 2026",
        "Learning time: 3 hours",
        "Westshire Safeguarding Children Partnership",
    )
    certificate = Certificate.objects.get(booking=completed)
    check = f"http://testserver/certificates/{certificate.display_code}/"
    assert_text_exact(pdf, f"Certificate code {certificate.display_code}")
    assert_text_exact(pdf, f"Check this certificate at {check}")
    assert pdf.links == [check], "the address is a working link"
    assert "/Link" in pdf.roles


def test_the_page_is_a4_landscape(completed):
    page = PdfReader(io.BytesIO(download(completed).content)).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


@pytest.mark.parametrize("name", UNICODE_NAMES)
def test_a_name_in_any_script_reads_back_exactly_as_written(completed, name):
    named(completed, name)
    pdf = assert_accessible_pdf(download(completed).content, title=TITLE)
    assert_text_exact(pdf, name)


# 300 characters: a first name of 150 and a last name of 149, each field's longest.
LONG_NAME = " ".join(("Łukasz Wąsowski-Żółć " * 8)[:length] for length in (150, 149))


@pytest.mark.parametrize(
    "name",
    [
        LONG_NAME,
        "Priya 🙂👍🏽 Shah",
        "<b>x</b> <script>alert('x')</script>",
    ],
    ids=["300 characters", "emoji", "html"],
)
def test_odd_names_print_literally_on_one_page(completed, name):
    named(completed, name)
    assert len(completed.person.display_name) == len(name)
    content = download(completed).content
    pdf = read_pdf(content)
    assert pdf.tagged
    assert pdf.pages == 1
    assert_text_exact(pdf, name)
    assert b"/JavaScript" not in content
    if "<b>" in name:
        assert pdf.text.count("<b>x</b>") == 1, "the markup is printed, not obeyed"


# --- Who may have it, and when -----------------------------------------------------------


def test_no_certificate_before_the_evaluation_when_the_partnership_asks_for_one(client, completed):
    completed.evaluation.delete()
    client.force_login(completed.person)
    assert client.get(address(completed)).status_code == 404
    assert not Certificate.objects.filter(booking=completed).exists()
    policy = policy_for(completed.session.course.partnership)
    policy.certificate_needs_evaluation = False
    policy.save()
    assert client.get(address(completed)).status_code == 200


@pytest.mark.parametrize("mark", [Attendance.ABSENT, Attendance.LEFT_EARLY, ""])
def test_no_certificate_without_completed_attendance(client, completed, mark):
    completed.attendance = mark
    completed.save()
    client.force_login(completed.person)
    assert client.get(address(completed)).status_code == 404
    assert not Certificate.objects.filter(booking=completed).exists()


def test_a_colleague_cannot_download_it_but_their_agency_lead_can(
    client, westshire, completed, people, outsider
):
    client.force_login(people[1])
    assert client.get(address(completed)).status_code == 404
    other_lead = make_person(
        "lead@college.example",
        partnership=westshire,
        agency=outsider.agency,
        roles=[Role.AGENCY_LEAD],
    )
    client.force_login(other_lead)
    assert client.get(address(completed)).status_code == 404
    assert not Certificate.objects.filter(booking=completed).exists()
    lead = make_person(
        "lead-2@westbury.example",
        partnership=westshire,
        agency=completed.agency,
        roles=[Role.AGENCY_LEAD],
    )
    assert_text_exact(download(completed, lead).content, "Zoë Łukasz-O’Neill")


def test_signed_out_visitors_are_sent_to_sign_in(client, completed):
    response = client.get(address(completed))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- Issued once --------------------------------------------------------------------------


def test_the_first_download_issues_the_certificate_and_every_later_one_prints_the_same_code(
    completed,
):
    assert not Certificate.objects.filter(booking=completed).exists()
    first = read_pdf(download(completed).content)
    certificate = Certificate.objects.get(booking=completed)
    assert len(certificate.code) == 20 and certificate.withdrawn_at is None
    second = read_pdf(download(completed).content)
    assert Certificate.objects.filter(booking=completed).count() == 1
    assert certificate.display_code in first.text and certificate.display_code in second.text
    issued = audit.entries().filter(action="hub.training.certificate_issued")
    assert issued.count() == 1 and issued.get().object_id == str(certificate.pk)


def test_two_requests_at_once_issue_one_certificate(completed, monkeypatch):
    """The other request inserts its row after this one looked and found none, just before
    this one inserts: the unique booking refuses the second row, and this request prints the
    other's code, with no error."""
    theirs = []
    looked = QuerySet._extract_model_params  # get_or_create's step between its get and insert

    def the_other_request_gets_there_first(queryset, *args, **kwargs):
        if queryset.model is Certificate and not theirs:
            theirs.extend(Certificate.objects.bulk_create([Certificate(booking=completed)]))
        return looked(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "_extract_model_params", the_other_request_gets_there_first)
    mine = services.certificate_issue(by=completed.person, booking=completed)
    monkeypatch.undo()
    assert theirs, "the other request's row was made in between"
    assert Certificate.objects.filter(booking=completed).count() == 1
    assert mine.code == theirs[0].code
    assert_text_exact(download(completed).content, theirs[0].display_code)


# --- Withdrawn ---------------------------------------------------------------------------


def test_a_withdrawn_certificate_is_no_longer_offered_or_downloaded(completed, training_team):
    download(completed)
    certificate = Certificate.objects.get(booking=completed)
    client = Client()
    client.force_login(completed.person)
    html = client.get("/training/my-training/").content.decode()
    assert address(completed) in html

    services.certificate_withdraw(
        by=training_team, certificate=certificate, reason="Issued in error."
    )
    assert client.get(address(completed)).status_code == 404
    html = client.get("/training/my-training/").content.decode()
    assert address(completed) not in html
    assert "Download certificate" not in html
    assert "withdrawn on" in html and "Issued in error." in html


def test_only_the_partnerships_training_team_withdraws_and_only_once(
    completed, training_team, staff
):
    from django.core.exceptions import PermissionDenied, ValidationError

    certificate = services.certificate_issue(by=completed.person, booking=completed)
    trainer = staff(Role.TRAINER, email="certificate-trainer@westshire.example")
    northmoor_team = staff(
        Role.TRAINING_COORDINATOR, partnership="northmoor", email="team@northmoor.example"
    )
    for someone in (completed.person, trainer, northmoor_team):
        with pytest.raises(PermissionDenied):
            services.certificate_withdraw(by=someone, certificate=certificate, reason="No")
    with pytest.raises(ValidationError):
        services.certificate_withdraw(by=training_team, certificate=certificate, reason="  ")
    services.certificate_withdraw(by=training_team, certificate=certificate, reason="No")
    with pytest.raises(ValidationError):
        services.certificate_withdraw(by=training_team, certificate=certificate, reason="Again")
    certificate.refresh_from_db()
    assert certificate.withdrawn_reason == "No"
    assert audit.entries().filter(action="hub.training.certificate_withdrawn").count() == 1


# --- A corrected register ----------------------------------------------------------------


@pytest.fixture
def attended_today(session_factory, people, staff):
    """People[0] attended a session that started an hour ago (its register still open), sent
    the evaluation and downloaded the certificate; the trainer is named on the session."""
    trainer = staff(Role.TRAINER, email="register-trainer@westshire.example")
    session = session_factory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    session.trainers.add(trainer)
    booking = Booking.objects.create(session=session, person=people[0], agency=people[0].agency)
    services.attendance_mark(by=trainer, session=session, marks={booking.pk: "attended"})
    booking.refresh_from_db()
    services.evaluation_submit(
        by=people[0],
        booking=booking,
        answers={
            "overall": 4,
            "trainer": 4,
            "relevance": 4,
            "confidence_before": 2,
            "confidence_after": 4,
        },
    )
    services.certificate_issue(by=people[0], booking=booking)
    return booking, trainer


def test_correcting_the_register_withdraws_the_certificate_and_correcting_it_back_restores_it(
    attended_today,
):
    booking, trainer = attended_today
    certificate = booking.certificate
    services.attendance_mark(by=trainer, session=booking.session, marks={booking.pk: "left_early"})
    certificate.refresh_from_db()
    assert certificate.withdrawn_at is not None
    assert certificate.withdrawn_reason == ATTENDANCE_CORRECTED
    withdrawn = audit.entries().get(action="hub.training.certificate_withdrawn")
    assert withdrawn.data["details"] == {"automatic": True}
    client = Client()
    client.force_login(booking.person)
    assert client.get(address(booking)).status_code == 404
    assert "Download certificate" not in client.get("/training/my-training/").content.decode()

    # A mistake corrected back: the same certificate, valid again.
    services.attendance_mark(by=trainer, session=booking.session, marks={booking.pk: "late"})
    certificate.refresh_from_db()
    assert certificate.withdrawn_at is None and certificate.withdrawn_reason == ""
    assert audit.entries().filter(action="hub.training.certificate_reinstated").count() == 1
    assert_text_exact(download(booking).content, certificate.display_code)


def test_the_training_teams_own_withdrawal_stands_when_the_register_is_corrected(
    attended_today, training_team
):
    booking, trainer = attended_today
    certificate = booking.certificate
    services.certificate_withdraw(by=training_team, certificate=certificate, reason="Duplicate.")
    services.attendance_mark(by=trainer, session=booking.session, marks={booking.pk: "absent"})
    services.attendance_mark(by=trainer, session=booking.session, marks={booking.pk: "attended"})
    certificate.refresh_from_db()
    assert certificate.withdrawn_reason == "Duplicate."
    assert not services.certificate_available(booking)


# --- The training team's screens ---------------------------------------------------------


def test_the_training_team_withdraws_a_certificate_from_the_sessions_bookings_screen(
    completed, training_team
):
    certificate = services.certificate_issue(by=completed.person, booking=completed)
    session = completed.session
    client = Client()
    client.force_login(training_team)
    screen = client.get(f"/training/manage/sessions/{session.pk}/bookings/").content.decode()
    withdraw = (
        f"/training/manage/sessions/{session.pk}/bookings/{completed.pk}/certificate/withdraw/"
    )
    assert certificate.display_code in screen and withdraw in screen

    form = client.get(withdraw)
    assert form.status_code == 200
    html = form.content.decode()
    assert "Withdraw Zoë Łukasz-O’Neill’s certificate" in html
    assert 'name="reason"' in html

    refused = client.post(withdraw, {"reason": ""})
    assert refused.status_code == 200
    assert "Enter why the certificate is withdrawn" in refused.content.decode()
    certificate.refresh_from_db()
    assert certificate.withdrawn_at is None

    done = client.post(withdraw, {"reason": "Signed in for a colleague."}, follow=True)
    assert done.redirect_chain[-1][0] == f"/training/manage/sessions/{session.pk}/bookings/"
    assert "is withdrawn. Anyone who checks it is told so." in done.content.decode()
    certificate.refresh_from_db()
    assert certificate.withdrawn_at is not None
    assert certificate.withdrawn_reason == "Signed in for a colleague."
    entry = audit.entries().get(action="hub.training.certificate_withdrawn")
    assert entry.user_id == training_team.pk
    assert entry.data["partnership_id"] == session.course.partnership_id
    screen = client.get(f"/training/manage/sessions/{session.pk}/bookings/").content.decode()
    assert "Signed in for a colleague." in screen and withdraw not in screen


def test_the_withdraw_page_answers_404_to_anyone_but_the_training_team(completed, people, staff):
    services.certificate_issue(by=completed.person, booking=completed)
    session = completed.session
    trainer = staff(Role.TRAINER, email="certificate-trainer-2@westshire.example")
    session.trainers.add(trainer)
    northmoor_team = staff(
        Role.TRAINING_COORDINATOR, partnership="northmoor", email="team-2@northmoor.example"
    )
    withdraw = (
        f"/training/manage/sessions/{session.pk}/bookings/{completed.pk}/certificate/withdraw/"
    )
    for someone in (completed.person, people[1], trainer, northmoor_team):
        client = Client()
        client.force_login(someone)
        assert client.get(withdraw).status_code == 404
        assert client.post(withdraw, {"reason": "No"}).status_code == 404
    assert Certificate.objects.get(booking=completed).withdrawn_at is None


@pytest.mark.parametrize(
    "reason", ["Ask jo.bloggs@westshire.example why", "Left early, lives at BS1 4DJ"]
)
def test_a_withdrawal_reason_identifying_anyone_is_refused_and_nothing_changes(
    completed, training_team, reason
):
    """Anyone who checks the certificate is shown the reason: nothing in it may identify."""
    certificate = services.certificate_issue(by=completed.person, booking=completed)
    client = Client()
    client.force_login(training_team)
    withdraw = (
        f"/training/manage/sessions/{completed.session_id}/bookings/{completed.pk}"
        "/certificate/withdraw/"
    )
    refused = client.post(withdraw, {"reason": reason})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "must not identify a child or family" in html and "govuk-error-summary" in html
    certificate.refresh_from_db()
    assert certificate.withdrawn_at is None and certificate.withdrawn_reason == ""
    assert not audit.entries().filter(action="hub.training.certificate_withdrawn").exists()
