"""Every change to the document register. Each function checks permission through the one
permission helper, runs in one transaction, writes its audit entry inside it, and leaves
nothing behind when it refuses."""

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.documents import get_document_model

from hub.core import audit, sign_off
from hub.core.collections import collection_for
from hub.core.once import claim
from hub.core.permissions import Action, can
from hub.core.tasks import enqueue_on_commit
from hub.core.uploads import check_document
from hub.library.models import (
    DocumentVersion,
    ExtractionStatus,
    LibraryDocument,
    ReviewReminder,
    Status,
)


def may_edit(user, document):
    """Partnership documents are edited by that partnership's editors; documents shared by
    the consortium by its consortium editors."""
    if document.partnership_id:
        return can(user, Action.EDIT_PAGES, document.partnership)
    return can(user, Action.EDIT_REGIONAL_CONTENT, document.consortium)


def _person(actor):
    """The account to credit with a change: a real user, never a system process."""
    from django.contrib.auth import get_user_model

    return actor if isinstance(actor, get_user_model()) else None


def _require_edit(user, document):
    if not may_edit(user, document):
        raise PermissionDenied


def _log(by, action, instance, document, request, **details):
    """One audit entry, filed under the document's partnership (none: shared)."""
    audit.record(
        actor=_person(by),
        action=action,
        instance=instance,
        request=request,
        partnership_id=document.partnership_id,
        details={"document_id": document.pk, **details},
    )


# The kind of change a partnership may require sign-off for (domain.py).
SIGN_OFF = "library.version"


def needs_sign_off(document):
    """Whether a new version of `document` waits for a second editor's approval: its
    partnership asks for it. A document the consortium shares is kept by the consortium's
    editors and is never held for sign-off (the kind is not regional)."""
    return document.partnership_id is not None and sign_off.required(
        SIGN_OFF, partnership=document.partnership
    )


def version_upload(
    *,
    by,
    document,
    uploaded_file,
    version_label,
    what_changed,
    approved_by,
    approved_on,
    published_at=None,
    review_due=None,
    request=None,
):
    """Add a new version of `document`, and with it the document's next review date if one
    is given, in one transaction with its audit entry. The file is checked by its content
    first; a refused file stores nothing. The new version becomes current at `published_at`
    (now by default) and every earlier one is from then on superseded. Its text is read in
    the background once the version is committed.

    Where the document's partnership requires sign-off, the version is stored (and its text
    read) but not published: it waits, with the time and review date asked for, until
    another editor approves it (`version_approve`); until then readers see nothing of it and
    the document is unchanged. While one version waits, no other is uploaded."""
    _require_edit(by, document)
    if document.status in (Status.SUPERSEDED, Status.WITHDRAWN):
        raise ValidationError("Mark the document current again before adding a version to it.")
    checked = check_document(uploaded_file)
    stored = []
    try:
        return _store_version(
            by,
            document,
            uploaded_file,
            checked,
            stored,
            version_label,
            what_changed,
            approved_by,
            approved_on,
            published_at,
            review_due,
            request,
        )
    except BaseException:
        # Nothing of a refused or failed upload stays behind, not even the file.
        for wagtail_document in stored:
            wagtail_document.file.delete(save=False)
        raise


def _store_version(
    by,
    document,
    uploaded_file,
    checked,
    stored,
    version_label,
    what_changed,
    approved_by,
    approved_on,
    published_at,
    review_due,
    request,
):
    with transaction.atomic():
        # Lock the register entry so two uploads at once get numbers one after the other.
        document = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        waiting = document.versions.awaiting_sign_off().first()
        if waiting is not None:
            # One at a time, so versions become current in the order of their numbers.
            raise ValidationError(
                f"Version {waiting.version_label} is waiting for sign-off. Another editor "
                "approves it or sends it back (or whoever uploaded it takes it back) before "
                "the next version is uploaded.",
                code="awaiting_sign_off",
            )
        waits = needs_sign_off(document)
        number = (document.versions.aggregate(Max("number"))["number__max"] or 0) + 1
        stored_name = f"library/{uuid.uuid4().hex}.{checked.extension}"
        uploaded_file.seek(0)
        wagtail_document = get_document_model().objects.create(
            title=f"{document.title} (version {version_label})",
            file=File(uploaded_file, name=stored_name),
            uploaded_by_user=_person(by),
            # The owner's collection: only its own editors can choose it in Wagtail.
            collection=collection_for(document.partnership or document.consortium),
        )
        stored.append(wagtail_document)
        version = DocumentVersion.objects.create(
            document=document,
            number=number,
            version_label=version_label,
            file=wagtail_document,
            original_filename=checked.safe_name,
            kind=checked.kind,
            size_bytes=checked.size,
            what_changed=what_changed,
            approved_by=approved_by,
            approved_on=approved_on,
            published_at=None if waits else published_at or timezone.now(),
            uploaded_by=_person(by),
            submitted_at=timezone.now() if waits else None,
            publish_requested_at=published_at if waits else None,
            review_due_on_approval=review_due if waits else None,
        )
        details = {"number": number}
        if waits:
            details["waits_for_sign_off"] = True
            details["at"] = published_at.isoformat() if published_at else "on approval"
            if review_due is not None:
                details["review_due_on_approval"] = review_due.isoformat()
        elif review_due is not None:
            document.review_due = review_due
            document.save(update_fields=["review_due"])
            details["review_due"] = review_due.isoformat()
        _log(by, "hub.library.version_uploaded", version, document, request, **details)
        enqueue_on_commit("hub.library.tasks.extract_version_text", version.pk)
    return version


