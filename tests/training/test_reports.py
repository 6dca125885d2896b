"""The training team's figures: the partnership report's fill, no-show and late-cancellation
rates and evaluation scores on a known month, and the finance page's charges, totals,
downloads (the spreadsheet holds exactly the CSV's rows) and waiving with a reason."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.test import Client
from openpyxl import load_workbook

from hub.core import audit
from hub.training import reports
from hub.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Charge,
    ChargeReason,
    Evaluation,
    SessionStatus,
)
from tests.training.conftest import moment

pytestmark = pytest.mark.django_db

# A month long before the demo's history, so the demo's own sessions never count.
MARCH_2021 = {
    "date_from_day": "1",
    "date_from_month": "3",
    "date_from_year": "2021",
    "date_to_day": "31",
    "date_to_month": "3",
    "date_to_year": "2021",
}


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def booked(session, person, **fields):
    return Booking.objects.create(session=session, person=person, agency=person.agency, **fields)


def evaluated(booking, overall, before, after):
    Evaluation.objects.create(
        booking=booking,
        overall=overall,
        trainer=4,
        relevance=4,
        confidence_before=before,
        confidence_after=after,
    )


@pytest.fixture
def march(session_factory, people, outsider):
    """Two sessions of the test course in March 2021 and one the partnership cancelled.

    Wednesday 10 March, 4 places: three of Westbury's people came (attended, late, absent);
    one cancelled the day before (late), one a month before (free), one passed a place on.
    Saturday 20 March, 2 places: the college's person attended.
    """
    first = session_factory(starts_at=moment(2021, 3, 10), capacity=4)
    attended = booked(first, people[0], attendance=Attendance.ATTENDED)
    late = booked(first, people[1], attendance=Attendance.LATE)
    booked(first, people[2], attendance=Attendance.ABSENT)
    booked(first, people[3], status=BookingStatus.CANCELLED, cancelled_at=moment(2021, 3, 9, 12))
    booked(first, people[4], status=BookingStatus.CANCELLED, cancelled_at=moment(2021, 2, 1))
    booked(
        first,
        people[4],
        status=BookingStatus.TRANSFERRED,
        cancelled_at=moment(2021, 2, 2),
        transferred_to=attended,
    )
    evaluated(attended, overall=5, before=2, after=4)
    evaluated(late, overall=3, before=1, after=3)

    second = session_factory(starts_at=moment(2021, 3, 20), capacity=2)
    booked(second, outsider, attendance=Attendance.ATTENDED)

    called_off = session_factory(
        starts_at=moment(2021, 3, 25), capacity=10, status=SessionStatus.CANCELLED
    )
    booked(called_off, people[0], status=BookingStatus.CANCELLED, cancelled_at=moment(2021, 3, 24))
    return first, second


def test_the_report_counts_fill_no_show_and_late_cancellation_rates(westshire, march):
    start, end = reports.period_bounds(datetime.date(2021, 3, 1), datetime.date(2021, 3, 31))
    figures = reports.programme_report(westshire, start, end)

    (course,) = figures["courses"]
    assert course.label == "Test course: recognising neglect"
    assert course.session_count == 2
    assert (course.places_offered, course.places_filled) == (6, 4)
    assert str(course.fill_rate) == "67%"
    assert (course.no_show_rate.part, course.no_show_rate.whole) == (1, 4)
    assert (course.late_cancellation_rate.part, course.late_cancellation_rate.whole) == (1, 6)
    assert course.overall == Decimal("4.0")
    assert (course.confidence_before, course.confidence_after) == (Decimal("1.5"), Decimal("3.5"))

    by_agency = {tally.label: tally for tally in figures["agencies"]}
    westbury = by_agency["Westbury Cross Academy Trust (demo)"]
    assert (westbury.session_count, westbury.places_filled) == (1, 3)
    assert str(westbury.no_show_rate) == "33%"
    assert str(westbury.late_cancellation_rate) == "20%"
    assert str(westbury.fill_rate) == "No data"
    college = by_agency["Westshire College (demo)"]
    assert (college.places_filled, str(college.no_show_rate)) == (1, "0%")
    assert str(college.late_cancellation_rate) == "0%"
    assert college.overall is None
    assert figures["agency_total"].places_filled == figures["course_total"].places_filled == 4


def test_the_report_page_shows_the_period_figures(training_team, march):
    html = page(signed_in(training_team).get("/training/manage/reports/", MARCH_2021))
    assert "1 March 2021 to 31 March 2021" in html
    assert '67% <span class="govuk-body-s">(4 of 6)</span>' in html
    assert '25% <span class="govuk-body-s">(1 of 4)</span>' in html
    assert '17% <span class="govuk-body-s">(1 of 6)</span>' in html
    assert "1.5 → 3.5" in html


def test_a_malformed_period_is_shown_in_the_error_summary(training_team, march):
    query = {**MARCH_2021, "date_from_day": "31", "date_from_month": "2", "date_to_year": "21"}
    html = page(signed_in(training_team).get("/training/manage/reports/", query))
    assert "govuk-error-summary" in html
    assert "The start date must be a real date" in html
    assert "Year must include 4 numbers" in html
    assert 'href="#id_date_from-day"' in html
    assert "Correct the dates to see the report." in html
    assert "<table" not in html

    backwards = {**MARCH_2021, "date_to_day": "1", "date_from_day": "31"}
    html = page(signed_in(training_team).get("/training/manage/reports/", backwards))
    assert "The end date must be the same as or after the start date" in html


def test_only_the_training_team_sees_the_report_and_the_charges(agency_coordinator, march):
    client = signed_in(agency_coordinator)
    assert client.get("/training/manage/reports/", MARCH_2021).status_code == 404
    assert client.get("/training/manage/charges/", MARCH_2021).status_code == 404
    assert client.get("/training/manage/charges/charges.xlsx", MARCH_2021).status_code == 404


# --- Charges ----------------------------------------------------------------------------


@pytest.fixture
def charges(westshire, westbury, college, march):
    first, second = march
    absent = first.bookings.get(attendance=Attendance.ABSENT)
    cancelled = first.bookings.get(status=BookingStatus.CANCELLED, cancelled_at__day=9)

    def charge(booking, agency, reason, pence, person_name):
        return Charge.objects.create(
            booking=booking,
            partnership=westshire,
            agency=agency,
            reason=reason,
            amount_pence=pence,
            course_title=booking.session.course.title,
            session_starts_at=booking.session.starts_at,
            person_name=person_name,
        )

    return [
        charge(absent, westbury, ChargeReason.NO_SHOW, 6000, "Dana Absent"),
        charge(cancelled, westbury, ChargeReason.LATE_CANCELLATION, 4050, "Lou Late"),
        # A name that a spreadsheet would run as a formula must arrive as plain text.
        charge(
            second.bookings.get(),
            college,
            ChargeReason.PLACE,
            2500,
            '=HYPERLINK("http://evil.example","Click")',
        ),
    ]


def test_the_charges_page_lists_the_periods_charges_with_totals_per_agency(
    training_team, charges, westbury
):
    client = signed_in(training_team)
    html = page(client.get("/training/manage/charges/", MARCH_2021))
    assert "3 charges" in html
    assert "Dana Absent" in html and "Lou Late" in html
    assert "£100.50" in html  # Westbury: £60 + £40.50
    assert "£125.50" in html  # all organisations

    html = page(client.get("/training/manage/charges/", {**MARCH_2021, "agency": westbury.pk}))
    assert "2 charges" in html
    assert "HYPERLINK" not in html


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def as_csv_text(value, *, money):
    """A spreadsheet cell as the CSV writes it: ISO dates, pounds to two places."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if money:
        return f"{Decimal(str(value)):.2f}"
    return str(value)


