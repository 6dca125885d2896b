"""Query budgets for the training pages people open most, and for booking a place: the
programme, a course, a session with its booking form, My training, and the booking itself.
Each is counted on the demo programme and again with ten times the training rows the page
shows (courses, sessions, bookings, waiting lists): the same budget must hold, so no query
is made per row.

Each budget is the number of queries counted when it was set; the comment next to it says
what they are. The shared layout (navigation, footer, contact routes, site settings) is
counted too."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from hub.core.models import User
from hub.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Course,
    Evaluation,
    Session,
    SessionStatus,
    Tariff,
    WaitingListEntry,
    WaitStatus,
)
from tests.budgets import TEN_TIMES, signed_in, within_budget

pytestmark = pytest.mark.django_db

PAT = "practitioner@westbury-academy.example"


# --- Growing the demo ten times ---------------------------------------------------------------


def copy_sessions(sessions, *, times=TEN_TIMES, course=None):
    """Nine more of each session (on `course`, if given, else its own), a minute apart, each
    with copies of its bookings (attendance and evaluations with them) and its waiting list:
    ten times the sessions and their rows."""
    sessions = list(sessions)
    bookings = list(Booking.objects.filter(session__in=sessions).select_related("evaluation"))
    waits = list(WaitingListEntry.objects.filter(session__in=sessions))
    made = []
    for n in range(1, times):
        copies = Session.objects.bulk_create(
            Session(
                course=course or session.course,
                starts_at=session.starts_at + datetime.timedelta(minutes=n),
                ends_at=session.ends_at + datetime.timedelta(minutes=n),
                capacity=session.capacity,
                venue=session.venue,
                status=session.status,
                register_closed_at=session.register_closed_at,
            )
            for session in sessions
        )
        copy_of = {session.pk: copy for session, copy in zip(sessions, copies, strict=True)}
        new_bookings = Booking.objects.bulk_create(
            Booking(
                session=copy_of[booking.session_id],
                person_id=booking.person_id,
                agency_id=booking.agency_id,
                status=booking.status,
                created_at=booking.created_at,
                cancelled_at=booking.cancelled_at,
                attendance=booking.attendance,
                attendance_marked_at=booking.attendance_marked_at,
            )
            for booking in bookings
        )
        Evaluation.objects.bulk_create(
            Evaluation(
                booking=new,
                overall=4,
                trainer=4,
                relevance=4,
                confidence_before=2,
                confidence_after=4,
            )
            for booking, new in zip(bookings, new_bookings, strict=True)
            if hasattr(booking, "evaluation")
        )
        WaitingListEntry.objects.bulk_create(
            WaitingListEntry(
                session=copy_of[entry.session_id],
                person_id=entry.person_id,
                agency_id=entry.agency_id,
                joined_at=entry.joined_at,
                status=entry.status,
                offered_at=entry.offered_at,
                offer_expires_at=entry.offer_expires_at,
                decided_at=entry.decided_at,
            )
            for entry in waits
        )
        made.extend(copies)
    return made


def copy_courses(courses, *, times=TEN_TIMES):
    """Nine more of each course, with its audiences, charges and sessions (copy_sessions)."""
    for course in courses:
        audiences = list(course.audiences.all())
        tariffs = list(course.tariffs.all())
        sessions = list(course.sessions.all())
        for n in range(1, times):
            copy = Course.objects.create(
                partnership=course.partnership,
                slug=f"{course.slug}-{n}",
                title=f"{course.title} ({n})",
                summary=course.summary,
                level=course.level,
                format=course.format,
                outcomes=course.outcomes,
                who_for=course.who_for,
                hours=course.hours,
                is_published=course.is_published,
            )
            copy.audiences.set(audiences)
            Tariff.objects.bulk_create(
                Tariff(
                    course=copy,
                    agency_type=tariff.agency_type,
                    place_pence=tariff.place_pence,
                    late_cancellation_pence=tariff.late_cancellation_pence,
                    no_show_pence=tariff.no_show_pence,
                )
                for tariff in tariffs
            )
            copy_sessions(sessions, times=2, course=copy)


def more_people(westbury, count):
    """`count` practitioners of Westbury Cross, made in one go."""
    return User.objects.bulk_create(
        User(
            email=f"budget{n}@westbury.example",
            first_name="Budget",
            last_name=f"Person {n}",
            partnership_id=westbury.partnerships.first().pk,
            agency=westbury,
        )
        for n in range(count)
    )


def fill(session, people, *, booked, waiting):
    """`booked` of `people` booked on `session`, the next `waiting` on its waiting list."""
    now = timezone.now()
    Booking.objects.bulk_create(
        Booking(session=session, person=person, agency_id=person.agency_id, created_at=now)
        for person in people[:booked]
    )
    WaitingListEntry.objects.bulk_create(
        WaitingListEntry(
            session=session,
            person=person,
            agency_id=person.agency_id,
            joined_at=now + datetime.timedelta(seconds=n),
        )
        for n, person in enumerate(people[booked : booked + waiting])
    )


def grow_session(session, westbury, *, times=TEN_TIMES):
    """Ten times the session's places, bookings and waiting list: as full, ten times over."""
    booked = session.bookings.filter(status=BookingStatus.CONFIRMED).count()
    waiting = session.waiting_list.filter(status=WaitStatus.WAITING).count()
    session.capacity *= times
    session.save(update_fields=["capacity"])
    extra_booked, extra_waiting = booked * (times - 1), waiting * (times - 1)
    fill(
        session,
        more_people(westbury, extra_booked + extra_waiting),
        booked=extra_booked,
        waiting=extra_waiting,
    )


