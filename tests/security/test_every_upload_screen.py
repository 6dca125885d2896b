"""Every way a file enters the Hub passes the same content checks.

The crawl finds every form that takes a file, in the admin and on the site, as every kind of
person; each must be one of the screens below, which are fed the whole hostile corpus and a
file one byte over their limit. Wagtail's own document screens take no file at all. A refused
file gets a clear message and changes nothing: no row, no file on disk."""

import html
import json
import os
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import UploadedFile

from hub.assurance.models import EvidenceFile
from hub.library.models import DocumentVersion
from hub.reviews.models import ActionEvidence
from tests.core.uploads import hostile_files
from tests.security.conftest import SUPERUSER, client_for

pytestmark = pytest.mark.django_db


@dataclass
class UploadScreen:
    route: str  # the URL route its form posts to
    person: str
    file_field: str
    fields: dict = field(default_factory=dict)
    # Where the refusal is shown: "page" (the form again, with its error), "json" (Wagtail's
    # multiple upload), "modal" (a chooser's upload tab) or "message" (a redirect with one).
    shows: str = "page"
    max_bytes: str = ""  # the setting that limits it
    valid: object = None  # a builder of a file this screen accepts


LIBRARY_FIELDS = {
    "version_label": "9.9",
    "what_changed": "Updated contacts",
    "approved_by": "Partnership executive",
    "approved_on": "2026-11-01",
}

SCREENS = {
    "library version": UploadScreen(
        "admin/library/<int:pk>/upload/",
        "editor@westshire.example",
        "file",
        LIBRARY_FIELDS,
        max_bytes="LIBRARY_MAX_UPLOAD_BYTES",
        valid=hostile_files.pdf_of_exact_size,
    ),
    "section 11 evidence": UploadScreen(
        "assurance/submissions/<int:pk>/standards/<int:standard_pk>/",
        "lead@westbury-academy.example",
        "file",
        {"upload": "Upload"},
        max_bytes="ASSURANCE_MAX_EVIDENCE_BYTES",
        valid=hostile_files.pdf_of_exact_size,
    ),
    "review action evidence": UploadScreen(
        "reviews/actions/<int:pk>/evidence/",
        "lead@westbury-academy.example",
        "file",
        {"note": ""},
        max_bytes="REVIEW_MAX_EVIDENCE_BYTES",
        valid=hostile_files.pdf_of_exact_size,
    ),
    "image": UploadScreen(
        "admin/images/add/",
        "editor@westshire.example",
        "file",
        {"title": "Logo"},
        max_bytes="IMAGES_MAX_UPLOAD_BYTES",
    ),
    "images, several at once": UploadScreen(
        "admin/images/multiple/add/",
        "editor@westshire.example",
        "files[]",
        shows="json",
        max_bytes="IMAGES_MAX_UPLOAD_BYTES",
    ),
    "image chooser's upload tab": UploadScreen(
        "admin/images/chooser/create/",
        SUPERUSER,
        "image-chooser-upload-file",
        {"image-chooser-upload-title": "Logo"},
        shows="modal",
        max_bytes="IMAGES_MAX_UPLOAD_BYTES",
    ),
    "replacing an image's file": UploadScreen(
        "admin/images/<int:image_id>/",
        SUPERUSER,
        "file",
        {"title": "Logo"},
        max_bytes="IMAGES_MAX_UPLOAD_BYTES",
    ),
    "redirect import": UploadScreen(
        "admin/redirects/import/", SUPERUSER, "import_file", shows="message"
    ),
}

# Wagtail's own ways to add a document: every file comes through the library instead, so
# these take no file from anyone, the superuser included.
CLOSED = ["/admin/documents/add/", "/admin/documents/multiple/add/"]
CLOSED_CHOOSER = "/admin/documents/chooser/create/"


# Every refusal, the Hub's or Wagtail's own field checks', says one of these.
REFUSAL_WORDS = (
    "not accepted",
    "Upload a",
    "is empty",
    "must be smaller",
    "cannot be",
    "contains",
    "damaged",
    "not a PNG",
    "web page",
    "SVG",
    "too large",
    "too many",
    "Not a supported image format",
    "too big",
)


def stored():
    """Everything an upload could leave behind."""
    files = sum(len(names) for _, _, names in os.walk(settings.MEDIA_ROOT))
    return {
        "documents": Document.objects.count(),
        "images": Image.objects.count(),
        "pending uploads": UploadedFile.objects.count(),
        "library versions": DocumentVersion.objects.count(),
        "evidence": EvidenceFile.objects.count(),
        "review evidence": ActionEvidence.objects.count(),
        "files on disk": files,
        "image files": sorted(Image.objects.values_list("file", flat=True)),
    }


