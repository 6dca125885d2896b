"""The inter-agency training programme: courses, their sessions, and what happens to a place.

A place is never a counter. Places left = capacity − confirmed bookings − offers still open,
computed under a lock on the session row whenever it matters (see availability.py). Every
booking, offer, charge and attendance mark is its own row, so history is never overwritten.
"""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.search import index

from hub.core.models import AgencyType


class Level(models.IntegerChoices):
    ONE = 1, "Level 1: awareness for everyone"
    TWO = 2, "Level 2: working with children and families"
    THREE = 3, "Level 3: multi-agency practice"
    FOUR = 4, "Level 4: specialist and leadership"


class Format(models.TextChoices):
    FACE_TO_FACE = "face_to_face", "Face to face"
    LIVE_ONLINE = "live_online", "Live online"
    E_LEARNING = "e_learning", "E-learning"


class TrainingPolicy(models.Model):
    """A partnership's booking rules. Missing rows mean the defaults below."""

    partnership = models.OneToOneField(
        "core.Partnership", on_delete=models.CASCADE, related_name="training_policy"
    )
    offer_hold_hours = models.PositiveSmallIntegerField(
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
        help_text="How long a freed place is held for the first person waiting.",
    )
    free_cancellation_working_days = models.PositiveSmallIntegerField(
        default=5,
        validators=[MaxValueValidator(60)],
        help_text="Cancelling later than this many working days before the session is charged. "
        "Weekends and bank holidays in England and Wales are not working days.",
    )
    certificate_needs_evaluation = models.BooleanField(
        default=True, help_text="The certificate is available once the evaluation is in."
    )
    register_open_hours = models.PositiveSmallIntegerField(
        default=72,
        validators=[MinValueValidator(1), MaxValueValidator(720)],
        help_text="How long after a session ends its register can still be changed.",
    )
    reminder_days = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="Days before a session that booked people are reminded.",
    )
    impact_follow_up_weeks = models.PositiveSmallIntegerField(
        default=8, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )

    class Meta:
        verbose_name = "booking rules"
        verbose_name_plural = "booking rules"

    def __str__(self):
        return f"Booking rules of {self.partnership}"

    def in_force(self):
        """The rules as sentences, as the admin lists them."""
        return [
            f"A freed place is held for {self.offer_hold_hours} hours for the first person "
            "waiting.",
            f"Cancelling later than {self.free_cancellation_working_days} working days before "
            "a session is charged.",
            f"Registers can be changed for {self.register_open_hours} hours after a session ends.",
            f"People booked are reminded {self.reminder_days} days before.",
            f"The impact question goes {self.impact_follow_up_weeks} weeks after a session.",
            "The certificate needs the evaluation first."
            if self.certificate_needs_evaluation
            else "The certificate does not wait for the evaluation.",
        ]


def policy_for(partnership):
    """The partnership's rules, or the defaults when it has not set any."""
    return TrainingPolicy.objects.filter(partnership=partnership).first() or TrainingPolicy(
        partnership=partnership
    )


class Audience(models.Model):
    """Who a course is for, as people would look for it: 'Schools and colleges', 'Health'."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CourseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Course(index.Indexed, models.Model):
    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.CASCADE, related_name="courses"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120)
    summary = models.TextField(help_text="One or two sentences for the programme list.")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    format = models.CharField(max_length=20, choices=Format.choices)
    audiences = models.ManyToManyField(Audience, blank=True, related_name="courses")
    outcomes = models.TextField(help_text="What people will be able to do; one per line.")
    prerequisites = models.TextField(blank=True)
    who_for = models.TextField("who it is for")
    hours = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(40)],
        help_text="Learning hours, as printed on the certificate.",
    )
    refresher_months = models.PositiveSmallIntegerField(
        default=36,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="How long this training counts as in date.",
    )
    is_published = models.BooleanField(default=True)

    objects = CourseQuerySet.as_manager()

    PERMISSION_SCOPE = {"partnership": "partnership", "consortium": "partnership__consortium"}

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary"),
        index.SearchField("outcomes"),
        index.SearchField("who_for"),
        index.AutocompleteField("title"),
        # The admin's course list searches within the rows the coordinator may see, in the
        # list's own order.
        index.FilterField("id"),
        index.FilterField("level"),
        index.FilterField("title"),
        index.FilterField("partnership_id"),
        index.FilterField("is_published"),
    ]

    class Meta:
        ordering = ["level", "title"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="one_course_per_slug")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:course", args=[self.slug])

    def outcome_list(self):
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]


class Tariff(models.Model):
    """What a course costs an organisation of one type. No row for a type means free."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="tariffs")
    agency_type = models.CharField(max_length=20, choices=AgencyType.choices)
    place_pence = models.PositiveIntegerField(default=0, help_text="Charged for attending.")
    late_cancellation_pence = models.PositiveIntegerField(default=0)
    no_show_pence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "course charge"
        ordering = ["course", "agency_type"]
        constraints = [
            models.UniqueConstraint(fields=["course", "agency_type"], name="one_tariff_per_type")
        ]

    def __str__(self):
        return f"{self.course}: {self.get_agency_type_display()}"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(starts_at__gt=now or timezone.now(), status=SessionStatus.SCHEDULED)


