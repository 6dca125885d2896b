"""The periodic reminders (each once), what section 11 keeps about a person, and how long
rounds are kept."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hub.assurance import privacy, services
from hub.assurance.models import EvidenceFile, Round, Submission
from tests.assurance.conftest import complete, pdf_upload, submission_of

pytestmark = pytest.mark.django_db


def _reminders():
    return [m for m in mail.outbox if m.subject.startswith("Reminder: your section 11")]


def test_agencies_yet_to_submit_are_reminded_once_before_the_due_date_and_on_it(
    joint_round, westbury, lead_westbury, lead_police, django_capture_on_commit_callbacks
):
    complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission_of(joint_round, westbury))
    joint_round.refresh_from_db()
    reminder_day = joint_round.due_on - datetime.timedelta(days=joint_round.reminder_days)
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime.combine(reminder_day, datetime.time(7, 10))):
        call_command("send_section11_reminders", stdout=None)
        call_command("send_section11_reminders", stdout=None)
    reminded = {address for message in _reminders() for address in message.to}
    assert len(_reminders()) == 2  # police and Moorhampton, once each; Westbury has submitted
    assert lead_police.email in reminded
    assert lead_westbury.email not in reminded
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime.combine(reminder_day, datetime.time(7, 10))):
        services.send_due_reminders(today=reminder_day + datetime.timedelta(days=1))
    assert _reminders() == []
    services.send_due_reminders(today=joint_round.due_on)
    assert len(_reminders()) == 2


def test_the_data_download_lists_what_a_person_wrote_and_submitted(
    joint_round, westbury, lead_westbury, reviewer_westshire
):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    services.submission_submit(by=lead_westbury, submission=submission)
    challenge = services.challenge_raise(
        by=reviewer_westshire, submission=submission, kind="challenge", text="How often?"
    )
    services.challenge_respond(by=lead_westbury, challenge=challenge, response="Every term.")
    lead_data = privacy.personal_data(lead_westbury)
    assert lead_data["submitted"][0]["agency"] == westbury.name
    assert lead_data["responses"][0]["response"] == "Every term."
    assert privacy.personal_data(reviewer_westshire)["comments_and_questions"][0]["text"] == (
        "How often?"
    )


def test_deleting_an_account_keeps_the_agencys_submission(
    joint_round, westbury, lead_westbury, colleague_westbury
):
    submission = complete(submission_of(joint_round, westbury), lead_westbury)
    services.contributor_add(
        by=lead_westbury, submission=submission, email=colleague_westbury.email
    )
    services.submission_submit(by=lead_westbury, submission=submission)
    colleague_westbury.delete()
    lead_westbury.delete()
    submission = Submission.objects.get(pk=submission.pk)
    assert submission.submitted_by is None
    assert submission.contributors.count() == 0
    assert submission.answers.count() == 3


def test_rounds_closed_past_the_retention_period_go_with_their_files(
    joint_round,
    westbury,
    lead_westbury,
    admin_westshire,
    settings,
    django_capture_on_commit_callbacks,
):
    submission = submission_of(joint_round, westbury)
    standard = joint_round.framework_version.standards.first()
    evidence = services.evidence_add(
        by=lead_westbury, submission=submission, standard=standard, uploaded_file=pdf_upload()
    )
    stored = evidence.file.name
    services.round_close(by=admin_westshire, round_=joint_round)
    settings.ASSURANCE_RETENTION_DAYS = 30
    # (The demo's 2024 round, long closed, goes now; this round stays.)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.prune(now=timezone.now() + datetime.timedelta(days=29))
    assert Round.objects.filter(pk=joint_round.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        rounds, files, _ = privacy.prune(now=timezone.now() + datetime.timedelta(days=31))
    assert (rounds, files) == (1, 1)
    assert not Round.objects.filter(pk=joint_round.pk).exists()
    assert not EvidenceFile.objects.filter(pk=evidence.pk).exists()
    assert not evidence.file.storage.exists(stored)


def test_an_open_round_is_never_pruned(joint_round, settings):
    settings.ASSURANCE_RETENTION_DAYS = 0
    privacy.prune(now=timezone.now() + datetime.timedelta(days=10_000))
    assert Round.objects.filter(pk=joint_round.pk).exists()
