"""The programme as a practitioner meets it: finding a course, booking, the waiting list,
cancelling, My training, evaluations, the calendar feeds, and every refusal (another
partnership's course, another person's booking, a forged colleague) changing nothing."""

import datetime
import re

import pytest
from django.utils import timezone
from icalendar import Calendar

from hub.core.models import Role
from hub.training import services
from hub.training.models import (
    Attendance,
    Audience,
    Booking,
    BookingStatus,
    Course,
    Evaluation,
    Format,
    ImpactResponse,
    Level,
    Session,
    WaitingListEntry,
    WaitStatus,
)
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

ANSWERS = {
    "overall": "5",
    "trainer": "4",
    "relevance": "5",
    "confidence_before": "2",
    "confidence_after": "4",
}


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def error_summary_links(html):
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    return re.findall(r'href="(#[^"]+)"', summary.group(0)) if summary else []


def book(client, session):
    return client.post(f"/training/sessions/{session.pk}/", {"form": "self"}, follow=True)


def attended(session, person, mark=Attendance.ATTENDED):
    return Booking.objects.create(
        session=session, person=person, agency=person.agency, attendance=mark
    )


@pytest.fixture
def signed_in(client, people):
    client.force_login(people[0])
    return client


@pytest.fixture
def online_course(westshire):
    course = Course.objects.create(
        partnership=westshire,
        title="Test course: online safety",
        slug="test-online-safety",
        summary="Keeping children safe online.",
        level=Level.ONE,
        format=Format.LIVE_ONLINE,
        outcomes="Know the risks",
        who_for="Everyone.",
        hours=1.5,
    )
    schools = Audience.objects.create(name="Test schools", slug="test-schools")
    course.audiences.add(schools)
    return course


@pytest.fixture
def past_session(session_factory):
    return session_factory(starts_at=timezone.now() - datetime.timedelta(days=60))


# --- The programme --------------------------------------------------------------------


def test_the_programme_lists_each_course_with_level_format_summary_dates_and_places(
    client, session_factory, online_course
):
    session_factory(capacity=4)
    html = page(client.get("/training/"))
    assert "Test course: recognising neglect" in html
    assert "Level 2: working with children and families · Face to face" in html
    assert "A test course." in html
    assert "Test venue, Westbury: <strong>4 places left</strong>" in html
    assert "Test course: online safety" in html
    assert "No dates are scheduled at the moment." in html
    assert "Subscribe in your calendar" in html
    assert "/training/calendar.ics" in html


def test_the_navigation_leads_to_the_programme(client):
    html = page(client.get("/training/"))
    assert re.search(r'<a class="govuk-service-navigation__link" href="/training/"', html)


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"level": "1"}, "online safety", "recognising neglect"),
        ({"format": "face_to_face"}, "recognising neglect", "online safety"),
        ({"audience": "test-schools"}, "online safety", "recognising neglect"),
        ({"places": "on"}, "online safety", "recognising neglect"),
    ],
)
def test_filters_narrow_the_programme(
    client, session_factory, online_course, people, query, shown, hidden
):
    full = session_factory(capacity=1)
    services.place_request(by=people[0], session=full, person=people[0])
    session_factory(course=online_course, capacity=5)
    html = page(client.get("/training/", query))
    assert f"Test course: {shown}" in html
    assert f"Test course: {hidden}" not in html


def test_the_month_filter_offers_months_with_sessions_and_shows_only_their_dates(
    client, session_factory, online_course
):
    soon = timezone.localtime() + datetime.timedelta(days=40)
    later = soon + datetime.timedelta(days=62)
    session_factory(starts_at=soon)
    session_factory(course=online_course, starts_at=later)
    month = f"{later.year:04d}-{later.month:02d}"
    html = page(client.get("/training/"))
    assert f'value="{month}"' in html
    assert f"{later:%B %Y}" in html
    html = page(client.get("/training/", {"month": month}))
    assert "Test course: online safety" in html
    assert "Test course: recognising neglect" not in html


