"""The figures behind the staff pages: each agency's staff against the four levels, the
partnership's report by course and by agency, and the charges finance invoices.

Plain functions over querysets. The pages and their CSV and spreadsheet downloads all read
from here, so a figure on screen and the same figure in a download never disagree.

How the rates are counted:
- fill rate: confirmed places on the period's sessions ÷ their capacity (cancelled sessions
  left out);
- no-show rate: bookings marked absent ÷ bookings whose attendance was recorded;
- late-cancellation rate: places the booker cancelled after the free-cancellation deadline ÷
  places booked (confirmed or cancelled by the booker). A transferred place is counted once,
  as the colleague's booking; places released because the partnership cancelled the session
  are not counted at all.
"""

import csv
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from hub.core.downloads import XLSX, private_download, spreadsheet_text
from hub.training import presenters
from hub.training.models import (
    COMPLETED,
    NO_CONFIRMED_ORGANISATION,
    PASSED_ON,
    Attendance,
    Booking,
    BookingStatus,
    Charge,
    Level,
    Session,
    SessionStatus,
    policy_for,
)
from hub.training.services import is_late_cancellation

LEVELS = list(Level)
NO_DATA = "No data"


# --- Periods and rates ------------------------------------------------------------------


def period_bounds(date_from, date_to):
    """The aware datetimes [start, end) covering whole days `date_from` to `date_to`, in the
    partnership's time zone."""
    start = timezone.make_aware(datetime.datetime.combine(date_from, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, end


@dataclass(frozen=True)
class Rate:
    """A share with its counts kept, so a page can say '2 of 8' as well as '25%'."""

    part: int
    whole: int

    @property
    def value(self):
        return self.part / self.whole if self.whole else None

    def __str__(self):
        if not self.whole:
            return NO_DATA
        return f"{round(100 * self.part / self.whole)}%"


def _average(total, count):
    return (Decimal(total) / count).quantize(Decimal("0.1")) if count else None


# --- Staff training records -------------------------------------------------------------


def staff_records(people, today):
    """One row per person in `people` (a queryset of users), in its order: for each level
    1–4 the latest completed training (attended or arrived late), when it needs refreshing
    (the session's date plus the course's refresher period) and its status; and the person's
    no-show rate. The refresher rule is the one My training shows the person themself."""
    people = list(people)
    completed = defaultdict(list)
    bookings = Booking.objects.filter(
        person__in=people, status=BookingStatus.CONFIRMED, attendance__in=COMPLETED
    ).select_related("session__course")
    for booking in bookings:
        completed[booking.person_id].append(booking)
    marked = {
        row["person"]: row
        for row in Booking.objects.filter(person__in=people, status=BookingStatus.CONFIRMED)
        .exclude(attendance="")
        .values("person")
        .annotate(marked=Count("pk"), absent=Count("pk", filter=Q(attendance=Attendance.ABSENT)))
    }
    rows = []
    for person in people:
        latest = {
            row["course"].level: row for row in presenters.refreshers(completed[person.pk], today)
        }
        counts = marked.get(person.pk, {"marked": 0, "absent": 0})
        rows.append(
            {
                "person": person,
                "levels": [
                    {"level": level, "label": level.label, "latest": latest.get(level.value)}
                    for level in LEVELS
                ],
                "no_show": Rate(counts["absent"], counts["marked"]),
            }
        )
    return rows


STAFF_RECORD_HEADER = [
    "Name",
    "Email address",
    "Job role",
    *[
        heading
        for level in LEVELS
        for heading in (
            f"Level {level.value} course",
            f"Level {level.value} completed",
            f"Level {level.value} refresher due",
            f"Level {level.value} status",
        )
    ],
    "Sessions with attendance recorded",
    "Absences",
    "No-show rate",
]


def staff_record_table(records):
    """The rows of `staff_records` as a header and plain values, for CSV."""
    table = []
    for record in records:
        person = record["person"]
        cells = [person.get_full_name(), person.email, person.job_role]
        for level in record["levels"]:
            latest = level["latest"]
            if latest is None:
                cells += ["", "", "", "None"]
            else:
                cells += [
                    latest["course"].title,
                    latest["completed_on"],
                    latest["due"],
                    latest["status"],
                ]
        no_show = record["no_show"]
        cells += [no_show.whole, no_show.part, str(no_show) if no_show.whole else ""]
        table.append(cells)
    return STAFF_RECORD_HEADER, table


# --- The partnership's report -----------------------------------------------------------


@dataclass
class Tally:
    """What happened to the places of one course, or one agency's places, in a period."""

    label: str
    sessions: set = field(default_factory=set)
    places_offered: int | None = 0
    places_filled: int = 0
    marked: int = 0
    absent: int = 0
    booked: int = 0
    late_cancellations: int = 0
    evaluations: int = 0
    overall_total: int = 0
    before_total: int = 0
    after_total: int = 0

    @property
    def session_count(self):
        return len(self.sessions)

    @property
    def fill_rate(self):
        return Rate(self.places_filled, self.places_offered or 0)

    @property
    def no_show_rate(self):
        return Rate(self.absent, self.marked)

    @property
    def late_cancellation_rate(self):
        return Rate(self.late_cancellations, self.booked)

    @property
    def overall(self):
        return _average(self.overall_total, self.evaluations)

    @property
    def confidence_before(self):
        return _average(self.before_total, self.evaluations)

    @property
    def confidence_after(self):
        return _average(self.after_total, self.evaluations)

    def count(self, booking, *, late):
        self.sessions.add(booking.session_id)
        if booking.status == BookingStatus.CONFIRMED:
            self.places_filled += 1
            self.booked += 1
            if booking.attendance:
                self.marked += 1
                if booking.attendance == Attendance.ABSENT:
                    self.absent += 1
            evaluation = getattr(booking, "evaluation", None)
            if evaluation is not None:
                self.evaluations += 1
                self.overall_total += evaluation.overall
                self.before_total += evaluation.confidence_before
                self.after_total += evaluation.confidence_after
        elif booking.status == BookingStatus.CANCELLED:
            self.booked += 1
            if late:
                self.late_cancellations += 1


def report_sessions(partnership, start, end):
    """The partnership's sessions that start in [start, end) and were not cancelled."""
    return (
        Session.objects.filter(
            course__partnership=partnership, starts_at__gte=start, starts_at__lt=end
        )
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("course")
    )


def programme_report(partnership, start, end):
    """The period's figures by course and by agency, each with a total row:
    {"courses": [Tally], "agencies": [Tally], "course_total": Tally, "agency_total": Tally}.
    Agencies have no places offered of their own, so their fill rate reads 'No data'."""
    sessions = list(report_sessions(partnership, start, end))
    policy = policy_for(partnership)
    courses, agencies = {}, {}
    course_total = Tally("All courses")
    agency_total = Tally("All organisations", places_offered=None)
    for session in sessions:
        tally = courses.setdefault(session.course_id, Tally(session.course.title))
        for each in (tally, course_total):
            each.sessions.add(session.pk)
            each.places_offered += session.capacity
    bookings = (
        Booking.objects.filter(session__in=[session.pk for session in sessions])
        .exclude(status__in=PASSED_ON)
        .select_related("session__course", "agency", "evaluation")
    )
    for booking in bookings:
        late = (
            booking.status == BookingStatus.CANCELLED
            and booking.cancelled_at is not None
            and is_late_cancellation(booking.session, booking.cancelled_at, policy)
        )
        name = booking.agency.name if booking.agency else NO_CONFIRMED_ORGANISATION
        agency = agencies.setdefault(booking.agency_id, Tally(name, places_offered=None))
        for tally in (courses[booking.session.course_id], course_total, agency, agency_total):
            tally.count(booking, late=late)
    return {
        "courses": sorted(courses.values(), key=lambda tally: tally.label),
        "agencies": sorted(agencies.values(), key=lambda tally: tally.label),
        "course_total": course_total,
        "agency_total": agency_total,
    }


# --- Charges for finance ----------------------------------------------------------------


def charges_for(partnership, start, end, agency=None):
    """The partnership's charges for sessions that start in [start, end), optionally for one
    agency, in session order."""
    charges = Charge.objects.filter(
        partnership=partnership, session_starts_at__gte=start, session_starts_at__lt=end
    )
    if agency is not None:
        charges = charges.filter(agency=agency)
    return charges.select_related("agency", "waived_by").order_by(
        "session_starts_at", "agency__name", "person_name", "pk"
    )


def agency_totals(charges):
    """Per agency: how many charges, the amount raised, the amount waived and the amount due,
    in pence; and the same over all agencies."""
    rows = list(
        charges.order_by()
        .values("agency", "agency__name")
        .annotate(
            count=Count("pk"),
            raised=Sum("amount_pence"),
            waived=Sum("amount_pence", filter=Q(waived_at__isnull=False), default=0),
        )
        .order_by("agency__name")
    )
    for row in rows:
        row["due"] = row["raised"] - row["waived"]
    total = {
        "agency__name": "All organisations",
        "count": sum(row["count"] for row in rows),
        "raised": sum(row["raised"] for row in rows),
        "waived": sum(row["waived"] for row in rows),
        "due": sum(row["due"] for row in rows),
    }
    return rows, total


def _pounds(pence):
    return (Decimal(pence) / 100).quantize(Decimal("0.01"))


CHARGE_HEADER = [
    "Session date",
    "Course",
    "Person",
    "Organisation",
    "Reason",
    "Amount (£)",
    "Waived on",
    "Why waived",
    "Amount due (£)",
    "Charge number",
]


def charge_table(charges):
    """The charges as a header and rows of plain values (dates, text, pounds as Decimal):
    the one source of the finance page's CSV and spreadsheet."""
    rows = []
    for charge in charges:
        rows.append(
            [
                timezone.localtime(charge.session_starts_at).date(),
                charge.course_title,
                charge.person_name,
                charge.charged_to,
                charge.get_reason_display(),
                _pounds(charge.amount_pence),
                timezone.localtime(charge.waived_at).date() if charge.waived_at else None,
                charge.waived_reason,
                _pounds(charge.amount_due_pence),
                charge.pk,
            ]
        )
    return CHARGE_HEADER, rows


# --- Downloads --------------------------------------------------------------------------


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, str):
        return spreadsheet_text(value)
    return str(value)


def as_csv(header, rows):
    """UTF-8 CSV text with a byte-order mark, so Excel reads £ and accents correctly."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue()


def as_xlsx(header, rows, *, title):
    """An .xlsx workbook of one sheet: dates as dates, money as numbers to two places."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [spreadsheet_text(value) if isinstance(value, str) else value for value in row]
        )
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, Decimal):
                cell.number_format = "0.00"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(header, rows, *, name, kind, title):
    """The table as a private download: `kind` "csv" or "xlsx" (one sheet named `title`)."""
    if kind == "csv":
        return private_download(
            as_csv(header, rows), filename=f"{name}.csv", content_type="text/csv; charset=utf-8"
        )
    return private_download(
        as_xlsx(header, rows, title=title), filename=f"{name}.xlsx", content_type=XLSX
    )
