"""Pages for the people who run training: trainers taking a register; agency leads and agency
training coordinators looking after their staff's training; the partnership's training team
with its report, its charges and withdrawing a certificate.

Views are thin: figures come from hub.training.reports, every write from
hub.training.services (PermissionDenied is answered with 404, ValidationError is shown in the
error summary) and who may see what from hub.core.permissions. A page someone may not use
answers 404, as a guessed id does, so it never reveals that a record exists.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from hub.core.downloads import private_download
from hub.core.forms import service_call
from hub.core.models import Agency, User
from hub.core.permissions import Action, can, scope_queryset
from hub.core.presenters import partnership_for
from hub.training import presenters, reports, services, staff_screens
from hub.training.models import (
    NO_CONFIRMED_ORGANISATION,
    Booking,
    BookingStatus,
    Certificate,
    Charge,
    Session,
    SessionStatus,
    policy_for,
)
from hub.training.staff_forms import (
    CertificateWithdrawForm,
    ChargesFilterForm,
    PeriodForm,
    RegisterForm,
    TransferForm,
    WaiveForm,
    financial_year,
    period_query,
)

# How far back My sessions lists past sessions.
RECENT_DAYS = 60
# The longest a register can stay open (TrainingPolicy.register_open_hours' maximum).
LONGEST_REGISTER = datetime.timedelta(hours=720)


# --- Registers --------------------------------------------------------------------------


def _register_sessions(user):
    """Sessions whose register `user` may take: every session of their partnerships for the
    training team; for a trainer, the sessions they are named on (as services.may_take_register)."""
    managed = scope_queryset(user, Action.MANAGE_TRAINING, Session.objects.all())
    trained = scope_queryset(user, Action.TAKE_REGISTER, Session.objects.filter(trainers=user))
    return Session.objects.filter(
        Q(pk__in=managed.values("pk")) | Q(pk__in=trained.values("pk"))
    ).select_related("course__partnership")


def _session_row(session, now, *, is_open=False):
    if session.is_cancelled:
        state = "Session cancelled"
    elif is_open:
        state = "Register open"
    elif not session.has_started(now):
        state = "Register opens at the start"
    else:
        state = "Register closed"
    return {
        "session": session,
        "when": presenters.when(session),
        "where": presenters.where(session),
        "booked": session.booked,
        "state": state,
        "is_open": is_open,
    }


@login_required
@require_GET
def index(request):
    """Every training-team screen this person may use, one link each."""
    screens = staff_screens.screens_for(request)
    if not screens:
        raise Http404
    return render(request, "training/staff/index.html", {"screens": screens})


@login_required
@require_GET
def my_sessions(request):
    user = request.user
    if not (can(user, Action.TAKE_REGISTER) or can(user, Action.MANAGE_TRAINING)):
        raise Http404
    now = timezone.now()
    sessions = (
        _register_sessions(user)
        .filter(starts_at__gte=now - datetime.timedelta(days=RECENT_DAYS))
        .annotate(booked=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)))
        .order_by("starts_at", "pk")
    )
    open_now, upcoming, recent = [], [], []
    for session in sessions:
        if not session.has_started(now):
            upcoming.append(_session_row(session, now))
            continue
        # Only a session that ended within the longest register period can still be open.
        may_be_open = (
            session.status == SessionStatus.SCHEDULED
            and session.register_closed_at is None
            and session.ends_at > now - LONGEST_REGISTER
        )
        if may_be_open and services.register_is_open(session, now):
            open_now.append(_session_row(session, now, is_open=True))
        else:
            recent.append(_session_row(session, now))
    recent.reverse()
    return render(
        request,
        "training/staff/my_sessions.html",
        {
            "open_now": open_now,
            "upcoming": upcoming,
            "recent": recent,
            "recent_days": RECENT_DAYS,
            "is_training_team": can(user, Action.MANAGE_TRAINING),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def register(request, pk):
    session = get_object_or_404(_register_sessions(request.user), pk=pk)
    if not services.may_take_register(request.user, session):
        raise Http404
    bookings = list(
        Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED)
        .select_related("person", "agency")
        .order_by("person__last_name", "person__first_name", "person__email", "pk")
    )
    form = RegisterForm(request.POST if request.method == "POST" else None, bookings=bookings)
    if request.method == "POST" and form.is_valid():
        with service_call(form) as call:
            changed = services.attendance_mark(
                by=request.user, session=session, marks=form.cleaned_data["marks"], request=request
            )
        if call.ok:
            people = "person" if changed == 1 else "people"
            messages.success(request, f"Register saved. Attendance changed for {changed} {people}.")
            return redirect("training:register", pk=session.pk)
    now = timezone.now()
    policy = policy_for(session.course.partnership)
    return render(
        request,
        "training/staff/register.html",
        {
            "item": session,
            "form": form,
            "bookings": bookings,
            "when": presenters.when(session),
            "where": presenters.where(session),
            "is_open": services.register_is_open(session, now),
            "has_started": session.has_started(now),
            "has_ended": session.ends_at <= now,
            "closes_at": session.register_closed_at or session.register_closes_at(policy),
            "marked": sum(1 for booking in bookings if booking.attendance),
            "may_see_bookings": can(
                request.user, Action.MANAGE_TRAINING, session.course.partnership
            ),
        },
    )


@login_required
@require_http_methods(["POST"])
def register_close(request, pk):
    """Close the register now, once the session has ended and everyone is marked."""
    session = get_object_or_404(_register_sessions(request.user), pk=pk)
    with service_call() as call:
        services.register_close_now(by=request.user, session=session, request=request)
    if call.ok:
        messages.success(request, "The register is closed and any charges are raised.")
    elif getattr(call.error, "code", None) == "already_closed":
        messages.info(request, "This register was already closed.")
    else:
        messages.error(request, " ".join(call.messages))
    return redirect("training:register", pk=session.pk)


# --- Agency training records ------------------------------------------------------------


def _record_agencies(request):
    """The agencies whose staff records the user may see: their own organisation for an
    agency lead or agency training coordinator; the site's partnership's organisations for
    its training team. Permission is `can`'s answer; the candidates only bound the search."""
    user = request.user
    partnership = partnership_for(request)
    within = Q(pk=user.agency_id)
    if partnership is not None:
        within |= Q(partnerships=partnership)
    # Each one's partnerships come with it: `can` reads them for every candidate.
    candidates = Agency.objects.filter(within).distinct().prefetch_related("partnerships")
    return [agency for agency in candidates if can(user, Action.VIEW_TRAINING_RECORDS, agency)]


