"""Every change to the manual. Drafts go into an unpublished release; publishing a release
makes all of its changes visible at one moment, in one transaction."""

from html import escape
from html.parser import HTMLParser

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from hub.core.once import claim
from hub.core.permissions import Action, can
from hub.procedures.models import (
    ChangeType,
    ChapterVersion,
    LocalInformationVersion,
    Release,
    ReleaseNotification,
    Subscription,
)

ALLOWED_TAGS = {"h2", "h3", "p", "ul", "ol", "li", "b", "i", "strong", "em", "br"}


class _Cleaner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag in ALLOWED_TAGS:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag in ALLOWED_TAGS and tag != "br":
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(escape(data, quote=False))


def clean_html(html):
    """Keep only the headings, paragraphs, lists and emphasis a chapter needs; no attributes,
    no scripts, no links (the manual adds glossary links itself)."""
    cleaner = _Cleaner()
    cleaner.feed(html or "")
    cleaner.close()
    return "".join(cleaner.out)


def may_edit_release(user, release):
    if release.partnership_id:
        return can(user, Action.EDIT_PAGES, release.partnership)
    return can(user, Action.EDIT_REGIONAL_CONTENT, release.manual.consortium)


def _require_draft(user, release):
    if not may_edit_release(user, release):
        raise PermissionDenied
    if release.published_at is not None:
        raise ValidationError("This release is published or scheduled; start a new release.")


@transaction.atomic
def release_start(*, by, manual, title, partnership=None, summary=""):
    release = Release(manual=manual, partnership=partnership, title=title, summary=summary)
    if not may_edit_release(by, release):
        raise PermissionDenied
    release.save()
    return release


@transaction.atomic
def chapter_draft(
    *, by, release, chapter, title, body, change_summary, summary="", change_type=ChangeType.AMENDED
):
    """Draft a chapter's new text into `release`. Regional chapters only in regional releases
    (consortium editors); local chapters only in their own partnership's release."""
    _require_draft(by, release)
    if chapter.partnership_id != release.partnership_id:
        raise PermissionDenied
    version, _ = ChapterVersion.objects.update_or_create(
        chapter=chapter,
        release=release,
        defaults={
            "title": title,
            "summary": summary,
            "body": clean_html(body),
            "change_type": change_type,
            "change_summary": change_summary,
            "is_removed": change_type == ChangeType.REMOVED,
        },
    )
    return version


@transaction.atomic
def local_information_draft(*, by, release, chapter, body):
    """Draft a partnership's local information box on a regional chapter, in that
    partnership's own release. Another partnership's box or a regional text: refused."""
    _require_draft(by, release)
    if release.partnership_id is None or chapter.partnership_id is not None:
        raise PermissionDenied
    version, _ = LocalInformationVersion.objects.update_or_create(
        chapter=chapter,
        partnership=release.partnership,
        release=release,
        defaults={"body": clean_html(body)},
    )
    return version


def release_publish(*, by, release, at=None):
    """Make every change in the release visible at once (now, or at `at` if later). It is
    one UPDATE inside one transaction: if anything fails, nothing becomes visible."""
    with transaction.atomic():
        release = Release.objects.select_for_update().get(pk=release.pk)
        _require_draft(by, release)
        if not release.chapter_versions.exists() and not release.local_versions.exists():
            raise ValidationError("This release has no changes to publish.")
        release.published_at = at or timezone.now()
        release.save(update_fields=["published_at"])
        _after_publish(release)
    return release


def _after_publish(release):
    """Search index and subscribers are brought up to date once the release is committed."""
    from hub.procedures.tasks import reindex_release

    transaction.on_commit(lambda: reindex_release.enqueue(release.pk))


@transaction.atomic
def subscribe(*, partnership, email):
    subscription, _ = Subscription.objects.get_or_create(
        partnership=partnership, email=email.strip().lower()
    )
    return subscription


def send_release_notifications(*, now=None):
    """Email each subscriber once per published release of their partnership's manual,
    listing what changed. Safe to run repeatedly (cron or a retried task)."""
    now = now or timezone.now()
    sent = 0
    for subscription in Subscription.objects.select_related("partnership"):
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
                "partnership": subscription.partnership,
            }
            send_mail(
                f"{release.title}: changes to the child protection procedures",
                render_to_string("procedures/email/release.txt", context),
                None,
                [subscription.email],
            )
            sent += 1
    return sent
