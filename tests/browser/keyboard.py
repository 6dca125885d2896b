"""What the browser journeys share: running code in the live site's database, making the
people a journey needs there, an authenticator's code, and moving through a page with the
keyboard alone."""

import base64
import hashlib
import hmac
import struct
import subprocess
import time

import pytest
from playwright.sync_api import expect

from tests.servers import MANAGE

MAX_KEY_PRESSES = 150

# Source for a setup script run with `in_site`: defines `person(...)`, which makes a Westshire
# user with a verified email address, a role if given one, and an authenticator if given its
# secret. Put it in the script before str.format is called: it holds `{password!r}`, every
# person's password, and no other braces.
MAKE_PERSON = """
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from hub.core.models import Partnership, Role, RoleAssignment, User

def person(email, agency, role=None, secret=None, *, first_name, last_name):
    partnership = Partnership.objects.get(slug="westshire")
    user = User.objects.create_user(
        email=email, password={password!r}, first_name=first_name, last_name=last_name,
        partnership=partnership, agency=agency,
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    if role:
        RoleAssignment.objects.create(
            user=user, role=role, partnership=partnership,
            agency=agency if role == Role.AGENCY_LEAD else None,
        )
    if secret:
        TOTP.activate(user, secret)
    return user
"""


def in_site(live_site, code):
    """Run Python in the live site's own database, as `manage.py shell` does."""
    result = subprocess.run(
        MANAGE + ["shell", "--no-imports", "-c", code],
        env=live_site["environment"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def totp_code(secret):
    """RFC 6238 code as authenticator apps make it: SHA-1, 30-second steps, 6 digits."""
    # The server accepts only the current step: never send a code about to expire.
    if 30 - time.time() % 30 < 3:
        time.sleep(3)
    key = base64.b32decode(secret.strip().replace(" ", ""), casefold=True)
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, key="Tab", max_presses=MAX_KEY_PRESSES):
    """Press Tab (or Shift+Tab) until `locator` has focus, as a keyboard user would."""
    for _ in range(max_presses):
        if is_focused(locator):
            return
        page.keyboard.press(key)
    pytest.fail(f"{key} never reached {locator}")


def follow(page, locator, key="Tab"):
    """Tab to a link or button and press Enter."""
    tab_to(page, locator, key)
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def type_into(page, locator, text, max_presses=MAX_KEY_PRESSES):
    tab_to(page, locator, max_presses=max_presses)
    page.keyboard.type(text)


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)