def test_bad_filter_values_are_form_errors_not_crashes(client, session_factory):
    session_factory()
    html = page(client.get("/training/", {"level": "9", "month": "banana", "format": "<b>"}))
    assert "There is a problem" in html
    assert "Choose a level from the list" in html
    assert "Choose a month from the list" in html
    assert "Choose a format from the list" in html
    assert error_summary_links(html) == ["#id_level", "#id_format", "#id_month"]
    assert "<title>Error:" in html
    # The course still shows: a bad filter is ignored, not applied.
    assert "Test course: recognising neglect" in html


# --- A course -------------------------------------------------------------------------


def test_the_course_page_shows_outcomes_charges_and_upcoming_sessions(
    client, course, tariff, session_factory, people
):
    full = session_factory(capacity=1, starts_at=timezone.now() + datetime.timedelta(days=20))
    services.place_request(by=people[0], session=full, person=people[0])
    session_factory(capacity=8)
    tariff.place_pence = 1250
    tariff.save()
    html = page(client.get("/training/test-recognising-neglect/"))
    assert "<li>Spot the signs</li>" in html and "<li>Know who to tell</li>" in html
    assert "Anyone who works with children." in html
    assert "3 hours" in html
    assert "School or college" in html
    assert "£12.50" in html and "£40" in html and "£60" in html
    assert "Full – join the waiting list" in html
    assert "8 places left" in html
    assert "Test venue, Westbury" in html


def test_a_course_with_no_charges_is_free_for_all(client, online_course, session_factory):
    session_factory(course=online_course)
    html = page(client.get("/training/test-online-safety/"))
    assert "Free for all organisations." in html
    assert "1.5 hours" in html
    assert "Online" in html


def test_unknown_unpublished_and_other_partnerships_courses_are_not_found(
    client, northmoor_client, course, training_session
):
    assert client.get("/training/no-such-course/").status_code == 404
    assert northmoor_client.get("/training/test-recognising-neglect/").status_code == 404
    assert northmoor_client.get(f"/training/sessions/{training_session.pk}/").status_code == 404
    assert "recognising neglect" not in page(northmoor_client.get("/training/"))
    course.is_published = False
    course.save()
    assert client.get("/training/test-recognising-neglect/").status_code == 404
    assert client.get(f"/training/sessions/{training_session.pk}/").status_code == 404


# --- Booking --------------------------------------------------------------------------


def test_signed_out_visitors_are_asked_to_sign_in_and_come_back(client, training_session):
    path = f"/training/sessions/{training_session.pk}/"
    html = page(client.get(path))
    assert f'href="/accounts/login/?next=%2Ftraining%2Fsessions%2F{training_session.pk}%2F"' in html
    assert "Book a place</button>" not in html
    response = client.post(path, {"form": "self"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not Booking.objects.filter(session=training_session).exists()


def test_booking_a_place_makes_a_booking_and_says_so(signed_in, training_session, people):
    html = page(signed_in.get(f"/training/sessions/{training_session.pk}/"))
    assert "Book a place" in html
    html = page(book(signed_in, training_session))
    booking = Booking.objects.get(session=training_session, person=people[0])
    assert booking.status == BookingStatus.CONFIRMED
    assert "You are booked on Test course: recognising neglect" in html
    assert "Cancel your place" in html


def test_booking_twice_is_harmless_and_says_already_booked(signed_in, training_session):
    book(signed_in, training_session)
    html = page(book(signed_in, training_session))
    assert "There is a problem" in html
    assert "You are already booked on this session." in html
    assert Booking.objects.filter(session=training_session).count() == 1


def test_a_full_session_puts_the_person_on_the_waiting_list_with_their_number(
    client, session_factory, people
):
    session = session_factory(capacity=1)
    services.place_request(by=people[1], session=session, person=people[1])
    services.place_request(by=people[2], session=session, person=people[2])
    client.force_login(people[0])
    html = page(client.get(f"/training/sessions/{session.pk}/"))
    assert "Full – join the waiting list" in html
    assert "Join the waiting list" in html
    html = page(book(client, session))
    assert "The last place was taken; you are number 2 on the waiting list" in html
    assert WaitingListEntry.objects.get(person=people[0]).status == WaitStatus.WAITING
    assert not Booking.objects.filter(person=people[0]).exists()


def test_joining_details_are_shown_only_to_people_booked(
    client, session_factory, people, online_course
):
    session = session_factory(
        course=online_course, joining_link="https://meet.example/test-room-42"
    )
    assert "test-room-42" not in page(client.get(f"/training/sessions/{session.pk}/"))
    client.force_login(people[0])
    html = page(client.get(f"/training/sessions/{session.pk}/"))
    assert "test-room-42" not in html and "Bring a pen." not in html
    book(client, session)
    html = page(client.get(f"/training/sessions/{session.pk}/"))
    assert "https://meet.example/test-room-42" in html and "Bring a pen." in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "cancelled"}, "This session has been cancelled"),
        (
            {"starts_at": timezone.now() - datetime.timedelta(days=3)},
            "This session has taken place",
        ),
    ],
)
def test_cancelled_and_past_sessions_say_so_and_offer_no_booking(
    signed_in, training_session, change, message
):
    for field, value in change.items():
        setattr(training_session, field, value)
    training_session.ends_at = training_session.starts_at + datetime.timedelta(hours=3)
    training_session.save()
    html = page(signed_in.get(f"/training/sessions/{training_session.pk}/"))
    assert message in html
    assert "Book a place</button>" not in html
    assert "Join the waiting list</button>" not in html
    html = page(book(signed_in, training_session))
    assert "There is a problem" in html
    assert not Booking.objects.filter(session=training_session).exists()


