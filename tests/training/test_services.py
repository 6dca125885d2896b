"""The booking rules, through the service functions every page uses: who may book whom,
what a full, cancelled or past session does, the waiting list, transfers, registers,
charges and evaluations. Each refusal changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hub.core import audit
from hub.core.models import Agency
from hub.core.permissions import Action, scope_queryset
from hub.training import availability, services
from hub.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Charge,
    ChargeReason,
    Evaluation,
    Session,
    WaitingListEntry,
    WaitStatus,
)
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

ANSWERS = {
    "overall": 5,
    "trainer": 4,
    "relevance": 5,
    "confidence_before": 2,
    "confidence_after": 4,
}


def counts(session):
    return (
        Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED).count(),
        WaitingListEntry.objects.filter(session=session).count(),
    )


def test_places_are_booked_until_full_then_people_wait_in_order(session_factory, people):
    session = session_factory(capacity=2)
    results = [services.place_request(by=p, session=session, person=p) for p in people[:4]]
    assert [type(r).__name__ for r in results] == [
        "Booking",
        "Booking",
        "WaitingListEntry",
        "WaitingListEntry",
    ]
    assert services.waiting_position(results[2]) == 1
    assert services.waiting_position(results[3]) == 2
    assert availability.with_places(Session.objects).get(pk=session.pk).places_left == 0
    names = set(audit.entries().values_list("action", flat=True))
    assert {"hub.training.booked", "hub.training.joined_waiting_list"} <= names


def test_booking_twice_is_refused_and_changes_nothing(training_session, people):
    person = people[0]
    services.place_request(by=person, session=training_session, person=person)
    with pytest.raises(ValidationError, match="already booked"):
        services.place_request(by=person, session=training_session, person=person)
    assert counts(training_session) == (1, 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "cancelled"}, "cancelled"),
        ({"starts_at": timezone.now() - datetime.timedelta(hours=1)}, "already started"),
    ],
)
def test_cancelled_and_started_sessions_cannot_be_booked(training_session, people, change, message):
    for field, value in change.items():
        setattr(training_session, field, value)
    if "starts_at" in change:
        training_session.ends_at = training_session.starts_at + datetime.timedelta(hours=3)
    training_session.save()
    with pytest.raises(ValidationError, match=message):
        services.place_request(by=people[0], session=training_session, person=people[0])
    assert counts(training_session) == (0, 0)


def test_an_unpublished_course_cannot_be_booked(training_session, course, people):
    course.is_published = False
    course.save()
    with pytest.raises(ValidationError, match="not open"):
        services.place_request(by=people[0], session=training_session, person=people[0])


def test_a_practitioner_cannot_book_a_colleague(training_session, people):
    with pytest.raises(PermissionDenied):
        services.place_request(by=people[0], session=training_session, person=people[1])
    assert counts(training_session) == (0, 0)


def test_an_agency_coordinator_books_colleagues_of_their_own_agency_only(
    training_session, people, outsider, agency_coordinator
):
    booking = services.place_request(
        by=agency_coordinator, session=training_session, person=people[0]
    )
    assert booking.booked_by == agency_coordinator
    assert booking.agency == people[0].agency
    with pytest.raises(PermissionDenied):
        services.place_request(by=agency_coordinator, session=training_session, person=outsider)
    assert counts(training_session) == (1, 0)


def test_the_partnership_training_team_books_anyone_in_the_partnership_but_not_beyond(
    training_session, people, outsider, training_team, northmoor
):
    services.place_request(by=training_team, session=training_session, person=outsider)
    stranger = make_person(
        "stranger@moorhampton.example",
        partnership=northmoor,
        agency=Agency.objects.get(name="Moorhampton High School (demo)"),
    )
    with pytest.raises(PermissionDenied):
        services.place_request(by=training_team, session=training_session, person=stranger)


def test_who_may_be_booked_for_is_the_list_the_booking_page_offers(
    people, outsider, agency_coordinator, training_team
):
    for booker in (agency_coordinator, training_team, people[0]):
        listed = set(services.bookable_people(booker).values_list("pk", flat=True))
        for person in [*people, outsider]:
            expected = person.pk == booker.pk or person.pk in listed
            assert services.may_book_for(booker, person) == expected, (booker, person)
    assert services.may_book_for(agency_coordinator, people[1])
    assert not services.may_book_for(agency_coordinator, outsider)


def test_cancelling_frees_the_place_for_the_first_person_waiting(session_factory, people):
    session = session_factory(capacity=1)
    first = services.place_request(by=people[0], session=session, person=people[0])
    waiting = [services.place_request(by=p, session=session, person=p) for p in people[1:3]]
    services.booking_cancel(by=people[0], booking=first)
    for entry in waiting:
        entry.refresh_from_db()
    assert [entry.status for entry in waiting] == [WaitStatus.OFFERED, WaitStatus.WAITING]
    hold = waiting[0].offer_expires_at - waiting[0].offered_at
    assert hold == datetime.timedelta(hours=48)
    # The held place is not free for anyone else meanwhile.
    assert availability.places_left(session) == 0
    booking = services.offer_accept(by=people[1], entry=waiting[0])
    assert booking.status == BookingStatus.CONFIRMED
    assert counts(session)[0] == 1


def test_declining_an_offer_passes_it_on(session_factory, people):
    session = session_factory(capacity=1)
    first = services.place_request(by=people[0], session=session, person=people[0])
    second = services.place_request(by=people[1], session=session, person=people[1])
    third = services.place_request(by=people[2], session=session, person=people[2])
    services.booking_cancel(by=people[0], booking=first)
    second.refresh_from_db()
    services.waiting_list_leave(by=people[1], entry=second)
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (WaitStatus.DECLINED, WaitStatus.OFFERED)


def test_someone_else_cannot_cancel_your_booking(training_session, people, outsider):
    booking = services.place_request(by=people[0], session=training_session, person=people[0])
    for intruder in (people[1], outsider):
        with pytest.raises(PermissionDenied):
            services.booking_cancel(by=intruder, booking=booking)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_cancelling_twice_or_after_the_start_is_refused(session_factory, people):
    session = session_factory()
    booking = services.place_request(by=people[0], session=session, person=people[0])
    services.booking_cancel(by=people[0], booking=booking)
    with pytest.raises(ValidationError, match="already cancelled"):
        services.booking_cancel(by=people[0], booking=booking)
    other = services.place_request(by=people[1], session=session, person=people[1])
    with pytest.raises(ValidationError, match="has started"):
        services.booking_cancel(
            by=people[1], booking=other, now=session.starts_at + datetime.timedelta(minutes=5)
        )


def test_a_coordinator_transfers_a_place_to_a_colleague_and_never_to_another_agency(
    session_factory, people, outsider, agency_coordinator
):
    session = session_factory(capacity=1)
    booking = services.place_request(by=people[0], session=session, person=people[0])
    waiting = services.place_request(by=people[2], session=session, person=people[2])
    with pytest.raises(ValidationError, match="same organisation"):
        services.booking_transfer(by=agency_coordinator, booking=booking, to_person=outsider)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED

    new = services.booking_transfer(by=agency_coordinator, booking=booking, to_person=people[1])
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert (booking.status, booking.transferred_to) == (BookingStatus.TRANSFERRED, new)
    assert new.person == people[1]
    # The place never freed, so the person waiting is still waiting, and nothing is charged.
    assert waiting.status == WaitStatus.WAITING
    assert not Charge.objects.filter(booking__session=session).exists()


def test_a_practitioner_cannot_transfer_their_own_place(training_session, people):
    booking = services.place_request(by=people[0], session=training_session, person=people[0])
    with pytest.raises(PermissionDenied):
        services.booking_transfer(by=people[0], booking=booking, to_person=people[1])


def test_the_register_is_open_from_the_start_until_the_closing_time(
    session_factory, people, training_team, tariff
):
    starts = timezone.now() + datetime.timedelta(days=10)
    session = session_factory(starts_at=starts)
    came = services.place_request(by=people[0], session=session, person=people[0])
    missed = services.place_request(by=people[1], session=session, person=people[1])
    marks = {came.pk: Attendance.ATTENDED, missed.pk: Attendance.ABSENT}
    with pytest.raises(ValidationError, match="opens when the session starts"):
        services.attendance_mark(by=training_team, session=session, marks=marks)

    during = starts + datetime.timedelta(hours=1)
    assert services.attendance_mark(by=training_team, session=session, marks=marks, now=during)

    closing = session.register_closes_at() + datetime.timedelta(minutes=1)
    assert services.register_close(session, now=closing) is True
    assert services.register_close(session, now=closing) is False
    charges = Charge.objects.filter(booking__session=session)
    assert [(c.booking_id, c.reason, c.amount_pence) for c in charges] == [
        (missed.pk, ChargeReason.NO_SHOW, 6000)
    ]
    with pytest.raises(ValidationError, match="closed"):
        services.attendance_mark(
            by=training_team,
            session=session,
            marks={came.pk: Attendance.ABSENT},
            now=closing,
        )
    came.refresh_from_db()
    assert came.attendance == Attendance.ATTENDED


def test_a_register_refuses_people_not_booked_on_the_session(
    session_factory, people, training_team
):
    first = session_factory()
    second = session_factory()
    theirs = services.place_request(by=people[0], session=second, person=people[0])
    during = first.starts_at + datetime.timedelta(minutes=30)
    with pytest.raises(ValidationError, match="only people booked"):
        services.attendance_mark(
            by=training_team, session=first, marks={theirs.pk: Attendance.ABSENT}, now=during
        )
    theirs.refresh_from_db()
    assert theirs.attendance == ""


def test_a_trainer_takes_only_their_own_sessions_registers(
    session_factory, people, westshire, westbury
):
    from hub.core.models import Role

    trainer = make_person(
        "test-trainer@westshire.example",
        partnership=westshire,
        agency=westbury,
        roles=[Role.TRAINER],
    )
    mine = session_factory()
    mine.trainers.add(trainer)
    theirs = session_factory()
    assert services.may_take_register(trainer, mine)
    assert not services.may_take_register(trainer, theirs)
    with pytest.raises(PermissionDenied):
        services.attendance_mark(by=trainer, session=theirs, marks={})


def test_waiving_a_charge_needs_a_reason_and_the_training_team(
    session_factory, people, training_team, agency_coordinator, tariff
):
    session = session_factory()
    booking = services.place_request(by=people[0], session=session, person=people[0])
    services.booking_cancel(
        by=people[0], booking=booking, now=session.starts_at - datetime.timedelta(days=1)
    )
    charge = Charge.objects.get(booking=booking)
    assert charge.reason == ChargeReason.LATE_CANCELLATION
    with pytest.raises(PermissionDenied):
        services.charge_waive(by=agency_coordinator, charge=charge, reason="Illness")
    with pytest.raises(ValidationError, match="why"):
        services.charge_waive(by=training_team, charge=charge, reason="  ")
    services.charge_waive(by=training_team, charge=charge, reason="Illness, with a note")
    charge.refresh_from_db()
    assert (charge.amount_due_pence, charge.waived_by) == (0, training_team)
    assert audit.entries().filter(action="hub.training.charge_waived").count() == 1


def test_evaluation_once_by_the_attendee_then_the_certificate(
    session_factory, people, training_team
):
    session = session_factory()
    booking = services.place_request(by=people[0], session=session, person=people[0])
    with pytest.raises(ValidationError, match="marked you present"):
        services.evaluation_submit(by=people[0], booking=booking, answers=ANSWERS)
    services.attendance_mark(
        by=training_team,
        session=session,
        marks={booking.pk: Attendance.ATTENDED},
        now=session.starts_at + datetime.timedelta(minutes=10),
    )
    booking.refresh_from_db()
    assert not services.certificate_available(booking)
    with pytest.raises(PermissionDenied):
        services.evaluation_submit(by=people[1], booking=booking, answers=ANSWERS)
    with pytest.raises(ValidationError):
        services.evaluation_submit(by=people[0], booking=booking, answers={**ANSWERS, "overall": 9})
    services.evaluation_submit(by=people[0], booking=booking, answers=ANSWERS)
    with pytest.raises(ValidationError, match="already"):
        services.evaluation_submit(by=people[0], booking=booking, answers=ANSWERS)
    assert Evaluation.objects.filter(booking=booking).count() == 1
    assert services.certificate_available(booking)


def test_cancelling_a_session_releases_every_place_without_charge(
    session_factory, people, training_team, tariff
):
    session = session_factory(capacity=1)
    booking = services.place_request(by=people[0], session=session, person=people[0])
    entry = services.place_request(by=people[1], session=session, person=people[1])
    services.session_cancel(
        by=training_team, session=session, now=session.starts_at - datetime.timedelta(hours=2)
    )
    booking.refresh_from_db()
    entry.refresh_from_db()
    assert (booking.status, entry.status) == (BookingStatus.CANCELLED, WaitStatus.LEFT)
    assert not Charge.objects.filter(booking=booking).exists()


def test_agency_records_are_scoped_to_the_agency(
    session_factory, people, outsider, agency_coordinator, training_team
):
    session = session_factory(capacity=10)
    for person in [*people[:2], outsider]:
        services.place_request(by=person, session=session, person=person)
    seen = scope_queryset(agency_coordinator, Action.VIEW_TRAINING_RECORDS, Booking.objects.all())
    assert {b.person for b in seen.filter(session=session)} == set(people[:2])
    assert not seen.exclude(agency=agency_coordinator.agency).exists()
    team_sees = scope_queryset(training_team, Action.VIEW_TRAINING_RECORDS, Booking.objects.all())
    assert {b.person for b in team_sees.filter(session=session)} == {*people[:2], outsider}


def test_accepting_an_expired_offer_passes_the_place_on_at_once(session_factory, people):
    session = session_factory(capacity=1)
    first = services.place_request(by=people[0], session=session, person=people[0])
    late = services.place_request(by=people[1], session=session, person=people[1])
    next_in_line = services.place_request(by=people[2], session=session, person=people[2])
    services.booking_cancel(by=people[0], booking=first)
    late.refresh_from_db()
    after_deadline = late.offer_expires_at + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError, match="expired"):
        services.offer_accept(by=people[1], entry=late, now=after_deadline)
    late.refresh_from_db()
    next_in_line.refresh_from_db()
    assert (late.status, next_in_line.status) == (WaitStatus.EXPIRED, WaitStatus.OFFERED)
    assert not Booking.objects.filter(session=session, person=people[1]).exists()