def action_for(site_maps, screen):
    """The form as the screen's own person found it."""
    for form in site_maps[screen.person].forms:
        if form.takes_a_file and _route_of_action(form) == screen.route:
            return form
    pytest.fail(f"{screen.person} found no screen that posts a file to {screen.route}")


def _route_of_action(form):
    from tests.crawler import route_of

    return route_of(form.action)


def post(screen, form, name, content):
    client = client_for(screen.person)
    data = {f.name: f.value for f in form.fields if f.kind not in ("file", "submit", "checkbox")}
    data.pop("csrfmiddlewaretoken", None)
    data.update(screen.fields)
    data[screen.file_field] = hostile_files.as_upload(name, content)
    return client.post(form.action, data, HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def refusal_shown(screen, response):
    """The words the person sees about the refused file (Wagtail's "10.0\xa0MB" read as
    "10 MB")."""
    return _plain(_refusal(screen, response))


def _plain(text):
    return html.unescape(text).replace("\xa0", " ").replace(".0 MB", " MB")


def _refusal(screen, response):
    assert response.status_code != 500
    if screen.shows == "json":
        data = json.loads(response.content)
        assert data["success"] is False
        return data["error_message"]
    if screen.shows == "modal":
        data = json.loads(response.content)
        assert data["step"] == "reshow_creation_form"
        return data["htmlFragment"] if "htmlFragment" in data else data["html"]
    if screen.shows == "message":
        assert response.status_code == 302
        return " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert response.status_code == 200
    return response.content.decode()


def test_every_screen_that_takes_a_file_is_one_checked_here(site_maps):
    found = set()
    for site in site_maps.values():
        for form in site.forms:
            if form.takes_a_file:
                found.add(_route_of_action(form))
    known = {screen.route for screen in SCREENS.values()}
    assert found == known, f"Upload screens not covered by this test: {found - known}"


@pytest.mark.parametrize("builder", hostile_files.HOSTILE_CORPUS, ids=lambda b: b.__name__)
@pytest.mark.parametrize("screen_name", SCREENS)
def test_each_upload_screen_refuses_each_hostile_file_and_changes_nothing(
    site_maps, screen_name, builder
):
    screen = SCREENS[screen_name]
    form = action_for(site_maps, screen)
    before = stored()
    response = post(screen, form, *builder())
    words = refusal_shown(screen, response)
    assert any(phrase in words for phrase in REFUSAL_WORDS), words[:2000]
    assert stored() == before


@pytest.mark.parametrize(
    "screen_name", [name for name, screen in SCREENS.items() if screen.max_bytes]
)
def test_each_upload_screen_refuses_a_file_one_byte_over_its_limit(site_maps, screen_name):
    screen = SCREENS[screen_name]
    form = action_for(site_maps, screen)
    limit = getattr(settings, screen.max_bytes)
    if screen.valid is not None:
        name, content = screen.valid(limit + 1)
    else:
        name, content = hostile_files.png_image()
        content += b"\x00" * (limit + 1 - len(content))
    before = stored()
    words = refusal_shown(screen, post(screen, form, name, content))
    assert f"{limit // (1024 * 1024)} MB" in words
    assert stored() == before


@pytest.mark.parametrize("path", CLOSED)
@pytest.mark.parametrize("email", [SUPERUSER, "editor@westshire.example"])
def test_wagtails_own_document_upload_screens_take_no_file_from_anyone(path, email):
    client = client_for(email)
    assert b'type="file"' not in client.get(path).content
    before = stored()
    name, content = hostile_files.pdf_document(pages=1)
    response = client.post(
        path, {"title": "Policy", "files[]": hostile_files.as_upload(name, content)}
    )
    response2 = client.post(
        path, {"title": "Policy", "file": hostile_files.as_upload(name, content)}
    )
    for answer in (response, response2):
        assert answer.status_code in (302, 403)
    assert stored() == before


def test_the_document_chooser_has_no_upload_tab_and_takes_no_file():
    client = client_for(SUPERUSER)
    modal = json.loads(client.get("/admin/documents/chooser/").content)
    assert 'type="file"' not in modal["html"]
    before = stored()
    name, content = hostile_files.pdf_document(pages=1)
    response = client.post(
        CLOSED_CHOOSER,
        {
            "document-chooser-upload-title": "Policy",
            "document-chooser-upload-file": hostile_files.as_upload(name, content),
        },
    )
    assert response.status_code in (302, 403)
    assert stored() == before


def test_an_image_that_passes_is_stored_in_the_editors_own_collection(site_maps, westshire):
    screen = SCREENS["images, several at once"]
    form = action_for(site_maps, screen)
    response = post(screen, form, *hostile_files.png_image(name="new-logo.png"))
    assert json.loads(response.content)["success"] is True
    image = Image.objects.get(title="new-logo.png")
    assert image.collection_id == westshire.collection_id
