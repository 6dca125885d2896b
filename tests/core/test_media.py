"""Outside production the app serves Wagtail's public images itself. Each image folder is its
own root, so no address climbs out of it to a document, evidence or anything else stored, and
what it serves runs nothing."""

import pytest
from django.conf import settings
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_files():
    """A library file and a section 11 evidence file as they sit in the uploads folder."""
    from hub.assurance.models import EvidenceFile
    from hub.library.models import DocumentVersion

    evidence_folder = EvidenceFile._meta.get_field("file").upload_to

    library = DocumentVersion.objects.select_related("file").first().file.file.name
    folder = settings.MEDIA_ROOT / evidence_folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "secret-evidence.pdf").write_bytes(b"%PDF-1.4 evidence")
    return {"library": library, "evidence": f"{evidence_folder}secret-evidence.pdf"}


@pytest.mark.parametrize(
    "escape",
    [
        "/media/images/..%2F{path}",
        "/media/images/..%2f{path}",
        "/media/images/%2E%2E/{path}",
        "/media/original_images/..%2F{path}",
        "/media/images/..%5C{path}",
        "/media/images/....//{path}",
        "/media/{path}",
    ],
)
@pytest.mark.parametrize("kind", ["library", "evidence"])
def test_no_media_address_climbs_out_of_the_image_folders(client, stored_files, escape, kind):
    assert settings.SERVE_MEDIA
    response = client.get(escape.format(path=stored_files[kind]))
    assert response.status_code in (400, 404), (escape, response.status_code)
    assert b"evidence" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_public_image_is_served_under_a_sandbox(client):
    image = Image.objects.first()
    response = client.get(f"/media/{image.file.name}")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_only_image_files_are_served_from_the_image_folders(client):
    folder = settings.MEDIA_ROOT / "original_images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.html").write_text("<script>alert(1)</script>")
    assert client.get("/media/original_images/page.html").status_code == 404