def _chosen_agency(request):
    """(agency or None, the agencies to choose from). 404 for an agency out of reach."""
    if not can(request.user, Action.VIEW_TRAINING_RECORDS):
        raise Http404
    agencies = _record_agencies(request)
    if not agencies:
        raise Http404
    wanted = request.GET.get("agency")
    if wanted:
        chosen = next((a for a in agencies if str(a.pk) == wanted), None)
        if chosen is None:
            raise Http404
        return chosen, agencies
    return (agencies[0] if len(agencies) == 1 else None), agencies


def _staff(user, agency):
    return scope_queryset(
        user, Action.VIEW_TRAINING_RECORDS, User.objects.filter(agency=agency, is_active=True)
    ).order_by("last_name", "first_name", "email")


@login_required
@require_GET
def agency_records(request):
    agency, agencies = _chosen_agency(request)
    context = {
        "agency": agency,
        "agencies": agencies,
        "agency_items": [{"value": "", "text": "Choose an organisation"}]
        + [{"value": each.pk, "text": each.name, "selected": each == agency} for each in agencies],
        "records": [],
        "upcoming": [],
    }
    if agency is not None:
        user = request.user
        now = timezone.now()
        staff = list(_staff(user, agency))
        may_book = can(user, Action.BOOK_FOR_AGENCY, agency)
        upcoming = scope_queryset(
            user,
            Action.VIEW_TRAINING_RECORDS,
            Booking.objects.filter(
                agency=agency,
                status=BookingStatus.CONFIRMED,
                session__status=SessionStatus.SCHEDULED,
                session__starts_at__gt=now,
            ),
        ).select_related("person", "session__course")
        context.update(
            records=reports.staff_records(staff, timezone.localdate()),
            may_book=may_book,
            upcoming=[
                {"booking": booking, "when": presenters.when(booking.session)}
                for booking in upcoming.order_by("session__starts_at", "pk")
            ],
            csv_url=reverse("training:agency_records_csv") + "?" + urlencode({"agency": agency.pk}),
        )
    return render(request, "training/staff/agency_records.html", context)


