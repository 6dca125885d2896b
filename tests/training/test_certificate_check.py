"""Checking a certificate at /certificates/<code>/: anyone may, without signing in; it shows
only what the certificate says; codes are forgiving as typed; anything else is one 404
after one lookup; a withdrawn certificate says so; it is never indexed or cached; each
client address is limited, counted as sign-in throttling counts it."""

import datetime
import html as htmllib
import json
import re
import types

import django_ratelimit.core
import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hub.accounts.services import account_delete
from hub.core.models import Role
from hub.training import services
from hub.training.models import Attendance, Booking, Certificate, Evaluation, TrainingPolicy

pytestmark = pytest.mark.django_db

FACTS = ["Name", "Course", "Level", "Date", "Learning time", "Issued by"]


@pytest.fixture(autouse=True)
def fresh_counts(monkeypatch):
    """Each test starts with no checks counted, in a rate-limit window that does not end
    during the test (django-ratelimit's windows follow the clock)."""
    caches["default"].clear()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1.8e9))
    yield
    caches["default"].clear()


@pytest.fixture
def certificate(session_factory, people):
    """People[0] attended a session on 3 March 2026, evaluated it and has a certificate."""
    session = session_factory(starts_at=timezone.make_aware(datetime.datetime(2026, 3, 3, 9, 30)))
    person = people[0]
    person.first_name, person.last_name = "Siobhán", "Ní Bhriain–O’Connor"
    person.save()
    booking = Booking.objects.create(
        session=session, person=person, agency=person.agency, attendance=Attendance.ATTENDED
    )
    Evaluation.objects.create(
        booking=booking, overall=5, trainer=5, relevance=5, confidence_before=3, confidence_after=5
    )
    return services.certificate_issue(by=person, booking=booking)


def check(code, client=None, **headers):
    return (client or Client()).get(f"/certificates/{code}/", **headers)


def text(response):
    return htmllib.unescape(response.content.decode())


def facts(response):
    """The summary list's (key, value) pairs, as shown."""
    pairs = re.findall(
        r'<dt class="govuk-summary-list__key">(.*?)</dt>\s*'
        r'<dd class="govuk-summary-list__value">(.*?)</dd>',
        response.content.decode(),
        re.S,
    )
    return [(htmllib.unescape(k).strip(), htmllib.unescape(v).strip()) for k, v in pairs]


def assert_private(response):
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


# --- What it shows -----------------------------------------------------------------------


def test_anyone_can_check_a_certificate_without_signing_in_and_sees_only_what_it_says(
    certificate,
):
    response = check(certificate.display_code)
    assert response.status_code == 200
    assert facts(response) == [
        ("Name", "Siobhán Ní Bhriain–O’Connor"),
        ("Course", "Test course: recognising neglect"),
        ("Level", "Level 2: working with children and families"),
        ("Date", "3 March 2026"),
        ("Learning time", "3 hours"),
        ("Issued by", certificate.booking.session.course.partnership.name),
    ]
    page = text(response)
    assert "This certificate is valid" in page
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    booking = certificate.booking
    assert booking.person.email not in page
    assert booking.agency.name not in page
    assert f"/bookings/{booking.pk}/" not in page
    assert "Evaluation" not in page and "evaluat" not in page.lower()
    assert_private(response)


def test_a_signed_in_visitor_sees_the_same_facts(certificate, people):
    client = Client()
    client.force_login(people[3])
    response = check(certificate.display_code, client)
    assert [key for key, _ in facts(response)] == FACTS


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code.lower(),
        lambda code: code.replace("-", ""),
        lambda code: code.replace("-", "").lower(),
        lambda code: code.replace("-", " "),
        lambda code: code.replace("-", "–"),  # an en dash, as a word processor writes it
    ],
    ids=["lowercase", "no hyphens", "lowercase no hyphens", "spaces", "en dashes"],
)
def test_a_code_is_found_however_it_was_typed(certificate, typed):
    response = check(typed(certificate.display_code))
    assert response.status_code == 200
    assert ("Name", "Siobhán Ní Bhriain–O’Connor") in facts(response)


