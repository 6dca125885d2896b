"""Frameworks and rounds: publishing and copying framework versions; opening a round,
reminding its agencies and closing it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hub.assurance.models import (
    FrameworkVersion,
    Round,
    RoundStatus,
    Standard,
    Submission,
    SubmissionStatus,
)
from hub.assurance.services.access import (
    SEND_EMAIL,
    _require,
    may_manage,
)
from hub.core import audit
from hub.core.permissions import Action, can
from hub.core.tasks import enqueue, enqueue_on_commit


def framework_version_publish(*, by, version, request=None):
    """Freeze `version` so rounds can use it. Publishing twice changes nothing."""
    _require(can(by, Action.MANAGE_ASSURANCE, version.framework.partnership))
    with transaction.atomic():
        version = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
        if version.published_at is not None:
            return version
        if not version.standards.exists():
            raise ValidationError("Add at least one standard before publishing.")
        version.published_at = timezone.now()
        version.save(update_fields=["published_at"])
        audit.record(
            actor=by,
            action="hub.assurance.framework_published",
            instance=version,
            request=request,
            partnership_id=version.framework.partnership_id,
        )
    return version


def framework_version_copy(*, by, version, request=None):
    """A new, unpublished version with the same scale and standards, to edit freely. The
    copied version, and every round on it, stay exactly as they were."""
    framework = version.framework
    _require(can(by, Action.MANAGE_ASSURANCE, framework.partnership))
    with transaction.atomic():
        latest = (
            FrameworkVersion.objects.select_for_update()
            .filter(framework=framework)
            .order_by("-number")
            .first()
        )
        copy = FrameworkVersion.objects.create(
            framework=framework,
            number=latest.number + 1,
            rating_scale=version.rating_scale,
            introduction=version.introduction,
        )
        for standard in version.standards.all():
            Standard.objects.create(
                version=copy,
                sort_order=standard.sort_order,
                key=standard.key,
                number=standard.number,
                title=standard.title,
                summary=standard.summary,
                sub_standards=standard.sub_standards,
                guidance=standard.guidance,
                evidence_prompts=standard.evidence_prompts,
            )
        audit.record(
            actor=by,
            action="hub.assurance.framework_copied",
            instance=copy,
            request=request,
            partnership_id=framework.partnership_id,
        )
    return copy


def _shared_partnerships(round_, agency):
    taking_part = {p.pk for p in round_.partnerships.all()}
    return [p for p in agency.partnerships.all() if p.pk in taking_part]


def round_open(*, by, round_, request=None):
    """Open the round: one submission per invited agency, shared with each partnership of the
    round the agency works in, and an invitation to each agency's safeguarding leads.
    Opening again (after inviting more agencies) adds only the new ones. Returns how many
    submissions were created."""
    _require(may_manage(by, round_))
    with transaction.atomic():
        round_ = (
            Round.objects.select_for_update().select_related("framework_version").get(pk=round_.pk)
        )
        if round_.is_closed:
            raise ValidationError("A closed round cannot be opened again.")
        if not round_.framework_version.is_published:
            raise ValidationError("Publish the framework version before opening the round.")
        existing = set(round_.submissions.values_list("agency_id", flat=True))
        created = []
        for agency in round_.agencies.prefetch_related("partnerships"):
            if agency.pk in existing:
                continue
            shared = _shared_partnerships(round_, agency)
            if not shared:
                raise ValidationError(
                    f"{agency.name} does not work in any partnership taking part in the round."
                )
            submission = Submission.objects.create(round=round_, agency=agency)
            submission.shared_with.set(shared)
            created.append(submission)
        if not created and not existing:
            raise ValidationError("Invite at least one agency before opening the round.")
        if round_.status == RoundStatus.DRAFT:
            round_.status = RoundStatus.OPEN
            round_.opened_at = timezone.now()
            round_.save(update_fields=["status", "opened_at"])
        audit.record(
            actor=by,
            action="hub.assurance.round_opened",
            instance=round_,
            request=request,
            partnership_id=round_.partnership_id,
            details={"new_submissions": len(created)},
        )
        for submission in created:
            enqueue_on_commit(SEND_EMAIL, "invitation", submission.pk)
    return len(created)


def round_send_reminders(*, by, round_, request=None):
    """Remind every agency yet to submit, now. Returns how many reminders were queued."""
    _require(may_manage(by, round_))
    if not round_.is_open:
        raise ValidationError("Reminders can only be sent while the round is open.")
    pending = list(
        round_.submissions.filter(status=SubmissionStatus.DRAFT).values_list("pk", flat=True)
    )
    key = timezone.now().strftime("%Y%m%d%H%M")
    for pk in pending:
        enqueue(SEND_EMAIL, "reminder", pk, key)
    audit.record(
        actor=by,
        action="hub.assurance.reminders_sent",
        instance=round_,
        request=request,
        partnership_id=round_.partnership_id,
        details={"reminders": len(pending)},
    )
    return len(pending)


def round_close(*, by, round_, request=None):
    """Close the round: agreed submissions become closed; nothing in the round can change
    afterwards except reading it. Returns how many submissions were closed."""
    _require(may_manage(by, round_))
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        if round_.is_closed:
            return 0
        now = timezone.now()
        closed = round_.submissions.filter(status=SubmissionStatus.AGREED).update(
            status=SubmissionStatus.CLOSED, closed_at=now
        )
        round_.status = RoundStatus.CLOSED
        round_.closed_at = now
        round_.save(update_fields=["status", "closed_at"])
        audit.record(
            actor=by,
            action="hub.assurance.round_closed",
            instance=round_,
            request=request,
            partnership_id=round_.partnership_id,
            details={"closed_submissions": closed},
        )
    return closed


def send_due_reminders(*, today=None):
    """The periodic job: remind agencies yet to submit, `reminder_days` before the due date
    and again on the due date, once each. Returns how many reminders were queued."""
    today = today or timezone.localdate()
    queued = 0
    for round_ in Round.objects.filter(status=RoundStatus.OPEN, due_on__gte=today):
        days_left = (round_.due_on - today).days
        if days_left not in (round_.reminder_days, 0):
            continue
        for pk in round_.submissions.filter(status=SubmissionStatus.DRAFT).values_list(
            "pk", flat=True
        ):
            enqueue(SEND_EMAIL, "reminder", pk, f"due-{days_left}")
            queued += 1
    return queued
