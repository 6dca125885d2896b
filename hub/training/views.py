"""The training programme as a practitioner meets it: the programme and its calendar feed,
a page per course and per session with booking, My training, and the pages each booking
leads to (cancel, waiting list, evaluation, impact, certificate).

Views are thin: every write goes through hub.training.services, whose PermissionDenied is
answered with 404 (a guessed id never reveals a record) and whose ValidationError is shown
in the GOV.UK error summary. Who may see what comes from hub.core.permissions.
"""

import datetime
from urllib.parse import urlencode

from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from hub.core.downloads import private_download
from hub.core.forms import service_call
from hub.core.models import AgencyType
from hub.core.pdf import PDF_CONTENT_TYPE
from hub.core.permissions import Action, can, scope_queryset
from hub.core.presenters import partnership_for
from hub.training import presenters, services
from hub.training.availability import with_places
from hub.training.calendar import booking_invitation, programme_feed
from hub.training.certificate import certificate_pdf
from hub.training.forms import (
    BookColleagueForm,
    ConfirmForm,
    EvaluationForm,
    ImpactForm,
    ProgrammeFilterForm,
)
from hub.training.models import (
    Audience,
    Booking,
    BookingStatus,
    Course,
    Evaluation,
    ImpactResponse,
    Session,
    SessionStatus,
    WaitingListEntry,
    WaitStatus,
    policy_for,
)

NEXT_DATES_SHOWN = 3


def _base_url(request):
    return f"{request.scheme}://{request.get_host()}"


def _sign_in_url(request):
    return f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"


# --- What a request may reach -----------------------------------------------------------


def _partnership(request):
    partnership = partnership_for(request)
    if partnership is None:
        raise Http404
    return partnership


def _courses(request):
    """The published courses of the partnership whose site this is."""
    return Course.objects.published().filter(partnership=_partnership(request))


def _sessions(request):
    return Session.objects.filter(course__in=_courses(request)).select_related(
        "course__partnership"
    )


def _acting_on(request, queryset, pk):
    """A booking or waiting-list entry that is the user's own, or that their role lets them
    act on (a colleague's, or any of the partnership's for its training team); else 404."""
    user = request.user
    model = queryset.model
    allowed = Q(person=user)
    for action in (Action.BOOK_FOR_AGENCY, Action.MANAGE_TRAINING):
        if can(user, action):
            allowed |= Q(pk__in=scope_queryset(user, action, model.objects.all()).values("pk"))
    return get_object_or_404(queryset.filter(allowed), pk=pk)


def _own_booking(request, pk):
    return get_object_or_404(
        Booking.objects.select_related("session__course__partnership", "person", "agency"),
        pk=pk,
        person=request.user,
    )


def _colleagues(user):
    """The colleagues the user may book for (services.bookable_people), themself aside."""
    return (
        services.bookable_people(user)
        .exclude(pk=user.pk)
        .select_related("agency")
        .order_by("last_name", "first_name", "email")
    )


# --- The programme ----------------------------------------------------------------------


def _month_choices(sessions):
    """The months with a session, as filter choices: the database returns one row a month."""
    return [
        ((month.year, month.month), f"{month:%B %Y}")
        for month in sessions.order_by().datetimes("starts_at", "month")
    ]


def _month_range(year, month):
    start = timezone.make_aware(datetime.datetime(year, month, 1))
    return start, timezone.make_aware(datetime.datetime(year, month, 1) + relativedelta(months=1))


def _next_dates(sessions):
    """The first NEXT_DATES_SHOWN of each course's sessions, each annotated with `dates`: how
    many its course has in all. The programme shows only those, so the rest are counted in
    the database, not fetched."""
    by_course = {"partition_by": [F("course_id")]}
    return (
        sessions.select_related(None)  # the caller has the courses, and gives each its own
        .annotate(
            rank=Window(RowNumber(), order_by=[F("starts_at").asc(), F("pk").asc()], **by_course),
            dates=Window(Count("pk"), **by_course),
        )
        .filter(rank__lte=NEXT_DATES_SHOWN)
        .order_by("starts_at", "pk")
    )