def test_letters_misread_for_digits_find_the_code(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(code="01ABCDEFGH01JKMNPQRS")
    for typed in ("OIAB-CDEF-GHOL-JKMN-PQRS", "olab cdef ghoi jkmn pqrs", "01ABCDEFGH01JKMNPQRS"):
        assert check(typed).status_code == 200, typed


# --- What it never finds -----------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "not-a-code",
        "ABCD-EFGH-JKMN-PQRS",  # one group short
        "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01",  # one group long
        "UUUU-UUUU-UUUU-UUUU-UUUU",  # U is never in a code
        "ABCD-EFGH-JKMN-PQRS-TVW%3F",  # a question mark
        "A" * 5000,
        "' OR 1=1 --",
    ],
)
def test_a_malformed_code_is_not_found_after_the_same_one_lookup(certificate, code):
    with CaptureQueriesContext(connection) as queries:
        response = check(code)
    assert response.status_code == 404
    assert "Page not found" in text(response)
    lookups = [q for q in queries.captured_queries if "training_certificate" in q["sql"]]
    assert len(lookups) == 1
    assert_private(response)


def test_an_unknown_code_and_a_real_one_cost_one_lookup_each(certificate):
    for code, status in (("ABCD-EFGH-JKMN-PQRS-TVWX", 404), (certificate.display_code, 200)):
        with CaptureQueriesContext(connection) as queries:
            response = check(code)
        assert response.status_code == status
        lookups = [q for q in queries.captured_queries if "training_certificate" in q["sql"]]
        assert len(lookups) == 1


def test_a_deleted_booking_leaves_nothing_to_check(certificate):
    code = certificate.display_code
    Booking.objects.filter(pk=certificate.booking_id).delete()
    assert not Certificate.objects.filter(pk=certificate.pk).exists()
    assert check(code).status_code == 404


def test_a_deleted_account_leaves_nothing_to_check(certificate):
    code = certificate.display_code
    account_delete(user=certificate.booking.person)
    response = check(code)
    assert response.status_code == 404
    assert "Siobhán" not in text(response)


# --- Withdrawn ---------------------------------------------------------------------------


def test_a_withdrawn_certificate_says_so_when_and_why(certificate, training_team):
    services.certificate_withdraw(
        by=training_team,
        certificate=certificate,
        reason="Issued for the wrong session.",
        now=timezone.make_aware(datetime.datetime(2026, 3, 10, 14, 0)),
    )
    response = check(certificate.display_code.lower())
    assert response.status_code == 200
    page = text(response)
    assert "This certificate has been withdrawn" in page
    assert "This certificate is valid" not in page
    assert "Withdrawn on 10 March 2026 by Westshire Safeguarding Children Partnership" in page
    assert "Reason: Issued for the wrong session." in page
    assert [key for key, _ in facts(response)] == FACTS
    assert_private(response)


def test_a_certificate_whose_attendance_no_longer_counts_says_it_was_withdrawn(certificate):
    # However the mark changed, the check reads the record as it is now.
    marked = timezone.make_aware(datetime.datetime(2026, 3, 4, 9, 0))
    Booking.objects.filter(pk=certificate.booking_id).update(
        attendance=Attendance.LEFT_EARLY, attendance_marked_at=marked
    )
    page = text(check(certificate.display_code))
    assert "This certificate has been withdrawn" in page
    assert "Withdrawn on 4 March 2026" in page