# --- The demo rows each page shows --------------------------------------------------------------


def upcoming(westshire, slug, *, full):
    """The first upcoming demo session of a course of Westshire's, full or with places."""
    from hub.training.availability import with_places

    sessions = with_places(
        Session.objects.filter(course__partnership=westshire, course__slug=slug).upcoming()
    ).order_by("starts_at", "pk")
    return next(s for s in sessions if (s.places_left <= 0) == full)


@pytest.fixture
def open_session(westshire):
    """A demo session with places left and people booked."""
    return upcoming(westshire, "using-the-neglect-toolkit", full=False)


@pytest.fixture
def full_session(westshire):
    """A demo session that is full, with people waiting."""
    return upcoming(westshire, "trauma-informed-practice", full=True)


@pytest.fixture
def practitioner(staff):
    """A practitioner of Westbury Cross who has booked nothing yet."""
    return staff(agency="westbury", email="budget-practitioner@westbury.example")


@pytest.fixture
def trainee(westshire, full_session):
    """The demo practitioner with the longest training record in Westshire, also waiting for
    a place on one full session and offered a place on another, so every part of My
    training has rows."""
    from django.db.models import Count

    most = (
        Booking.objects.filter(session__course__partnership=westshire)
        .values("person")
        .annotate(n=Count("pk"))
        .order_by("-n", "person")
        .first()
    )
    person = User.objects.get(pk=most["person"])
    now = timezone.now()
    others = (
        Session.objects.filter(course__partnership=westshire, status=SessionStatus.SCHEDULED)
        .upcoming()
        .exclude(bookings__person=person)
        .exclude(pk=full_session.pk)
        .order_by("starts_at", "pk")
    )
    WaitingListEntry.objects.create(
        session=full_session, person=person, agency_id=person.agency_id, joined_at=now
    )
    WaitingListEntry.objects.create(
        session=others.first(),
        person=person,
        agency_id=person.agency_id,
        joined_at=now,
        status=WaitStatus.OFFERED,
        offered_at=now,
        offer_expires_at=now + datetime.timedelta(hours=48),
    )
    assert Booking.objects.filter(person=person, attendance=Attendance.ATTENDED).exists()
    return person


# --- The programme ------------------------------------------------------------------------------


def test_the_programme_costs_the_same_with_ten_times_the_courses(
    westshire, django_assert_max_num_queries
):
    client = Client()
    # 4 queries: the months with a session (filter), the courses' audiences (filter), the
    # next three dates of each course with their places, the courses.
    budget = 4
    html = within_budget(django_assert_max_num_queries, client, "/training/", budget)
    assert "15 courses" in html
    more = html.count(" more date")
    copy_courses(Course.objects.filter(partnership=westshire))
    html = within_budget(django_assert_max_num_queries, client, "/training/", budget)
    assert "150 courses" in html
    assert html.count(" more date") == TEN_TIMES * more > 0


def test_a_course_page_costs_the_same_with_ten_times_the_dates(
    westshire, open_session, django_assert_max_num_queries
):
    course = open_session.course
    url = course.get_absolute_url()
    client = Client()
    # 4 queries: the course, its audiences, its charges, its upcoming dates with places.
    budget = 4
    before = within_budget(django_assert_max_num_queries, client, url, budget)
    copy_sessions(course.sessions.all(), course=course)
    after = within_budget(django_assert_max_num_queries, client, url, budget)
    assert after.count('<tr class="govuk-table__row">') > before.count(
        '<tr class="govuk-table__row">'
    )


# --- A session and booking it -------------------------------------------------------------------


@pytest.mark.parametrize("full", [False, True], ids=["with places", "full"])
def test_a_session_page_costs_the_same_with_ten_times_the_bookings(
    full, open_session, full_session, practitioner, westbury, django_assert_max_num_queries
):
    session = full_session if full else open_session
    url = session.get_absolute_url()
    client = signed_in(practitioner)
    # 6 queries: the signed-in session, the person and their roles; the session with its
    # places; the person's own booking and waiting-list entry on it (none here).
    budget = 6
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert ("Join the waiting list" if full else "Book a place") in html
    grow_session(session, westbury)
    html = within_budget(django_assert_max_num_queries, client, url, budget)
    assert ("Join the waiting list" if full else "Book a place") in html


