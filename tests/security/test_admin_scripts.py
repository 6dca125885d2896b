"""The editors' admin runs no script it did not write itself: its policy has no
'unsafe-inline' for scripts, and the few inline scripts Wagtail writes carry the response's
nonce. Checked on every admin page the crawl reached, as the superuser and as an editor."""

import re

import pytest

from tests.security.conftest import SUPERUSER, client_for

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)([^>]*)>", re.I)


def script_policy(response):
    policy = response["Content-Security-Policy"]
    return next(part.split()[1:] for part in policy.split(";") if part.split()[0] == "script-src")


@pytest.mark.parametrize("email", [SUPERUSER, "editor@westshire.example"])
def test_every_inline_script_in_the_admin_carries_the_responses_nonce(site_maps, email):
    client = client_for(email)
    first_of_each_route = {}
    for path, route in site_maps[email].pages.items():
        if path.startswith("/admin/"):
            first_of_each_route.setdefault(route, path)
    checked, with_scripts = 0, 0
    for path in first_of_each_route.values():
        response = client.get(path)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        checked += 1
        sources = script_policy(response)
        assert "'unsafe-inline'" not in sources, path
        nonces = [s for s in sources if s.startswith("'nonce-")]
        scripts = INLINE_SCRIPT.findall(response.content.decode())
        if scripts:
            with_scripts += 1
            assert len(nonces) == 1, path
            nonce = nonces[0][len("'nonce-") : -1]
            for attributes in scripts:
                assert f'nonce="{nonce}"' in attributes, f"{path}: <script{attributes}>"
    assert checked > 50
    assert with_scripts > 5, "the check saw Wagtail's inline scripts"


def test_public_pages_keep_the_strict_policy_with_no_nonce(client):
    sources = script_policy(client.get("/"))
    assert sources == ["'self'"]
