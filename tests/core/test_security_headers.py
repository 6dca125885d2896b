"""Security headers on every response; a strict policy on public pages, relaxed only for the
Wagtail admin."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from hub.core.models import Agency, Role
from hub.library.models import LibraryDocument
from tests.conftest import make_person

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ") if part}


def test_public_pages_forbid_inline_script_and_style_and_framing(client):
    response = client.get("/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_public_pages_contain_no_inline_script_or_style(client, westshire):
    html = client.get("/professionals/making-a-referral/").content.decode()
    assert "<script>" not in html
    assert " style=" not in html
    assert "<style" not in html


def test_other_security_headers_are_set(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_runs_only_its_own_scripts_and_only_its_styles_are_relaxed(westshire):
    editor = make_person(
        "csp-editor@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire County Council (demo)"),
        roles=[Role.EDITOR],
    )
    client = Client()
    client.force_login(editor)
    document = LibraryDocument.objects.filter(partnership=westshire).first()
    # The edit screen has a date widget, whose start-up script Wagtail writes inline.
    admin = client.get(f"/admin/library_documents/edit/{document.pk}/")
    assert admin.status_code == 200
    scripts = directives(admin)["script-src"]
    assert "'unsafe-inline'" not in scripts
    nonce = next(source for source in scripts if source.startswith("'nonce-"))[7:-1]
    assert f'<script nonce="{nonce}">initDateChooser(' in admin.content.decode()
    assert "'unsafe-inline'" in directives(admin)["style-src"]
    public = client.get("/")
    assert "'unsafe-inline'" not in public["Content-Security-Policy"]
    assert "nonce" not in public["Content-Security-Policy"]


def test_signed_in_pages_are_never_cached(westshire):
    person = make_person(
        "cache@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire County Council (demo)"),
    )
    client = Client()
    client.force_login(person)
    assert client.get("/accounts/")["Cache-Control"] == "private, no-store"


def test_production_settings_pass_djangos_deployment_checks():
    environment = {
        **os.environ,
        "PRODUCTION": "1",
        "SECRET_KEY": "k" * 20 + "Zq8-lP0x_Vb3mN7sR2tY6uW1eA4dF9gH5jK0cL",
        "ALLOWED_HOSTS": "lscp.example.org",
        "HUB_VAR_DIR": str(ROOT / "var" / "deploy-check"),
    }
    # The browser tests' Playwright needs this in their own process; production never has it.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    environment = {**os.environ, "PRODUCTION": "1", "HUB_VAR_DIR": str(ROOT / "var" / "nokey")}
    environment.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_page_preview_may_be_framed_by_the_admin_only(client, westshire):
    # Wagtail's side-panel preview renders the page through a dummy request (`is_dummy`) and
    # shows it in a frame of the admin: framing by the site's own origin only, never 'none'
    # (which left the panel blank); the page itself is never framed at all.
    from wagtail.models import Page

    page = Page.objects.get(url_path="/westshire/professionals/making-a-referral/").specific
    preview = page.make_preview_request()
    assert preview.status_code == 200
    assert directives(preview)["frame-ancestors"] == ["'self'"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(preview)["script-src"] == ["'self'"]
    served = client.get("/professionals/making-a-referral/")
    assert directives(served)["frame-ancestors"] == ["'none'"]
    assert served["X-Frame-Options"] == "DENY"
