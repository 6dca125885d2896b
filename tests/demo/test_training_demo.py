"""The demo training programme: enough courses, dates and history to show every page of the
training module, made through the booking services, with no email sent and nothing
duplicated when loaded again."""

import copy
import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.db.models import Count
from django.utils import timezone

from hub.core.models import User
from hub.core.working_days import is_working_day
from hub.demo import training as training_demo
from hub.demo.loader import load_demo
from hub.training import services
from hub.training.availability import with_places
from hub.training.models import (
    Audience,
    Booking,
    BookingStatus,
    Charge,
    ChargeReason,
    Course,
    Evaluation,
    Format,
    ImpactResponse,
    Session,
    Tariff,
    TrainingEmail,
    WaitingListEntry,
    WaitStatus,
)

pytestmark = pytest.mark.django_db

PAT = "practitioner@westbury-academy.example"


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Audience,
            Course,
            Tariff,
            Session,
            Booking,
            WaitingListEntry,
            Charge,
            Evaluation,
            ImpactResponse,
            TrainingEmail,
            User,
        )
    }


def test_loading_the_demo_twice_duplicates_no_training(django_capture_on_commit_callbacks):
    before = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    assert _counts() == before
    assert mail.outbox == []


def test_westshire_runs_courses_at_every_level_in_every_format(westshire, northmoor):
    courses = Course.objects.filter(partnership=westshire)
    assert courses.count() >= 12
    assert set(courses.values_list("level", flat=True)) == {1, 2, 3, 4}
    assert set(courses.values_list("format", flat=True)) == set(Format.values)
    assert Course.objects.filter(partnership=northmoor).count() >= 3
    assert all(course.audiences.exists() for course in courses)
    assert Tariff.objects.filter(course__partnership=westshire, place_pence__gt=0).exists()
    assert Tariff.objects.filter(course__partnership=westshire, no_show_pence__gt=0).exists()


def test_there_are_six_months_of_sessions_ahead_in_working_hours():
    now = timezone.now()
    upcoming = Session.objects.upcoming().filter(course__partnership__is_demo=True)
    assert upcoming.count() >= 40
    assert upcoming.filter(starts_at__gt=now + datetime.timedelta(days=120)).exists()
    assert not upcoming.filter(starts_at__gt=now + datetime.timedelta(days=190)).exists()
    for session in upcoming:
        starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        assert is_working_day(starts.date()), session
        assert datetime.time(9) <= starts.time() and ends.time() <= datetime.time(17, 30), session
        if session.course.format != Format.FACE_TO_FACE:
            assert session.joining_link.startswith("https://"), session
            assert ".example/" in session.joining_link


def test_some_sessions_are_full_with_waiting_lists_and_some_offers_are_open():
    now = timezone.now()
    sessions = with_places(Session.objects.upcoming())
    full = [session for session in sessions if session.places_left <= 0 and session._waiting]
    assert len(full) >= 5
    offers = WaitingListEntry.objects.filter(status=WaitStatus.OFFERED, offer_expires_at__gt=now)
    assert offers.count() >= 3
    # No session is ever over capacity.
    assert all(session.places_left >= 0 for session in sessions)


def test_the_past_year_has_registers_charges_evaluations_and_impact_answers():
    now = timezone.now()
    past = Session.objects.filter(
        starts_at__lt=now, starts_at__gt=now - datetime.timedelta(days=366)
    )
    assert past.filter(register_closed_at__isnull=False).count() >= 15
    marked = Booking.objects.filter(session__in=past).exclude(attendance="")
    assert set(marked.values_list("attendance", flat=True)) >= {"attended", "absent", "late"}
    reasons = dict(Charge.objects.values_list("reason").annotate(n=Count("pk")))
    assert set(reasons) == set(ChargeReason.values)
    assert Evaluation.objects.count() >= 100
    assert ImpactResponse.objects.filter(practice_changed=True).count() >= 20
    assert Booking.objects.filter(status=BookingStatus.TRANSFERRED).exists()
    assert Session.objects.filter(status="cancelled").exists()


def test_the_demo_practitioner_has_history_a_certificate_a_refresher_due_and_an_offer():
    pat = User.objects.get(email=PAT)
    now = timezone.now()
    bookings = Booking.objects.filter(person=pat, status=BookingStatus.CONFIRMED)
    completed = [b for b in bookings if b.completed]
    assert len(completed) >= 3
    assert any(services.certificate_available(booking) for booking in completed)
    assert any(not services.certificate_available(booking) for booking in completed)
    soon = timezone.localdate() + relativedelta(months=3)
    refreshers_due = [
        b
        for b in completed
        if timezone.localtime(b.session.starts_at).date()
        + relativedelta(months=b.session.course.refresher_months)
        <= soon
    ]
    assert refreshers_due
    assert bookings.filter(session__starts_at__gt=now).exists()
    assert WaitingListEntry.objects.filter(
        person=pat, status=WaitStatus.OFFERED, offer_expires_at__gt=now
    ).exists()
    assert WaitingListEntry.objects.filter(person=pat, status=WaitStatus.WAITING).exists()


def test_the_demo_has_a_certificate_anyone_can_check(client):
    from hub.training.models import Certificate

    certificates = Certificate.objects.filter(booking__person__email=PAT)
    assert certificates.exists()
    for certificate in certificates:
        assert certificate.booking.completed and certificate.withdrawn_at is None
    certificate = certificates.first()
    response = client.get(certificate.get_absolute_url(), HTTP_HOST="westshire.localhost")
    assert response.status_code == 200
    text = response.content.decode()
    assert certificate.booking.person.display_name in text
    assert certificate.booking.session.course.title in text
    assert "withdrawn" not in text.lower()


def test_trainers_have_registers_to_take_and_sessions_to_come():
    now = timezone.now()
    for email in ("trainer@westshire.example", "trainer@northmoor.example"):
        trainer = User.objects.get(email=email)
        sessions = Session.objects.filter(trainers=trainer)
        assert sessions.filter(starts_at__gt=now).exists(), email
        open_registers = [s for s in sessions if services.register_is_open(s, now)]
        assert open_registers, email
        assert all(services.may_take_register(trainer, s) for s in open_registers)


def test_demo_practitioners_cannot_sign_in_and_use_example_addresses():
    practitioners = User.objects.filter(job_role__endswith="(demo)")
    assert practitioners.count() >= 40
    assert all(person.email.endswith(".example") for person in practitioners)
    assert not any(person.has_usable_password() for person in practitioners)


def test_a_new_demo_course_is_loaded_without_sending_an_email(
    monkeypatch, django_capture_on_commit_callbacks
):
    """Its bookings, waiting list and offer go through the services, which queue emails;
    none may reach a demo address, even when the queued tasks run."""
    spec = copy.deepcopy(
        next(s for s in training_demo.COURSES if s["slug"] == "leading-safeguarding-supervision")
    )
    spec["slug"] = "leading-safeguarding-supervision-again"
    monkeypatch.setattr(training_demo, "COURSES", [spec])
    with django_capture_on_commit_callbacks(execute=True):
        assert training_demo.load_training() == 1
    course = Course.objects.get(slug=spec["slug"])
    assert WaitingListEntry.objects.filter(
        session__course=course, status=WaitStatus.OFFERED
    ).exists()
    assert mail.outbox == []
