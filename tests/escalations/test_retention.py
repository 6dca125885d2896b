"""Retention: `run_jobs` deletes escalations closed more than ESCALATION_RETENTION_YEARS (6)
years ago, with their steps, and keeps newer and open ones."""

import datetime
import io

import time_machine
from django.core.management import call_command

from hub.escalations import services
from hub.escalations.models import Escalation, RoleLevel, Step
from tests.escalations.conftest import raise_one

NOW = datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC)


def raised_and_closed(by, partnership, receiving, protocol, *, raised_on, closed_on):
    escalation = raise_one(
        by, partnership, receiving, protocol, raised_on=raised_on, summary=f"From {raised_on}."
    )
    return services.escalation_close(
        by=by,
        escalation=escalation,
        outcome=protocol.outcomes.first(),
        on=closed_on,
        role_level=RoleLevel.MANAGER,
        now=NOW,
    )


def test_run_jobs_deletes_escalations_closed_over_six_years_ago_and_keeps_newer_ones(
    practitioner, westshire, police, protocol, settings
):
    assert settings.ESCALATION_RETENTION_YEARS == 6
    old = raised_and_closed(
        practitioner,
        westshire,
        police,
        protocol,
        raised_on=datetime.date(2019, 10, 1),
        closed_on=datetime.date(2020, 3, 2),
    )
    newer = raised_and_closed(
        practitioner,
        westshire,
        police,
        protocol,
        raised_on=datetime.date(2020, 2, 3),
        closed_on=datetime.date(2020, 3, 5),
    )
    still_open = raise_one(
        practitioner, westshire, police, protocol, raised_on=datetime.date(2019, 6, 3)
    )
    with time_machine.travel(NOW, tick=False):
        call_command("run_jobs", "--job", "retention", stdout=io.StringIO())
    assert not Escalation.objects.filter(pk=old.pk).exists()
    assert not Step.objects.filter(escalation_id=old.pk).exists()
    assert Escalation.objects.filter(pk__in=[newer.pk, still_open.pk]).count() == 2
