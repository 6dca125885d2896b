"""Shaping training data for the public templates: dates and times, money, places left,
charges and the refresher table, worded as GOV.UK writes them."""

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from hub.core.presenters import govuk_date
from hub.training.availability import places_shown
from hub.training.models import Format, Level

# A refresher falling due within this many months is flagged before it becomes overdue.
REFRESHER_WARNING_MONTHS = 3


def pounds(pence):
    """Money as GOV.UK writes it: £40, £12.50, £1,200."""
    whole, pennies = divmod(pence, 100)
    return f"£{whole:,}" if pennies == 0 else f"£{whole:,}.{pennies:02d}"


def clock(local):
    """'9:30am', 'midday': a time already in local time, as GOV.UK writes it."""
    if local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "midday"
    hour = local.hour % 12 or 12
    return f"{hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


def when(session):
    """'Tuesday 3 March 2026, 9:30am to 12:30pm'. Lists call this for every row, so each
    time is put in local time once."""
    zone = timezone.get_current_timezone()
    starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    return f"{starts:%A} {govuk_date(starts.date())}, {clock(starts)} to {clock(ends)}"


def where(session):
    if session.course.format != Format.FACE_TO_FACE:
        return "Online"
    return session.venue or "Venue to be confirmed"


def hours(course):
    value = course.hours.normalize()
    text = f"{value:f}"
    return f"{text} hour" if value == 1 else f"{text} hours"


def availability(places_left):
    if places_left <= 0:
        return "Full – join the waiting list"
    return f"{places_left} place{'' if places_left == 1 else 's'} left"


def session_row(session):
    places_left = places_shown(session)
    return {
        "session": session,
        "when": when(session),
        "where": where(session),
        "places_left": places_left,
        "full": places_left == 0,
        "availability": availability(places_left),
    }


def tariff_rows(course):
    """Charges by type of organisation; types the course charges nothing are left out."""
    return [
        {
            "agency_type": tariff.get_agency_type_display(),
            "place": pounds(tariff.place_pence) if tariff.place_pence else "Free",
            "late_cancellation": pounds(tariff.late_cancellation_pence)
            if tariff.late_cancellation_pence
            else "No charge",
            "no_show": pounds(tariff.no_show_pence) if tariff.no_show_pence else "No charge",
        }
        for tariff in course.tariffs.all()
        if tariff.place_pence or tariff.late_cancellation_pence or tariff.no_show_pence
    ]


def session_summary(session):
    return {"session": session, "when": when(session), "where": where(session)}


def refreshers(bookings, today):
    """For each level the person has completed: the latest completion, when a refresher is
    due (the session's date plus the course's refresher period) and whether it is in date."""
    latest = {}
    for booking in bookings:
        if not booking.completed:
            continue
        level = booking.session.course.level
        if level not in latest or booking.session.starts_at > latest[level].session.starts_at:
            latest[level] = booking
    rows = []
    for level in sorted(latest):
        booking = latest[level]
        completed_on = timezone.localtime(booking.session.starts_at).date()
        due = completed_on + relativedelta(months=booking.session.course.refresher_months)
        if due < today:
            status, colour = "Overdue", "govuk-tag--red"
        elif due <= today + relativedelta(months=REFRESHER_WARNING_MONTHS):
            status, colour = "Due within 3 months", "govuk-tag--yellow"
        else:
            status, colour = "In date", "govuk-tag--green"
        rows.append(
            {
                "level": Level(level).label,
                "course": booking.session.course,
                "completed_on": completed_on,
                "due": due,
                "status": status,
                "colour": colour,
            }
        )
    return rows
