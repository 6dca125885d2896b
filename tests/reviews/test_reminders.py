"""Reminders: once a rapid review's timeline step is overdue, the partnership's review panel
and admins get one email about it, however often (or late) the job runs; once an agency's
information is overdue, that agency's leads get one. Done steps, returned information and
reviews no longer open are not reminded of; a send that fails is tried again next run."""

import datetime
import io
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from hub.reviews import timeline
from hub.reviews.models import (
    Decision,
    InformationRequest,
    Review,
    ReviewStatus,
    ReviewStep,
    TimelineStep,
)
from tests.reviews.conftest import NOW
from tests.reviews.test_cases import open_one

pytestmark = pytest.mark.django_db

# Notified Wednesday 4 March 2026: day 1 is due Thursday 5 March, overdue from Friday 6 March.
ON_DAY_1 = datetime.datetime(2026, 3, 5, 8, tzinfo=datetime.UTC)
AFTER_DAY_1 = datetime.datetime(2026, 3, 6, 8, tzinfo=datetime.UTC)
# Days 2 to 10 are due Wednesday 18 March; the meeting (day 12) Friday 20 March.
AFTER_DAY_10 = datetime.datetime(2026, 3, 19, 8, tzinfo=datetime.UTC)


def step_reminders(email):
    return [m for m in mail.outbox if email in m.to and "rapid review step" in m.subject]


def request_reminders(email):
    return [m for m in mail.outbox if email in m.to and "information is overdue" in m.subject]


@pytest.fixture
def review(panel, westshire):
    """The only case record anywhere (the demo's removed), opened on the default timeline."""
    Review.objects.all().delete()
    TimelineStep.objects.filter(partnership=westshire).delete()
    return open_one(panel, westshire)


@pytest.fixture
def people(panel, business_unit, editor, practitioner, northmoor_panel, college_lead):
    return locals()


def test_nothing_is_sent_until_a_step_is_past_its_due_date(review, people):
    assert timeline.send_reminders(NOW) == 0
    assert timeline.send_reminders(ON_DAY_1) == 0
    assert mail.outbox == []


def test_the_panel_and_admins_are_reminded_once_per_overdue_step(review, people):
    assert timeline.send_reminders(AFTER_DAY_1) == 1
    assert timeline.send_reminders(AFTER_DAY_1 + datetime.timedelta(hours=2)) == 0
    assert timeline.send_reminders(AFTER_DAY_1 + datetime.timedelta(days=3)) == 0
    for who in ("panel", "business_unit"):
        assert len(step_reminders(people[who].email)) == 1, who
    for who in ("editor", "practitioner", "northmoor_panel", "college_lead"):
        assert step_reminders(people[who].email) == [], who
    message = step_reminders(people["panel"].email)[0]
    assert review.reference in message.subject
    assert "Notification shared with the safeguarding partners (Day 1): due 5 March 2026" in (
        message.body
    )
    assert f"/reviews/{review.reference}/" in message.body
    assert ReviewStep.objects.get(review=review, day=1).reminded_at == AFTER_DAY_1
    # The information step becomes overdue later and gets its own reminder.
    assert timeline.send_reminders(AFTER_DAY_10) == 1
    assert len(step_reminders(people["panel"].email)) == 2
    assert "Agencies return information (Days 2 to 10)" in (
        step_reminders(people["panel"].email)[1].body
    )


def test_a_late_run_reminds_once_of_every_step_overdue_by_then_in_one_email(review, people):
    late = datetime.datetime(2026, 4, 30, 8, tzinfo=datetime.UTC)
    assert timeline.send_reminders(late) == 5
    assert timeline.send_reminders(late) == 0
    [message] = step_reminders(people["panel"].email)
    assert "5 rapid review steps are overdue" in message.subject
    assert not ReviewStep.objects.filter(review=review, reminded_at__isnull=True).exists()


def test_done_steps_and_reviews_no_longer_open_are_not_reminded(review, panel, people):
    ReviewStep.objects.filter(review=review, day=1).update(
        done_on=datetime.date(2026, 3, 5), done_by=panel
    )
    assert timeline.send_reminders(AFTER_DAY_1) == 0
    Review.objects.filter(pk=review.pk).update(
        status=ReviewStatus.COMPLETED,
        rapid_review_sent_on=datetime.date(2026, 3, 18),
        decision=Decision.NO_FURTHER,
        decision_on=datetime.date(2026, 3, 19),
    )
    assert timeline.send_reminders(datetime.datetime(2026, 4, 30, tzinfo=datetime.UTC)) == 0
    assert mail.outbox == []


def test_an_agencys_leads_are_reminded_once_when_its_information_is_overdue(
    review, college, westbury, college_lead, westbury_lead, police_lead, panel
):
    ReviewStep.objects.filter(review=review).update(done_on=datetime.date(2026, 3, 5))
    asked = InformationRequest.objects.create(
        review=review,
        agency=college,
        asked_on=datetime.date(2026, 3, 5),
        due_on=datetime.date(2026, 3, 18),
    )
    returned = InformationRequest.objects.create(
        review=review,
        agency=westbury,
        asked_on=datetime.date(2026, 3, 5),
        due_on=datetime.date(2026, 3, 18),
        returned_on=datetime.date(2026, 3, 17),
        chronology_sent=True,
    )
    assert timeline.send_reminders(datetime.datetime(2026, 3, 18, 9, tzinfo=datetime.UTC)) == 0
    assert timeline.send_reminders(AFTER_DAY_10) == 1
    assert timeline.send_reminders(AFTER_DAY_10 + datetime.timedelta(days=7)) == 0
    [message] = request_reminders(college_lead.email)
    assert review.reference in message.subject
    assert f"/reviews/agency/requests/{asked.pk}/" in message.body
    assert "It was due by 18 March 2026" in message.body
    assert request_reminders(westbury_lead.email) == []
    assert request_reminders(police_lead.email) == []
    assert request_reminders(panel.email) == []
    returned.refresh_from_db()
    assert returned.reminded_at is None


def test_a_send_that_fails_is_tried_again_next_run(review, people):
    with mock.patch(
        "django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError("no server")
    ):
        assert timeline.send_reminders(AFTER_DAY_1) == 0
    assert ReviewStep.objects.get(review=review, day=1).reminded_at is None
    assert timeline.send_reminders(AFTER_DAY_1) == 1
    assert len(step_reminders(people["panel"].email)) == 1


def test_the_scheduled_job_sends_the_reminder_once_on_a_frozen_clock(review, people):
    with time_machine.travel(AFTER_DAY_1, tick=False):
        call_command("run_jobs", "--job", "send_practice_review_reminders", stdout=io.StringIO())
        call_command("run_jobs", "--job", "send_practice_review_reminders", stdout=io.StringIO())
    assert len(step_reminders(people["panel"].email)) == 1
