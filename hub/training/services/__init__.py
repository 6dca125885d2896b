"""Every change to a place on the training programme.

Each write is one transaction that first locks the session's row, then settles the session
(expires overdue offers and offers any free place to the next person waiting), then checks
and acts. Places are counted from rows under that lock (hub.training.availability), never
kept as a counter, so two people racing for the last place get one booking and one
waiting-list entry. One write holds the lock in share mode instead: joining the waiting list
of a full session that has nothing to settle, which moves no one's place, so a burst of
people asking for a full session join together rather than one commit at a time (see
place_request); while any of them holds it, nothing that moves a place can start. SQLite
ignores row locks but runs one write transaction at a time (IMMEDIATE mode in settings),
which gives the same guarantee on one machine; the races are tested on PostgreSQL.

Permission failures raise PermissionDenied (views answer 404); rule failures raise
ValidationError with the message the person sees. Emails go out after commit, once each.

The functions live in modules by subject: access (who may book for whom), booking,
waiting_list, registers, sessions, team (the training team's moves and messages), charges,
certificates (available, issued, withdrawn) and follow_up (evaluations, impact, reminders,
lost emails); common holds their shared lock,
log and email helpers. All are imported here, so callers write `services.booking_cancel(...)`.
"""

from hub.training.services.access import (
    bookable_people,
    may_act_on,
    may_book_for,
    may_book_on,
    team_bookable_people,
)
from hub.training.services.booking import booking_cancel, booking_transfer, place_request
from hub.training.services.certificates import (
    certificate_available,
    certificate_issue,
    certificate_withdraw,
    may_download_certificate,
)
from hub.training.services.charges import (
    charge_due,
    charge_waive,
    charges_set,
    is_late_cancellation,
    late_cancellation_charge,
    tariff_for,
)
from hub.training.services.common import policies
from hub.training.services.follow_up import (
    LOST_EMAIL_AFTER,
    evaluation_submit,
    impact_follow_ups_send,
    impact_submit,
    lost_emails_send,
    reminders_send,
)
from hub.training.services.registers import (
    attendance_mark,
    may_take_register,
    register_close,
    register_close_now,
    register_is_open,
    registers_close_due,
)
from hub.training.services.sessions import session_cancel
from hub.training.services.team import booking_move, move_choices, session_message_send
from hub.training.services.waiting_list import (
    offer_accept,
    offers_expire,
    waiting_list_leave,
    waiting_list_offer,
    waiting_position,
    with_waiting_positions,
)

__all__ = [
    "LOST_EMAIL_AFTER",
    "attendance_mark",
    "bookable_people",
    "booking_cancel",
    "booking_move",
    "booking_transfer",
    "certificate_available",
    "certificate_issue",
    "certificate_withdraw",
    "charge_due",
    "charge_waive",
    "charges_set",
    "evaluation_submit",
    "impact_follow_ups_send",
    "impact_submit",
    "is_late_cancellation",
    "late_cancellation_charge",
    "lost_emails_send",
    "may_act_on",
    "may_book_for",
    "may_book_on",
    "may_download_certificate",
    "may_take_register",
    "move_choices",
    "offer_accept",
    "offers_expire",
    "place_request",
    "policies",
    "register_close",
    "register_is_open",
    "register_close_now",
    "registers_close_due",
    "reminders_send",
    "session_cancel",
    "session_message_send",
    "tariff_for",
    "team_bookable_people",
    "waiting_list_leave",
    "waiting_list_offer",
    "waiting_position",
    "with_waiting_positions",
]
