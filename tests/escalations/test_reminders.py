"""Reminders: when an open escalation passes its stage's target, both agencies' leads get one
email for that stage, however often the job runs; a new stage that passes its target gets its
own; a closed escalation gets none."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from hub.escalations import services
from hub.escalations.models import RoleLevel, StageReminder
from tests.escalations.conftest import RAISED_ON, stages_of

# Stage 1's target is 2 working days: Wed 4 March 2026 + 2 = Fri 6 March.
DUE = datetime.datetime(2026, 3, 6, 12, tzinfo=datetime.UTC)
PAST_DUE = datetime.datetime(2026, 3, 9, 8, tzinfo=datetime.UTC)


def reminders_to(email):
    return [m for m in mail.outbox if email in m.to and "passed its target" in m.subject]


@pytest.fixture
def quiet_northmoor(northmoor_protocol):
    """Northmoor's demo escalations removed, so only the test's own are reminded of."""
    return northmoor_protocol


def test_nothing_is_sent_until_the_stage_passes_its_target(
    escalation, council_lead, police_lead, quiet_northmoor
):
    assert services.send_stage_reminders(DUE) == 0
    assert mail.outbox == []


def test_both_agencies_leads_are_reminded_once_per_stage(
    escalation, council_lead, police_lead, college_lead, practitioner, protocol, quiet_northmoor
):
    assert services.send_stage_reminders(PAST_DUE) == 1
    assert services.send_stage_reminders(PAST_DUE + datetime.timedelta(hours=1)) == 0
    assert services.send_stage_reminders(PAST_DUE + datetime.timedelta(days=3)) == 0
    assert len(reminders_to(council_lead.email)) == 1
    assert len(reminders_to(police_lead.email)) == 1
    assert reminders_to(college_lead.email) == []
    message = reminders_to(police_lead.email)[0]
    assert escalation.reference in message.subject
    assert f"/escalations/{escalation.reference}/" in message.body

    # Stage 2 (five working days from Mon 9 March: due Mon 16 March) gets its own reminder.
    services.escalation_move(
        by=practitioner,
        escalation=escalation,
        stage=stages_of(protocol)[1],
        on=datetime.date(2026, 3, 9),
        role_level=RoleLevel.MANAGER,
        note="Managers to meet.",
        now=PAST_DUE,
    )
    assert (
        services.send_stage_reminders(datetime.datetime(2026, 3, 16, 9, tzinfo=datetime.UTC)) == 0
    )
    assert (
        services.send_stage_reminders(datetime.datetime(2026, 3, 17, 9, tzinfo=datetime.UTC)) == 1
    )
    assert len(reminders_to(police_lead.email)) == 2
    assert StageReminder.objects.filter(escalation=escalation).count() == 2


def test_a_closed_escalation_is_not_reminded(
    escalation, practitioner, council_lead, quiet_northmoor
):
    services.escalation_close(
        by=practitioner,
        escalation=escalation,
        outcome=escalation.protocol.outcomes.first(),
        on=RAISED_ON,
        role_level=RoleLevel.PRACTITIONER,
        now=PAST_DUE,
    )
    assert services.send_stage_reminders(PAST_DUE) == 0


def test_the_scheduled_job_sends_the_reminder_once_on_a_frozen_clock(
    escalation, council_lead, police_lead, quiet_northmoor
):
    with time_machine.travel(PAST_DUE, tick=False):
        call_command("run_jobs", "--job", "send_escalation_reminders", stdout=io.StringIO())
        call_command("run_jobs", "--job", "send_escalation_reminders", stdout=io.StringIO())
    assert len(reminders_to(police_lead.email)) == 1