def test_a_coordinator_books_a_colleague_of_their_own_agency(
    client, agency_coordinator, training_session, people, outsider
):
    client.force_login(agency_coordinator)
    html = page(client.get(f"/training/sessions/{training_session.pk}/"))
    assert "Book a colleague" in html
    assert "trainee3@westbury.example" in html
    assert "outsider@college.example" not in html
    response = client.post(
        f"/training/sessions/{training_session.pk}/",
        {"form": "colleague", "person": people[3].pk},
        follow=True,
    )
    assert "trainee3@westbury.example is booked on" in page(response)
    booking = Booking.objects.get(person=people[3])
    assert booking.booked_by == agency_coordinator


@pytest.mark.parametrize("forged", ["outsider", "missing", "inactive"])
def test_a_forged_colleague_is_refused_and_nothing_changes(
    client, agency_coordinator, training_session, people, outsider, forged
):
    if forged == "inactive":
        people[4].is_active = False
        people[4].save()
    person_id = {"outsider": outsider.pk, "missing": 999999, "inactive": people[4].pk}[forged]
    client.force_login(agency_coordinator)
    html = page(
        client.post(
            f"/training/sessions/{training_session.pk}/",
            {"form": "colleague", "person": person_id},
        )
    )
    assert "Choose a colleague from the list" in html
    assert error_summary_links(html) == ["#colleague_person"]
    assert not Booking.objects.filter(session=training_session).exists()
    assert not WaitingListEntry.objects.filter(session=training_session).exists()


def test_people_without_the_booking_role_cannot_book_colleagues(
    signed_in, training_session, people
):
    assert "Book a colleague" not in page(
        signed_in.get(f"/training/sessions/{training_session.pk}/")
    )
    response = signed_in.post(
        f"/training/sessions/{training_session.pk}/", {"form": "colleague", "person": people[1].pk}
    )
    assert response.status_code == 404
    assert not Booking.objects.filter(session=training_session).exists()


# --- Calendar feeds -------------------------------------------------------------------