class Session(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    capacity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    venue = models.CharField(
        max_length=200, blank=True, help_text="Address, or 'Online' for live online sessions."
    )
    joining_link = models.URLField(
        blank=True, help_text="Shown only to people booked on the session."
    )
    joining_instructions = models.TextField(
        blank=True, help_text="Shown only to people booked on the session, and in their emails."
    )
    trainers = models.ManyToManyField(
        "core.User",
        blank=True,
        related_name="sessions_trained",
        help_text="Who takes the register.",
    )
    status = models.CharField(
        max_length=10, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    register_closed_at = models.DateTimeField(null=True, blank=True)

    objects = SessionQuerySet.as_manager()

    PERMISSION_SCOPE = {
        "partnership": "course__partnership",
        "consortium": "course__partnership__consortium",
    }

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="session_ends_after_it_starts", condition=Q(ends_at__gt=F("starts_at"))
            ),
            models.CheckConstraint(name="session_has_places", condition=Q(capacity__gte=1)),
        ]

    def __str__(self):
        return f"{self.course} on {timezone.localtime(self.starts_at):%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("training:session", args=[self.pk])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The session must end after it starts"})
        if (
            self.starts_at
            and self.ends_at
            and self.ends_at - self.starts_at > datetime.timedelta(hours=12)
        ):
            raise ValidationError({"ends_at": "A session must end within 12 hours of starting"})

    @property
    def partnership_id(self):
        return self.course.partnership_id

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())

    def register_closes_at(self, policy=None):
        policy = policy or policy_for(self.course.partnership)
        return self.ends_at + datetime.timedelta(hours=policy.register_open_hours)


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Booked"
    CANCELLED = "cancelled", "Cancelled"
    TRANSFERRED = "transferred", "Transferred to a colleague"
    MOVED = "moved", "Moved to another date"


# A booking that gave its place to another booking (transferred_to): never a booking of its own.
PASSED_ON = (BookingStatus.TRANSFERRED, BookingStatus.MOVED)


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    LATE = "late", "Arrived late"
    LEFT_EARLY = "left_early", "Left early"
    ABSENT = "absent", "Absent"


# Marks that count as having done the training (for certificates and training records).
COMPLETED = (Attendance.ATTENDED, Attendance.LATE)


class Booking(models.Model):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="bookings")
    person = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="bookings")
    agency = models.ForeignKey(
        "core.Agency",
        null=True,
        on_delete=models.PROTECT,
        related_name="training_bookings",
        help_text="The person's organisation when they booked: who any charge goes to.",
    )
    status = models.CharField(
        max_length=12, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    booked_by = models.ForeignKey(
        "core.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    transferred_to = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="transferred_from"
    )
    attendance = models.CharField(max_length=12, choices=Attendance.choices, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)

    PERMISSION_SCOPE = {
        "partnership": "session__course__partnership",
        "agency": "agency",
        "consortium": "session__course__partnership__consortium",
    }

    class Meta:
        ordering = ["session__starts_at", "pk"]
        constraints = [
            # Booking twice is refused by the database too, whatever the code does.
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(status="confirmed"),
                name="one_confirmed_booking_per_person",
            )
        ]

    def __str__(self):
        return f"{self.person} on {self.session}"

    @property
    def is_confirmed(self):
        return self.status == BookingStatus.CONFIRMED

    @property
    def completed(self):
        return self.is_confirmed and self.attendance in COMPLETED


# Certificate codes: Crockford's base32 (no I, L, O or U to misread), 20 characters = 100
# random bits, printed in groups of four. Far too many to guess, even without the rate limit.
CERTIFICATE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CERTIFICATE_CODE_LENGTH = 20


def new_certificate_code():
    return "".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(CERTIFICATE_CODE_LENGTH))