def test_correcting_the_register_withdraws_it_for_the_check_too(session_factory, people, staff):
    trainer = staff(Role.TRAINER, email="check-trainer@westshire.example")
    session = session_factory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    session.trainers.add(trainer)
    booking = Booking.objects.create(session=session, person=people[0], agency=people[0].agency)
    services.attendance_mark(by=trainer, session=session, marks={booking.pk: "attended"})
    booking.refresh_from_db()
    TrainingPolicy.objects.update_or_create(
        partnership=session.course.partnership, defaults={"certificate_needs_evaluation": False}
    )
    issued = services.certificate_issue(by=people[0], booking=booking)
    assert "This certificate is valid" in text(check(issued.display_code))
    services.attendance_mark(by=trainer, session=session, marks={booking.pk: "absent"})
    page = text(check(issued.display_code))
    assert "This certificate has been withdrawn" in page
    assert "Reason: The attendance it was issued for was corrected." in page


# --- Never cached, never indexed ---------------------------------------------------------


def test_the_page_is_never_kept_in_the_page_cache_so_a_withdrawal_shows_at_once(
    certificate, training_team
):
    caches["volatile"].clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        first = check(certificate.display_code)
        second = check(certificate.display_code)
        assert "This certificate is valid" in text(first) and "This certificate is valid" in text(
            second
        )
        assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
        services.certificate_withdraw(by=training_team, certificate=certificate, reason="Error.")
        third = check(certificate.display_code)
        assert "This certificate has been withdrawn" in text(third)
        assert "X-Page-Cache" not in third
    caches["volatile"].clear()


# --- Rate limited ------------------------------------------------------------------------


@override_settings(RATELIMIT_CERTIFICATE_CHECK="3/m")
def test_each_client_address_is_limited_and_told_clearly_when_to_try_again(certificate):
    code = certificate.display_code
    for _ in range(3):
        assert check(code, REMOTE_ADDR="192.0.2.10").status_code == 200
    limited = check(code, REMOTE_ADDR="192.0.2.10")
    assert limited.status_code == 429
    page = text(limited)
    assert "<h1" in page and "Too many certificate checks" in page
    assert "Wait a minute, then try again." in page
    assert "Siobhán" not in page
    assert int(limited["Retry-After"]) >= 1
    assert_private(limited)
    # Unknown and malformed codes count too, and another address has its own count.
    assert check("nonsense", REMOTE_ADDR="192.0.2.10").status_code == 429
    assert check(code, REMOTE_ADDR="192.0.2.11").status_code == 200


@override_settings(RATELIMIT_CERTIFICATE_CHECK="2/m", ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_trusted_proxy_each_forwarded_client_is_counted(certificate):
    code = certificate.display_code
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        assert check(code, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 200
    assert check(code, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429
    # Another client through the same proxy is not held up; a forged address before the
    # proxy's own entry is not trusted.
    assert check(code, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 200
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.99, 198.51.100.7"}
    assert check(code, **forged, **proxy).status_code == 429


@override_settings(RATELIMIT_CERTIFICATE_CHECK="2/m")
def test_ipv6_clients_are_counted_by_their_network(certificate):
    code = certificate.display_code
    assert check(code, REMOTE_ADDR="2001:db8:1:2::10").status_code == 200
    assert check(code, REMOTE_ADDR="2001:db8:1:2::11").status_code == 200
    assert check(code, REMOTE_ADDR="2001:db8:1:2:ffff::1").status_code == 429
    assert check(code, REMOTE_ADDR="2001:db8:1:3::10").status_code == 200


# --- The person's own data ---------------------------------------------------------------


def test_the_code_and_its_dates_are_in_the_persons_data_download(certificate, training_team):
    services.certificate_withdraw(by=training_team, certificate=certificate, reason="Error.")
    certificate.refresh_from_db()
    client = Client()
    client.force_login(certificate.booking.person)
    response = client.post("/accounts/my-data/")
    assert response.status_code == 200
    exported = json.loads(response.content)["training"]["certificates"]
    assert exported == [
        {
            "course": "Test course: recognising neglect",
            "session_starts_at": certificate.booking.session.starts_at.isoformat(),
            "code": certificate.display_code,
            "issued_at": certificate.issued_at.isoformat(),
            "withdrawn_at": certificate.withdrawn_at.isoformat(),
            "withdrawn_reason": "Error.",
        }
    ]