@require_GET
def programme(request):
    partnership = _partnership(request)
    courses = _courses(request)
    upcoming = _sessions(request).upcoming()
    form = ProgrammeFilterForm(
        request.GET or None,
        audiences=Audience.objects.filter(courses__in=courses).distinct(),
        months=_month_choices(upcoming),
    )
    filters = {}
    if form.is_bound:
        # A bad value is reported and ignored; cleaned_data keeps the filters that are fine.
        form.is_valid()
        filters = form.cleaned_data
    if filters.get("level"):
        courses = courses.filter(level=filters["level"])
    if filters.get("format"):
        courses = courses.filter(format=filters["format"])
    if filters.get("audience"):
        courses = courses.filter(audiences__slug=filters["audience"])
    sessions = upcoming.filter(course__in=courses)
    if filters.get("month"):
        start, end = _month_range(*filters["month"])
        sessions = sessions.filter(starts_at__gte=start, starts_at__lt=end)
    sessions = with_places(sessions)
    if filters.get("places"):
        sessions = sessions.filter(places_left__gt=0)
    by_course = {}
    for session in _next_dates(sessions):
        by_course.setdefault(session.course_id, []).append(session)
    if filters.get("month") or filters.get("places"):
        courses = courses.filter(pk__in=list(by_course))
    rows = []
    for course in courses.distinct():
        dates = by_course.get(course.pk, [])
        for session in dates:
            session.course = course
        rows.append(
            {
                "course": course,
                "dates": [presenters.session_row(session) for session in dates],
                "more": dates[0].dates - len(dates) if dates else 0,
            }
        )
    return render(
        request,
        "training/programme.html",
        {
            "form": form,
            "rows": rows,
            "partnership": partnership,
            "feed_url": _base_url(request) + reverse("training:calendar"),
        },
    )


