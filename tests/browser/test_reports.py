"""A yearly report's journey in Chromium: a Westshire editor creates a report in Wagtail's
admin, adds a figure from the Hub to its Working Together sections, and publishes it; a
reader finds it in the partnership's list of reports with the keyboard, reads it (axe
clean) and downloads its PDF. Wagtail's own editor is driven with the mouse where its
widgets need it; the public pages with the keyboard alone.

The editor and the yearly reports page are made in the live site's own database through
`manage.py shell`; the report is made only through the admin."""

import json
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.conftest import signed_in_page as _as
from tests.browser.keyboard import follow, in_site

pytestmark = pytest.mark.browser

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from hub.core.models import Partnership
from tests.conftest import demo_agency, make_person
from tests.reports.conftest import reports_index

westshire = Partnership.objects.get(slug="westshire")
user = make_person("reports-RUN@council.example", partnership=westshire,
                   agency=demo_agency("council"), roles=["editor"])
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
index = reports_index(westshire)
print(json.dumps({"editor": session.session_key, "index": index.pk,
                  "index_path": index.relative_url(westshire.site)}))
"""


@pytest.fixture
def journey(live_site):
    run = uuid.uuid4().hex[:8]
    output = in_site(live_site, SETUP.replace("RUN", run))
    return json.loads(output.strip().splitlines()[-1]) | {"run": run}


def test_an_editor_creates_and_publishes_a_report_that_readers_find_and_download(
    browser, live_site, journey
):
    base = live_site["url"]
    title = f"Our year 2001 to 2002 (journey {journey['run']})"
    context, page = _as(browser, live_site, journey["editor"])
    page.goto(f"{base}/admin/pages/add/reports/yearlyreportpage/{journey['index']}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_starts_on").fill("2001-04-01")
    page.locator("#id_ends_on").fill("2002-03-31")
    # The Working Together sections are there to write in.
    expect(page.locator("[data-contentpath='body']")).to_contain_text("Learning from reviews")
    # A figure from the Hub, added at the end of the report.
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Figure from the Hub").click()
    choice = page.locator("select[name$='-value-figure']").last
    choice.select_option(index=1)
    chosen = choice.evaluate("select => select.options[select.selectedIndex].text")
    page.locator("select[name$='-value-chart']").last.select_option("bar")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")
    context.close()

    # A reader finds it in the list with the keyboard, reads it and its PDF.
    context, reader = _as(browser, live_site, journey["editor"])
    reader.goto(base + journey["index_path"])
    check_accessibility(reader)
    follow(reader, reader.get_by_role("link", name=title, exact=True))
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)
    main = reader.locator("main")
    expect(main).to_contain_text("1 April 2001 to 31 March 2002")
    expect(reader.locator(".hub-report-contents")).to_contain_text("Learning from reviews")
    expect(reader.locator(".hub-report-figure")).to_contain_text(chosen.split(": ", 1)[1])
    check_accessibility(reader)
    # The contents lead to their section.
    contents = reader.locator(".hub-report-contents")
    follow(reader, contents.get_by_role("link", name="Learning from reviews"))
    assert reader.url.endswith("#section-learning-from-reviews")

    pdf = reader.request.get(reader.url.split("#")[0] + "pdf/")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")
    context.close()
