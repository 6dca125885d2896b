"""The training team's screens, declared once as the domain's staff links: the admin menu's
"Training team" group, the account page and the index at /training/manage/ all read them,
and each shows only to whoever may use it (the screens themselves check again)."""

from django.urls import reverse

from hub.core.domains import StaffLink, staff_links_for
from hub.core.permissions import Action, can
from hub.core.presenters import partnership_for
from hub.core.staff_menu import admin_screen


def _runs_sessions(request):
    user = request.user
    return can(user, Action.TAKE_REGISTER) or can(user, Action.MANAGE_TRAINING)


def _sees_records(request):
    return can(request.user, Action.VIEW_TRAINING_RECORDS)


def _runs_programme(request):
    partnership = partnership_for(request)
    return partnership is not None and can(request.user, Action.MANAGE_TRAINING, partnership)


def _link(text, url_name, shown, order, description):
    return StaffLink(
        "training",
        text,
        lambda request: reverse(url_name),
        shown,
        order=order,
        description=description,
    )


STAFF_LINKS = (
    _link(
        "Sessions and registers",
        "training:staff_sessions",
        _runs_sessions,
        10,
        "The sessions you run or look after, recent and coming; take a register on the day.",
    ),
    _link(
        "Staff training records",
        "training:agency_records",
        _sees_records,
        20,
        "Who in an organisation has done which course and when refreshers are due; book, "
        "cancel and transfer places for colleagues.",
    ),
    _link(
        "Training report",
        "training:report",
        _runs_programme,
        30,
        "Sessions, places filled, no-shows, late cancellations and evaluation scores for a "
        "period, by course and by organisation.",
    ),
    _link(
        "Charges to organisations",
        "training:charges",
        _runs_programme,
        40,
        "Charges for late cancellations and no-shows by organisation, with waivers and "
        "spreadsheet exports.",
    ),
    _link(
        "Courses",
        "training_courses:index",
        admin_screen("training.Course", ("add", "change")),
        50,
        "Set up courses: what they cover, who they are for, whether they are published.",
    ),
    _link(
        "Session set-up",
        "training_sessions:index",
        admin_screen("training.Session", ("add", "change")),
        60,
        "Add sessions of a course: dates, venue or online link, places, trainers; cancel one.",
    ),
    _link(
        "Course charges",
        "training_tariffs:index",
        admin_screen("training.Tariff"),
        70,
        "What a late cancellation or a no-show costs, per course and type of organisation.",
    ),
    _link(
        "Booking rules",
        "training_policies:index",
        admin_screen("training.TrainingPolicy"),
        80,
        "How long an offered place is held, when cancelling becomes chargeable, reminders.",
    ),
)


def screens_for(request):
    """The training team's screens this person may use."""
    return [link for _key, _label, links in staff_links_for(request, "training") for link in links]
