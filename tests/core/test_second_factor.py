"""Staff roles must use a second factor, and nothing lets them round it."""

import pytest
from django.test import Client
from django.urls import reverse

from hub.core.models import Agency, Role
from tests.conftest import give_second_factor, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(db):
    return Agency.objects.get(name="Westshire County Council (demo)")


@pytest.mark.parametrize("role", list(Role))
def test_staff_without_a_second_factor_can_reach_only_its_set_up(role, westshire, council):
    make_person(
        f"{role}@mfa.example",
        partnership=westshire,
        agency=council,
        roles=[role],
        second_factor=False,
    )
    client = Client()
    signed_in = client.post(
        reverse("account_login"),
        {"login": f"{role}@mfa.example", "password": "a long test password"},
    )
    assert signed_in.status_code == 302
    setup = reverse("mfa_activate_totp")
    for path in ("/", "/accounts/", "/people/", "/admin/", "/audit-log/", "/search/?q=a"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == setup, path
    assert client.get(setup).status_code == 200


def test_staff_with_a_second_factor_get_through(westshire, council):
    editor = make_person(
        "editor@mfa.example", partnership=westshire, agency=council, roles=[Role.EDITOR]
    )
    client = Client()
    client.force_login(editor)
    assert client.get("/accounts/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_practitioners_need_no_second_factor_but_may_add_one(westshire, council):
    make_person("p@mfa.example", partnership=westshire, agency=council)
    client = Client()
    client.post(
        reverse("account_login"), {"login": "p@mfa.example", "password": "a long test password"}
    )
    assert client.get("/accounts/").status_code == 200
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_signing_in_with_a_password_alone_stops_at_the_code_page_for_staff(westshire, council):
    editor = make_person(
        "editor2@mfa.example", partnership=westshire, agency=council, roles=[Role.EDITOR]
    )
    client = Client()
    response = client.post(
        reverse("account_login"),
        {"login": "editor2@mfa.example", "password": "a long test password"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    # Not signed in yet: the admin still sends them to sign in.
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert "/accounts/login/" in admin["Location"]
    assert editor.last_login is None


def test_a_password_reset_does_not_sign_in_or_skip_the_second_factor(westshire, council):
    from django.core import mail

    make_person("editor3@mfa.example", partnership=westshire, agency=council, roles=[Role.EDITOR])
    client = Client()
    client.post(reverse("account_reset_password"), {"email": "editor3@mfa.example"})
    link = next(
        line
        for line in mail.outbox[-1].body.splitlines()
        if "/accounts/password/reset/key/" in line
    ).strip()
    path = link[link.index("/accounts/") :]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": "a brand new long password", "password2": "a brand new long password"},
    )
    assert response.status_code == 302
    # The reset did not sign them in: the account page asks them to sign in.
    assert client.get("/accounts/")["Location"].startswith(reverse("account_login"))
    # And signing in with the new password still stops at the second factor.
    login = client.post(
        reverse("account_login"),
        {"login": "editor3@mfa.example", "password": "a brand new long password"},
    )
    assert login["Location"] == reverse("mfa_authenticate")


def test_wagtails_own_sign_in_is_not_a_second_door(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    posted = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert posted.status_code in (302, 405)
    assert client.get("/admin/password_reset/")["Location"] == reverse("account_reset_password")


def test_superusers_need_a_second_factor_too(westshire, council):
    from hub.core.models import User

    root = User.objects.create_superuser(email="root@mfa.example", password="x" * 16)
    client = Client()
    client.force_login(root)
    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")
    give_second_factor(root)
    assert client.get("/admin/").status_code == 200
