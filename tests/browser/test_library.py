"""A practitioner finds a document in the library, opens its page and opens the file: a PDF
in the browser's own viewer, any other kind as a download. An editor keeps a document from
its edit screen: uploads the next version there, lands back on it, and a year later finds it
overdue on Reviews due (on a server whose clock is set a year on)."""

import datetime
import json
import os
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hub.library.models import suggested_review_date
from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import in_site
from tests.core.uploads import hostile_files
from tests.servers import Server

pytestmark = pytest.mark.browser


def test_filter_then_open_a_document_then_open_its_pdf(live_site, page):
    page.goto(live_site["url"] + "/")
    page.get_by_role("link", name="Protocols and guidance").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Local protocols and guidance")
    check_accessibility(page)

    page.get_by_label("Protocol", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    results = page.locator(".hub-document-list")
    expect(results).to_contain_text("Resolving Professional Differences")
    check_accessibility(page)

    results.get_by_role("link", name="Resolving Professional Differences").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Resolving Professional Differences"
    )
    expect(page.get_by_role("heading", name="Version history")).to_be_visible()
    check_accessibility(page)

    downloads = []
    page.on("download", lambda download: downloads.append(download))
    href = page.locator(".hub-attachment__title a").get_attribute("href")
    response = page.goto(live_site["url"] + href)
    assert response.all_headers()["content-type"] == "application/pdf"
    page.wait_for_timeout(1500)
    assert downloads == [], "a PDF opens in the browser"
    assert any(frame.url.startswith("chrome-extension://") for frame in page.frames)


def test_a_word_document_downloads_as_a_file(live_site, page):
    page.goto(live_site["url"] + "/library/?document_type=template")
    page.locator(".hub-document-list a").first.click()
    with page.expect_download() as download_info:
        page.locator(".hub-attachment__title a").click()
    download = download_info.value
    assert download.suggested_filename.endswith((".docx", ".odt", ".xlsx", ".pptx"))
    assert download.path().stat().st_size > 500


def test_the_library_as_it_stood_on_a_past_date_passes_axe(live_site, page):
    page.goto(live_site["url"] + "/library/?as_at_day=3&as_at_month=3&as_at_year=2026")
    expect(page.get_by_role("region", name="Past view")).to_contain_text("3 March 2026")
    check_accessibility(page)
    page.locator(".hub-document-list a").first.click()
    check_accessibility(page)


def test_an_earlier_version_page_is_marked_superseded(live_site, page):
    page.goto(live_site["url"] + "/library/")
    page.get_by_role("link", name="Resolving Professional Differences").first.click()
    page.locator("#history").scroll_into_view_if_needed()
    page.locator("table.govuk-table a").last.click()
    expect(page.locator(".hub-superseded-tag")).to_have_text("Superseded")
    check_accessibility(page)


# Westshire's editor of the journey, signed in: a session made by the server's own code.
SIGN_IN = """
import datetime, json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from hub.core.models import Partnership, User
from tests.conftest import demo_agency, make_person

EMAIL = "library-journey-editor@council.example"
westshire = Partnership.objects.get(slug="westshire")
editor = User.objects.filter(email=EMAIL).first() or make_person(
    EMAIL, partnership=westshire, agency=demo_agency("council"), roles=["editor"]
)
session = SessionStore()
session[SESSION_KEY] = str(editor.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = editor.get_session_auth_hash()
session.create()
result = {"session": session.session_key}
"""

# A fictional document of Westshire's, with one version issued 400 days ago.
A_DOCUMENT = """
from hub.library import services
from hub.library.models import LibraryDocument
from tests.core.uploads import hostile_files

document = LibraryDocument.objects.create(
    partnership=westshire, consortium=westshire.consortium,
    title="Children missing education protocol (demo journey)",
    slug="journey-children-missing-education", summary="Who to tell, and when (demo).",
    document_type="protocol", reach="local", contact_role="Education safeguarding lead",
    owner_email="education.safeguarding@westshire.example", is_demo=True,
)
name, content = hostile_files.pdf_document(pages=1, name="journey-v1.pdf")
issued = timezone.now() - datetime.timedelta(days=400)
services.version_upload(
    by=editor, document=document, uploaded_file=hostile_files.as_upload(name, content),
    version_label="1.0", what_changed="First issue", approved_by="Partnership executive",
    approved_on=issued.date(), published_at=issued,
)
result.update(document=document.pk, title=document.title)
"""

