"""The editors' screens for a screening tool and a levels-of-need guide in Chromium, axe clean:
every rich text editor (hub/core/rich_text.py) is named by its field's label, as Wagtail's own
Draftail widget is not."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import in_site

pytestmark = pytest.mark.browser

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from hub.core.models import Partnership, Role
from hub.decision_aids.models import LevelsGuide, Tool
from tests.conftest import demo_agency, make_person

westshire = Partnership.objects.get(slug="westshire")
user = make_person("aids-admin-axe@westshire.example", partnership=westshire,
                   agency=demo_agency("council"), roles=[Role.EDITOR])
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({
    "session": session.session_key,
    "tool": Tool.objects.get(partnership=westshire, slug="neglect-screening").pk,
    "guide": LevelsGuide.objects.get(partnership=westshire).pk,
}))
"""


@pytest.fixture(scope="module")
def ids(live_site):
    return json.loads(in_site(live_site, SETUP).strip().splitlines()[-1])


@pytest.mark.parametrize(
    "screen", ["decision_aids_tools/edit/{tool}/", "decision_aids_guides/edit/{guide}/"]
)
def test_the_editors_screens_name_every_rich_text_editor(browser, live_site, ids, screen):
    # axe is injected as a script of the test's own, which the admin's policy would refuse.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.add_cookies([{"name": "sessionid", "value": ids["session"], "url": live_site["url"]}])
    page = context.new_page()
    page.goto(live_site["url"] + "/admin/" + screen.format(**ids))
    editors = page.locator(".Draftail-Editor [role='textbox']")
    expect(editors.first).to_be_visible()
    for index in range(editors.count()):
        labelled_by = editors.nth(index).get_attribute("aria-labelledby")
        assert labelled_by and page.locator(f"#{labelled_by}").inner_text().strip()
    check_accessibility(page)
    context.close()
