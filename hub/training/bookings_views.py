"""The training team's bookings screen for one session, in the manner of an event-booking
back office: everyone booked, offered, waiting and gone, in order; book someone, move a
place to another date, offer free places, email everyone booked; CSV and spreadsheet.

Every change goes through hub.training.services and is audited there. A session outside
the partnerships whose training this person runs answers 404, as a guessed id does."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hub.core.forms import service_call
from hub.core.permissions import Action, scope_queryset
from hub.training import bookings_list, presenters, reports, services
from hub.training.availability import places_shown, with_places
from hub.training.models import Booking, BookingStatus, Session, SessionMessage, SessionStatus
from hub.training.staff_forms import BookSomeoneForm, MoveForm, SessionMessageForm


def _managed_session(request, pk):
    """A session of a partnership whose training this person runs; any other answers 404."""
    return get_object_or_404(
        scope_queryset(request.user, Action.MANAGE_TRAINING, Session.objects.all()).select_related(
            "course__partnership"
        ),
        pk=pk,
    )


def _is_open(session, now):
    return session.status == SessionStatus.SCHEDULED and session.starts_at > now


def _screen(request, session, *, book_form=None, status=200):
    people = bookings_list.people_on(session)
    now = timezone.now()
    is_open = _is_open(session, now)
    return render(
        request,
        "training/staff/session_bookings.html",
        {
            "item": session,
            "people": people,
            "when": presenters.when(session),
            "where": presenters.where(session),
            "places_left": session.capacity - len(people["booked"]) - len(people["offered"]),
            "is_open": is_open,
            "may_offer": bool(people["waiting"]) and is_open,
            "may_email": bool(people["booked"]) and session.ends_at > now,
            "book_form": book_form or BookSomeoneForm(),
            # booking id -> its certificate, for those issued (loaded with the bookings)
            "certificates": {
                booking.pk: booking.certificate
                for booking in people["booked"]
                if hasattr(booking, "certificate")
            },
            "sent": list(
                SessionMessage.objects.filter(session=session).select_related("sent_by")[:20]
            ),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_bookings(request, pk):
    """The screen; a POST offers free places to the next people waiting, at once."""
    session = _managed_session(request, pk)
    if request.method == "POST":
        with service_call() as call:
            made = services.waiting_list_offer(by=request.user, session=session, request=request)
        if call.ok:
            people = "person" if made == 1 else "people"
            messages.success(request, f"A place was offered to {made} {people}, by email.")
        else:
            messages.error(request, " ".join(call.messages))
        return redirect("training:session_bookings", pk=session.pk)
    return _screen(request, session)


@login_required
@require_POST
def book_someone(request, pk):
    """Book a person of the partnership's organisations by their email address: a place if
    one is free, else the waiting list, by the rule everyone books by."""
    session = _managed_session(request, pk)
    form = BookSomeoneForm(request.POST)
    if form.is_valid():
        people = services.team_bookable_people(request.user, session.course.partnership)
        person = people.filter(email__iexact=form.cleaned_data["email"]).first()
        if person is None:
            form.add_error(
                "email",
                f"No one with that email address has an account at one of "
                f"{session.course.partnership.name}’s organisations. Invite them from People "
                "first, or check the address.",
            )
        else:
            with service_call(form, "email") as call:
                made = services.place_request(
                    by=request.user, session=session, person=person, request=request
                )
            if call.ok:
                if isinstance(made, Booking):
                    messages.success(
                        request, f"{person.display_name} is booked. They get an email."
                    )
                else:
                    position = services.waiting_position(made)
                    messages.success(
                        request,
                        f"No place is free, so {person.display_name} is number {position} on "
                        "the waiting list. They get an email.",
                    )
                return redirect("training:session_bookings", pk=session.pk)
    return _screen(request, session, book_form=form, status=400)


def _date_label(session):
    places = places_shown(session)
    spare = f"{places} place{'s' if places != 1 else ''} free" if places else "full"
    return f"{presenters.when(session)} ({spare})"


@login_required
@require_http_methods(["GET", "POST"])
def move(request, pk, booking_pk):
    """Move one booked place to another date of the same course."""
    session = _managed_session(request, pk)
    booking = get_object_or_404(
        Booking.objects.select_related("person", "agency"), pk=booking_pk, session=session
    )
    now = timezone.now()
    choices = with_places(services.move_choices(session, now), now)
    form = MoveForm(
        request.POST if request.method == "POST" else None,
        choices=choices,
        label_for=_date_label,
    )
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["session"]
        with service_call(form, "session") as call:
            services.booking_move(
                by=request.user, booking=booking, to_session=target, request=request
            )
        if call.ok:
            messages.success(
                request,
                f"{booking.person.display_name}’s place has moved to {presenters.when(target)}. "
                "They get an email with the new date.",
            )
            return redirect("training:session_bookings", pk=session.pk)
    return render(
        request,
        "training/staff/move.html",
        {
            "item": session,
            "booking": booking,
            "form": form,
            "when": presenters.when(session),
            "has_choices": choices.exists(),
            "can_move": booking.is_confirmed and _is_open(session, now),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def email_booked(request, pk):
    """Write one email to everyone booked on the session."""
    session = _managed_session(request, pk)
    back = redirect("training:session_bookings", pk=session.pk)
    if request.method == "POST":
        form = SessionMessageForm(request.POST)
        valid = form.is_valid()
        token = form.cleaned_data.get("token")
        if token and SessionMessage.objects.filter(session=session, token=token).exists():
            # The same form sent again (a double click, the back button): sent once already.
            messages.info(request, "That email has already been sent. It is listed below.")
            return back
        if token is None:
            form.data = form.data.copy()
            form.data["token"] = str(uuid.uuid4())
        if valid:
            with service_call(form) as call:
                message = services.session_message_send(
                    by=request.user,
                    session=session,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    token=form.cleaned_data["token"],
                    request=request,
                )
            if call.ok:
                people = "person" if message.recipients == 1 else "people"
                messages.success(
                    request, f"Your email is on its way to {message.recipients} {people}."
                )
                return back
    else:
        form = SessionMessageForm(initial={"token": uuid.uuid4()})
    booked = Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED).count()
    return render(
        request,
        "training/staff/email_booked.html",
        {"item": session, "form": form, "when": presenters.when(session), "booked": booked},
        status=400 if form.errors else 200,
    )


def _bookings_download(request, pk, kind):
    session = _managed_session(request, pk)
    header, rows = bookings_list.table(bookings_list.people_on(session))
    day = timezone.localtime(session.starts_at)
    name = f"bookings-{slugify(session.course.title)}-{day:%Y-%m-%d}"
    return reports.download(header, rows, name=name, kind=kind, title="Bookings")


@login_required
@require_GET
def session_bookings_csv(request, pk):
    return _bookings_download(request, pk, "csv")


@login_required
@require_GET
def session_bookings_xlsx(request, pk):
    return _bookings_download(request, pk, "xlsx")