class Certificate(models.Model):
    """A certificate of attendance once issued: the code anyone can check it by at
    /certificates/<code>/. It holds no copy of the person's details: the check reads them
    from the booking, so it answers only while the training record exists (the certificate
    goes with the booking and with the account), and a corrected name is the name checked.
    Withdrawn when the partnership withdraws it or the attendance it rests on is corrected."""

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(
        max_length=CERTIFICATE_CODE_LENGTH,
        unique=True,
        default=new_certificate_code,
        editable=False,
    )
    issued_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=200, blank=True)

    PERMISSION_SCOPE = {
        "partnership": "booking__session__course__partnership",
        "agency": "booking__agency",
        "consortium": "booking__session__course__partnership__consortium",
    }

    def __str__(self):
        return f"Certificate {self.display_code}"

    def get_absolute_url(self):
        return reverse("certificate_check", args=[self.display_code])

    @property
    def display_code(self):
        """The code as printed: groups of four, easy to read out and type."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))


class WaitStatus(models.TextChoices):
    WAITING = "waiting", "Waiting"
    OFFERED = "offered", "Offered a place"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    EXPIRED = "expired", "Offer expired"
    LEFT = "left", "Left the waiting list"


class WaitingListEntry(models.Model):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="waiting_list")
    person = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="waits")
    agency = models.ForeignKey("core.Agency", null=True, on_delete=models.PROTECT, related_name="+")
    joined_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=WaitStatus.choices, default=WaitStatus.WAITING)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    booking = models.OneToOneField(
        Booking, null=True, blank=True, on_delete=models.SET_NULL, related_name="from_waiting_list"
    )

    PERMISSION_SCOPE = Booking.PERMISSION_SCOPE

    class Meta:
        ordering = ["joined_at", "pk"]
        verbose_name_plural = "waiting list entries"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(status__in=["waiting", "offered"]),
                name="one_live_wait_per_person",
            )
        ]

    def __str__(self):
        return f"{self.person} waiting for {self.session}"

    def offer_is_open(self, now=None):
        return self.status == WaitStatus.OFFERED and self.offer_expires_at > (now or timezone.now())


class ChargeReason(models.TextChoices):
    PLACE = "place", "Place"
    LATE_CANCELLATION = "late_cancellation", "Late cancellation"
    NO_SHOW = "no_show", "Did not attend"


NO_CONFIRMED_ORGANISATION = "No confirmed organisation"


class Charge(models.Model):
    """Money owed for a place, by the agency the person was confirmed to work for when they
    booked; a person with no confirmed organisation is charged against none, and the
    coordinator sees the charge as such. Kept with what it was for, so the finance report
    still reads when a person's account has gone."""

    booking = models.ForeignKey(
        Booking, null=True, on_delete=models.SET_NULL, related_name="charges"
    )
    partnership = models.ForeignKey("core.Partnership", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        "core.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="charges"
    )
    reason = models.CharField(max_length=20, choices=ChargeReason.choices)
    amount_pence = models.PositiveIntegerField()
    course_title = models.CharField(max_length=200)
    session_starts_at = models.DateTimeField()
    person_name = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    waived_at = models.DateTimeField(null=True, blank=True)
    waived_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    waived_reason = models.CharField(max_length=300, blank=True)

    PERMISSION_SCOPE = {
        "partnership": "partnership",
        "agency": "agency",
        "consortium": "partnership__consortium",
    }

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["booking", "reason"], name="one_charge_per_reason")
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.course_title} ({self.charged_to})"

    @property
    def charged_to(self):
        return self.agency.name if self.agency_id else NO_CONFIRMED_ORGANISATION

    @property
    def is_waived(self):
        return self.waived_at is not None

    @property
    def amount_due_pence(self):
        return 0 if self.is_waived else self.amount_pence


RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Evaluation(models.Model):
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="evaluation")
    overall = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    trainer = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    relevance = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    confidence_before = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    confidence_after = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    most_useful = models.TextField(blank=True, max_length=2000)
    could_improve = models.TextField(blank=True, max_length=2000)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="evaluation_ratings_in_scale",
                condition=Q(overall__range=(1, 5))
                & Q(trainer__range=(1, 5))
                & Q(relevance__range=(1, 5))
                & Q(confidence_before__range=(1, 5))
                & Q(confidence_after__range=(1, 5)),
            )
        ]

    def __str__(self):
        return f"Evaluation of {self.booking}"


class ImpactResponse(models.Model):
    """The follow-up question some weeks after the course: has it changed practice?"""

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="impact")
    practice_changed = models.BooleanField()
    example = models.TextField(blank=True, max_length=2000)
    submitted_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Impact of {self.booking}"


class SessionMessage(models.Model):
    """An email the training team sent to everyone booked on a session (a change of room, a
    reading list): kept to show on the bookings screen what was said and when, until the
    session is long past. `token` is the form's own, so sending the form twice sends once."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="messages")
    subject = models.CharField(max_length=150)
    body = models.TextField(max_length=5000)
    sent_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)
    token = models.UUIDField(unique=True)

    PERMISSION_SCOPE = {
        "partnership": "session__course__partnership",
        "consortium": "session__course__partnership__consortium",
    }

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return f"{self.subject} ({self.session})"


class TrainingEmail(models.Model):
    """One row per email sent about a booking or an offer: claimed in the same transaction
    as the send, so a retried task or a second run of a command never sends it twice."""

    kind = models.CharField(max_length=30)
    key = models.CharField(max_length=60)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="one_training_email")]

    def __str__(self):
        return f"{self.kind} {self.key}"
