"""Everyone on one session, as the training team's bookings screen and its exports show
them: booked (with attendance and any certificate issued), offered a place (with the
offer's expiry), waiting (in order), and those who cancelled or moved their place to a
colleague."""

from django.utils import timezone

from hub.training.models import Booking, BookingStatus, WaitingListEntry, WaitStatus


def people_on(session):
    bookings = list(
        Booking.objects.filter(session=session)
        .select_related(
            "person",
            "agency",
            "certificate",
            "transferred_to__person",
            "transferred_to__session",
        )
        .order_by("created_at", "pk")
    )
    entries = list(
        WaitingListEntry.objects.filter(
            session=session, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
        )
        .select_related("person", "agency")
        .order_by("joined_at", "pk")
    )
    return {
        "booked": [b for b in bookings if b.status == BookingStatus.CONFIRMED],
        "offered": [e for e in entries if e.status == WaitStatus.OFFERED],
        "waiting": [e for e in entries if e.status == WaitStatus.WAITING],
        "left": [b for b in bookings if b.status != BookingStatus.CONFIRMED],
    }


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


HEADER = ["Status", "Name", "Email", "Organisation", "Since", "Offer ends", "Attendance"]


def table(people):
    """HEADER and one row per person, for CSV and spreadsheet exports."""
    rows = []
    for booking in people["booked"]:
        rows.append(
            [
                "Booked",
                booking.person.display_name,
                booking.person.email,
                booking.agency.name if booking.agency else "",
                _local(booking.created_at),
                None,
                booking.get_attendance_display() if booking.attendance else "",
            ]
        )
    for entry in people["offered"]:
        rows.append(
            [
                "Offered a place",
                entry.person.display_name,
                entry.person.email,
                entry.agency.name if entry.agency else "",
                _local(entry.offered_at),
                _local(entry.offer_expires_at),
                "",
            ]
        )
    for position, entry in enumerate(people["waiting"], start=1):
        rows.append(
            [
                f"Waiting ({position})",
                entry.person.display_name,
                entry.person.email,
                entry.agency.name if entry.agency else "",
                _local(entry.joined_at),
                None,
                "",
            ]
        )
    for booking in people["left"]:
        rows.append(
            [
                booking.get_status_display(),
                booking.person.display_name,
                booking.person.email,
                booking.agency.name if booking.agency else "",
                _local(booking.cancelled_at or booking.created_at),
                None,
                "",
            ]
        )
    return HEADER, rows
