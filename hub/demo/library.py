"""Loads the demo document library: topics, register entries and every version's file.

Files are built in memory (`hub.demo.library_files`) and uploaded through the same service an
editor's upload goes through, so each one is checked by its content, numbered and stored as a
real upload would be. Their text is read at once, so the demo is searchable without a worker.

Every document is found by its slug before it is created, so loading twice changes nothing;
a document that already exists is left exactly as it is, even if an editor has changed it.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from hub.core.models import Agency
from hub.core.uploads.documents import CONTENT_TYPES
from hub.demo.content.documents import DOCUMENTS, TOPICS
from hub.demo.library_files import build
from hub.demo.years import in_last_year
from hub.library.models import LibraryDocument, Status, Topic
from hub.library.services import document_set_status, version_read_text, version_upload

PUBLISHED_AT = datetime.time(9, 0)
AUDIENCE_FIELDS = {
    "professionals": "for_professionals",
    "parents": "for_parents",
    "young_people": "for_young_people",
}


class SystemActor:
    """The demo loader acting on the register: allowed everything, and no one's account.

    `can()` lets a superuser do anything, and no uploaded file is credited to a person.
    """

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None

    def __str__(self):
        return "Demo loader"


def load_library(partnerships):
    """Create the demo topics and documents that are not there yet; return how many documents
    were created. `partnerships` maps each demo partnership's slug to the partnership."""
    actor = SystemActor()
    consortium = next(iter(partnerships.values())).consortium
    topics = _load_topics()
    today = timezone.localdate()
    created = {}
    for spec in DOCUMENTS:
        if LibraryDocument.objects.filter(slug=spec["slug"]).exists():
            continue
        # One document at a time: a failure leaves no half-loaded entry behind.
        with transaction.atomic():
            document = _create_document(spec, partnerships, consortium, topics, today)
            for number, version in enumerate(spec["versions"], start=1):
                _upload_version(actor, document, spec, number, version)
        created[spec["slug"]] = document
    _link_documents(actor, created)
    return len(created)


def _load_topics():
    topics = {}
    for name, slug in TOPICS:
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            topic = Topic.objects.create(name=name, slug=slug)
        topics[slug] = topic
    return topics


def _create_document(spec, partnerships, consortium, topics, today):
    review_due = spec.get("review_due")
    if "review_due_in_days" in spec:
        # Relative to the day of loading, so a demo always has reviews overdue and due soon.
        review_due = today + datetime.timedelta(days=spec["review_due_in_days"])
    audiences = set(spec["audiences"])
    document = LibraryDocument.objects.create(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        document_type=spec["type"],
        reach=spec["reach"],
        partnership=partnerships[spec["partnership"]] if spec["partnership"] else None,
        consortium=consortium,
        owner_agency=Agency.objects.get(name=spec["owner_agency"]),
        contact_role=spec["contact_role"],
        owner_email=spec["owner_email"],
        is_restricted=spec.get("is_restricted", False),
        review_due=review_due,
        is_demo=True,
        **{field: key in audiences for key, field in AUDIENCE_FIELDS.items()},
    )
    document.topics.set([topics[slug] for slug in spec["topics"]])
    return document


def _upload_version(actor, document, spec, number, version):
    version = _dated(spec, version)
    content = build(version.kind, spec["title"], version.content)
    name = f"{spec['file_stem']}-v{number}.{version.kind}"
    published_at = timezone.make_aware(
        datetime.datetime.combine(version.published, PUBLISHED_AT),
        timezone.get_default_timezone(),
    )
    stored = version_upload(
        by=actor,
        document=document,
        uploaded_file=SimpleUploadedFile(name, content, content_type=CONTENT_TYPES[version.kind]),
        version_label=version.label,
        what_changed=version.what_changed,
        approved_by=version.approved_by,
        approved_on=version.approved_on,
        published_at=published_at,
    )
    version_read_text(stored)
    return stored


def _dated(spec, version):
    """The version with its dates moved into the last complete reporting year when the
    entry says so (hub/demo/content/documents.py)."""
    share = spec.get("dated_in_last_year", {}).get(version.label)
    if share is None:
        return version
    approved_on = in_last_year(share)
    return version._replace(
        approved_on=approved_on, published=approved_on + (version.published - version.approved_on)
    )


def _link_documents(actor, created):
    """Statuses, replacements and related documents, once every document has its versions
    (a superseded or withdrawn document takes no new versions)."""
    for slug, document in created.items():
        spec = _spec(slug)
        for related_slug in spec.get("related", []):
            related = LibraryDocument.objects.filter(slug=related_slug).first()
            if related is not None:
                document.related_documents.add(related)
        status = spec.get("status", Status.CURRENT)
        if status != Status.CURRENT:
            replaced_by = None
            if spec.get("replaced_by"):
                replaced_by = LibraryDocument.objects.get(slug=spec["replaced_by"])
            document_set_status(by=actor, document=document, status=status, replaced_by=replaced_by)


def _spec(slug):
    return next(spec for spec in DOCUMENTS if spec["slug"] == slug)