@login_required
@require_GET
def agency_records_csv(request):
    agency, _ = _chosen_agency(request)
    if agency is None:
        raise Http404
    records = reports.staff_records(_staff(request.user, agency), timezone.localdate())
    header, rows = reports.staff_record_table(records)
    stamp = timezone.localdate().isoformat()
    return private_download(
        reports.as_csv(header, rows),
        filename=f"training-records-{slugify(agency.name)}-{stamp}.csv",
        content_type="text/csv; charset=utf-8",
    )


@login_required
@require_http_methods(["GET", "POST"])
def transfer(request, pk):
    user = request.user
    booking = get_object_or_404(
        scope_queryset(user, Action.BOOK_FOR_AGENCY, Booking.objects.all()).select_related(
            "person", "agency", "session__course__partnership"
        ),
        pk=pk,
    )
    if booking.agency is None:
        raise Http404
    staff = _staff(user, booking.agency)
    form = TransferForm(
        request.POST if request.method == "POST" else None,
        reachable=services.bookable_people(user),
        offered=staff,
        booking=booking,
    )
    back = reverse("training:agency_records") + "?" + urlencode({"agency": booking.agency_id})
    if request.method == "POST" and form.is_valid():
        colleague = form.cleaned_data["person"]
        with service_call(form, "person") as call:
            services.booking_transfer(
                by=user, booking=booking, to_person=colleague, request=request
            )
        if call.ok:
            messages.success(
                request,
                f"{booking.person.display_name}’s place on {booking.session.course.title} on "
                f"{presenters.when(booking.session)} is now {colleague.display_name}’s.",
            )
            return redirect(back)
    return render(
        request,
        "training/staff/transfer.html",
        {
            "booking": booking,
            "form": form,
            "when": presenters.when(booking.session),
            "can_transfer": booking.is_confirmed
            and not booking.session.has_started(timezone.now()),
            "back": back,
        },
    )


# --- The training team's report and charges ---------------------------------------------


def _training_team_partnership(request):
    partnership = partnership_for(request)
    if partnership is None or not can(request.user, Action.MANAGE_TRAINING, partnership):
        raise Http404
    return partnership


def _period(request, form_class, default, **form_kwargs):
    """(form, start, end): the period asked for, or `default` when none was; start and end
    are None when the dates given are not valid, and the form says why."""
    asked = any(key.startswith(("date_from", "date_to")) for key in request.GET)
    if not asked:
        start, end = default
        data = {**period_query(start, end), **request.GET.dict()}
        form = form_class(data, **form_kwargs)
    else:
        form = form_class(request.GET, **form_kwargs)
    if not form.is_valid():
        return form, None, None
    return form, form.cleaned_data["date_from"], form.cleaned_data["date_to"]


@login_required
@require_GET
def report(request):
    partnership = _training_team_partnership(request)
    today = timezone.localdate()
    form, date_from, date_to = _period(request, PeriodForm, (financial_year(today)[0], today))
    figures = None
    if date_from is not None:
        figures = reports.programme_report(partnership, *reports.period_bounds(date_from, date_to))
    return render(
        request,
        "training/staff/report.html",
        {
            "partnership": partnership,
            "form": form,
            "figures": figures,
            "date_from": date_from,
            "date_to": date_to,
        },
    )


def _charges(request):
    partnership = _training_team_partnership(request)
    form, date_from, date_to = _period(
        request,
        ChargesFilterForm,
        financial_year(timezone.localdate()),
        agencies=Agency.objects.in_partnership(partnership),
    )
    charges = None
    if date_from is not None:
        charges = reports.charges_for(
            partnership,
            *reports.period_bounds(date_from, date_to),
            agency=form.cleaned_data["agency"],
        )
    return partnership, form, charges


