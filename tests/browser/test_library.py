"""A practitioner finds a document in the library, opens its page and opens the file: a PDF
in the browser's own viewer, any other kind as a download."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility

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
