"""Loads the demo training programme: audiences, courses and their charges, six months of
sessions ahead and a year behind (and a few in the last complete reporting year, for the
demo's yearly report), and the fictional practitioners who book them.

Whatever has rules goes through hub.training.services at the moment it would have happened
(`now=`): a session's last place and everyone after it (booking, waiting list, offers),
cancellations, transfers, cancelled sessions, registers and the charges raised when they
close. So the demo holds what real use leaves behind: offers with their deadlines, late
cancellation charges, audit log entries. What has no rules is written as rows with its
dates: places taken while places were free and no one waited (as an import from an old
booking system would be), evaluations and impact answers. All through the services, the
demo took twenty seconds to load instead of two, and it loads at the start of every test run.

A course that already exists is left exactly as it is, with its sessions, so loading twice
changes nothing. No email is sent: the services' tasks go to a backend that only records
them, and every email the demo's story would already have sent is recorded as sent, so
neither a queued task nor the first `run_training_jobs` emails a year of demo attendees.
"""

import datetime
import zlib
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from hub.core.models import Agency, AgencyType, Partnership
from hub.core.working_days import is_working_day
from hub.demo.content.training import (
    AGENCY_DOMAINS,
    AUDIENCE_AGENCY_TYPES,
    AUDIENCES,
    COULD_IMPROVE,
    COURSES,
    IMPACT_EXAMPLES,
    JOINING,
    MOST_USEFUL,
    PAT,
    PRACTITIONERS,
    VENUES,
)
from hub.demo.loader import QUIET
from hub.demo.people import confirmed_by_domain
from hub.demo.years import in_last_year
from hub.training import services
from hub.training.models import (
    Attendance,
    Audience,
    Booking,
    BookingStatus,
    Certificate,
    Course,
    Evaluation,
    Format,
    ImpactResponse,
    Session,
    Tariff,
    TrainingEmail,
    WaitingListEntry,
    policy_for,
)

# These organisations pay the place fee on courses that charge one; all pay the late and
# no-show fees where a course has them.
PLACE_FEE_TYPES = {AgencyType.VOLUNTARY, AgencyType.FAITH, AgencyType.SPORT, AgencyType.OTHER}
# Who takes each partnership's past registers in the demo's history.
REGISTER_TAKERS = {
    "westshire": "training@westshire.example",
    "northmoor": "admin@northmoor.example",
}
# Westbury Cross Academy Trust's places are booked by its training coordinator.
AGENCY_BOOKER = "training@westbury-academy.example"
# A session of each of these courses (none charges a fee) in the last complete reporting
# year, for the demo's yearly report: how far through the year, and how many were booked.
LAST_YEAR = {
    "safeguarding-in-community-groups": (0.12, 17),
    "understanding-child-exploitation": (0.35, 26),
    "trauma-informed-practice": (0.6, 20),
    "leading-safeguarding-supervision": (0.85, 11),
}


def load_training(now=None):
    """Create the demo training programme's courses that are not there yet, with their
    sessions and bookings; return how many courses were created."""
    now = now or timezone.now()
    with override_settings(TASKS=QUIET), transaction.atomic():
        partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in=_slugs())}
        audiences = _load_audiences()
        pools = _load_practitioners(partnerships)
        people = {user.email: user for user in get_user_model().objects.filter(is_active=True)}
        created = 0
        for spec in COURSES:
            partnership = partnerships[spec["partnership"]]
            if Course.objects.filter(partnership=partnership, slug=spec["slug"]).exists():
                continue
            course = _create_course(spec, partnership, audiences)
            loader = _CourseLoader(course, spec, pools[partnership.slug], people, now)
            loader.load()
            created += 1
    return created


def _slugs():
    return {spec["partnership"] for spec in COURSES} | {person[2] for person in PRACTITIONERS}


def _load_audiences():
    audiences = {}
    for name, slug in AUDIENCES:
        audiences[slug], _ = Audience.objects.get_or_create(slug=slug, defaults={"name": name})
    return audiences


