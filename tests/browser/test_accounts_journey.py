"""Accounts in a real Chromium: registering and signing in with the keyboard alone, the
second factor staff must set up first, and the one door into the Wagtail admin. axe runs on
every page of each journey."""

import email
import email.policy
import re
import time
import uuid
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import heading, tab_to, totp_code, type_into

pytestmark = pytest.mark.browser

PASSWORD = "kettle orchard lantern 42"
EDITOR = "editor@westshire.example"
CONFIRMATION_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")
MAX_TABS = 40


def _path(url):
    return urlparse(url).path


def _choose_with_arrow_keys(page, selector, option_text):
    """Move through a focused <select> with the down arrow until `option_text` is chosen."""
    select = page.locator(selector)
    expect(select).to_be_focused()
    for _ in range(select.locator("option").count()):
        chosen = select.evaluate("element => element.options[element.selectedIndex].text")
        if chosen.strip() == option_text:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{option_text!r} is not an option of {selector}")


def _newest_email_to(outbox, address):
    """The body of the newest message in the file email backend's outbox sent to `address`."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        files = sorted(outbox.glob("*.log"), key=lambda path: path.stat().st_mtime, reverse=True)
        for path in files:
            # The file backend writes each message followed by a line of 79 dashes.
            for raw in path.read_bytes().split(b"\n" + b"-" * 79):
                if not raw.strip():
                    continue
                message = email.message_from_bytes(raw.lstrip(), policy=email.policy.default)
                if address in str(message["To"]):
                    return message.get_body(preferencelist=("plain",)).get_content()
        time.sleep(0.2)
    pytest.fail(f"No email to {address} in {outbox}")


def _demo_password(live_site, address):
    for line in (live_site["scratch"] / "demo-credentials.txt").read_text().splitlines():
        account, _, password = line.partition(" ")
        if account == address:
            return password
    pytest.fail(f"No demo password for {address}")


def _redirect_chain(response):
    """Paths the browser passed through to reach `response`, first request first."""
    paths = [_path(response.url)]
    request = response.request.redirected_from
    while request is not None:
        paths.insert(0, _path(request.url))
        request = request.redirected_from
    return paths


def _sign_in(page, live_site, address, password):
    page.goto(live_site["url"] + "/accounts/login/")
    page.get_by_label("Email").fill(address)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_register_verify_and_sign_in_with_keyboard_only(live_site, page):
    address = f"teacher-{uuid.uuid4().hex[:8]}@westbury-academy.example"

    page.goto(live_site["url"] + "/accounts/signup/")
    heading(page, "Create an account")
    expect(page.get_by_role("main")).to_contain_text("Use your work email address")
    check_accessibility(page)

    # Sent empty: the error summary lists every missing answer and links to its field.
    page.focus("#id_email")
    page.keyboard.press("Enter")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: "))
    links = summary.get_by_role("link")
    assert links.count() >= 6
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")
        assert target.startswith("#id_"), target
        expect(page.locator(target)).to_have_count(1)
    check_accessibility(page)

    page.focus("#id_email")
    page.keyboard.type(address)
    type_into(page, page.locator("#id_first_name"), "Tamsin", max_presses=MAX_TABS)
    type_into(page, page.locator("#id_last_name"), "Teacher", max_presses=MAX_TABS)
    tab_to(page, page.locator("#id_partnership"), max_presses=MAX_TABS)
    _choose_with_arrow_keys(
        page, "#id_partnership", "Westshire Safeguarding Children Partnership (demo)"
    )
    tab_to(page, page.locator("#id_agency"), max_presses=MAX_TABS)
    _choose_with_arrow_keys(page, "#id_agency", "Westbury Cross Academy Trust (demo)")
    type_into(page, page.locator("#id_job_role"), "Class teacher", max_presses=MAX_TABS)
    type_into(page, page.locator("#id_password1"), PASSWORD, max_presses=MAX_TABS)
    type_into(page, page.locator("#id_password2"), PASSWORD, max_presses=MAX_TABS)
    page.keyboard.press("Enter")

    heading(page, "Check your email")
    check_accessibility(page)

    body = _newest_email_to(live_site["scratch"] / "outbox", address)
    link = CONFIRMATION_LINK.search(body)
    assert link, body
    page.goto(link.group(0))
    heading(page, "Confirm your email address")
    expect(page.get_by_role("main")).to_contain_text(address)
    check_accessibility(page)
    page.focus("main h1")
    tab_to(page, page.locator("main button[type=submit]"), max_presses=MAX_TABS)
    page.keyboard.press("Enter")

    heading(page, "Sign in")
    assert _path(page.url) == "/accounts/login/"
    check_accessibility(page)
    page.focus("#id_login")
    page.keyboard.type(address)
    type_into(page, page.locator("#id_password"), PASSWORD, max_presses=MAX_TABS)
    page.keyboard.press("Enter")

    page.wait_for_url("**/accounts/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_accessibility(page)


def test_staff_must_set_up_a_second_factor_before_anything_else(live_site, page):
    password = _demo_password(live_site, EDITOR)
    _sign_in(page, live_site, EDITOR, password)

    # Signed in but without a second factor, every page leads to setting one up; having just
    # signed in, the password is not asked for again.
    for path in ("/accounts/", "/admin/"):
        response = page.goto(live_site["url"] + path)
        assert _redirect_chain(response) == [path, "/accounts/2fa/totp/activate/"]
    assert _path(page.url) == "/accounts/2fa/totp/activate/"
    heading(page, "Set up a second factor")
    qr_code = page.get_by_role("img", name=re.compile("QR code"))
    expect(qr_code).to_be_visible()
    assert qr_code.get_attribute("src").startswith("data:image/svg+xml;base64,")
    check_accessibility(page)
    # Every image on the set-up page must load. One sent on to the set-up page instead would
    # render it again, which makes a new secret, and the code from the one shown is refused.
    broken = page.evaluate(
        "() => Array.from(document.images).filter(i => !i.naturalWidth).map(i => i.src)"
    )
    assert not broken, f"Images on the second factor set-up page did not load: {broken}"

    secret = page.locator("#authenticator-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{16,}=*", secret), secret
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Turn on").click()

    heading(page, "Your recovery codes")
    assert page.locator("main li code").count() > 0
    expect(page.get_by_role("button", name="Download codes")).to_have_attribute(
        "href", "/accounts/2fa/recovery-codes/download/"
    )
    check_accessibility(page)

    page.goto(live_site["url"] + "/admin/")
    assert _path(page.url) == "/admin/"
    expect(page).to_have_title(re.compile("Dashboard"))

    page.goto(live_site["url"] + "/accounts/logout/")
    check_accessibility(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(lambda url: _path(url) != "/accounts/logout/")

    _sign_in(page, live_site, EDITOR, password)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    heading(page, "Enter your security code")
    check_accessibility(page)
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/accounts/")


def test_wagtail_admin_has_no_second_door(live_site, page):
    response = page.goto(live_site["url"] + "/admin/login/?next=/admin/pages/")
    assert _redirect_chain(response)[:1] == ["/admin/login/"]
    assert _path(page.url) == "/accounts/login/"
    heading(page, "Sign in")
