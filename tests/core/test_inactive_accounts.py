"""Accounts not used for INACTIVE_ACCOUNT_MONTHS are warned a month before and then
deactivated, by a periodic command that never sends twice."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hub.accounts.inactivity import deactivate_inactive_accounts
from hub.core import audit
from hub.core.models import Agency, User
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(westshire):
    agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
    now = timezone.now()
    # Everyone else in the demo signed in "now", so only these three are in play.
    User.objects.update(last_login=now)
    made = {}
    for name, days_ago in (("recent", 30), ("due_warning", 340), ("expired", 370)):
        person = make_person(f"{name}@westbury.example", partnership=westshire, agency=agency)
        person.last_login = now - datetime.timedelta(days=days_ago)
        person.save()
        made[name] = person
    return made


def test_warns_a_month_before_and_deactivates_at_twelve_months(
    people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        warned, deactivated = deactivate_inactive_accounts()
    assert (warned, deactivated) == (1, 1)
    for person in people.values():
        person.refresh_from_db()
    assert people["recent"].is_active and people["recent"].inactivity_warning_sent_at is None
    assert people["due_warning"].is_active
    assert people["due_warning"].inactivity_warning_sent_at is not None
    assert not people["expired"].is_active
    assert [message.to for message in mail.outbox] == [["due_warning@westbury.example"]]
    assert "will be deactivated on" in mail.outbox[0].body
    assert (
        audit.entries()
        .filter(action="hub.account.deactivated", object_id=str(people["expired"].pk))
        .exists()
    )


def test_running_twice_sends_nothing_twice(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        deactivate_inactive_accounts()
        assert deactivate_inactive_accounts() == (0, 0)
    assert len(mail.outbox) == 1


def test_signing_in_after_a_warning_earns_a_new_warning_next_time(
    people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deactivate_inactive_accounts()
    person = people["due_warning"]
    person.refresh_from_db()
    person.last_login = timezone.now()
    person.save()
    sent_before = len(mail.outbox)
    later = timezone.now() + datetime.timedelta(days=340)
    with django_capture_on_commit_callbacks(execute=True):
        deactivate_inactive_accounts(now=later)
    assert ["due_warning@westbury.example"] in [m.to for m in mail.outbox[sent_before:]]


def test_the_period_is_configurable(people, settings, django_capture_on_commit_callbacks):
    settings.INACTIVE_ACCOUNT_MONTHS = 24
    with django_capture_on_commit_callbacks(execute=True):
        assert deactivate_inactive_accounts() == (0, 0)


def test_the_command_reports_what_it_did(people, capsys):
    call_command("deactivate_inactive_accounts")
    assert "deactivated 1 account(s)" in capsys.readouterr().out


def test_audit_entries_past_retention_are_pruned_and_others_kept(people, settings):
    settings.AUDIT_LOG_RETENTION_DAYS = 730
    person = people["recent"]
    old = audit.record(actor=None, action="hub.account.details_changed", instance=person)
    recent = audit.record(actor=None, action="hub.account.details_changed", instance=person)
    old.timestamp = timezone.now() - datetime.timedelta(days=731)
    old.save()
    call_command("prune_audit_log")
    remaining = set(audit.entries().values_list("pk", flat=True))
    assert old.pk not in remaining
    assert recent.pk in remaining


def test_audit_entries_hold_who_what_when_and_where_but_no_content(people, rf):
    request = rf.get("/", REMOTE_ADDR="198.51.100.23")
    person = people["recent"]
    entry = audit.record(actor=person, action="hub.record.viewed", instance=person, request=request)
    assert entry.user == person
    assert entry.data["client_address"] == "198.51.100.23"
    assert entry.data["partnership_id"] == person.partnership_id
    assert entry.label == f"User {person.pk}"
    assert person.email not in str(entry.data) and person.email not in entry.label