def version_read_text(version):
    """Read the version's text for search; record why if it cannot be read. Safe to repeat."""
    from hub.library.extraction import ExtractionFailed, extract_text

    if version.extraction_status == ExtractionStatus.DONE:
        return version
    try:
        with version.file.file.open("rb") as handle:
            extracted = extract_text(handle, version.kind)
    except ExtractionFailed as failure:
        version.extraction_status = ExtractionStatus.FAILED
        version.extraction_error = str(failure.reason)[:300]
        version.save(update_fields=["extraction_status", "extraction_error"])
        return version
    version.text = extracted.text
    version.page_count = extracted.page_count
    version.word_count = extracted.word_count
    version.extraction_status = ExtractionStatus.DONE
    version.extraction_error = ""
    version.save(
        update_fields=["text", "page_count", "word_count", "extraction_status", "extraction_error"]
    )
    from wagtail.search.index import insert_or_update_object

    insert_or_update_object(version.document)
    return version


def document_set_status(*, by, document, status, replaced_by=None, request=None):
    """Mark a document current, under review, superseded (optionally by another document)
    or withdrawn, with its audit entry. A withdrawn document leaves every list and its files
    stop downloading. Setting the status it already has changes and records nothing."""
    status = Status(status)
    with transaction.atomic():
        document = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        _require_edit(by, document)
        if replaced_by is not None and replaced_by.pk == document.pk:
            raise ValidationError({"replaced_by": "A document cannot replace itself."})
        replaced_by = replaced_by if status == Status.SUPERSEDED else None
        replaced_by_id = replaced_by.pk if replaced_by is not None else None
        if document.status == status and document.replaced_by_id == replaced_by_id:
            return document
        before = document.status
        document.status = status
        document.replaced_by = replaced_by
        document.save(update_fields=["status", "replaced_by"])
        details = {"from": before, "to": status.value}
        if replaced_by_id is not None:
            details["replaced_by_id"] = replaced_by_id
        _log(by, "hub.library.document_status_changed", document, document, request, **details)
    return document


def document_save(*, by, form, request=None):
    """Save a register entry from the admin's validated document form (its details, topics,
    related documents and pages), with its audit entry, in one transaction. On an existing
    document a change of status goes through `document_set_status`, so it is checked and
    recorded as every status change is. The editor must edit the document both as it was
    and as it is saved (no moving it to a partnership they do not edit)."""
    document = form.instance
    with transaction.atomic():
        if document.pk is None:
            _require_edit(by, document)
            document = form.save()
            _log(by, "hub.library.document_created", document, document, request)
            return document
        stored = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        _require_edit(by, stored)
        _require_edit(by, document)
        status, replaced_by = document.status, document.replaced_by
        # The details are saved as typed; the status is left as stored for the status
        # service to change.
        document.status, document.replaced_by_id = stored.status, stored.replaced_by_id
        document = form.save()
        changed = sorted(set(form.changed_data) - {"status", "replaced_by"})
        if changed:
            _log(by, "hub.library.document_edited", document, document, request, fields=changed)
        document = document_set_status(
            by=by, document=document, status=status, replaced_by=replaced_by, request=request
        )
    return document


