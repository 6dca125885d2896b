"""Owners are reminded before and after the review date, once per threshold, never twice."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from hub.library.services import send_review_reminders

pytestmark = pytest.mark.django_db
DUE = datetime.date(2026, 12, 31)
DAYS = [60, 30, 7, 0, -30]


@pytest.fixture
def due_document(make_document):
    from hub.library.models import LibraryDocument

    # Only this document is in play.
    LibraryDocument.objects.update(review_due=None)
    return make_document("test-due", review_due=DUE, published=[datetime.date(2025, 1, 6)])


def mails_for(document):
    return [m for m in mail.outbox if document.title in m.subject]


def test_one_email_per_threshold_as_the_date_approaches_and_passes(due_document):
    sent_on = {}
    day = DUE - datetime.timedelta(days=90)
    while day <= DUE + datetime.timedelta(days=60):
        before = len(mails_for(due_document))
        send_review_reminders(today=day, reminder_days=DAYS)
        send_review_reminders(today=day, reminder_days=DAYS)  # a second run the same day
        if len(mails_for(due_document)) > before:
            sent_on[day] = len(mails_for(due_document)) - before
        day += datetime.timedelta(days=1)
    assert list(sent_on.values()) == [1, 1, 1, 1, 1]
    assert list(sent_on) == [DUE - datetime.timedelta(days=d) for d in DAYS]
    assert all(m.to == ["owner@westshire.example"] for m in mails_for(due_document))
    assert "overdue" in mails_for(due_document)[-1].subject.lower()


def test_a_document_found_long_overdue_gets_one_email_not_five(due_document):
    assert send_review_reminders(today=DUE + datetime.timedelta(days=100), reminder_days=DAYS) == 1
    assert len(mails_for(due_document)) == 1


def test_a_new_review_date_starts_the_reminders_again(due_document):
    send_review_reminders(today=DUE, reminder_days=DAYS)
    due_document.review_due = DUE + datetime.timedelta(days=365)
    due_document.save()
    send_review_reminders(
        today=due_document.review_due - datetime.timedelta(days=30), reminder_days=DAYS
    )
    assert len(mails_for(due_document)) == 2


def test_the_daily_command_runs(due_document, capsys):
    call_command("send_review_reminders")
    assert "review reminder(s)" in capsys.readouterr().out
