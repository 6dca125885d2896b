"""Every change to the manual. Drafts go into an unpublished release; publishing a release
makes all of its changes visible at one moment, in one transaction. Each write records its
audit entry inside its own transaction, so it is logged whichever screen or command calls it."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from hub.core import audit, sign_off
from hub.core.once import claim
from hub.core.permissions import Action, can
from hub.core.tasks import enqueue_on_commit
from hub.procedures import richtext
from hub.procedures.models import (
    ChangeType,
    Chapter,
    ChapterVersion,
    LocalInformationVersion,
    Release,
    ReleaseNotification,
    Subscription,
)


def may_edit_release(user, release):
    if release.partnership_id:
        return can(user, Action.EDIT_PAGES, release.partnership)
    return can(user, Action.EDIT_REGIONAL_CONTENT, release.manual.consortium)


def _log(by, action, instance, release, request, **details):
    """One audit entry about `release` (or something drafted into it)."""
    audit.record(
        actor=by,
        action=action,
        instance=instance,
        request=request,
        partnership_id=release.partnership_id,
        details={"release_id": release.pk, **details},
    )


# The kind of change a partnership (or consortium) may require sign-off for (domain.py).
SIGN_OFF = "procedures.release"


def needs_sign_off(release):
    """Whether publishing `release` waits for a second editor's approval."""
    if release.partnership_id:
        return sign_off.required(SIGN_OFF, partnership=release.partnership)
    return sign_off.required(SIGN_OFF, consortium=release.manual.consortium)


def _require_draft(user, release):
    if not may_edit_release(user, release):
        raise PermissionDenied
    if release.published_at is not None:
        raise ValidationError("This release is published or scheduled; start a new release.")
    if release.submitted_at is not None:
        raise ValidationError(
            "This release is waiting for sign-off. Send it back to a draft to change it.",
            code="awaiting_sign_off",
        )


@transaction.atomic
def release_start(*, by, manual, title, partnership=None, summary="", request=None):
    """Start a draft release: regional (consortium editors) or a partnership's own."""
    release = Release(manual=manual, partnership=partnership, title=title, summary=summary)
    if not may_edit_release(by, release):
        raise PermissionDenied
    release.save()
    _log(by, "hub.procedures.release_started", release, release, request)
    return release


@transaction.atomic
def chapter_draft(
    *,
    by,
    release,
    chapter,
    title,
    body,
    change_summary,
    summary="",
    change_type=ChangeType.AMENDED,
    request=None,
):
    """Draft a chapter's new text into `release`. Regional chapters only in regional releases
    (consortium editors); local chapters only in their own partnership's release."""
    version = _draft_chapter(
        by, release, chapter, title, body, change_summary, summary, change_type
    )
    _log(by, "hub.procedures.chapter_drafted", version, release, request)
    return version


def _draft_chapter(by, release, chapter, title, body, change_summary, summary, change_type):
    _require_draft(by, release)
    if chapter.partnership_id != release.partnership_id:
        raise PermissionDenied
    cleaned = richtext.clean(body, partnership=release.partnership)
    version, _ = ChapterVersion.objects.update_or_create(
        chapter=chapter,
        release=release,
        defaults={
            "title": title,
            "summary": summary,
            "body": cleaned.html,
            "change_type": change_type,
            "change_summary": change_summary,
            "is_removed": change_type == ChangeType.REMOVED,
        },
    )
    version.removed_on_save = cleaned.removed
    return version


@transaction.atomic
def local_information_draft(*, by, release, chapter, body, request=None):
    """Draft a partnership's local information box on a regional chapter, in that
    partnership's own release. Another partnership's box or a regional text: refused."""
    _require_draft(by, release)
    if release.partnership_id is None or chapter.partnership_id is not None:
        raise PermissionDenied
    cleaned = richtext.clean(body, partnership=release.partnership)
    version, _ = LocalInformationVersion.objects.update_or_create(
        chapter=chapter,
        partnership=release.partnership,
        release=release,
        defaults={"body": cleaned.html},
    )
    version.removed_on_save = cleaned.removed
    _log(by, "hub.procedures.local_information_drafted", version, release, request)
    return version


def release_publish(*, by, release, at=None, request=None):
    """Make every change in the release visible at once (now, or at `at` if later). It is
    one UPDATE inside one transaction, with its audit entry (published, or scheduled with
    the time): if anything fails, nothing becomes visible.

    Where the partnership (or, for a regional release, the consortium) requires sign-off,
    nothing is published yet: the release waits, with the time asked for, until another
    editor approves it (`release_approve`)."""
    with transaction.atomic():
        release = Release.objects.select_for_update().get(pk=release.pk)
        _require_draft(by, release)
        if not release.chapter_versions.exists() and not release.local_versions.exists():
            raise ValidationError("This release has no changes to publish.")
        if needs_sign_off(release):
            release.submitted_by = by
            release.submitted_at = timezone.now()
            release.publish_requested_at = at
            release.save(update_fields=["submitted_by", "submitted_at", "publish_requested_at"])
            _log(
                by,
                "hub.procedures.release_submitted",
                release,
                release,
                request,
                at=at.isoformat() if at else "on approval",
            )
            return release
        _go_live(by, release, at, request)
    return release


