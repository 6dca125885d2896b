"""Wagtail's own document and image screens keep one partnership's files from another's and
are no way round the library: files are only chosen there, never added, replaced or deleted;
the chooser offers the current version of the editor's own and shared documents; a link to a
file leads to its document's current version; Wagtail's /documents/ address serves a file by
the library's rules; the library's history, usage and choice lists are the editor's own."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from hub.core.models import Agency, Role
from hub.library import services
from hub.library.models import LibraryDocument
from tests.conftest import give_second_factor, make_person
from tests.core.uploads import hostile_files
from tests.crawler import _FormParser

pytestmark = pytest.mark.django_db


def staff(email):
    from hub.core.models import User

    user = User.objects.get(email=email)
    give_second_factor(user)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def northmoor_admin():
    return staff("admin@northmoor.example")


@pytest.fixture
def superuser(westshire):
    user = make_person("root@hub.example", partnership=westshire, agency=None)
    user.is_superuser = user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def westshire_file(kind="pdf"):
    """The current version of a public Westshire document, a file of `kind`."""
    for document in LibraryDocument.objects.filter(
        partnership__slug="westshire", status="current", is_restricted=False
    ).with_current_version():
        if document.current_version and document.current_version.kind == kind:
            return document.current_version
    raise AssertionError(f"No public Westshire {kind} in the demo")


def test_another_partnerships_files_are_not_listed_changed_or_deleted(northmoor_admin):
    version = westshire_file()
    before = version.file.file.name
    for path in ("/admin/documents/", f"/admin/documents/edit/{version.file_id}/"):
        response = northmoor_admin.get(path)
        assert response.status_code in (302, 403), path
        assert version.document.title not in response.content.decode()
    name, content = hostile_files.docm_with_vba_project()
    northmoor_admin.post(
        f"/admin/documents/edit/{version.file_id}/",
        {"title": "Mine now", "file": hostile_files.as_upload(name, content)},
    )
    northmoor_admin.post(f"/admin/documents/delete/{version.file_id}/")
    version.file.refresh_from_db()
    assert version.file.title != "Mine now"
    assert version.file.file.name == before


def test_not_even_a_superuser_replaces_a_library_file_behind_its_versions(superuser):
    version = westshire_file()
    before = version.file.file.name
    name, content = hostile_files.pdf_document(pages=1)
    response = superuser.post(
        f"/admin/documents/edit/{version.file_id}/",
        {"title": "Replaced", "file": hostile_files.as_upload(name, content)},
    )
    assert response.status_code in (302, 403)
    assert superuser.post(f"/admin/documents/delete/{version.file_id}/").status_code in (302, 403)
    version.file.refresh_from_db()
    assert version.file.file.name == before


def test_each_partnership_has_its_own_collection_and_its_files_live_there(westshire, northmoor):
    assert westshire.collection_id and northmoor.collection_id
    assert westshire.collection_id != northmoor.collection_id
    for document in LibraryDocument.objects.select_related("partnership", "consortium"):
        owner = document.partnership or document.consortium
        for version in document.versions.select_related("file"):
            assert version.file.collection_id == owner.collection_id
    assert Image.objects.get(pk=westshire.logo_id).collection_id == westshire.collection_id


def test_another_partnerships_logo_cannot_be_seen_or_renamed(northmoor_admin, westshire):
    logo = Image.objects.get(pk=westshire.logo_id)
    listing = northmoor_admin.get("/admin/images/").content.decode()
    assert f"/admin/images/{logo.pk}/" not in listing
    response = northmoor_admin.post(f"/admin/images/{logo.pk}/", {"title": "Renamed"})
    assert response.status_code in (302, 403, 404)
    logo.refresh_from_db()
    assert logo.title != "Renamed"
    chooser = northmoor_admin.get("/admin/images/chooser/").json()["html"]
    assert "data-chooser-modal-choice" not in chooser or logo.title not in chooser


def test_the_document_chooser_offers_current_versions_of_the_editors_own_and_shared_files(
    westshire,
):
    editor = staff("editor@westshire.example")
    html = editor.get("/admin/documents/chooser/results/").content.decode()
    offered = set()
    for document in LibraryDocument.objects.with_current_version():
        current = document.current_version
        if current and f"/admin/documents/chooser/chosen/{current.file_id}/" in html:
            offered.add(document)
        for old in document.versions.exclude(pk=getattr(current, "pk", None)):
            assert f"/admin/documents/chooser/chosen/{old.file_id}/" not in html, "superseded"
    assert offered
    for document in offered:
        assert document.partnership_id in (westshire.pk, None)
        assert document.status not in ("withdrawn", "superseded")
    northmoor_files = LibraryDocument.objects.filter(partnership__slug="northmoor")
    assert not offered & set(northmoor_files)


def test_a_rich_text_link_to_a_file_leads_to_its_documents_current_version(
    make_document, library_editor, django_capture_on_commit_callbacks
):
    document = make_document("test-linked", published=[datetime.date(2026, 1, 5)])
    first = document.current_version
    html = expand_db_html(f'<a linktype="document" id="{first.file_id}">the protocol</a>')
    assert f'href="/library/{document.slug}/download/"' in html
    name, content = hostile_files.pdf_document(pages=2, name="v2.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        services.version_upload(
            by=library_editor,
            document=document,
            uploaded_file=hostile_files.as_upload(name, content),
            version_label="2.0",
            what_changed="Updated",
            approved_by="Executive",
            approved_on=datetime.date(2026, 11, 1),
        )
    download = Client().get(f"/library/{document.slug}/download/")
    assert download["Content-Disposition"].endswith('filename="v2.pdf"')


def test_a_scheduled_version_is_not_served_anywhere_until_its_time(
    make_document, library_editor, client
):
    document = make_document("test-scheduled", published=[datetime.date(2026, 1, 5)])
    name, content = hostile_files.pdf_document(pages=1, name="next-year.pdf")
    later = services.version_upload(
        by=library_editor,
        document=document,
        uploaded_file=hostile_files.as_upload(name, content),
        version_label="2.0",
        what_changed="Next year's version",
        approved_by="Executive",
        approved_on=datetime.date(2026, 11, 1),
        published_at=timezone.now() + datetime.timedelta(days=30),
    )
    assert client.get(later.file.url).status_code == 404
    assert client.get(f"/library/{document.slug}/versions/2/download/").status_code == 404
    assert client.get(f"/library/{document.slug}/download/")["Content-Disposition"].endswith(
        'filename="test-scheduled-v1.pdf"'
    )


def test_the_version_current_today_is_not_one_due_later_today(make_document, library_editor):
    document = make_document("test-later-today", published=[datetime.date(2026, 1, 5)])
    today = timezone.localdate()
    at_three = timezone.make_aware(datetime.datetime.combine(today, datetime.time(15)))
    with time_machine.travel(at_three - datetime.timedelta(hours=5), tick=False):
        name, content = hostile_files.pdf_document(pages=1, name="this-afternoon.pdf")
        services.version_upload(
            by=library_editor,
            document=document,
            uploaded_file=hostile_files.as_upload(name, content),
            version_label="2.0",
            what_changed="Published this afternoon",
            approved_by="Executive",
            approved_on=today,
            published_at=at_three,
        )
        assert document.version_on(today).version_label == "1.0"
        page = Client().get(
            document.get_absolute_url(),
            {"as_at_day": today.day, "as_at_month": today.month, "as_at_year": today.year},
        )
        assert "this-afternoon" not in page.content.decode()
    with time_machine.travel(at_three + datetime.timedelta(minutes=1), tick=False):
        assert document.version_on(today).version_label == "2.0"


def test_wagtails_document_address_serves_a_file_only_on_its_own_partnerships_site():
    version = westshire_file()
    assert Client().get(version.file.url).status_code == 200
    assert Client(HTTP_HOST="northmoor.localhost").get(version.file.url).status_code == 404


def test_a_pdf_opens_in_the_browser_under_a_policy_that_runs_nothing(client):
    version = westshire_file()
    for path in (version.document.get_download_url(), version.file.url):
        response = client.get(path)
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("inline;")
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_other_kinds_download_as_an_attachment_inside_a_sandbox(client):
    version = westshire_file("docx")
    response = client.get(version.document.get_download_url())
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize("screen", ["history", "usage"])
def test_the_librarys_history_and_usage_are_the_editors_own(northmoor_admin, screen):
    document = LibraryDocument.objects.filter(partnership__slug="westshire").first()
    response = northmoor_admin.get(f"/admin/library_documents/{screen}/{document.pk}/")
    assert response.status_code == 404


def test_the_librarys_choice_lists_hold_only_the_editors_own_documents_and_pages(westshire):
    editor = staff("editor@westshire.example")
    document = LibraryDocument.objects.filter(partnership=westshire).first()
    page = editor.get(f"/admin/library_documents/edit/{document.pk}/").content.decode()
    parser = _FormParser()
    parser.feed(page)
    # A select's options, or the values of a group of checkboxes (related documents).
    choices = {}
    for form in parser.forms:
        for f in form["fields"]:
            offered = {f.value} if f.kind == "checkbox" else set(f.options)
            choices.setdefault(f.name, set()).update(offered)
    northmoor = LibraryDocument.objects.filter(partnership__slug="northmoor")
    assert choices["related_documents"]
    assert not choices["related_documents"] & {
        str(pk) for pk in northmoor.values_list("pk", flat=True)
    }
    their_pages = Page.objects.descendant_of(northmoor_root(), inclusive=True)
    assert choices["related_pages"]
    assert not choices["related_pages"] & {
        str(pk) for pk in their_pages.values_list("pk", flat=True)
    }


def northmoor_root():
    from hub.core.models import Partnership

    return Partnership.objects.get(slug="northmoor").site.root_page


def test_forged_related_documents_from_another_partnership_are_refused(westshire):
    editor = staff("editor@westshire.example")
    document = LibraryDocument.objects.filter(partnership=westshire).first()
    theirs = LibraryDocument.objects.filter(partnership__slug="northmoor").first()
    response = editor.post(
        f"/admin/library_documents/edit/{document.pk}/",
        {"related_documents": [theirs.pk], "title": document.title},
    )
    assert response.status_code == 200
    assert not document.related_documents.filter(pk=theirs.pk).exists()


def test_an_editor_of_one_partnership_cannot_choose_anothers_image(northmoor):
    editor = make_person(
        "editor2@westshire.example",
        partnership=northmoor.__class__.objects.get(slug="westshire"),
        agency=Agency.objects.get(name="Westshire County Council (demo)"),
        roles=[Role.EDITOR],
    )
    client = Client()
    client.force_login(editor)
    logo = Image.objects.get(pk=northmoor.logo_id)
    assert client.get(f"/admin/images/chooser/{logo.pk}/").status_code in (302, 403, 404)