@login_required
@require_GET
def charges(request):
    partnership, form, found = _charges(request)
    context = {"partnership": partnership, "form": form, "charges": None}
    if found is not None:
        totals, total = reports.agency_totals(found)
        chosen = form.cleaned_data["agency"]
        query = urlencode(
            {
                **period_query(form.cleaned_data["date_from"], form.cleaned_data["date_to"]),
                **({"agency": chosen.pk} if chosen else {}),
            }
        )
        context.update(
            charges=[
                {
                    "charge": charge,
                    "amount": presenters.pounds(charge.amount_pence),
                    "session_date": charge.session_starts_at,
                }
                for charge in found
            ],
            totals=[
                {
                    "name": row["agency__name"] or NO_CONFIRMED_ORGANISATION,
                    "count": row["count"],
                    "raised": presenters.pounds(row["raised"]),
                    "waived": presenters.pounds(row["waived"]),
                    "due": presenters.pounds(row["due"]),
                }
                for row in [*totals, total]
            ],
            query=query,
            date_from=form.cleaned_data["date_from"],
            date_to=form.cleaned_data["date_to"],
        )
    return render(request, "training/staff/charges.html", context)


def _charges_download(request, kind):
    partnership, form, found = _charges(request)
    if found is None:
        return render(
            request,
            "training/staff/charges.html",
            {"partnership": partnership, "form": form, "charges": None},
        )
    header, rows = reports.charge_table(found)
    dates = f"{form.cleaned_data['date_from']:%Y-%m-%d}-to-{form.cleaned_data['date_to']:%Y-%m-%d}"
    name = f"training-charges-{partnership.slug}-{dates}"
    return reports.download(header, rows, name=name, kind=kind, title="Training charges")


@login_required
@require_GET
def charges_csv(request):
    return _charges_download(request, "csv")


@login_required
@require_GET
def charges_xlsx(request):
    return _charges_download(request, "xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def waive(request, pk):
    charge = get_object_or_404(
        scope_queryset(request.user, Action.MANAGE_TRAINING, Charge.objects.all()).select_related(
            "agency", "partnership", "waived_by"
        ),
        pk=pk,
    )
    start, end = financial_year(timezone.localdate(charge.session_starts_at))
    back = reverse("training:charges") + "?" + urlencode(period_query(start, end))
    form = WaiveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not charge.is_waived and form.is_valid():
        with service_call(form, "reason") as call:
            services.charge_waive(
                by=request.user, charge=charge, reason=form.cleaned_data["reason"], request=request
            )
        if call.ok:
            messages.success(
                request,
                f"The {presenters.pounds(charge.amount_pence)} charge to {charge.charged_to} is "
                "waived.",
            )
            return redirect(back)
    return render(
        request,
        "training/staff/waive.html",
        {
            "charge": charge,
            "form": form,
            "amount": presenters.pounds(charge.amount_pence),
            "back": back,
        },
    )


# --- Certificates -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def certificate_withdraw(request, pk, booking_pk):
    """The training team withdraws a certificate issued for a booking on one of its
    sessions, with a reason anyone checking the certificate is shown."""
    certificate = get_object_or_404(
        scope_queryset(
            request.user, Action.MANAGE_TRAINING, Certificate.objects.all()
        ).select_related(
            "booking__person", "booking__agency", "booking__session__course__partnership"
        ),
        booking_id=booking_pk,
        booking__session_id=pk,
    )
    booking = certificate.booking
    back = reverse("training:session_bookings", args=[pk])
    form = CertificateWithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and certificate.withdrawn_at is None and form.is_valid():
        with service_call(form, "reason") as call:
            services.certificate_withdraw(
                by=request.user,
                certificate=certificate,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        if call.ok:
            messages.success(
                request,
                f"{booking.person.display_name}’s certificate for {booking.session.course.title} "
                "is withdrawn. Anyone who checks it is told so.",
            )
            return redirect(back)
    return render(
        request,
        "training/staff/certificate_withdraw.html",
        {
            "certificate": certificate,
            "booking": booking,
            "form": form,
            "when": presenters.when(booking.session),
            "back": back,
        },
    )
