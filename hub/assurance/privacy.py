"""What section 11 records hold about a person, and how long they are kept.

A self-assessment is the agency's record, not a person's: it names no child or family, and
people appear in it only as who submitted, reviewed or answered what. Those links are cleared
(SET_NULL) when an account is deleted; being named as a contributor goes with the account.
Whole rounds, with their evidence files, are deleted `ASSURANCE_RETENTION_DAYS` after the
round closed: long enough to compare with the next two rounds (they run every two years).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hub.assurance.models import (
    AssuranceEmail,
    AttachedRecord,
    Challenge,
    EvidenceFile,
    Round,
    RoundStatus,
    Submission,
    SubmissionContributor,
)

DEFAULT_RETENTION_DAYS = 6 * 365
# Reminders look at most a round's length ahead; a year and a bit covers any round.
EMAIL_LOG_RETENTION = datetime.timedelta(days=400)


def retention():
    return datetime.timedelta(
        days=getattr(settings, "ASSURANCE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    )


def personal_data(user):
    """The section 11 records that name `user`: what they were asked to help with, what they
    submitted, and the comments, questions and responses they wrote."""
    return {
        "contributor_on": [
            {"agency": str(row.submission.agency), "round": row.submission.round.title}
            for row in SubmissionContributor.objects.filter(person=user).select_related(
                "submission__agency", "submission__round"
            )
        ],
        "submitted": [
            {
                "agency": str(submission.agency),
                "round": submission.round.title,
                "submitted_at": submission.submitted_at.isoformat(),
            }
            for submission in Submission.objects.filter(submitted_by=user).select_related(
                "agency", "round"
            )
        ],
        "comments_and_questions": [
            {
                "round": challenge.submission.round.title,
                "kind": challenge.get_kind_display(),
                "text": challenge.text,
                "raised_at": challenge.raised_at.isoformat(),
            }
            for challenge in Challenge.objects.filter(raised_by=user).select_related(
                "submission__round"
            )
        ],
        "responses": [
            {
                "round": challenge.submission.round.title,
                "response": challenge.response,
                "responded_at": challenge.responded_at.isoformat(),
            }
            for challenge in Challenge.objects.filter(responded_by=user).select_related(
                "submission__round"
            )
        ],
        "records_attached": [
            {
                "round": attached.submission.round.title,
                "standard": attached.standard.number,
                "record": attached.text,
                "attached_at": attached.attached_at.isoformat(),
            }
            for attached in AttachedRecord.objects.filter(attached_by=user).select_related(
                "submission__round", "standard"
            )
        ],
    }


def prune(now=None):
    """Delete rounds closed longer ago than the retention period, with their submissions,
    answers, actions, challenges and evidence files, and the old email log. Returns
    (rounds, evidence files, email log rows) deleted. Stored files go once the rows have."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = list(
            Round.objects.select_for_update().filter(
                status=RoundStatus.CLOSED, closed_at__lt=now - retention()
            )
        )
        evidence = list(EvidenceFile.objects.filter(submission__round__in=expired))
        files = [(item.file.storage, item.file.name) for item in evidence]
        Submission.objects.filter(round__in=expired).delete()
        for round_ in expired:
            round_.delete()
        emails, _ = AssuranceEmail.objects.filter(sent_at__lt=now - EMAIL_LOG_RETENTION).delete()

        def delete_files():
            for storage, name in files:
                storage.delete(name)

        transaction.on_commit(delete_files)
    return len(expired), len(files), emails