PRINT = "\nprint(json.dumps(result))\n"


def _signed_in(browser, site, setup):
    result = json.loads(in_site(site, setup).strip().splitlines()[-1])
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": result["session"], "url": site["url"]}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return result, context, page


def _a_year_on(live_site, when):
    """The live site's environment with every process's clock set to `when` (it then runs
    on): a sitecustomize module, which Python imports at start-up, sets it."""
    folder = live_site["scratch"] / "a-year-on"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(
        "import datetime, time_machine\n"
        f"time_machine.travel(datetime.datetime.fromisoformat({when.isoformat()!r}))"
        ".start()\n"
    )
    environment = live_site["environment"]
    paths = [str(folder), environment.get("PYTHONPATH", "")]
    return environment | {"PYTHONPATH": os.pathsep.join(path for path in paths if path)}


def test_an_editor_uploads_from_the_edit_screen_and_a_year_later_finds_it_overdue(
    browser, live_site
):
    document, context, page = _signed_in(browser, live_site, SIGN_IN + A_DOCUMENT + PRINT)
    title = document["title"]
    page.goto(live_site["url"] + "/admin/library_documents/")
    page.get_by_role("link", name=title, exact=True).click()
    versions = page.get_by_role("table", name=f"Versions of {title}, newest first")
    expect(versions).to_contain_text("First issue")
    check_accessibility(page)

    page.get_by_role("link", name="Upload a new version").click()
    today = timezone.localdate()
    expect(page.get_by_label("Review due", exact=True)).to_have_value(
        suggested_review_date().isoformat()
    )
    _, content = hostile_files.pdf_document(pages=1)
    page.locator("input[type=file][name=file]").set_input_files(
        {"name": "journey-v2.pdf", "mimeType": "application/pdf", "buffer": content}
    )
    page.get_by_label("Version label").fill("2.0")
    page.get_by_label("What changed").fill("New contacts for the education welfare team")
    page.get_by_label("Approved by").fill("Partnership executive")
    page.get_by_label("Approved on").fill(today.isoformat())
    check_accessibility(page)
    page.get_by_role("button", name="Upload and publish").click()

    expect(page).to_have_url(re.compile(rf"/admin/library_documents/edit/{document['document']}/$"))
    expect(page.get_by_text(f"New version of '{title}' uploaded.")).to_be_visible()
    newest = versions.locator("tbody tr").first
    expect(newest).to_contain_text("2.0 (upload 2)")
    expect(newest).to_contain_text("Current")
    expect(newest).to_contain_text("New contacts for the education welfare team")
    expect(versions.locator("tbody tr").nth(1)).to_contain_text("Superseded")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("^View on site")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    context.close()

    # A year and two days on, past the suggested review date.
    later = timezone.localtime() + datetime.timedelta(days=367)
    environment = _a_year_on(live_site, later)
    server = Server(environment, live_site["scratch"] / "a-year-on.log")
    try:
        site = {"url": server.url, "environment": environment}
        _, context, page = _signed_in(browser, site, SIGN_IN + PRINT)
        page.goto(server.url + "/admin/library/reviews/")
        overdue = page.get_by_role("region", name=re.compile("^Overdue"))
        expect(overdue.get_by_role("link", name=title, exact=True)).to_be_visible()
        # Not in the next band (which, a year on with most documents overdue and 50 rows a
        # page, may start on a later page).
        expect(
            page.get_by_role("region", name=re.compile("^Due within 30 days")).filter(
                has_text=title
            )
        ).to_have_count(0)
        check_accessibility(page)
        row = overdue.get_by_role("row").filter(
            has=page.get_by_role("link", name=title, exact=True)
        )
        row.get_by_role("button", name=re.compile("^Mark under review")).click()
        expect(page.get_by_text(f"'{title}' is marked under review")).to_be_visible()
        expect(
            page.get_by_role("region", name=re.compile("^Overdue"))
            .get_by_role("row")
            .filter(has=page.get_by_role("link", name=title, exact=True))
        ).to_contain_text("Under review")
        context.close()
    finally:
        server.stop()