@pytest.mark.parametrize("full", [False, True], ids=["booked", "waiting list"])
def test_booking_costs_the_same_with_ten_times_the_bookings(
    full, open_session, full_session, staff, westbury, django_assert_max_num_queries
):
    session = full_session if full else open_session
    url = session.get_absolute_url()

    def book(number):
        person = staff(agency="westbury", email=f"booker{number}@westbury.example")
        client = signed_in(person)
        assert client.get(url).status_code == 200
        # The audit log's content types, which a web process has long since cached.
        ContentType.objects.get_for_models(Booking, WaitingListEntry)
        # 16 queries to book: the signed-in session, the person and their roles; the session
        # (of this site's published courses); under the session's lock: the lock, the
        # confirmed bookings, the waiting list, the booking, its audit entry (Wagtail checks
        # the content type and the person exist, then inserts); the message saved in the
        # session. The savepoints count here as BEGIN and COMMIT do not, in production.
        # Joining the waiting list: 17, the last query the person's place in the list. The
        # email is queued after the commit (one more insert, not made in a test).
        budget = 17 if full else 16
        with django_assert_max_num_queries(budget):
            response = client.post(url, {"form": "self"})
        assert response.status_code == 302, response.status_code
        if full:
            assert WaitingListEntry.objects.filter(session=session, person=person).exists()
        else:
            assert Booking.objects.filter(session=session, person=person).exists()

    book(1)
    grow_session(session, westbury)
    book(2)


# --- My training --------------------------------------------------------------------------------


def test_my_training_costs_the_same_with_ten_times_the_record(
    trainee, django_assert_max_num_queries
):
    client = signed_in(trainee)
    url = "/training/my-training/"
    # 6 queries: the signed-in session, the person and their roles; their bookings (with
    # sessions, courses, evaluations, impact answers); the booking rules of each partnership
    # they trained with; their waiting-list entries with their places in the lists.
    budget = 6
    before = within_budget(django_assert_max_num_queries, client, url, budget)
    from django.db.models import Q

    copy_sessions(
        Session.objects.filter(Q(bookings__person=trainee) | Q(waiting_list__person=trainee))
        .distinct()
        .order_by("pk")
    )
    after = within_budget(django_assert_max_num_queries, client, url, budget)
    assert after.count("Download certificate") == TEN_TIMES * before.count("Download certificate")
    assert after.count("You are number") == TEN_TIMES * before.count("You are number")


# --- The agency records page ---------------------------------------------------------------------


def test_the_agency_records_page_costs_the_same_with_ten_times_the_staff_and_places(
    staff, westbury, westshire, django_assert_max_num_queries
):
    from hub.core.permissions import Role

    coordinator = staff(
        Role.AGENCY_TRAINING_COORDINATOR,
        agency="westbury",
        email="budget-coordinator@westbury.example",
    )
    client = signed_in(coordinator)
    url = f"/training/manage/agency/?agency={westbury.pk}"
    # 10 queries: the signed-in session, the person, their roles and second factor; the
    # agencies they may choose from and those agencies' partnerships (which `can` reads for
    # each); the staff; their training history and no-shows counted; the places booked.
    budget = 10
    before = within_budget(django_assert_max_num_queries, client, url, budget)
    people = User.objects.filter(agency=westbury, is_active=True).count()
    newcomers = more_people(westbury, people * (TEN_TIMES - 1))
    User.objects.filter(pk__in=[person.pk for person in newcomers]).update(is_active=True)
    session = upcoming(westshire, "safeguarding-update-for-school-staff", full=False)
    session.capacity += len(newcomers)
    session.save(update_fields=["capacity"])
    fill(session, newcomers, booked=len(newcomers), waiting=0)
    after = within_budget(django_assert_max_num_queries, client, url, budget)
    assert after.count("Transfer to a colleague") > before.count("Transfer to a colleague")


# --- Certificates -----------------------------------------------------------------------------


def test_checking_a_certificate_costs_one_lookup_and_the_layout(django_assert_max_num_queries):
    from hub.training.models import Certificate

    certificate = Certificate.objects.filter(booking__person__email=PAT).first()
    client = Client()
    # 1 query: the certificate with its booking, person, session, course and partnership.
    # The layout is shared fragments; the rate limit counts in the cache.
    html = within_budget(django_assert_max_num_queries, client, certificate.get_absolute_url(), 1)
    assert certificate.booking.person.display_name in html


def test_downloading_a_certificate_costs_the_same_however_long_the_history(
    django_assert_max_num_queries,
):
    from hub.training.models import Certificate

    certificate = Certificate.objects.filter(booking__person__email=PAT).first()
    client = signed_in(certificate.booking.person)
    url = f"/training/bookings/{certificate.booking_id}/certificate.pdf"
    # 7 queries: the session, the user and their roles (signing in); the booking with its
    # session, course, partnership and certificate; get_or_create's savepoint, its read of
    # the issued certificate and the savepoint's release. Nothing per other booking.
    budget = 7
    for _ in range(2):  # the demo's history, then ten times it
        assert client.get(url).status_code == 200
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.content.startswith(b"%PDF-")
        copy_sessions(Session.objects.filter(bookings__person=certificate.booking.person))