def _go_live(by, release, at, request):
    """Inside the caller's transaction, on the locked release."""
    release.published_at = at or timezone.now()
    release.save(update_fields=["published_at", "approved_by", "approved_at"])
    if at is None:
        _log(by, "hub.procedures.release_published", release, release, request)
    else:
        _log(by, "hub.procedures.release_scheduled", release, release, request, at=at.isoformat())
    # Search and subscribers are brought up to date once the release is committed.
    enqueue_on_commit("hub.procedures.tasks.reindex_release", release.pk)


def _awaiting(by, release_pk):
    """The release locked, if `by` may work on it and it waits for sign-off."""
    release = Release.objects.select_for_update().get(pk=release_pk)
    if not may_edit_release(by, release):
        raise PermissionDenied
    if not release.awaits_sign_off:
        raise ValidationError("This release is not waiting for sign-off.", code="not_waiting")
    return release


def release_approve(*, by, release, now=None, request=None):
    """A second editor approves a release waiting for sign-off: it is published at the time
    asked for (now, if none was asked or that time has passed). The editor who asked cannot
    approve it. Approving twice publishes once."""
    now = now or timezone.now()
    with transaction.atomic():
        release = _awaiting(by, release.pk)
        sign_off.require_second_person(asked_by_id=release.submitted_by_id, by=by)
        asked = release.publish_requested_at
        release.approved_by, release.approved_at = by, now
        _log(by, "hub.procedures.release_approved", release, release, request)
        _go_live(by, release, asked if asked and asked > now else None, request)
    return release


def release_send_back(*, by, release, reason="", request=None):
    """A release waiting for sign-off goes back to a draft: the editor who asked takes it
    back, or another editor sends it back with the reason, which is kept in the audit log."""
    with transaction.atomic():
        release = _awaiting(by, release.pk)
        asked_by = release.submitted_by_id
        sign_off.require_reason(
            asked_by_id=asked_by, by=by, reason=reason, asker="the editor who asked"
        )
        release.submitted_by = release.submitted_at = release.publish_requested_at = None
        release.save(update_fields=["submitted_by", "submitted_at", "publish_requested_at"])
        _log(
            by,
            "hub.procedures.release_sent_back",
            release,
            release,
            request,
            reason=reason.strip()[:500],
            by_the_editor_who_asked=asked_by == by.pk,
        )
    return release


@transaction.atomic
def subscribe(*, partnership, email, request=None):
    """Subscribe, or renew a subscription: each lasts PROCEDURES_SUBSCRIPTION_DAYS from when
    it was made or last renewed (see `prune_subscriptions`)."""
    subscription, created = Subscription.objects.get_or_create(
        partnership=partnership, email=email.strip().lower()
    )
    if not created:
        subscription.renewed_at = timezone.now()
        subscription.save(update_fields=["renewed_at"])
    audit.record(
        actor=None,
        action="hub.procedures.subscribed",
        instance=subscription,
        request=request,
        details={"renewed": not created},
    )
    return subscription


def prune_subscriptions(now=None):
    """End subscriptions neither made nor renewed within PROCEDURES_SUBSCRIPTION_DAYS."""
    now = now or timezone.now()
    days = settings.PROCEDURES_SUBSCRIPTION_DAYS
    deleted, _ = Subscription.objects.filter(
        renewed_at__lt=now - datetime.timedelta(days=days)
    ).delete()
    return deleted


def send_release_notifications(*, now=None):
    """Email each subscriber once per published release of their partnership's manual,
    listing what changed. Safe to run repeatedly (cron or a retried task)."""
    now = now or timezone.now()
    sent = 0
    for subscription in Subscription.objects.select_related("partnership__site"):
        releases = (
            Release.objects.for_partnership(subscription.partnership)
            .published(now)
            .filter(published_at__gte=subscription.created_at)
            .exclude(
                pk__in=ReleaseNotification.objects.filter(subscription=subscription).values(
                    "release"
                )
            )
        )
        for release in releases:
            if not claim(ReleaseNotification, release=release, subscription=subscription):
                continue
            context = {
                "release": release,
                "changes": release.chapter_versions.select_related("chapter").order_by(
                    "change_type", "title"
                ),
                "local_changes": release.local_versions.select_related("chapter"),
                "partnership": subscription.partnership,
                "updates_url": _site_url(subscription.partnership, reverse("procedures:updates")),
                "unsubscribe_url": _site_url(
                    subscription.partnership,
                    reverse("procedures:unsubscribe", args=[unsubscribe_token(subscription)]),
                ),
            }
            send_mail(
                f"{release.title}: changes to the child protection procedures",
                render_to_string("procedures/email/release.txt", context),
                None,
                [subscription.email],
            )
            sent += 1
    return sent