def _load_practitioners(partnerships):
    """The fictional practitioners, by partnership, in a fixed order. They have no password,
    so no one can sign in as them."""
    User = get_user_model()
    agencies = {agency.name: agency for agency in Agency.objects.filter(name__in=AGENCY_DOMAINS)}
    pools = {slug: [] for slug in partnerships}
    for first, last, slug, agency_name, job in PRACTITIONERS:
        email = f"{first}.{last}@{AGENCY_DOMAINS[agency_name]}".lower()
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=None,
                first_name=first,
                last_name=last,
                partnership=partnerships[slug],
                agency=agencies[agency_name],
                job_role=f"{job} (demo)",
                **confirmed_by_domain(),
            )
        pools[slug].append(user)
    return pools


def _create_course(spec, partnership, audiences):
    course = Course.objects.create(
        partnership=partnership,
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        level=spec["level"],
        format=spec["format"],
        outcomes="\n".join(spec["outcomes"]),
        prerequisites=spec["prerequisites"],
        who_for=spec["who_for"],
        hours=Decimal(spec["hours"]),
        refresher_months=spec["refresher_months"],
    )
    course.audiences.set([audiences[slug] for slug in spec["audiences"]])
    if spec.get("fees"):
        place, late, no_show = spec["fees"]
        Tariff.objects.bulk_create(
            Tariff(
                course=course,
                agency_type=agency_type,
                place_pence=place if agency_type in PLACE_FEE_TYPES else 0,
                late_cancellation_pence=late,
                no_show_pence=no_show,
            )
            for agency_type in AgencyType
        )
    return course


