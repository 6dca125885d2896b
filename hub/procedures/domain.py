"""The procedures domain: the regional child protection procedures (hub/core/domains.py)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from hub.core.domains import (
    Domain,
    Job,
    Link,
    PersonalData,
    Retention,
    Searchable,
    SignOff,
    StaffLink,
    Todo,
)
from hub.core.staff_menu import admin_only
from hub.procedures.api import API
from hub.procedures.feeds import FEEDS
from hub.procedures.figures import FIGURES

AUDIT_ACTIONS = {
    "hub.procedures.release_started": "Procedures release started",
    "hub.procedures.chapter_drafted": "Procedures chapter change drafted",
    "hub.procedures.chapter_created": "Procedures chapter created",
    "hub.procedures.local_information_drafted": "Procedures local information drafted",
    "hub.procedures.release_published": "Procedures release published",
    "hub.procedures.release_scheduled": "Procedures release scheduled",
    "hub.procedures.release_unscheduled": "Procedures release unscheduled",
    "hub.procedures.release_submitted": "Procedures release sent for sign-off",
    "hub.procedures.release_approved": "Procedures release signed off",
    "hub.procedures.release_sent_back": "Procedures release sent back to a draft",
    "hub.procedures.subscribed": "Subscribed to procedures emails",
    "hub.procedures.unsubscribed": "Unsubscribed from procedures emails",
}


def _subscriptions(user):
    from hub.procedures.models import Subscription

    return [
        {
            "partnership": str(s.partnership),
            "email": s.email,
            "since": s.created_at.isoformat(),
            "renewed": s.renewed_at.isoformat(),
        }
        for s in Subscription.objects.filter(email__in=user.verified_addresses()).select_related(
            "partnership"
        )
    ]


def _unsubscribe(user):
    from hub.procedures.models import Subscription

    Subscription.objects.filter(email__in=user.verified_addresses()).delete()


def _prune(now):
    from hub.procedures.services import prune_subscriptions

    return prune_subscriptions(now)


def _notify(now):
    from hub.procedures.services import send_release_notifications
    from hub.procedures.tasks import reindex_recently_live

    return {"reindexed": reindex_recently_live(now), "sent": send_release_notifications(now=now)}


def _demo(context):
    from hub.demo.procedures import load_procedures

    with transaction.atomic():
        load_procedures(context.consortium, context.partnerships)


def _chapters(ids):
    from hub.procedures.search_index import chapter_chunks

    return chapter_chunks(ids)


def _glossary_synonyms(partnership):
    from hub.procedures.glossary_search import glossary_synonyms

    return glossary_synonyms(partnership)


def _glossary(ids):
    from hub.procedures.search_index import glossary_chunks

    return glossary_chunks(ids)


def _changed(name):
    def affected(row):
        from hub.procedures import search_index

        return getattr(search_index, name)(row)

    return affected


def _sign_offs(user):
    """Releases the person asked to be signed off, or signed off."""
    from django.db.models import Q

    from hub.procedures.models import Release

    releases = Release.objects.filter(Q(submitted_by=user) | Q(approved_by=user))
    return [
        {
            "release": release.title,
            "asked_for_sign_off": release.submitted_by_id == user.pk,
            "asked_at": release.submitted_at.isoformat() if release.submitted_at else None,
            "signed_off": release.approved_by_id == user.pk,
            "signed_off_at": release.approved_at.isoformat() if release.approved_at else None,
        }
        for release in releases
    ]


def _releases_to_act_on(user):
    """Releases waiting for this editor's sign-off (asked for by someone else) and releases
    scheduled, counted in one query over the releases the editor may open."""
    from django.db.models import Count, Q
    from django.urls import reverse
    from django.utils import timezone

    from hub.procedures.admin_views import editable_releases, may_edit_any_procedures

    if not may_edit_any_procedures(user):
        return []
    counts = editable_releases(user).aggregate(
        waiting=Count(
            "pk",
            filter=Q(published_at__isnull=True, submitted_at__isnull=False) & ~Q(submitted_by=user),
        ),
        scheduled=Count("pk", filter=Q(published_at__gt=timezone.now())),
    )
    url = reverse("procedures_admin:releases")
    lines = [
        ("Procedures releases to sign off", url, counts["waiting"]),
        ("Procedures releases scheduled", url, counts["scheduled"]),
    ]
    return [line for line in lines if line[2]]


def _edits_procedures(request):
    from hub.procedures.admin_views import may_edit_any_procedures

    return may_edit_any_procedures(request.user)


DOMAIN = Domain(
    label="procedures",
    todos=(Todo("releases to sign off or scheduled", _releases_to_act_on),),
    sign_offs=(
        SignOff(
            "procedures.release",
            "Procedures releases",
            "a release is published or scheduled only once another editor approves it",
            regional=True,
        ),
    ),
    search=(
        Searchable(
            "procedures",
            "Procedures",
            _chapters,
            changes={
                "procedures.Chapter": _changed("chapter_changed"),
                "procedures.ChapterVersion": _changed("version_changed"),
                "procedures.LocalInformationVersion": _changed("version_changed"),
                "procedures.Release": _changed("release_changed"),
            },
            order=30,
        ),
        Searchable(
            "glossary",
            "Glossary",
            _glossary,
            changes={"procedures.GlossaryTerm": _changed("term_changed")},
            order=40,
            synonyms=_glossary_synonyms,
        ),
    ),
    name="Regional child protection procedures",
    audit_actions=AUDIT_ACTIONS,
    personal_data=(
        PersonalData(
            key="procedures_subscriptions",
            models=("procedures.Subscription",),
            export=_subscriptions,
            erase=_unsubscribe,
        ),
        PersonalData(
            key="procedures_sign_off",
            models=("procedures.Release",),
            export=_sign_offs,
        ),
    ),
    retention=(
        Retention(
            what="Procedures subscription: an email address only",
            how_long=f"{settings.PROCEDURES_SUBSCRIPTION_DAYS} days from subscribing or last "
            "subscribing again (`PROCEDURES_SUBSCRIPTION_DAYS`), or until the unsubscribe link "
            "in any release email is used, or the account with that address is deleted",
            models=("procedures.Subscription",),
            prune=_prune,
        ),
        Retention(
            what="Procedures release: which accounts asked for its sign-off and signed it off",
            how_long="as long as the release (the manual's history); the link to the account "
            "goes when the account is deleted",
            models=("procedures.Release",),
            prune=None,
        ),
    ),
    jobs=(
        Job(
            "send_release_notifications",
            _notify,
            every=datetime.timedelta(minutes=15),
            description="re-indexes chapters that went live and emails subscribers",
        ),
    ),
    cache_purge={
        "procedures.release": ("content", "training"),
        "procedures.chapter": ("content", "training"),
        "procedures.glossaryterm": ("content", "training"),
    },
    navigation=(
        Link(
            "Procedures",
            lambda request: reverse("procedures:contents"),
            order=10,
            active_for="procedures:",
        ),
    ),
    staff_links=(
        StaffLink(
            "procedures",
            "Releases and chapters",
            lambda request: reverse("procedures_admin:releases"),
            admin_only(_edits_procedures),
            order=10,
            description="Draft chapter changes and local information; publish or schedule a "
            "release.",
        ),
    ),
    demo=_demo,
    demo_order=20,
    figures=FIGURES,
    api=API,
    feeds=FEEDS,
)
