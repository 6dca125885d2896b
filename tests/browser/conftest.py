"""Browser tests drive Debian's Chromium through Playwright against the real site.

The site runs as its own server process on a database of its own (a fresh SQLite file, or a
fresh PostgreSQL database when DATABASE_URL points at PostgreSQL), migrated and loaded with
the demo content exactly as `make run` does. Nothing is faked between browser and database.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.servers import Server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# inside one unless told it is safe. Browser tests never share the ORM with the server.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def live_site(demo_template):
    """Base URL of a real server process with the demo content loaded, and the environment
    that reaches its database (for `manage.py` commands that set up a test's data)."""
    scratch = Path(tempfile.mkdtemp(prefix="hub-browser-"))
    environment, drop_database = demo_template.site(scratch, "hub_browser")
    server = Server(environment, scratch / "server.log")
    yield {"url": server.url, "port": server.port, "scratch": scratch, "environment": environment}
    server.stop()
    drop_database()
    shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}. Install Debian's package "
            "(apt-get install chromium) or set CHROMIUM_PATH; browser tests never download one."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    # bypass_csp lets the test inject axe-core; the site's own pages never need it.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def _navigated_under(error):
    message = str(error)
    return any(
        sign in message
        for sign in (
            "Execution context was destroyed",
            "reading 'appendChild'",
            "axe is not defined",
        )
    )


FINISH_ANIMATIONS = """() => Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => null)))"""


def check_accessibility(page):
    """Run axe-core on the page. Fail on any WCAG violation or any serious or critical one;
    print the rest so they are seen.

    A click that navigates returns before the new page has loaded, so axe waits for the
    page to finish loading and its animations (a message fading in) to end, and runs again
    once if a navigation replaced the document under it."""
    for attempt in (1, 2):
        page.wait_for_load_state("load")
        try:
            # A message still fading in has the colours of neither end of its transition.
            page.evaluate(FINISH_ANIMATIONS)
            page.add_script_tag(content=AXE_JS.read_text())
            results = page.evaluate(
                """async () => await axe.run(document, {
                    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',
                                                    'wcag21aa', 'wcag22aa', 'best-practice']}
                })"""
            )
            break
        except PlaywrightError as error:
            if attempt == 2 or not _navigated_under(error):
                raise
    failing, noted = [], []
    for violation in results["violations"]:
        is_wcag = any(tag.startswith("wcag") for tag in violation["tags"])
        summary = {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        if is_wcag or violation["impact"] in ("serious", "critical"):
            failing.append(summary)
        else:
            noted.append(summary)
    if noted:
        print(f"axe notes on {page.url}:\n{json.dumps(noted, indent=2)}")
    assert not failing, f"axe violations on {page.url}:\n{json.dumps(failing, indent=2)}"
    return results


def signed_in_page(browser, live_site, session_key, *, bypass_csp=True):
    """A new context and page signed in with `session_key` (a session made in the site)."""
    # bypass_csp lets axe be injected; a journey may run under the real policies.
    context = browser.new_context(bypass_csp=bypass_csp, viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": session_key, "url": live_site["url"]}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def admin_menu(page, group, link):
    """Open a group of the admin's menu and follow one of its links."""
    page.locator("[data-wagtail-sidebar]").get_by_role("button", name=group).click()
    page.locator("[data-wagtail-sidebar]").get_by_role("link", name=link).click()