def test_the_spreadsheet_holds_exactly_the_csv_rows(training_team, charges):
    charges[0].waived_at = moment(2021, 4, 1)
    charges[0].waived_reason = "Snow closed the roads"
    charges[0].save()
    client = signed_in(training_team)
    csv_response = client.get("/training/manage/charges/charges.csv", MARCH_2021)
    xlsx_response = client.get("/training/manage/charges/charges.xlsx", MARCH_2021)
    assert csv_response.status_code == xlsx_response.status_code == 200
    assert "attachment" in xlsx_response["Content-Disposition"]
    assert xlsx_response["Content-Type"].startswith("application/vnd.openxmlformats")

    rows = read_csv(csv_response)
    assert rows[0] == reports.CHARGE_HEADER
    assert len(rows) == 4
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    cells = list(sheet.iter_rows(values_only=True))
    assert list(cells[0]) == rows[0]
    money = {index for index, heading in enumerate(rows[0]) if "(£)" in heading}
    for csv_row, sheet_row in zip(rows[1:], cells[1:], strict=True):
        written = [
            as_csv_text(value, money=index in money) for index, value in enumerate(sheet_row)
        ]
        assert written == csv_row

    by_person = {row[2]: row for row in rows[1:]}
    dana = by_person["Dana Absent"]
    assert dana[:6] == [
        "2021-03-10",
        "Test course: recognising neglect",
        "Dana Absent",
        "Westbury Cross Academy Trust (demo)",
        "Did not attend",
        "60.00",
    ]
    assert dana[6:9] == ["2021-04-01", "Snow closed the roads", "0.00"]
    assert by_person["Lou Late"][5] == "40.50"
    assert '\'=HYPERLINK("http://evil.example","Click")' in by_person


def test_waiving_needs_a_reason_and_is_logged(training_team, charges):
    charge = charges[0]
    client = signed_in(training_team)
    url = f"/training/manage/charges/{charge.pk}/waive/"

    html = page(client.post(url, {"reason": "   "}))
    assert "govuk-error-summary" in html
    assert "Enter why the charge is waived" in html
    charge.refresh_from_db()
    assert not charge.is_waived
    logged = audit.entries().filter(action="hub.training.charge_waived", object_id=str(charge.pk))
    assert not logged.exists()

    response = client.post(url, {"reason": "Snow closed the roads"}, follow=True)
    assert "is waived" in page(response)
    charge.refresh_from_db()
    assert charge.is_waived
    assert charge.waived_by == training_team
    assert charge.waived_reason == "Snow closed the roads"
    entry = logged.get()
    assert entry.user_id == training_team.pk
    assert entry.data["agency_id"] == charge.agency_id

    html = page(client.get("/training/manage/charges/", MARCH_2021))
    assert "Waived" in html and "Snow closed the roads" in html
    assert "£60" in html  # still shown as raised, and as waived
    assert "already been waived" in page(client.get(url))


def test_another_partnerships_charge_cannot_be_waived(northmoor, training_team, charges):
    from hub.core.models import Role
    from tests.conftest import make_person

    northmoor_team = make_person(
        "reports-team@northmoor.example",
        partnership=northmoor,
        agency=None,
        roles=[Role.TRAINING_COORDINATOR],
    )
    response = signed_in(northmoor_team).post(
        f"/training/manage/charges/{charges[0].pk}/waive/", {"reason": "Because"}
    )
    assert response.status_code == 404
    charges[0].refresh_from_db()
    assert not charges[0].is_waived
