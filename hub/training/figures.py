"""The training programme's figures for reports (hub/core/domains.py Figure): sessions, places
offered and taken, fill rate, attendance and no-shows by agency type, confidence before and
after, impact.

Every figure counts the sessions of the partnership's programme that started between `start`
and `end` (both included) and had started by the time it is worked out, leaving cancelled
sessions out: a report for the year in progress never counts a session still to come. They
are counted as the training team's own report counts them (hub/training/reports.py,
`programme_report`), so the yearly report and the staff report never disagree.
"""

from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone

from hub.core.domains import Figure
from hub.core.models import AgencyType
from hub.training.models import Attendance, Booking, BookingStatus, ImpactResponse
from hub.training.reports import Tally, period_bounds, programme_report, report_sessions

NO_ORGANISATION = "No confirmed organisation"
ATTENDANCE_COLUMNS = ("Attended", "Did not attend")


def _bounds(start, end):
    """[start, end) as aware datetimes, ending now at the latest."""
    first, after = period_bounds(start, end)
    return first, min(after, timezone.now())


def _totals(partnership, start, end):
    """The period's "All courses" tally (hub/training/reports.py Tally)."""
    first, after = _bounds(start, end)
    if first >= after:
        return Tally("All courses")
    return programme_report(partnership, first, after)["course_total"]


def _percent(rate):
    return None if rate.value is None else round(100 * rate.value, 1)


def sessions_held(partnership, start, end):
    return _totals(partnership, start, end).session_count


def places_offered(partnership, start, end):
    return _totals(partnership, start, end).places_offered


def places_taken(partnership, start, end):
    return _totals(partnership, start, end).places_filled


def fill_rate(partnership, start, end):
    return _percent(_totals(partnership, start, end).fill_rate)


def no_show_rate(partnership, start, end):
    return _percent(_totals(partnership, start, end).no_show_rate)


def attendance_rate(partnership, start, end):
    """Places whose attendance was recorded where the person came (on time, late or leaving
    early): 100 less the no-show rate."""
    rate = _totals(partnership, start, end).no_show_rate
    return None if rate.value is None else round(100 - 100 * rate.value, 1)


def confidence_before(partnership, start, end):
    average = _totals(partnership, start, end).confidence_before
    return None if average is None else float(average)


def confidence_after(partnership, start, end):
    average = _totals(partnership, start, end).confidence_after
    return None if average is None else float(average)


def _held_bookings(partnership, start, end):
    """Places booked and kept on the period's sessions held."""
    first, after = _bounds(start, end)
    return Booking.objects.filter(
        session__in=report_sessions(partnership, first, after).values("pk"),
        status=BookingStatus.CONFIRMED,
    )


def attendance_by_agency_type(partnership, start, end):
    """[(type of organisation, [attended, did not attend])] for the places whose attendance
    was recorded, in the order of the types; types with none are left out."""
    rows = (
        _held_bookings(partnership, start, end)
        .exclude(attendance="")
        .values("agency__agency_type")
        .annotate(
            absent=Count("pk", filter=Q(attendance=Attendance.ABSENT)),
            marked=Count("pk"),
        )
        .order_by()
    )
    counts = {row["agency__agency_type"]: row for row in rows}
    labels = [(value, label) for value, label in AgencyType.choices] + [(None, NO_ORGANISATION)]
    return [
        (label, [counts[value]["marked"] - counts[value]["absent"], counts[value]["absent"]])
        for value, label in labels
        if value in counts
    ]


def attendance_recorded(partnership, start, end):
    """Places whose attendance was recorded: the total of `attendance_by_agency_type`."""
    return _held_bookings(partnership, start, end).exclude(attendance="").count()


def _impact_answers(partnership, start, end):
    return ImpactResponse.objects.filter(booking__in=_held_bookings(partnership, start, end))


def practice_changed(partnership, start, end):
    """The share of impact answers (the question asked some weeks after a course) saying
    the training changed the person's practice; None when no one has answered."""
    counts = _impact_answers(partnership, start, end).aggregate(
        answers=Count("pk"), changed=Count("pk", filter=Q(practice_changed=True))
    )
    if not counts["answers"]:
        return None
    return round(100 * counts["changed"] / counts["answers"], 1)


def impact_answers(partnership, start, end):
    """[("Practice changed", n), ("Not yet", n)]: the impact answers, each way."""
    answers = defaultdict(int)
    for changed in _impact_answers(partnership, start, end).values_list(
        "practice_changed", flat=True
    ):
        answers[changed] += 1
    return [("Practice changed", answers[True]), ("Not changed yet", answers[False])]


FIGURES = (
    Figure(
        "Training sessions held",
        "sessions",
        sessions_held,
        key="sessions-held",
        description="Sessions of the programme that took place (cancelled ones left out).",
    ),
    Figure(
        "Training places offered",
        "places",
        places_offered,
        key="places-offered",
        description="Places on the sessions held: their capacity added up.",
    ),
    Figure(
        "Training places taken",
        "places",
        places_taken,
        counts_people=True,
        key="places-taken",
        description="Places booked and kept on the sessions held.",
    ),
    Figure(
        "Training fill rate",
        "%",
        fill_rate,
        key="fill-rate",
        description="Places taken as a share of places offered on the sessions held.",
    ),
    Figure(
        "Training attendance rate",
        "%",
        attendance_rate,
        key="attendance-rate",
        description="Of the places whose attendance was recorded, the share where the person "
        "came (on time, late or leaving early).",
    ),
    Figure(
        "Training no-show rate",
        "%",
        no_show_rate,
        key="no-show-rate",
        description="Of the places whose attendance was recorded, the share marked absent.",
    ),
    Figure(
        "Training attendance by type of organisation",
        "places",
        attendance_recorded,
        counts_people=True,
        breakdown=attendance_by_agency_type,
        columns=ATTENDANCE_COLUMNS,
        key="attendance-by-agency-type",
        description="Places whose attendance was recorded, split into those who attended and "
        "those who did not, for each type of organisation.",
    ),
    Figure(
        "Confidence before training (average)",
        "out of 5",
        confidence_before,
        key="confidence-before",
        description="How confident people said they were before the course, from 1 to 5, "
        "in their evaluations.",
    ),
    Figure(
        "Confidence after training (average)",
        "out of 5",
        confidence_after,
        key="confidence-after",
        description="How confident people said they were after the course, from 1 to 5, "
        "in their evaluations.",
    ),
    Figure(
        "Training that changed practice",
        "%",
        practice_changed,
        counts_people=True,
        breakdown=impact_answers,
        key="practice-changed",
        description="Of the people who answered the impact question some weeks after a "
        "course, the share saying it changed their practice.",
    ),
)