@require_GET
def calendar_feed(request):
    """Every upcoming session of the partnership's published courses; no joining details."""
    partnership = _partnership(request)
    sessions = _sessions(request).upcoming().order_by("starts_at", "pk")
    body = programme_feed(
        sessions, name=f"{partnership.name}: training", base_url=_base_url(request)
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{partnership.slug}-training.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


@require_GET
def course(request, slug):
    item = get_object_or_404(_courses(request).prefetch_related("audiences", "tariffs"), slug=slug)
    sessions = with_places(item.sessions.upcoming()).select_related("course")
    tariffs = presenters.tariff_rows(item)
    return render(
        request,
        "training/course.html",
        {
            "course": item,
            "hours": presenters.hours(item),
            "tariffs": tariffs,
            "others_free": len(tariffs) < len(AgencyType),
            "sessions": [presenters.session_row(session) for session in sessions],
        },
    )


# --- A session and booking it -----------------------------------------------------------


def _session_context(request, item, *, book_form=None, colleague_form=None):
    user = request.user
    now = timezone.now()
    is_open = item.status == SessionStatus.SCHEDULED and not item.has_started(now)
    context = {
        "item": item,
        "row": presenters.session_row(item),
        "hours": presenters.hours(item.course),
        "is_open": is_open,
        "has_ended": item.ends_at <= now,
        "sign_in_url": _sign_in_url(request),
        "booking": None,
        "entry": None,
        "form": book_form or ConfirmForm(),
        "colleague_form": None,
    }
    if not user.is_authenticated:
        return context
    context["booking"] = Booking.objects.filter(
        session=item, person=user, status=BookingStatus.CONFIRMED
    ).first()
    entry = WaitingListEntry.objects.filter(
        session=item, person=user, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
    ).first()
    if entry is not None:
        context.update(
            entry=entry,
            offer_open=entry.offer_is_open(now),
            position=services.waiting_position(entry),
        )
    if is_open and can(user, Action.BOOK_FOR_AGENCY):
        colleagues = _colleagues(user)
        if colleague_form is None and colleagues.exists():
            colleague_form = BookColleagueForm(colleagues=colleagues)
        context["colleague_form"] = colleague_form
    if colleague_form is not None and colleague_form.errors:
        # The layout marks the page title "Error:" when the page's form has errors.
        context["form"] = colleague_form
    return context


def _announce(request, result, *, person):
    own = person.pk == request.user.pk
    if isinstance(result, Booking):
        who = "You are" if own else f"{person.display_name} is"
        messages.success(
            request,
            f"{who} booked on {result.session.course.title} on {presenters.when(result.session)}.",
        )
        return
    who = "you are" if own else f"{person.display_name} is"
    messages.info(
        request,
        f"The last place was taken; {who} number {services.waiting_position(result)} on the "
        "waiting list. We will email if a place comes free.",
    )


@require_http_methods(["GET", "POST"])
def session(request, pk):
    if request.method == "GET":
        item = get_object_or_404(with_places(_sessions(request)), pk=pk)
        return render(request, "training/session.html", _session_context(request, item))
    # A booking needs the session, not its places: the service counts them under the
    # session's lock. The page is shown again (with places) only when the form has errors,
    # and a booking is answered with a redirect, so a burst of bookings renders no pages.
    item = get_object_or_404(_sessions(request), pk=pk)
    if not request.user.is_authenticated:
        return redirect(_sign_in_url(request))
    book_form = colleague_form = None
    if request.POST.get("form") == "colleague":
        if not can(request.user, Action.BOOK_FOR_AGENCY):
            raise Http404
        colleague_form = BookColleagueForm(request.POST, colleagues=_colleagues(request.user))
        if colleague_form.is_valid():
            person = colleague_form.cleaned_data["person"]
            with service_call(colleague_form, "person") as call:
                result = services.place_request(
                    by=request.user, session=item, person=person, request=request
                )
            if call.ok:
                _announce(request, result, person=person)
                return redirect(item.get_absolute_url())
    else:
        book_form = ConfirmForm(request.POST)
        with service_call(book_form) as call:
            result = services.place_request(
                by=request.user, session=item, person=request.user, request=request
            )
        if call.ok:
            _announce(request, result, person=request.user)
            return redirect(item.get_absolute_url())
    item = with_places(_sessions(request)).get(pk=item.pk)
    context = _session_context(request, item, book_form=book_form, colleague_form=colleague_form)
    return render(request, "training/session.html", context)


@login_required
@require_GET
def booking_calendar(request, pk):
    """The booked person's own invitation, with the joining details the public feed omits."""
    booking = _own_booking(request, pk)
    if not booking.is_confirmed:
        raise Http404
    return private_download(
        booking_invitation(booking, base_url=_base_url(request)),
        filename=f"training-{booking.session_id}.ics",
        content_type="text/calendar; charset=utf-8",
    )


# --- My training ------------------------------------------------------------------------


@login_required
@require_GET
def my_training(request):
    user = request.user
    now = timezone.now()
    bookings = list(
        Booking.objects.filter(person=user, status=BookingStatus.CONFIRMED)
        .select_related("session__course__partnership", "evaluation", "impact", "certificate")
        .order_by("session__starts_at", "pk")
    )
    upcoming = [
        {**presenters.session_summary(b.session), "booking": b}
        for b in bookings
        if not b.session.has_started(now) and b.session.status == SessionStatus.SCHEDULED
    ]
    policy_of = services.policies()  # one query per partnership trained with, not per row
    history = []
    for booking in reversed(bookings):
        if not booking.session.has_started(now):
            continue
        evaluated = hasattr(booking, "evaluation")
        policy = policy_of(booking.session.course.partnership)
        follow_up_due = booking.session.ends_at <= now - datetime.timedelta(
            weeks=policy.impact_follow_up_weeks
        )
        issued = getattr(booking, "certificate", None)  # loaded with the booking
        history.append(
            {
                "booking": booking,
                "attendance": booking.get_attendance_display() or "Not recorded yet",
                "certificate": services.certificate_available(booking, policy=policy),
                "withdrawn": issued if issued is not None and issued.withdrawn_at else None,
                "can_evaluate": booking.completed and not evaluated,
                "needs_evaluation": booking.completed
                and not evaluated
                and policy.certificate_needs_evaluation,
                "can_answer_impact": booking.completed
                and follow_up_due
                and not hasattr(booking, "impact"),
            }
        )
    waits = services.with_waiting_positions(
        WaitingListEntry.objects.filter(
            person=user, status__in=[WaitStatus.WAITING, WaitStatus.OFFERED]
        ).select_related("session__course")
    )
    offers, waiting = [], []
    for entry in waits.order_by("session__starts_at", "pk"):
        if entry.status == WaitStatus.OFFERED and entry.offer_is_open(now):
            offers.append({**presenters.session_summary(entry.session), "entry": entry})
        elif entry.status == WaitStatus.WAITING:
            waiting.append(
                {
                    **presenters.session_summary(entry.session),
                    "entry": entry,
                    "position": entry.position,
                }
            )
    return render(
        request,
        "training/my_training.html",
        {
            "upcoming": upcoming,
            "offers": offers,
            "waiting": waiting,
            "history": history,
            "certificates": [row for row in history if row["certificate"]],
            "refreshers": presenters.refreshers(bookings, timezone.localdate()),
        },
    )


# --- Cancelling and the waiting list ----------------------------------------------------


def _late_charge(booking, now):
    """What cancelling now would cost the person's organisation, as text; None if nothing."""
    pence = services.late_cancellation_charge(booking, now)
    return presenters.pounds(pence) if pence else None


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    booking = _acting_on(
        request,
        Booking.objects.select_related("session__course__partnership", "person", "agency"),
        pk,
    )
    now = timezone.now()
    own = booking.person_id == request.user.pk
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        with service_call(form) as call:
            services.booking_cancel(by=request.user, booking=booking, request=request)
        if call.ok:
            whose = "Your place" if own else f"{booking.person.display_name}’s place"
            messages.success(request, f"{whose} on {booking.session.course.title} is cancelled.")
            return redirect("training:my_training" if own else booking.session.get_absolute_url())
    session = booking.session
    return render(
        request,
        "training/cancel.html",
        {
            "booking": booking,
            "form": form,
            "own": own,
            "when": presenters.when(session),
            "can_cancel": booking.is_confirmed and not session.has_started(now),
            "late": services.is_late_cancellation(session, now),
            "late_charge": _late_charge(booking, now),
            "policy": policy_for(session.course.partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def waiting(request, pk):
    entry = _acting_on(
        request, WaitingListEntry.objects.select_related("session__course", "person"), pk
    )
    now = timezone.now()
    form = ConfirmForm(request.POST or None)
    action = request.POST.get("action")
    if request.method == "POST" and action in ("accept", "leave"):
        change = services.offer_accept if action == "accept" else services.waiting_list_leave
        with service_call(form) as call:
            change(by=request.user, entry=entry, request=request)
        if call.ok:
            label = f"{entry.session.course.title} on {presenters.when(entry.session)}"
            own = entry.person_id == request.user.pk
            if action == "accept":
                who = "You are" if own else f"{entry.person.display_name} is"
                messages.success(request, f"{who} booked on {label}.")
                return redirect(entry.session.get_absolute_url())
            who = "You have" if own else f"{entry.person.display_name} has"
            left = "declined the place" if entry.status == WaitStatus.OFFERED else "left the list"
            messages.success(request, f"{who} {left} for {label}.")
            return redirect("training:my_training" if own else entry.session.get_absolute_url())
    elif request.method == "POST":
        form.add_error(None, "Choose whether to accept the place or leave the waiting list.")
    expired = entry.status == WaitStatus.EXPIRED or (
        entry.status == WaitStatus.OFFERED and not entry.offer_is_open(now)
    )
    return render(
        request,
        "training/waiting.html",
        {
            "entry": entry,
            "form": form,
            "when": presenters.when(entry.session),
            "where": presenters.where(entry.session),
            "offer_open": entry.offer_is_open(now),
            "expired": expired,
            "position": services.waiting_position(entry)
            if entry.status == WaitStatus.WAITING
            else None,
        },
    )


# --- After the course -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def evaluation(request, pk):
    booking = _own_booking(request, pk)
    already = Evaluation.objects.filter(booking=booking).exists()
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and not already and form.is_valid():
        with service_call(form) as call:
            services.evaluation_submit(
                by=request.user, booking=booking, answers=form.cleaned_data, request=request
            )
        if call.ok:
            message = "Thank you for your evaluation."
            if services.certificate_available(booking):
                message += " Your certificate is ready to download."
            messages.success(request, message)
            return redirect("training:my_training")
    return render(
        request,
        "training/evaluation.html",
        {
            "booking": booking,
            "form": form,
            "when": presenters.when(booking.session),
            "already": already,
            "attended": booking.completed,
            "policy_needs_evaluation": policy_for(
                booking.session.course.partnership
            ).certificate_needs_evaluation,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def impact(request, pk):
    booking = _own_booking(request, pk)
    already = ImpactResponse.objects.filter(booking=booking).exists()
    form = ImpactForm(request.POST or None)
    if request.method == "POST" and not already and form.is_valid():
        with service_call(form) as call:
            services.impact_submit(
                by=request.user,
                booking=booking,
                practice_changed=form.cleaned_data["practice_changed"],
                example=form.cleaned_data["example"],
                request=request,
            )
        if call.ok:
            messages.success(request, "Thank you. Your answer helps us plan the programme.")
            return redirect("training:my_training")
    return render(
        request,
        "training/impact.html",
        {
            "booking": booking,
            "form": form,
            "when": presenters.when(booking.session),
            "already": already,
            "attended": booking.completed,
        },
    )


@login_required
@require_GET
def certificate(request, pk):
    """The certificate's PDF, issued (with its code) the first time it is downloaded."""
    booking = get_object_or_404(
        Booking.objects.select_related(
            "session__course__partnership", "person", "agency", "certificate"
        ),
        pk=pk,
    )
    with service_call() as call:
        issued = services.certificate_issue(by=request.user, booking=booking, request=request)
    if not call.ok:
        raise Http404
    session = booking.session
    return private_download(
        certificate_pdf(issued, request=request),
        filename=f"certificate-{session.course.slug}-{booking.pk}.pdf",
        content_type=PDF_CONTENT_TYPE,
    )
