"""The training programme's periodic work (`run_training_jobs`) and its emails, on a fixed
clock: offers that run out and pass on, reminders and impact questions sent once however
often cron runs, late cancellations counted in working days, and what each email says."""

import datetime
import io

import icalendar
import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from hub.training import emails, services
from hub.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Charge,
    ChargeReason,
    Format,
    TrainingEmail,
    TrainingPolicy,
    WaitingListEntry,
    WaitStatus,
)
from hub.training.tasks import send_training_email
from tests.training.conftest import moment

pytestmark = pytest.mark.django_db

# A Monday in term time, well clear of the demo programme's dates and of bank holidays.
MONDAY = moment(2030, 3, 4, 9, 0)


def sent_to(person, kind):
    """The emails of one kind sent to one person, told apart by their subject lines."""
    starts = {
        "offer": "A place is free on",
        "reminder": "Reminder:",
        "impact": "",
        "booked": "You are booked on",
    }[kind]
    ends = "has it changed your practice?" if kind == "impact" else ""
    return [
        message
        for message in mail.outbox
        if message.to == [person.email]
        and message.subject.startswith(starts)
        and message.subject.endswith(ends)
    ]


def run_jobs(now=None):
    out = io.StringIO()
    options = {"now": now.isoformat()} if now else {}
    call_command("run_training_jobs", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def full_session(session_factory, people, django_capture_on_commit_callbacks):
    """One place, booked; two people waiting; then the place is freed at MONDAY."""
    session = session_factory(starts_at=moment(2030, 3, 25), capacity=1)
    first, second, third = people[:3]
    booking = services.place_request(
        by=first, session=session, person=first, now=MONDAY - datetime.timedelta(days=3)
    )
    for minutes, person in enumerate((second, third)):
        services.place_request(
            by=person,
            session=session,
            person=person,
            now=MONDAY - datetime.timedelta(days=2, minutes=-minutes),
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(by=first, booking=booking, now=MONDAY)
    return session


def test_a_freed_place_is_offered_to_the_first_person_waiting_for_48_hours(full_session, people):
    offer = WaitingListEntry.objects.get(session=full_session, person=people[1])
    assert offer.status == WaitStatus.OFFERED
    assert offer.offer_expires_at == MONDAY + datetime.timedelta(hours=48)
    [email] = sent_to(people[1], "offer")
    assert "Accept the place by 6 March 2030, 9:00am." in email.body
    assert f"/training/waiting/{offer.pk}/" in email.body
    assert reverse("training:my_training") in email.body


def test_an_offer_expires_after_48_hours_and_passes_to_the_next_person_once(
    full_session, people, django_capture_on_commit_callbacks
):
    second, third = people[1], people[2]
    deadline = MONDAY + datetime.timedelta(hours=48)

    with django_capture_on_commit_callbacks(execute=True):
        run_jobs(deadline - datetime.timedelta(minutes=1))
    assert WaitingListEntry.objects.get(person=second).status == WaitStatus.OFFERED
    assert WaitingListEntry.objects.get(person=third).status == WaitStatus.WAITING

    with django_capture_on_commit_callbacks(execute=True):
        output = run_jobs(deadline)
    assert "1 session(s) with expired offers settled" in output
    assert WaitingListEntry.objects.get(person=second).status == WaitStatus.EXPIRED
    passed_on = WaitingListEntry.objects.get(person=third)
    assert passed_on.status == WaitStatus.OFFERED
    assert passed_on.offer_expires_at == deadline + datetime.timedelta(hours=48)

    # Cron runs again (and again): the second person's offer is made, and emailed, once.
    for later in (deadline, deadline + datetime.timedelta(minutes=5)):
        with django_capture_on_commit_callbacks(execute=True):
            run_jobs(later)
    assert len(sent_to(third, "offer")) == 1
    assert len(sent_to(second, "offer")) == 1
    assert WaitingListEntry.objects.get(person=third).status == WaitStatus.OFFERED


def test_accepting_an_expired_offer_is_refused_and_books_nothing(full_session, people):
    second = people[1]
    offer = WaitingListEntry.objects.get(person=second)
    with pytest.raises(ValidationError, match="This offer expired at 09:00 on 6 March 2030"):
        services.offer_accept(by=second, entry=offer, now=offer.offer_expires_at)
    assert not Booking.objects.filter(session=full_session, status=BookingStatus.CONFIRMED)

    # The refusal passed the place on at once; a job run changes nothing more, and the late
    # acceptance stays refused.
    assert WaitingListEntry.objects.get(person=people[2]).status == WaitStatus.OFFERED
    run_jobs(offer.offer_expires_at + datetime.timedelta(minutes=1))
    assert WaitingListEntry.objects.get(person=people[2]).status == WaitStatus.OFFERED
    with pytest.raises(ValidationError, match="This offer expired"):
        services.offer_accept(by=second, entry=offer, now=offer.offer_expires_at)


def test_an_offer_accepted_in_time_books_the_place(full_session, people):
    offer = WaitingListEntry.objects.get(person=people[1])
    booking = services.offer_accept(
        by=people[1], entry=offer, now=offer.offer_expires_at - datetime.timedelta(seconds=1)
    )
    assert booking.is_confirmed
    run_jobs(offer.offer_expires_at + datetime.timedelta(hours=1))
    assert WaitingListEntry.objects.get(person=people[2]).status == WaitStatus.WAITING


def test_running_the_jobs_twice_sends_each_reminder_and_impact_question_once(
    session_factory, people, training_team
):
    tomorrow = session_factory(starts_at=MONDAY + datetime.timedelta(days=1))
    weeks_ago = session_factory(starts_at=MONDAY - datetime.timedelta(weeks=9))
    reminded, asked, absent = people[:3]
    services.place_request(
        by=reminded, session=tomorrow, person=reminded, now=MONDAY - datetime.timedelta(days=9)
    )
    came, missed = (
        services.place_request(
            by=person,
            session=weeks_ago,
            person=person,
            now=weeks_ago.starts_at - datetime.timedelta(days=9),
        )
        for person in (asked, absent)
    )
    services.attendance_mark(
        by=training_team,
        session=weeks_ago,
        marks={came.pk: Attendance.ATTENDED, missed.pk: Attendance.ABSENT},
        now=weeks_ago.starts_at + datetime.timedelta(minutes=10),
    )

    with time_machine.travel(MONDAY, tick=False):
        first = run_jobs()
        second = run_jobs()

    assert "1 reminder(s) sent, 1 impact question(s) sent" in first
    assert "0 reminder(s) sent, 0 impact question(s) sent" in second
    [reminder] = sent_to(reminded, "reminder")
    assert reminder.attachments[0].filename == "session.ics"
    [impact] = sent_to(asked, "impact")
    assert f"/training/bookings/{came.pk}/impact/" in impact.body
    assert not sent_to(absent, "impact")


def test_the_jobs_close_a_register_once_and_raise_its_charges(
    session_factory, people, tariff, training_team
):
    session = session_factory(starts_at=MONDAY - datetime.timedelta(days=7))
    booking = services.place_request(
        by=people[0], session=session, person=people[0], now=MONDAY - datetime.timedelta(days=30)
    )
    services.attendance_mark(
        by=training_team,
        session=session,
        marks={booking.pk: Attendance.ABSENT},
        now=session.starts_at + datetime.timedelta(minutes=5),
    )
    run_jobs(MONDAY)
    run_jobs(MONDAY + datetime.timedelta(minutes=5))
    session.refresh_from_db()
    assert session.register_closed_at == MONDAY
    [charge] = Charge.objects.filter(booking=booking)
    assert (charge.reason, charge.amount_pence) == (ChargeReason.NO_SHOW, 6000)


def test_now_must_be_an_iso_time():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("run_training_jobs", now="next Tuesday")


# --- Late cancellation: five working days, weekends and bank holidays skipped --------------


@pytest.fixture
def five_working_days(westshire):
    TrainingPolicy.objects.update_or_create(
        partnership=westshire, defaults={"free_cancellation_working_days": 5}
    )


@pytest.mark.parametrize(
    ("session_starts", "cancelled", "late"),
    [
        # Thursday 31 December 2026. Christmas Day is Friday 25 December; Boxing Day falls on
        # a Saturday, so Monday 28 December is the substitute bank holiday. Five working days
        # back: 30, 29, 24, 23, 22 December.
        (moment(2026, 12, 31), moment(2026, 12, 21, 12, 0), False),
        (moment(2026, 12, 31), moment(2026, 12, 22, 23, 59), False),
        (moment(2026, 12, 31), moment(2026, 12, 23, 0, 1), True),
        (moment(2026, 12, 31), moment(2026, 12, 28, 10, 0), True),
        # Monday 15 March 2027: five working days back is Monday 8 March, across a weekend.
        (moment(2027, 3, 15), moment(2027, 3, 8, 17, 0), False),
        (moment(2027, 3, 15), moment(2027, 3, 9, 8, 0), True),
        (moment(2027, 3, 15), moment(2027, 3, 13, 11, 0), True),
        (moment(2027, 3, 15), moment(2027, 3, 6, 11, 0), False),
    ],
)
def test_late_cancellation_counts_working_days(
    session_factory, five_working_days, session_starts, cancelled, late
):
    session = session_factory(starts_at=session_starts)
    assert services.is_late_cancellation(session, cancelled) is late


def test_cancelling_on_22_december_is_free_and_on_23_december_is_charged(
    session_factory, people, tariff, five_working_days, django_capture_on_commit_callbacks
):
    session = session_factory(starts_at=moment(2026, 12, 31), capacity=5)
    in_time, too_late = (
        services.place_request(by=person, session=session, person=person, now=moment(2026, 12, 1))
        for person in people[:2]
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(by=people[0], booking=in_time, now=moment(2026, 12, 22, 16, 0))
        services.booking_cancel(by=people[1], booking=too_late, now=moment(2026, 12, 23, 9, 0))

    assert not Charge.objects.filter(booking=in_time).exists()
    [charge] = Charge.objects.filter(booking=too_late)
    assert (charge.reason, charge.amount_pence) == (ChargeReason.LATE_CANCELLATION, 4000)
    [free_email] = [m for m in mail.outbox if m.to == [people[0].email]]
    assert "There is no charge for this cancellation." in free_email.body
    [charged_email] = [m for m in mail.outbox if m.to == [people[1].email]]
    assert "a late-cancellation charge of £40 applies" in charged_email.body


# --- Emails: once each, with the right details for the right people ----------------------


def test_a_task_run_twice_sends_its_email_once(training_session, people):
    booking = services.place_request(by=people[0], session=training_session, person=people[0])
    send_training_email.call("booked", booking.pk)
    send_training_email.call("booked", booking.pk)
    assert len(sent_to(people[0], "booked")) == 1
    assert TrainingEmail.objects.filter(kind="booked", key=f"Booking:{booking.pk}").count() == 1


def test_the_booked_email_carries_an_invitation_with_the_joining_link(
    session_factory, course, people
):
    course.format = Format.LIVE_ONLINE
    course.save()
    session = session_factory(
        starts_at=moment(2030, 3, 25), joining_link="https://meet.westshire.example/training/test-1"
    )
    session.joining_instructions = "Join ten minutes early to test your sound."
    session.save()
    booking = services.place_request(by=people[0], session=session, person=people[0])
    send_training_email.call("booked", booking.pk)

    [email] = sent_to(people[0], "booked")
    assert "https://meet.westshire.example/training/test-1" in email.body
    assert "Join ten minutes early to test your sound." in email.body
    assert "calendar invitation" in email.body
    [attachment] = email.attachments
    assert attachment.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(attachment.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["location"]) == "https://meet.westshire.example/training/test-1"
    assert "https://meet.westshire.example/training/test-1" in str(event["description"])
    assert event.decoded("dtstart") == session.starts_at


def test_only_booked_people_are_sent_the_joining_details(session_factory, people):
    session = session_factory(capacity=1, joining_link="https://meet.westshire.example/t/2")
    session.joining_instructions = "The door code is given at reception."
    session.save()
    booking = services.place_request(by=people[0], session=session, person=people[0])
    entry = services.place_request(by=people[1], session=session, person=people[1])
    assert isinstance(entry, WaitingListEntry)
    emails.send("booked", booking)
    emails.send("waiting", entry)
    [booked] = [m for m in mail.outbox if m.to == [people[0].email]]
    [waiting] = [m for m in mail.outbox if m.to == [people[1].email]]
    assert "https://meet.westshire.example/t/2" in booked.body
    assert "door code" in booked.body
    assert "meet.westshire.example" not in waiting.body
    assert "door code" not in waiting.body
    assert not waiting.attachments


def test_every_email_is_plain_text_and_leads_to_my_training(
    session_factory, course, people, agency_coordinator, training_team
):
    course.title = "Children's voices: 'listening' & recording"
    course.save()
    session = session_factory(capacity=2, starts_at=moment(2030, 3, 25))
    before = MONDAY - datetime.timedelta(days=20)
    first, second, third, colleague = people[:4]
    place = services.place_request(by=first, session=session, person=first, now=before)
    moved = services.place_request(by=second, session=session, person=second, now=before)
    waiting = services.place_request(by=third, session=session, person=third, now=before)
    new = services.booking_transfer(
        by=agency_coordinator, booking=moved, to_person=colleague, now=before
    )
    services.booking_cancel(by=first, booking=place, now=MONDAY)
    waiting.refresh_from_db()
    place.refresh_from_db()
    moved.refresh_from_db()
    items = {
        "booked": new,
        "waiting": waiting,
        "offer": waiting,
        "cancelled": place,
        "transferred": moved,
        "reminder": new,
        "evaluation": new,
        "impact": new,
    }
    for kind, item in items.items():
        assert emails.send(kind, item), kind
    services.session_cancel(by=training_team, session=session, now=MONDAY)
    new.refresh_from_db()
    assert emails.send("session_cancelled", new)

    assert {tuple(m.to) for m in mail.outbox} >= {(first.email,), (colleague.email,)}
    for message in mail.outbox:
        assert "&#39;" not in message.body and "&amp;" not in message.body, message.subject
        assert "Children's voices: 'listening' & recording" in message.body, message.subject
        assert "http://westshire.localhost/training/my-training/" in message.body
        assert "{{" not in message.body and "{%" not in message.body
    [transferred] = [m for m in mail.outbox if "passed to a colleague" in m.subject]
    assert colleague.email in transferred.body
    [evaluation] = [m for m in mail.outbox if m.subject.startswith("Tell us how")]
    assert f"/training/bookings/{new.pk}/evaluation/" in evaluation.body


def test_a_confirmation_whose_task_was_lost_is_sent_by_the_jobs_once(session_factory, people):
    """A worker killed mid-task never retries it; the periodic job notices the booking has
    no record of its confirmation and sends it, once."""
    session = session_factory(starts_at=MONDAY + datetime.timedelta(days=10))
    booked_at = MONDAY - datetime.timedelta(hours=1)
    # Written as the booking service would, but with its email task lost.
    booking = Booking.objects.create(
        session=session, person=people[0], agency=people[0].agency, created_at=booked_at
    )
    assert sent_to(people[0], "booked") == []

    run_jobs(booked_at + datetime.timedelta(minutes=5))
    assert sent_to(people[0], "booked") == []  # too soon: its task may still be running

    run_jobs(booked_at + datetime.timedelta(minutes=20))
    run_jobs(booked_at + datetime.timedelta(minutes=25))
    confirmations = sent_to(people[0], "booked")
    assert len(confirmations) == 1
    assert session.course.title in confirmations[0].subject
    assert booking.status == "confirmed"