# Addresses the manual's own pages already use, so a chapter may not take them.
RESERVED_CHAPTER_SLUGS = {"updates", "glossary", "as-at"}


def _chapter_slug(manual, title, slug):
    """The address given, if free; otherwise one made from the title, numbered if taken."""
    taken = set(Chapter.objects.filter(manual=manual).values_list("slug", flat=True))
    taken |= RESERVED_CHAPTER_SLUGS
    if slug:
        if slug in taken:
            raise ValidationError(
                {"slug": "Another chapter already uses this address. Choose another."}
            )
        return slug
    base = slugify(title)[:110] or "chapter"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


@transaction.atomic
def chapter_create(
    *,
    by,
    release,
    part,
    title,
    body,
    change_summary="New chapter.",
    summary="",
    slug="",
    request=None,
):
    """Create a chapter in `part` with its first text drafted into `release`; readers see it
    when the release is published. A regional release makes a regional chapter (consortium
    editors only); a partnership's release makes a chapter that only its own site shows.
    The address is never one another chapter of the manual has."""
    _require_draft(by, release)
    if part.manual_id != release.manual_id:
        raise PermissionDenied
    if not title.strip():
        raise ValidationError({"title": "Enter the chapter's title"})
    siblings = part.chapters.filter(partnership_id=release.partnership_id)
    last = siblings.order_by("-position").values_list("position", flat=True).first()
    # Local chapters follow the regional ones in a part, as the demo loader places them.
    floor = 99 if release.partnership_id else -1
    try:
        with transaction.atomic():
            chapter = Chapter.objects.create(
                manual=release.manual,
                partnership=release.partnership,
                part=part,
                slug=_chapter_slug(release.manual, title, slug),
                position=max(last if last is not None else floor, floor) + 1,
            )
    except IntegrityError as error:
        # Another editor took the same address a moment ago.
        raise ValidationError({"slug": "Another chapter already uses this address."}) from error
    version = _draft_chapter(
        by, release, chapter, title, body, change_summary, summary, ChangeType.NEW
    )
    chapter.removed_on_save = version.removed_on_save
    _log(by, "hub.procedures.chapter_created", chapter, release, request)
    return chapter


def release_unschedule(*, by, release, now=None, request=None):
    """Take a scheduled release back to a draft, to change it or choose another time. Once
    its time has come readers may have seen it, so a live release is refused; its changes
    can only be followed by a new release."""
    with transaction.atomic():
        release = Release.objects.select_for_update().get(pk=release.pk)
        if not may_edit_release(by, release):
            raise PermissionDenied
        if release.published_at is None:
            raise ValidationError("This release is not scheduled.")
        if release.published_at <= (now or timezone.now()):
            raise ValidationError(
                "This release is already live, so it cannot be unscheduled. "
                "Start a new release to change it."
            )
        # A draft again: publishing it asks for sign-off again where that is required.
        release.published_at = release.approved_by = release.approved_at = None
        release.submitted_by = release.submitted_at = release.publish_requested_at = None
        release.save()
        _log(by, "hub.procedures.release_unscheduled", release, release, request)
    return release


UNSUBSCRIBE_SALT = "hub.procedures.unsubscribe"


def unsubscribe_token(subscription):
    """The token in a subscriber's personal unsubscribe link. It names the subscription and
    is signed, so it cannot be altered to name another; it does not expire, so the link in
    an old email still works."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscription.pk))


def subscription_for_token(token):
    """The subscription a link's token names, or None if it was already removed. A forged or
    altered token raises signing.BadSignature."""
    value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    if not value.isdigit():
        raise signing.BadSignature("Not a subscription")
    return Subscription.objects.select_related("partnership").filter(pk=int(value)).first()


@transaction.atomic
def unsubscribe(*, subscription, request=None):
    """Remove the subscription, with its audit entry: no more release emails go to that
    address. Removing one that is already gone does nothing and records nothing."""
    deleted, _ = Subscription.objects.filter(pk=subscription.pk).delete()
    if deleted:
        audit.record(
            actor=None,
            action="hub.procedures.unsubscribed",
            instance=subscription,
            request=request,
        )


def _site_url(partnership, path):
    """An absolute address on the partnership's own site, for emails."""
    site = partnership.site
    return f"{site.root_url}{path}" if site else path
