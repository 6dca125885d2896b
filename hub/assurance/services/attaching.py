"""Records kept elsewhere in the Hub that an agency's lead may attach to a standard as
evidence: each domain offers its own through the registry (hub/core/domains.py,
`EvidenceSource`), for the agency and each partnership the self-assessment is shared with.
Nothing is attached unless the lead chooses it; what is attached is the record's words as
they were, so it reads the same if the record goes later."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hub.assurance.models import AttachedRecord
from hub.assurance.services.access import (
    _locked,
    _log,
    _require,
    _require_draft,
    _standard_of,
    may_lead,
)
from hub.core.domains import every

MAX_ATTACHED_PER_STANDARD = 30


@dataclass(frozen=True)
class Offered:
    source: str  # the EvidenceSource's key
    source_label: str
    key: str
    text: str
    on: object  # a date

    @property
    def choice(self):
        """The value of the button that attaches it."""
        return f"{self.source}:{self.key}"


def offered_records(submission):
    """Every record the registry's domains offer this submission's agency, per source, for
    the partnerships it is shared with: [(source label, [Offered, ...])], sources with none
    left out."""
    partnerships = list(submission.shared_with.all())
    found = []
    for source in every("evidence_sources"):
        seen, records = set(), []
        for partnership in partnerships:
            for key, text, on in source.records(submission.agency, partnership):
                if key not in seen:
                    seen.add(key)
                    records.append(Offered(source.key, source.label, key, text, on))
        if records:
            records.sort(key=lambda record: record.on, reverse=True)
            found.append((source.label, records))
    return found


def _find(submission, choice):
    source_key, _, key = (choice or "").partition(":")
    for _label, records in offered_records(submission):
        for record in records:
            if record.source == source_key and record.key == key:
                return record
    return None


def record_attach(*, by, submission, standard, choice, request=None):
    """Attach the offered record named by `choice` ("source:key") to a standard. A record
    that is not offered to this agency (a forged or stale choice) is refused; attaching one
    already attached changes nothing."""
    _require(may_lead(by, submission))
    record = _find(submission, choice)
    if record is None:
        raise ValidationError(
            {"attach": "That record is not one of your agency's. Choose one from the list."}
        )
    with transaction.atomic():
        submission = _locked(submission)
        _require_draft(submission)
        _standard_of(submission, standard)
        existing = AttachedRecord.objects.filter(
            submission=submission, standard=standard, source=record.source, key=record.key
        ).first()
        if existing is not None:
            return existing
        if (
            AttachedRecord.objects.filter(submission=submission, standard=standard).count()
            >= MAX_ATTACHED_PER_STANDARD
        ):
            raise ValidationError(
                {
                    "attach": f"A standard can have up to {MAX_ATTACHED_PER_STANDARD} attached "
                    "records. Remove one before attaching another."
                }
            )
        try:
            with transaction.atomic():
                attached = AttachedRecord.objects.create(
                    submission=submission,
                    standard=standard,
                    source=record.source,
                    key=record.key,
                    text=record.text[:1000],
                    on=record.on,
                    attached_by=by,
                )
        except IntegrityError:  # the same record attached at the same moment
            return AttachedRecord.objects.get(
                submission=submission, standard=standard, source=record.source, key=record.key
            )
        _log(by, "hub.assurance.record_attached", submission, request, {"source": record.source})
    return attached


def record_detach(*, by, attached, request=None):
    submission = attached.submission
    _require(may_lead(by, submission))
    with transaction.atomic():
        submission = _locked(submission)
        _require_draft(submission)
        source = attached.source
        attached.delete()
        _log(by, "hub.assurance.record_detached", submission, request, {"source": source})