def document_delete(*, by, document, request=None):
    """Remove a document from the register with every version, recording who did it (the
    entry names the document's id, not its content)."""
    with transaction.atomic():
        document = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        _require_edit(by, document)
        _log(by, "hub.library.document_deleted", document, document, request)
        document.delete()


def version_withdraw(*, by, version, reason, request=None):
    """Stop one version being downloaded (for example one published in error), recording
    why. The version stays in the history. Withdrawing it again is refused and changes
    nothing, so a second press of the button leaves no second entry."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the version is being withdrawn"})
    with transaction.atomic():
        version = (
            DocumentVersion.objects.select_for_update()
            .select_related("document")
            .get(pk=version.pk)
        )
        _require_edit(by, version.document)
        if version.is_withdrawn:
            raise ValidationError("This version was already withdrawn.", code="already_withdrawn")
        if version.awaits_sign_off:
            raise ValidationError(
                "This version is waiting for sign-off and was never published: send it back "
                "instead.",
                code="awaiting_sign_off",
            )
        version.is_withdrawn = True
        version.save(update_fields=["is_withdrawn"])
        _log(
            by,
            "hub.library.version_withdrawn",
            version,
            version.document,
            request,
            number=version.number,
            reason=reason[:500],
        )
    return version


def _awaiting(by, version):
    """The version's document and the version, both locked (the document first, as an
    upload locks it), if `by` may edit the document and the version waits for sign-off."""
    document = LibraryDocument.objects.select_for_update().get(pk=version.document_id)
    _require_edit(by, document)
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    if not version.awaits_sign_off:
        raise ValidationError("This version is not waiting for sign-off.", code="not_waiting")
    return document, version


def version_approve(*, by, version, now=None, request=None):
    """A second editor approves a version waiting for sign-off: it becomes current at the
    time asked for (now, if none was asked or that time has passed), and the document takes
    the review date given with the upload, in one transaction with its audit entry. The
    editor who uploaded it cannot approve it. Approving twice publishes once: the second is
    refused (code "not_waiting") and changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        document, version = _awaiting(by, version)
        sign_off.require_second_person(asked_by_id=version.uploaded_by_id, by=by)
        if document.status in (Status.SUPERSEDED, Status.WITHDRAWN):
            raise ValidationError(
                f"'{document.title}' is {document.get_status_display().lower()}: mark it "
                "current again before approving a version of it, or send the version back."
            )
        asked = version.publish_requested_at
        version.published_at = asked if asked is not None and asked > now else now
        version.signed_off_by, version.signed_off_at = _person(by), now
        version.save(update_fields=["published_at", "signed_off_by", "signed_off_at"])
        details = {"number": version.number, "published_at": version.published_at.isoformat()}
        if version.review_due_on_approval is not None:
            document.review_due = version.review_due_on_approval
            document.save(update_fields=["review_due"])
            details["review_due"] = document.review_due.isoformat()
        _log(by, "hub.library.version_approved", version, document, request, **details)
        # Search reads the current version's text: bring it up to date once committed.
        enqueue_on_commit("hub.library.tasks.reindex_document", document.pk)
    return version


def version_send_back(*, by, version, reason="", request=None):
    """A version waiting for sign-off is withdrawn, never having been published, so its file
    is never served: taken back by the editor who uploaded it, or sent back by another
    editor, who must say what needs changing (kept in the audit log). The document is left
    as it was and the next version can be uploaded."""
    reason = (reason or "").strip()
    with transaction.atomic():
        document, version = _awaiting(by, version)
        own = version.uploaded_by_id is not None and version.uploaded_by_id == by.pk
        sign_off.require_reason(
            asked_by_id=version.uploaded_by_id,
            by=by,
            reason=reason,
            asker="the editor who uploaded it",
        )
        version.is_withdrawn = True
        version.save(update_fields=["is_withdrawn"])
        _log(
            by,
            "hub.library.version_sent_back",
            version,
            document,
            request,
            number=version.number,
            reason=reason[:500],
            by_the_uploader=own,
        )
    return version


def reminder_threshold(document, today, reminder_days):
    """The latest reminder point the document has reached, or None.

    Thresholds are days before the review date (0 = on the day, negative = overdue by).
    Only the latest one reached is due, so a document found long overdue gets one email,
    not one for every threshold it has passed.
    """
    if not document.review_due:
        return None
    due = document.review_due
    reached = [d for d in reminder_days if today >= due - datetime.timedelta(days=d)]
    return min(reached) if reached else None


