"""In Chromium, under the policies the site really sends (the browser does not bypass them
here): the editors' admin works with no inline script but Wagtail's own, nonce'd ones (date
pickers, chooser modals, adding an inline form, the rich-text editor), and a library PDF
opens in the browser's own viewer rather than downloading."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.keyboard import in_site

pytestmark = pytest.mark.browser

SETUP = """
import json
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from hub.core.models import Partnership, User
from hub.library.models import LibraryDocument

user = User.objects.create_superuser(email="csp-root@hub.example", password=None)
TOTP.activate(user, generate_totp_secret())
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
westshire = Partnership.objects.get(slug="westshire")
documents = LibraryDocument.objects.filter(partnership=westshire, is_restricted=False)
pdf = next(
    d for d in documents.with_current_version()
    if d.current_version and d.current_version.kind == "pdf"
)
print(json.dumps({
    "session": session.session_key,
    "document": documents.first().pk,
    "site": westshire.site.pk,
    "page": westshire.site.root_page.get_descendants().filter(
        content_type__model="contentpage"
    ).first().pk,
    "pdf": pdf.get_download_url(),
}))
"""

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
    e.violatedDirective + ' ' + (e.sourceFile || '') + ' ' + e.sample));
"""


@pytest.fixture(scope="module")
def ids(live_site):
    return json.loads(in_site(live_site, SETUP).strip().splitlines()[-1])


@pytest.fixture
def admin(browser, live_site, ids):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": ids["session"], "url": live_site["url"]}])
    context.add_init_script(WATCH)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def violations(page):
    return page.evaluate("window.__violations")


def test_the_admin_works_under_its_policy_without_inline_script(admin, live_site, ids):
    base = live_site["url"]

    admin.goto(f"{base}/admin/library_documents/edit/{ids['document']}/")
    admin.locator("#id_review_due").click()
    expect(admin.locator(".xdsoft_datetimepicker").first).to_be_visible()
    assert violations(admin) == []

    admin.goto(f"{base}/admin/section11_versions/new/")
    forms = admin.locator("[data-inline-panel-child]")
    before = forms.count()
    admin.get_by_role("button", name="Add standard").click()
    expect(forms).to_have_count(before + 1)
    assert violations(admin) == []

    admin.goto(f"{base}/admin/settings/core/footerlinks/{ids['site']}/")
    choose = admin.locator("[data-chooser-action-choose]:visible")
    if choose.count() == 0:
        # A page is already chosen: "Choose another page" is in the chooser's menu.
        admin.locator("[data-w-dropdown-target='toggle']:visible").first.click()
    choose.first.click()
    # The modal's pages arrive by a script of Wagtail's own: they show only if it ran.
    expect(
        admin.locator(".modal a.choose-page, .modal [data-chooser-modal-choice]").first
    ).to_be_visible()
    assert violations(admin) == []

    admin.goto(f"{base}/admin/pages/{ids['page']}/edit/")
    expect(admin.locator(".Draftail-Editor").first).to_be_visible()
    assert violations(admin) == []


def test_a_library_pdf_opens_in_chromiums_own_viewer(page, live_site, ids):
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    response = page.goto(live_site["url"] + ids["pdf"])
    headers = response.all_headers()
    assert headers["content-type"] == "application/pdf"
    assert headers["content-security-policy"] == "default-src 'none'"
    page.wait_for_timeout(1500)
    assert downloads == []
    assert any(frame.url.startswith("chrome-extension://") for frame in page.frames)
