import datetime

import pytest
from django.utils import timezone

from hub.core.models import Role
from hub.library import services
from hub.library.models import LibraryDocument
from tests.core.uploads import hostile_files


@pytest.fixture
def library_editor(staff):
    return staff(Role.EDITOR, email="library-editor@westshire.example")


def moment(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def make_document(westshire, library_editor, django_capture_on_commit_callbacks):
    """A Westshire document with versions published on the given days."""

    def make(slug, *, published=(), restricted=False, review_due=None, **fields):
        document = LibraryDocument.objects.create(
            partnership=westshire,
            consortium=westshire.consortium,
            title=fields.pop("title", slug.replace("-", " ").capitalize()),
            slug=slug,
            summary=fields.pop("summary", "A test document."),
            document_type=fields.pop("document_type", "protocol"),
            reach=fields.pop("reach", "local"),
            contact_role="Business unit manager",
            owner_email=fields.pop("owner_email", "owner@westshire.example"),
            is_restricted=restricted,
            review_due=review_due,
            **fields,
        )
        for index, day in enumerate(published, start=1):
            name, content = hostile_files.pdf_document(pages=1, name=f"{slug}-v{index}.pdf")
            # Text extraction is queued after commit; run it as the worker would.
            with django_capture_on_commit_callbacks(execute=True):
                services.version_upload(
                    by=library_editor,
                    document=document,
                    uploaded_file=hostile_files.as_upload(name, content),
                    version_label=f"{index}.0",
                    what_changed=f"Change number {index}",
                    approved_by="Partnership executive",
                    approved_on=day,
                    published_at=moment(day),
                )
        return document

    return make