def _reminder_email(document, today, days=None, asked_by=None):
    """(subject, body) of a review reminder to the document's owner mailbox: one wording for
    the daily reminders and for an editor's own "Email the owner"."""
    context = {
        "document": document,
        "days": days,
        "overdue_days": max(0, (today - document.review_due).days),
        "asked_by": asked_by,
    }
    subject = (
        f"Review overdue: {document.title}"
        if today > document.review_due
        else f"Review due {document.review_due:%-d %B %Y}: {document.title}"
    )
    return subject, render_to_string("library/email/review_reminder.txt", context)


def send_review_reminders(*, today=None, reminder_days=None):
    """Email each document's owner at each threshold, at most once per threshold and review
    date (the unique ReviewReminder row is claimed before the email is sent). Returns how
    many emails were sent."""
    from django.conf import settings

    today = today or timezone.localdate()
    reminder_days = reminder_days or settings.LIBRARY_REMINDER_DAYS
    sent = 0
    documents = (
        LibraryDocument.objects.exclude(status__in=[Status.WITHDRAWN, Status.SUPERSEDED])
        .exclude(review_due__isnull=True)
        .exclude(owner_email="")
        .select_related("owner_agency", "partnership")
    )
    for document in documents:
        threshold = reminder_threshold(document, today, reminder_days)
        if threshold is None:
            continue
        if not claim(
            ReviewReminder,
            document=document,
            review_due=document.review_due,
            threshold=str(threshold),
        ):
            continue  # already sent for this threshold
        subject, body = _reminder_email(document, today, days=threshold)
        send_mail(subject, body, None, [document.owner_email])
        sent += 1
    return sent


def document_mark_under_review(*, by, document, request=None):
    """Mark a document under review (through `document_set_status`, so it is recorded as
    every status change is). A document already under review is left as it is and the
    refusal says so (code "already_under_review"), so a second press records nothing. A
    superseded or withdrawn document is not reviewed and is refused."""
    with transaction.atomic():
        document = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        _require_edit(by, document)
        if document.status == Status.UNDER_REVIEW:
            raise ValidationError(
                f"'{document.title}' is already marked under review.",
                code="already_under_review",
            )
        if document.status in (Status.SUPERSEDED, Status.WITHDRAWN):
            raise ValidationError(
                f"'{document.title}' is {document.get_status_display().lower()}, so it is not "
                "reviewed. Mark it current again on its edit screen first."
            )
        return document_set_status(
            by=by, document=document, status=Status.UNDER_REVIEW, request=request
        )


# The threshold an editor's own reminder is claimed under: one a day per document and review
# date, so a double submit (or a second editor pressing the button) sends one email.
ASKED_REMINDER = "asked {day:%Y-%m-%d}"


def document_email_owner(*, by, document, today=None, request=None):
    """Email the document's owner mailbox that its review is due (or overdue), worded as the
    daily reminders are, with its audit entry (the count of emails, never the address). At
    most one such email a day per document and review date: a second press is refused with
    code "already_sent" and sends nothing. Refused when no owner mailbox or no review date
    is recorded. If the email cannot be sent, nothing is recorded."""
    today = today or timezone.localdate()
    with transaction.atomic():
        document = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        _require_edit(by, document)
        if not document.owner_email:
            raise ValidationError(
                f"No owner mailbox is recorded for '{document.title}', so there is no one to "
                "email. Add one on the document's edit screen."
            )
        if document.review_due is None:
            raise ValidationError(
                f"'{document.title}' has no review date, so there is no review to remind "
                "its owner of. Set one on the document's edit screen."
            )
        if not claim(
            ReviewReminder,
            document=document,
            review_due=document.review_due,
            threshold=ASKED_REMINDER.format(day=today),
        ):
            raise ValidationError(
                f"The owner of '{document.title}' was already emailed about this review "
                "today. Nothing was sent again.",
                code="already_sent",
            )
        _log(by, "hub.library.owner_reminded", document, document, request, emails=1)
        subject, body = _reminder_email(document, today, asked_by=_person(by))
        # Sent inside the transaction: an email that cannot be sent leaves no claim and no
        # entry behind, so the editor can simply try again.
        try:
            send_mail(subject, body, None, [document.owner_email])
        except OSError as error:  # smtplib's errors are OSErrors
            raise ValidationError(
                "The email could not be sent just now. Nothing was recorded: try again in a "
                "few minutes."
            ) from error
    return document
