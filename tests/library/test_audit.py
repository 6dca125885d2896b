"""Every write to the register goes through a service that records its audit entry in the
same transaction: who did it, what it did, to which record. A refusal records nothing."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from hub.core import audit
from hub.core.models import Role
from hub.library import services
from hub.library.models import DocumentVersion, LibraryDocument, Status
from tests.core.uploads import hostile_files

pytestmark = pytest.mark.django_db


def library_entries():
    return audit.entries().filter(action__startswith="hub.library.")


def only_entry(action):
    entries = list(library_entries())
    assert [entry.action for entry in entries] == [action]
    return entries[0]


def assert_about(entry, actor, instance):
    assert entry.user_id == actor.pk
    assert entry.content_type == ContentType.objects.get_for_model(instance)
    assert entry.object_id == str(instance.pk)


@pytest.fixture
def document(make_document):
    return make_document("test-audited", published=[datetime.date(2026, 1, 5)])


@pytest.fixture
def before(document):
    """The entries so far (the fixture's own upload) are cleared, so each test sees its own."""
    library_entries().delete()


def test_uploading_a_version_records_one_entry_with_its_review_date(
    document, before, library_editor
):
    name, content = hostile_files.pdf_document(pages=1, name="second.pdf")
    version = services.version_upload(
        by=library_editor,
        document=document,
        uploaded_file=hostile_files.as_upload(name, content),
        version_label="2.0",
        what_changed="Contacts",
        approved_by="Partnership executive",
        approved_on=datetime.date(2026, 2, 1),
        review_due=datetime.date(2027, 2, 1),
    )
    entry = only_entry("hub.library.version_uploaded")
    assert_about(entry, library_editor, version)
    assert entry.data["partnership_id"] == document.partnership_id
    assert entry.data["details"]["review_due"] == "2027-02-01"
    document.refresh_from_db()
    assert document.review_due == datetime.date(2027, 2, 1)


def test_changing_a_status_records_one_entry_and_the_same_status_again_none(
    document, before, library_editor
):
    services.document_set_status(by=library_editor, document=document, status="under_review")
    entry = only_entry("hub.library.document_status_changed")
    assert_about(entry, library_editor, document)
    assert entry.data["details"] == {
        "document_id": document.pk,
        "from": "current",
        "to": "under_review",
    }
    services.document_set_status(by=library_editor, document=document, status="under_review")
    assert library_entries().count() == 1


def test_withdrawing_a_version_records_the_reason_once(document, before, library_editor):
    version = document.versions.get()
    services.version_withdraw(by=library_editor, version=version, reason="Wrong file")
    entry = only_entry("hub.library.version_withdrawn")
    assert_about(entry, library_editor, version)
    assert entry.data["details"]["reason"] == "Wrong file"
    with pytest.raises(ValidationError):
        services.version_withdraw(by=library_editor, version=version, reason="Again")
    assert library_entries().count() == 1
    assert DocumentVersion.objects.get(pk=version.pk).is_withdrawn


def test_a_version_is_not_withdrawn_without_a_reason(document, before, library_editor):
    version = document.versions.get()
    with pytest.raises(ValidationError):
        services.version_withdraw(by=library_editor, version=version, reason="  ")
    assert not DocumentVersion.objects.get(pk=version.pk).is_withdrawn
    assert not library_entries().exists()


def test_deleting_a_document_records_who_did_it(document, before, library_editor):
    services.document_delete(by=library_editor, document=document)
    entry = only_entry("hub.library.document_deleted")
    assert_about(entry, library_editor, document)
    assert not LibraryDocument.objects.filter(pk=document.pk).exists()


def test_another_partnerships_editor_is_refused_and_nothing_is_recorded(document, before, staff):
    northmoor_editor = staff(Role.EDITOR, partnership="northmoor")
    version = document.versions.get()
    with pytest.raises(PermissionDenied):
        services.version_withdraw(by=northmoor_editor, version=version, reason="Mine now")
    with pytest.raises(PermissionDenied):
        services.document_set_status(by=northmoor_editor, document=document, status="withdrawn")
    with pytest.raises(PermissionDenied):
        services.document_delete(by=northmoor_editor, document=document)
    document.refresh_from_db()
    assert document.status == Status.CURRENT
    assert not DocumentVersion.objects.get(pk=version.pk).is_withdrawn
    assert not library_entries().exists()