def test_the_public_feed_has_one_event_per_upcoming_session_of_this_partnership(
    client, westshire, northmoor, session_factory, online_course, past_session
):
    session_factory()
    session_factory(course=online_course, joining_link="https://meet.example/secret-room")
    session_factory(status="cancelled")
    hidden = Course.objects.create(
        partnership=westshire,
        title="Test unpublished",
        slug="test-unpublished",
        summary="x",
        level=1,
        format=Format.E_LEARNING,
        outcomes="x",
        who_for="x",
        hours=1,
        is_published=False,
    )
    session_factory(course=hidden)
    other = Course.objects.create(
        partnership=northmoor,
        title="Test Northmoor course",
        slug="test-northmoor",
        summary="x",
        level=1,
        format=Format.E_LEARNING,
        outcomes="x",
        who_for="x",
        hours=1,
    )
    session_factory(course=other)
    response = client.get("/training/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    # Every upcoming session of Westshire's published courses (the demo's among them), and
    # none of the past, cancelled, unpublished or Northmoor sessions made above.
    expected = Session.objects.filter(
        course__partnership=westshire, course__is_published=True
    ).upcoming()
    assert len(events) == expected.count()
    assert {str(event["URL"]) for event in events} == {
        f"http://testserver/training/sessions/{pk}/" for pk in expected.values_list("pk", flat=True)
    }
    ours = [str(event["SUMMARY"]) for event in events if "Test" in str(event["SUMMARY"])]
    assert sorted(ours) == ["Test course: online safety", "Test course: recognising neglect"]
    assert b"secret-room" not in response.content


def test_the_booking_invitation_is_only_for_the_person_booked(
    client, session_factory, online_course, people
):
    session = session_factory(course=online_course, joining_link="https://meet.example/room-7")
    booking = services.place_request(by=people[0], session=session, person=people[0])
    client.force_login(people[1])
    assert client.get(f"/training/bookings/{booking.pk}/calendar.ics").status_code == 404
    client.force_login(people[0])
    response = client.get(f"/training/bookings/{booking.pk}/calendar.ics")
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert "https://meet.example/room-7" in str(events[0]["DESCRIPTION"])


# --- Cancelling and the waiting list --------------------------------------------------


def test_cancelling_asks_first_then_frees_the_place_for_the_next_person_waiting(
    client, session_factory, people
):
    session = session_factory(capacity=1)
    booking = services.place_request(by=people[0], session=session, person=people[0])
    entry = services.place_request(by=people[1], session=session, person=people[1])
    client.force_login(people[0])
    html = page(client.get(f"/training/bookings/{booking.pk}/cancel/"))
    assert "Cancel your place" in html
    assert "There is no charge for cancelling now." in html
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    html = page(client.post(f"/training/bookings/{booking.pk}/cancel/", follow=True))
    assert "Your place on Test course: recognising neglect is cancelled." in html
    booking.refresh_from_db()
    entry.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert entry.status == WaitStatus.OFFERED
    html = page(client.post(f"/training/bookings/{booking.pk}/cancel/"))
    assert "This place has already been cancelled." in html


def test_a_late_cancellation_warns_of_the_charge(client, session_factory, tariff, people):
    session = session_factory(starts_at=timezone.now() + datetime.timedelta(days=1))
    booking = services.place_request(by=people[0], session=session, person=people[0])
    client.force_login(people[0])
    html = page(client.get(f"/training/bookings/{booking.pk}/cancel/"))
    assert "This is a late cancellation" in html
    assert "Westbury Cross Academy Trust (demo) will be charged £40." in html


def test_accepting_an_offer_books_the_place(client, session_factory, people):
    session = session_factory(capacity=1)
    booking = services.place_request(by=people[0], session=session, person=people[0])
    entry = services.place_request(by=people[1], session=session, person=people[1])
    services.booking_cancel(by=people[0], booking=booking)
    client.force_login(people[1])
    html = page(client.get("/training/my-training/"))
    assert "Places offered to you" in html and "Accept it by" in html
    html = page(client.get(f"/training/waiting/{entry.pk}/"))
    assert "A place is being held for you" in html
    html = page(client.post(f"/training/waiting/{entry.pk}/", {"action": "accept"}, follow=True))
    assert "You are booked on Test course: recognising neglect" in html
    assert Booking.objects.get(person=people[1], session=session).is_confirmed


def test_an_expired_offer_is_explained_and_accepting_it_changes_nothing(
    client, session_factory, people
):
    session = session_factory(capacity=1)
    booking = services.place_request(by=people[0], session=session, person=people[0])
    entry = services.place_request(by=people[1], session=session, person=people[1])
    services.booking_cancel(by=people[0], booking=booking)
    entry.refresh_from_db()
    entry.offer_expires_at = timezone.now() - datetime.timedelta(minutes=5)
    entry.save()
    client.force_login(people[1])
    html = page(client.get(f"/training/waiting/{entry.pk}/"))
    assert "This offer has expired" in html
    assert "Accept the place" not in html
    html = page(client.post(f"/training/waiting/{entry.pk}/", {"action": "accept"}))
    assert "This offer expired at" in html
    assert not Booking.objects.filter(person=people[1]).exists()


def test_leaving_the_waiting_list(client, session_factory, people):
    session = session_factory(capacity=1)
    services.place_request(by=people[0], session=session, person=people[0])
    entry = services.place_request(by=people[1], session=session, person=people[1])
    client.force_login(people[1])
    html = page(client.get(f"/training/waiting/{entry.pk}/"))
    assert "You are number 1 on the waiting list" in html
    html = page(client.post(f"/training/waiting/{entry.pk}/", {"action": "leave"}, follow=True))
    assert "You have left the list" in html
    entry.refresh_from_db()
    assert entry.status == WaitStatus.LEFT


def test_an_unknown_waiting_list_action_is_refused(client, session_factory, people):
    session = session_factory(capacity=1)
    services.place_request(by=people[0], session=session, person=people[0])
    entry = services.place_request(by=people[1], session=session, person=people[1])
    client.force_login(people[1])
    html = page(client.post(f"/training/waiting/{entry.pk}/", {"action": "delete"}))
    assert "Choose whether to accept the place or leave the waiting list." in html
    entry.refresh_from_db()
    assert entry.status == WaitStatus.WAITING


# --- My training ----------------------------------------------------------------------


def test_my_training_shows_bookings_waiting_lists_history_and_refreshers(
    client, session_factory, online_course, people
):
    person = people[0]
    upcoming = session_factory(joining_link="https://meet.example/room-9")
    services.place_request(by=person, session=upcoming, person=person)
    full = session_factory(capacity=1, starts_at=timezone.now() + datetime.timedelta(days=50))
    services.place_request(by=people[1], session=full, person=people[1])
    services.place_request(by=person, session=full, person=person)
    long_ago = timezone.now() - datetime.timedelta(days=365 * 3 + 10)
    attended(session_factory(starts_at=long_ago), person)
    nearly = timezone.now() - datetime.timedelta(days=int(365 * 1.5) - 30)
    attended(session_factory(course=online_course, starts_at=nearly), person)
    online_course.refresher_months = 18
    online_course.save()
    absent = session_factory(starts_at=timezone.now() - datetime.timedelta(days=10))
    attended(absent, person, Attendance.ABSENT)

    client.force_login(person)
    html = page(client.get("/training/my-training/"))
    assert "https://meet.example/room-9" in html
    assert f"/training/bookings/{Booking.objects.get(session=upcoming).pk}/cancel/" in html
    assert "You are number 1 on the waiting list." in html
    assert "Leave the waiting list" in html
    assert "Absent" in html and "Attended" in html
    assert "Evaluate this course" in html
    refreshers = html[html.index('id="refreshers"') : html.index('id="certificates"')]
    assert "Level 1: awareness for everyone" in refreshers
    assert "Due within 3 months" in refreshers
    assert "Level 2: working with children and families" in refreshers
    assert "Overdue" in refreshers


def test_my_training_needs_signing_in(client):
    response = client.get("/training/my-training/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- Evaluation and impact ------------------------------------------------------------


def test_an_evaluation_with_missing_answers_lists_each_in_the_error_summary(
    client, past_session, people
):
    booking = attended(past_session, people[0])
    client.force_login(people[0])
    html = page(client.post(f"/training/bookings/{booking.pk}/evaluation/", {"overall": "4"}))
    assert error_summary_links(html) == [
        "#trainer",
        "#relevance",
        "#confidence_before",
        "#confidence_after",
    ]
    assert 'id="trainer"' in html
    assert "Select how you rate the trainer" in html
    assert 'value="4" checked' in html
    assert not Evaluation.objects.filter(booking=booking).exists()


def test_an_evaluation_is_saved_and_opens_the_certificate(client, past_session, people):
    booking = attended(past_session, people[0])
    client.force_login(people[0])
    html = page(
        client.post(
            f"/training/bookings/{booking.pk}/evaluation/",
            {**ANSWERS, "most_useful": "The case studies."},
            follow=True,
        )
    )
    assert "Your certificate is ready to download." in html
    assert f"/training/bookings/{booking.pk}/certificate.pdf" in html
    assert Evaluation.objects.get(booking=booking).most_useful == "The case studies."
    html = page(client.get(f"/training/bookings/{booking.pk}/evaluation/"))
    assert "You have already sent your evaluation" in html


def test_an_evaluation_waits_for_attendance(client, training_session, people):
    booking = services.place_request(by=people[0], session=training_session, person=people[0])
    client.force_login(people[0])
    html = page(client.post(f"/training/bookings/{booking.pk}/evaluation/", ANSWERS))
    assert "once the trainer has marked you present" in html
    assert not Evaluation.objects.filter(booking=booking).exists()


def test_the_impact_question_needs_an_answer_then_saves_it(client, past_session, people):
    booking = attended(past_session, people[0])
    client.force_login(people[0])
    html = page(client.post(f"/training/bookings/{booking.pk}/impact/", {"example": "x"}))
    assert error_summary_links(html) == ["#practice_changed"]
    assert not ImpactResponse.objects.filter(booking=booking).exists()
    client.post(
        f"/training/bookings/{booking.pk}/impact/",
        {"practice_changed": "yes", "example": "I check the toolkit first."},
    )
    response = ImpactResponse.objects.get(booking=booking)
    assert response.practice_changed is True
    assert response.example == "I check the toolkit first."


# --- Other people's records -----------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "/training/bookings/{booking}/cancel/",
        "/training/bookings/{booking}/evaluation/",
        "/training/bookings/{booking}/impact/",
        "/training/bookings/{booking}/certificate.pdf",
        "/training/bookings/{booking}/calendar.ics",
        "/training/waiting/{entry}/",
    ],
)
def test_another_persons_booking_is_not_found(client, session_factory, people, address):
    session = session_factory(capacity=1)
    booking = services.place_request(by=people[0], session=session, person=people[0])
    entry = services.place_request(by=people[1], session=session, person=people[1])
    client.force_login(people[2])
    url = address.format(booking=booking.pk, entry=entry.pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "leave", **ANSWERS}).status_code in (404, 405)
    booking.refresh_from_db()
    entry.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert entry.status == WaitStatus.WAITING


def test_a_coordinator_may_cancel_a_colleagues_place_but_not_another_agencys(
    client, westshire, session_factory, people, outsider, agency_coordinator
):
    session = session_factory()
    colleague = services.place_request(by=people[0], session=session, person=people[0])
    stranger = services.place_request(by=outsider, session=session, person=outsider)
    client.force_login(agency_coordinator)
    assert client.get(f"/training/bookings/{stranger.pk}/cancel/").status_code == 404
    html = page(client.get(f"/training/bookings/{colleague.pk}/cancel/"))
    assert "Cancel trainee0@westbury.example’s place" in html
    client.post(f"/training/bookings/{colleague.pk}/cancel/")
    colleague.refresh_from_db()
    assert colleague.status == BookingStatus.CANCELLED
    other_lead = make_person(
        "lead@college.example",
        partnership=westshire,
        agency=outsider.agency,
        roles=[Role.AGENCY_LEAD],
    )
    client.force_login(other_lead)
    assert client.get(f"/training/bookings/{stranger.pk}/cancel/").status_code == 200
