"""The training team's screens, listed once: the index at /training/manage/ and the account
page both read this list, and each screen shows only to whoever may use it (the screens
themselves check again)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from hub.core.permissions import Action, can
from hub.core.presenters import partnership_for


def _runs_sessions(request):
    user = request.user
    return can(user, Action.TAKE_REGISTER) or can(user, Action.MANAGE_TRAINING)


def _sees_records(request):
    return can(request.user, Action.VIEW_TRAINING_RECORDS)


def _runs_programme(request):
    partnership = partnership_for(request)
    return partnership is not None and can(request.user, Action.MANAGE_TRAINING, partnership)


@dataclass(frozen=True)
class Screen:
    text: str
    url_name: str
    description: str
    shown: Callable[[Any], bool]

    @property
    def url(self):
        return reverse(self.url_name)


SCREENS = (
    Screen(
        "Sessions and registers",
        "training:staff_sessions",
        "The sessions you run or look after, recent and coming; take a register on the day.",
        _runs_sessions,
    ),
    Screen(
        "Staff training records",
        "training:agency_records",
        "Who in an organisation has done which course and when refreshers are due; book, "
        "cancel and transfer places for colleagues.",
        _sees_records,
    ),
    Screen(
        "Training report",
        "training:report",
        "Sessions, places filled, no-shows, late cancellations and evaluation scores for a "
        "period, by course and by organisation.",
        _runs_programme,
    ),
    Screen(
        "Charges",
        "training:charges",
        "Charges for late cancellations and no-shows by organisation, with waivers and "
        "spreadsheet exports.",
        _runs_programme,
    ),
)


def screens_for(request):
    return [screen for screen in SCREENS if screen.shown(request)]
