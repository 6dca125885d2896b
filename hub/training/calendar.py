"""Sessions as iCalendar: the public feed a calendar client subscribes to, and the invitation
attached to a booking confirmation (the only place the joining link appears)."""

from django.utils import timezone
from icalendar import Calendar, Event, vText

from hub.training.models import Format

PRODUCT_ID = "-//Safeguarding Partnership Hub//Training programme//EN"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(session, *, base_url, booked=False, uid_suffix="", now=None):
    course = session.course
    event = Event()
    event.add("uid", f"training-session-{session.pk}{uid_suffix}@{course.partnership.slug}.hub")
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", course.title)
    description = [course.summary, "", f"{course.get_level_display()}."]
    if booked and session.joining_instructions:
        description += ["", session.joining_instructions]
    if booked and session.joining_link:
        description += ["", f"Join: {session.joining_link}"]
    description += ["", f"Details: {base_url}{session.get_absolute_url()}"]
    event.add("description", "\n".join(description))
    if course.format == Format.LIVE_ONLINE:
        event["location"] = vText(
            session.joining_link if booked and session.joining_link else "Online"
        )
    elif session.venue:
        event["location"] = vText(session.venue)
    event.add("url", f"{base_url}{session.get_absolute_url()}")
    if session.is_cancelled:
        event.add("status", "CANCELLED")
    return event


def programme_feed(sessions, *, name, base_url, now=None):
    """Every upcoming session, with no joining details (the feed is public)."""
    calendar = _calendar(name)
    for session in sessions:
        calendar.add_component(_event(session, base_url=base_url, now=now))
    return calendar.to_ical()


def booking_invitation(booking, *, base_url, now=None):
    """One event for a booked person, with joining details."""
    calendar = _calendar(booking.session.course.title)
    calendar.add("method", "PUBLISH")
    calendar.add_component(
        _event(booking.session, base_url=base_url, booked=True, uid_suffix="-booked", now=now)
    )
    return calendar.to_ical()
