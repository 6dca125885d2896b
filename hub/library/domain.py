"""The library domain: local protocols and guidance (hub/core/domains.py)."""

from datetime import time as datetime_time
from datetime import timedelta as datetime_timedelta

from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from hub.core.domains import (
    Domain,
    Figure,
    Job,
    Link,
    PersonalData,
    Retention,
    Searchable,
    SignOff,
    StaffLink,
    Todo,
)
from hub.core.staff_menu import admin_screen
from hub.library.api import API
from hub.library.feeds import FEEDS
from hub.library.figures import FIGURES

AUDIT_ACTIONS = {
    "hub.library.document_created": "Library document added",
    "hub.library.document_edited": "Library document details changed",
    "hub.library.document_status_changed": "Library document status changed",
    "hub.library.document_deleted": "Library document deleted",
    "hub.library.version_uploaded": "Library document version uploaded",
    "hub.library.version_withdrawn": "Library document version withdrawn",
    "hub.library.version_approved": "Library document version signed off",
    "hub.library.version_sent_back": "Library document version sent back",
    "hub.library.owner_reminded": "Library document owner emailed about its review",
}


def _uploaded(user):
    from hub.library.models import DocumentVersion, LibraryDocument

    return {
        "versions_you_uploaded": [
            {
                "document": v.document.title,
                "version": v.version_label,
                # None while it waits for sign-off, or if it was sent back
                "published": v.published_at.isoformat() if v.published_at else None,
            }
            for v in DocumentVersion.objects.filter(uploaded_by=user)
            .select_related("document")
            .only("version_label", "published_at", "document__title")
        ],
        "documents_whose_reminders_go_to_your_address": list(
            LibraryDocument.objects.annotate(owner=Lower("owner_email"))
            .filter(owner__in=user.verified_addresses())
            .values_list("title", flat=True)
        ),
    }


def _sign_offs(user):
    """Versions the person signed off (those they asked to be signed off are the versions
    they uploaded, above)."""
    from hub.library.models import DocumentVersion

    return [
        {
            "document": v.document.title,
            "version": v.version_label,
            "signed_off_at": v.signed_off_at.isoformat() if v.signed_off_at else None,
        }
        for v in DocumentVersion.objects.filter(signed_off_by=user)
        .select_related("document")
        .only("version_label", "signed_off_at", "document__title")
    ]


def _waiting_for_sign_off(user):
    """New versions the person may approve: of documents they edit, uploaded by someone
    else. The link leads to the document when there is one, to the register otherwise."""
    from hub.core.permissions import Action, can
    from hub.library.admin_views import editable_versions

    if not can(user, Action.EDIT_PAGES):
        return []
    waiting = editable_versions(user).awaiting_sign_off().exclude(uploaded_by=user)
    documents = list(waiting.values_list("document_id", flat=True))
    if not documents:
        return []
    if len(set(documents)) == 1:
        url = reverse("library_documents:edit", args=documents[:1])
    else:
        url = reverse("library_documents:index")
    return [("Library versions to sign off", url, len(documents))]


def _reviews_due(user):
    from hub.core.permissions import Action, can
    from hub.library.viewsets import editable_documents

    if not can(user, Action.EDIT_PAGES):
        return []
    overdue = editable_documents(user).review_overdue(timezone.localdate()).count()
    if not overdue:
        return []
    return [("Documents overdue for review", reverse("library_admin:reviews"), overdue)]


def _overdue(partnership, start, end):
    from hub.library.models import LibraryDocument

    return LibraryDocument.objects.filter(partnership=partnership).review_overdue(end).count()


def _reminders(now):
    from hub.library.services import send_review_reminders

    return send_review_reminders(today=timezone.localdate(now))


def _demo(context):
    from hub.demo.library import load_library

    with transaction.atomic():
        load_library(context.partnerships)


def _documents(ids):
    from hub.library.search_index import document_chunks

    return document_chunks(ids)


def _document_changed(document):
    return [document.pk]


def _version_changed(version):
    return [version.document_id]


def _index_gone_live(now):
    from hub.library.search_index import index_gone_live

    return index_gone_live(now)


DOMAIN = Domain(
    label="library",
    search=(
        Searchable(
            "documents",
            "Documents",
            _documents,
            changes={
                "library.LibraryDocument": _document_changed,
                "library.DocumentVersion": _version_changed,
            },
            order=20,
        ),
    ),
    name="Local protocols and guidance",
    audit_actions=AUDIT_ACTIONS,
    personal_data=(
        PersonalData(
            key="library",
            models=("library.DocumentVersion", "library.LibraryDocument"),
            export=_uploaded,
        ),
        PersonalData(
            key="library_sign_off",
            models=("library.DocumentVersion",),
            export=_sign_offs,
        ),
    ),
    retention=(
        Retention(
            what="Library: which account uploaded a version; a document's review-reminder "
            "address (a shared mailbox)",
            how_long="while the document is in the register; the link to the account goes "
            "when the account is deleted",
            models=("library.DocumentVersion", "library.LibraryDocument"),
            prune=None,
        ),
        Retention(
            what="Library: which account signed off a new version (the account that uploaded "
            "it asked for the sign-off)",
            how_long="while the document is in the register; the link to the account goes "
            "when the account is deleted",
            models=("library.DocumentVersion",),
            prune=None,
        ),
    ),
    jobs=(
        Job(
            "send_review_reminders",
            _reminders,
            at=datetime_time(7, 0),
            description="reminds owners of documents coming up for review",
        ),
        Job(
            "index_library_versions_gone_live",
            _index_gone_live,
            every=datetime_timedelta(minutes=15),
            description="brings search up to date with library versions scheduled to go live",
        ),
    ),
    cache_purge={
        "library.librarydocument": ("content", "training"),
        "library.documentversion": ("content", "training"),
        "library.topic": ("content", "training"),
    },
    navigation=(
        Link(
            "Protocols and guidance",
            lambda request: reverse("library:index"),
            order=20,
            active_for="library:",
        ),
    ),
    staff_links=(
        StaffLink(
            "guidance",
            "Library documents",
            lambda request: reverse("library_documents:index"),
            admin_screen("library.LibraryDocument"),
            order=10,
            description="Policies, protocols and guidance: details, versions and uploads.",
        ),
        StaffLink(
            "guidance",
            "Reviews due",
            lambda request: reverse("library_admin:reviews"),
            admin_screen("library.LibraryDocument"),
            order=20,
            description="Documents overdue or coming up for review, by owner.",
        ),
    ),
    todos=(
        Todo("library versions to sign off", _waiting_for_sign_off),
        Todo("documents overdue for review", _reviews_due),
    ),
    sign_offs=(
        SignOff(
            "library.version",
            "New library versions",
            "a new version of a document is published only once another editor approves it",
        ),
    ),
    figures=(Figure("Documents overdue for review", "documents", _overdue), *FIGURES),
    demo=_demo,
    demo_order=10,
    api=API,
    feeds=FEEDS,
)