class _CourseLoader:
    """One course's sessions, each taken through its life: booked, waited for, cancelled,
    registered and followed up."""

    def __init__(self, course, spec, pool, people, now):
        self.course = course
        self.spec = spec
        self.people = people
        self.now = now
        self.policy = policy_for(course.partnership)
        # A fixed starting point per course, so each course draws a different crowd.
        self.shift = zlib.crc32(spec["slug"].encode())
        self.pool = self._audience_pool(pool)
        self.pat = people.get(PAT)
        self.booker = people.get(AGENCY_BOOKER)
        self.register_taker = people[REGISTER_TAKERS[course.partnership.slug]]
        self.trainers = [people[email] for email in spec["trainers"] if email in people]

    def _audience_pool(self, pool):
        types = set()
        for slug in self.spec["audiences"]:
            if slug not in AUDIENCE_AGENCY_TYPES:
                return list(pool)
            types |= AUDIENCE_AGENCY_TYPES[slug]
        matching = [person for person in pool if person.agency.agency_type in types]
        biggest = max(booked + waiting for _, booked, waiting, _ in self.spec["sessions"])
        # A small audience tops up from everyone, as a real programme would fill places.
        others = [person for person in pool if person not in matching]
        return matching + others[: max(0, biggest - len(matching))]

    def load(self):
        sessions = []
        for number, (days, booked, waiting, flags) in enumerate(self.spec["sessions"]):
            flags = set(flags.split())
            session = self._create_session(days, flags, number)
            people = self._people(number, booked + waiting, flags)
            if days > 0:
                self._upcoming(session, people, booked, flags)
            else:
                self._past(session, people, flags)
            sessions.append(session)
        if self.spec["slug"] in LAST_YEAR:
            sessions.append(self._last_year(len(sessions)))
        self._record_emails_sent(sessions)

    # --- Dates and the session row ----------------------------------------------------

    def _start_and_length(self):
        if self.course.format == Format.E_LEARNING:
            return datetime.time(9, 0), datetime.timedelta(hours=8)
        start = datetime.time.fromisoformat(self.spec.get("start", "09:30"))
        hours = float(self.course.hours)
        # A day of five hours or more has half an hour for lunch.
        return start, datetime.timedelta(hours=hours + (0.5 if hours >= 5 else 0))

    def _day(self, days, flags):
        today = timezone.localdate(self.now)
        start, length = self._start_and_length()
        if "register-open" in flags:
            # The latest day whose session has ended while its register is still open: a
            # working day if one fits (after a long weekend none may, so then any day).
            open_for = datetime.timedelta(hours=self.policy.register_open_hours)
            fitting = []
            for back in range(4):
                day = today - _days(back)
                ends = self._aware(day, start) + length
                if ends <= self.now < ends + open_for:
                    fitting.append(day)
            working = [day for day in fitting if is_working_day(day)]
            return (working or fitting or [today - _days(1)])[0]
        day = today + datetime.timedelta(days=days)
        step = datetime.timedelta(days=1 if days > 0 else -1)
        while not is_working_day(day):
            day += step
        return day

    @staticmethod
    def _aware(day, time):
        return timezone.make_aware(datetime.datetime.combine(day, time))

    def _create_session(self, days, flags, number):
        start, length = self._start_and_length()
        starts_at = self._aware(self._day(days, flags), start)
        course_format = self.course.format
        link = ""
        if course_format == Format.LIVE_ONLINE:
            link = f"https://meet.{self._domain()}/training/{self.course.slug}-{number + 1}"
        elif course_format == Format.E_LEARNING:
            link = f"https://learn.{self._domain()}/modules/{self.course.slug}"
        arrive = (datetime.datetime.combine(starts_at.date(), start) - _minutes(15)).time()
        session = Session.objects.create(
            course=self.course,
            starts_at=starts_at,
            ends_at=starts_at + length,
            capacity=self.spec["capacity"],
            venue=VENUES[self.spec["venue"]] if self.spec.get("venue") else "",
            joining_link=link,
            joining_instructions=JOINING[course_format].format(
                arrive=_clock(arrive), start=_clock(start), hours=self.course.hours.normalize()
            ),
        )
        session.trainers.set(self.trainers)
        return session

    def _domain(self):
        return f"{self.course.partnership.slug}.example"

    # --- Who books ---------------------------------------------------------------------

    def _people(self, number, count, flags):
        """`count` different practitioners, a different slice of the pool for each session,
        with Pat put where the session's flags say."""
        offset = (number * 7 + self.shift) % len(self.pool)
        rotated = self.pool[offset:] + self.pool[:offset]
        people = rotated[:count]
        if self.pat is None or not flags & PAT_FLAGS:
            return people
        booked = count - self._waiting_count(number)
        if "pat-offer" in flags:
            at = booked  # first on the waiting list
        elif "pat-waiting" in flags:
            at = booked + 2  # third on the waiting list
        else:
            at = 0  # booked
        people = people[:-1] if len(people) >= count and count else people
        return people[:at] + [self.pat] + people[at:]

    def _waiting_count(self, number):
        return self.spec["sessions"][number][2]

    def _by(self, person):
        # Pat books for themself; the rest of Pat's school is booked by its coordinator.
        if self.booker and person != self.pat and person.agency_id == self.booker.agency_id:
            return self.booker
        return person

    def _seed(self, session, people, times):
        """Places taken while places were free and no one waited, written as rows (as an
        import from an old booking system would be): the services would make the same rows,
        ten times more slowly, and the demo loads at the start of every test run."""
        return Booking.objects.bulk_create(
            Booking(
                session=session,
                person=person,
                agency=person.agency,
                booked_by=self._by(person),
                created_at=times[person],
            )
            for person in people
        )

    @staticmethod
    def _times(people, first, span):
        gap = span / max(len(people), 1)
        return {person: first + gap * index for index, person in enumerate(people)}

    # --- A session to come -------------------------------------------------------------

    def _upcoming(self, session, people, booked, flags):
        """The early places are seeded; from the last place on, everyone goes through the
        booking service, which books, queues and offers exactly as it would for a person."""
        times = self._times(people, self.now - datetime.timedelta(days=21), _days(20))
        plain = [person for person in people[:booked] if person != self.pat]
        if len(people) > booked:
            plain = plain[:-1]
        bookings = self._seed(session, plain, times)
        for person in people:
            if person not in plain:
                services.place_request(
                    by=self._by(person), session=session, person=person, now=times[person]
                )
        if "offer" in flags:
            # Someone booked cancelled this morning: the first person waiting holds the place.
            leaving = bookings[0]
            services.booking_cancel(
                by=leaving.person, booking=leaving, now=self.now - datetime.timedelta(hours=3)
            )
        if "transfer" in flags:
            self._transfer(session)
        if "cancelled" in flags:
            services.session_cancel(
                by=self.register_taker, session=session, now=self.now - datetime.timedelta(hours=1)
            )

    def _transfer(self, session):
        """The agency's coordinator passes one of its places to a colleague."""
        agency = self.booker.agency_id
        booked = Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED)
        mine = booked.filter(agency_id=agency).exclude(person=self.pat).first()
        taken = set(booked.values_list("person_id", flat=True))
        colleague = next(
            (
                person
                for person in self.people.values()
                if person.agency_id == agency
                and person.pk not in taken
                and person.job_role.endswith("(demo)")
            ),
            None,
        )
        if mine and colleague:
            services.booking_transfer(
                by=self.booker, booking=mine, to_person=colleague, now=self.now - _days(1)
            )

    # --- A session that has happened ---------------------------------------------------

    def _past(self, session, people, flags):
        times = self._times(people, session.starts_at - _days(30), _days(25))
        bookings = self._seed(session, people, times)
        if "late-cancel" in flags:
            leaving = next(b for b in bookings if b.person != self.pat)
            services.booking_cancel(
                by=leaving.person, booking=leaving, now=session.starts_at - _days(2)
            )
            bookings.remove(leaving)
        if "register-open" in flags:
            return  # the trainer has still to take this register
        services.attendance_mark(
            by=self.register_taker,
            session=session,
            marks={booking.pk: self._mark(booking, n) for n, booking in enumerate(bookings)},
            now=session.starts_at + _minutes(20),
        )
        services.register_close(session, now=session.register_closes_at(self.policy) + _minutes(5))
        attended = (
            Booking.objects.filter(pk__in=[b.pk for b in bookings])
            .select_related("session")
            .order_by("pk")
        )
        self._follow_up([b for b in attended if b.completed], flags)

    def _last_year(self, number):
        """A session in the last complete reporting year (hub/demo/years.py), its register
        taken and closed, with evaluations and impact answers. Written as rows: through the
        services each step would leave an audit entry dated that year, among the entries an
        admin looks for there. Pat is left out, so Pat's own history is as it was."""
        fraction, booked = LAST_YEAR[self.spec["slug"]]
        today = timezone.localdate(self.now)
        session = self._create_session((in_last_year(fraction, today) - today).days, set(), number)
        people = [person for person in self._people(number, booked, set()) if person != self.pat]
        bookings = self._seed(
            session, people, self._times(people, session.starts_at - _days(30), _days(25))
        )
        for index, booking in enumerate(bookings):
            booking.attendance = self._mark(booking, index)
            booking.attendance_marked_at = session.starts_at + _minutes(20)
        Booking.objects.bulk_update(bookings, ["attendance", "attendance_marked_at"])
        session.register_closed_at = session.register_closes_at(self.policy)
        session.save(update_fields=["register_closed_at"])
        self._follow_up([booking for booking in bookings if booking.completed], set())
        return session

    def _mark(self, booking, index):
        if booking.person == self.pat:
            return Attendance.ATTENDED
        if index % 10 == 3:
            return Attendance.ABSENT
        if index % 10 == 7:
            return Attendance.LATE
        if index % 12 == 5:
            return Attendance.LEFT_EARLY
        return Attendance.ATTENDED

    def _follow_up(self, bookings, flags):
        """Attendees' evaluations and, some weeks on, the impact question and its answers."""
        evaluations, answers, certificates = [], [], []
        for index, booking in enumerate(bookings):
            session = booking.session
            if booking.person_id == getattr(self.pat, "pk", None):
                evaluates = bool(flags & {"pat-certificate", "pat-completed"})
                answers_impact = "pat-completed" in flags
                if evaluates and booking.completed:
                    # Pat has downloaded it: the demo's certificate to check.
                    issued_at = session.ends_at + _days(2)
                    certificates.append(Certificate(booking=booking, issued_at=issued_at))
            else:
                evaluates = index % 5 != 4
                answers_impact = evaluates and index % 3 != 1
            if evaluates:
                evaluations.append(_evaluation(booking, index))
            answered = self._impact_asked(session) + _days(1 + index % 6)
            if answers_impact and answered <= self.now:
                changed = index % 7 != 6
                answers.append(
                    ImpactResponse(
                        booking=booking,
                        practice_changed=changed,
                        example=IMPACT_EXAMPLES[index % len(IMPACT_EXAMPLES)] if changed else "",
                        submitted_at=answered,
                    )
                )
        Evaluation.objects.bulk_create(evaluations)
        ImpactResponse.objects.bulk_create(answers)
        Certificate.objects.bulk_create(certificates)

    def _impact_asked(self, session):
        return session.ends_at + datetime.timedelta(weeks=self.policy.impact_follow_up_weeks)

    def _record_emails_sent(self, sessions):
        """Every email the demo's story would have sent so far is recorded as sent, so that
        none goes out for it later: not when the worker runs a task the services queued,
        nor when `run_training_jobs` looks for impact questions to ask. What happens after
        loading (an offer made, a register taken) is emailed as usual."""
        sent = []

        def claim(kind, item, at):
            sent.append(
                TrainingEmail(kind=kind, key=f"{type(item).__name__}:{item.pk}", sent_at=at)
            )

        bookings = Booking.objects.filter(session__in=sessions).select_related("session")
        for booking in bookings:
            session = booking.session
            claim("booked", booking, booking.created_at)
            if booking.status == BookingStatus.TRANSFERRED:
                claim("transferred", booking, booking.cancelled_at)
            elif booking.status == BookingStatus.CANCELLED:
                kind = "session_cancelled" if session.is_cancelled else "cancelled"
                claim(kind, booking, booking.cancelled_at)
            if booking.completed:
                claim("evaluation", booking, booking.attendance_marked_at)
                if self._impact_asked(session) <= self.now:
                    claim("impact", booking, self._impact_asked(session))
        for entry in WaitingListEntry.objects.filter(session__in=sessions):
            claim("waiting", entry, entry.joined_at)
            if entry.offered_at is not None:
                claim("offer", entry, entry.offered_at)
        TrainingEmail.objects.bulk_create(sent, ignore_conflicts=True)


def _evaluation(booking, index):
    before = 2 + index % 2
    return Evaluation(
        booking=booking,
        overall=5 - (index % 4 == 2),
        trainer=5 - (index % 3 == 1),
        relevance=4 + index % 2,
        confidence_before=before,
        confidence_after=min(5, before + 2 - (index % 5 == 1)),
        most_useful=MOST_USEFUL[index % len(MOST_USEFUL)],
        could_improve=COULD_IMPROVE[index % len(COULD_IMPROVE)],
        submitted_at=booking.session.ends_at + _minutes(60 + 37 * index),
    )


PAT_FLAGS = {
    "pat-booked",
    "pat-offer",
    "pat-waiting",
    "pat-attended",
    "pat-certificate",
    "pat-completed",
}


def _minutes(count):
    return datetime.timedelta(minutes=count)


def _days(count):
    return datetime.timedelta(days=count)


def _clock(time):
    hour = time.hour % 12 or 12
    return f"{hour}:{time:%M}{'am' if time.hour < 12 else 'pm'}"
