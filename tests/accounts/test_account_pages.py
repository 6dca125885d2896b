"""Your own account: seeing and changing your details, downloading your data, deleting the
account, and accepting an invitation to set a password."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.test import Client

from tests.accounts.helpers import (
    KNOWN_PASSWORD,
    WESTBURY_PRACTITIONER,
    WESTSHIRE_ADMIN,
    audit_actions,
    error_summary_links,
)

pytestmark = pytest.mark.django_db


def test_your_account_page_shows_your_details(client, sign_in):
    sign_in(WESTBURY_PRACTITIONER)
    response = client.get("/accounts/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your account" in html
    assert WESTBURY_PRACTITIONER in html
    assert "Pat Practitioner" in html
    assert "Westbury Cross Academy Trust (demo)" in html
    assert 'href="/accounts/details/"' in html
    assert 'href="/accounts/my-data/"' in html
    assert 'href="/accounts/delete/"' in html


def test_a_practitioner_sees_no_links_to_people_or_the_audit_log(client, sign_in):
    sign_in(WESTBURY_PRACTITIONER)
    html = client.get("/accounts/").content.decode()
    assert 'href="/people/"' not in html
    assert 'href="/audit-log/"' not in html


def test_a_partnership_admin_sees_their_role_and_links_to_people_and_the_audit_log(client, sign_in):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/accounts/").content.decode()
    assert "Partnership admin" in html
    assert 'href="/people/"' in html
    assert 'href="/audit-log/"' in html


def test_your_account_page_signs_out_with_a_post_form_carrying_a_csrf_token(client, sign_in):
    sign_in(WESTBURY_PRACTITIONER)
    html = client.get("/accounts/").content.decode()
    form = re.search(r'<form method="post" action="/accounts/logout/".*?</form>', html, re.S)
    assert form is not None
    assert 'name="csrfmiddlewaretoken"' in form.group(0)
    assert "Sign out" in form.group(0)


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, person):
    client.force_login(person(WESTSHIRE_ADMIN))
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/")


def test_your_account_needs_you_to_sign_in(client):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def _details(user, **changes):
    details = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "partnership": user.partnership_id,
        "agency": user.agency_id,
        "job_role": user.job_role,
        "line_manager_email": "",
    }
    return details | changes


def test_changing_your_details_saves_them_and_says_so(client, sign_in):
    user = sign_in(WESTBURY_PRACTITIONER)
    response = client.post(
        "/accounts/details/", _details(user, job_role="Year 6 teacher"), follow=True
    )
    user.refresh_from_db()
    assert user.job_role == "Year 6 teacher"
    html = response.content.decode()
    assert "Your details have been saved." in html
    assert "govuk-notification-banner--success" in html
    assert 'role="alert"' in html
    assert "hub.account.details_changed" in audit_actions(user)


def test_changing_your_details_refuses_an_organisation_outside_the_chosen_partnership(
    client, sign_in
):
    from hub.core.models import Agency

    user = sign_in(WESTBURY_PRACTITIONER)
    northmoor_school = Agency.objects.get(name="Moorhampton High School (demo)")
    response = client.post(
        "/accounts/details/", _details(user, agency=northmoor_school.pk, job_role="Changed")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert error_summary_links(html) == ["#id_agency"]
    assert "is not one of the organisations in" in html
    assert "govuk-select--error" in html
    assert "<title>Error: " in html
    user.refresh_from_db()
    assert user.agency.name == "Westbury Cross Academy Trust (demo)"
    assert user.job_role != "Changed"


def test_downloading_your_data_gives_a_json_file_with_your_email_and_roles(client, sign_in):
    sign_in(WESTSHIRE_ADMIN)
    assert "Download your data" in client.get("/accounts/my-data/").content.decode()

    response = client.post("/accounts/my-data/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == WESTSHIRE_ADMIN
    assert [role["role"] for role in data["roles"]] == ["Partnership admin"]
    assert "password" not in data["account"]


def test_downloading_your_data_is_recorded_in_the_audit_log(client, sign_in):
    user = sign_in(WESTBURY_PRACTITIONER)
    client.post("/accounts/my-data/")
    assert audit_actions(user)[-1] == "hub.account.data_exported"


def test_deleting_your_account_with_the_wrong_password_changes_nothing(
    client, person, sign_in, with_known_password
):
    from hub.core.models import User

    # The password is set before signing in: changing it ends the sessions opened before.
    with_known_password(person(WESTBURY_PRACTITIONER))
    user = sign_in(WESTBURY_PRACTITIONER)
    response = client.post("/accounts/delete/", {"password": "not my password at all"})
    assert response.status_code == 200
    html = response.content.decode()
    assert error_summary_links(html) == ["#id_password"]
    assert "The password is not right" in html
    assert User.objects.filter(pk=user.pk, is_active=True).exists()
    assert "hub.account.deleted" not in audit_actions(user)
    assert client.get("/accounts/").status_code == 200  # still signed in


def test_the_delete_page_explains_what_is_kept_and_uses_a_warning_button(client, sign_in):
    sign_in(WESTBURY_PRACTITIONER)
    html = client.get("/accounts/delete/").content.decode()
    assert "cannot be undone" in html
    assert "audit log keeps" in html
    assert "govuk-button--warning" in html
    assert 'type="password"' in html


def test_deleting_your_account_with_the_right_password_removes_it_and_logs_it(
    client, person, sign_in, with_known_password
):
    from hub.core.models import User

    # The password is set before signing in: changing it ends the sessions opened before.
    with_known_password(person(WESTBURY_PRACTITIONER))
    user = sign_in(WESTBURY_PRACTITIONER)
    pk = user.pk
    response = client.post("/accounts/delete/", {"password": KNOWN_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/deleted/"
    assert not User.objects.filter(pk=pk).exists()
    assert audit_actions(pk)[-1] == "hub.account.deleted"
    assert "Your account has been deleted" in client.get("/accounts/deleted/").content.decode()
    # Signed out: the account pages now ask to sign in.
    assert client.get("/accounts/").status_code == 302


def test_deleting_without_a_csrf_token_is_refused_and_changes_nothing(person, with_known_password):
    from hub.core.models import User

    user = with_known_password(person(WESTBURY_PRACTITIONER))
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user)
    response = csrf_client.post("/accounts/delete/", {"password": KNOWN_PASSWORD})
    assert response.status_code == 403
    assert User.objects.filter(pk=user.pk).exists()


# Invitations -------------------------------------------------------------------------------


@pytest.fixture
def invite(client, sign_in, django_capture_on_commit_callbacks):
    """The Westshire admin invites a new trainer; returns the response to the invite POST."""
    from hub.core.models import Agency

    sign_in(WESTSHIRE_ADMIN)
    college = Agency.objects.get(name="Westshire College (demo)")

    def send(email="new.trainer@westshire-college.example", **changes):
        details = {
            "email": email,
            "first_name": "Robin",
            "last_name": "Trainer",
            "agency": college.pk,
            "job_role": "Safeguarding trainer",
            "role": "trainer",
        } | changes
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/people/invite/", details)

    return send


def _invitation_path():
    assert len(mail.outbox) == 1
    match = re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(1)


def test_an_invitation_email_carries_a_link_that_lets_the_person_set_a_password(client, invite):
    from hub.core.models import User

    response = invite()
    assert response.status_code == 302
    invited = User.objects.get(email="new.trainer@westshire-college.example")
    assert not invited.has_usable_password()

    message = mail.outbox[0]
    assert message.to == ["new.trainer@westshire-college.example"]
    assert "Westshire" in message.subject
    assert "Alex Admin has invited you" in message.body
    assert "expires in 7 days" in message.body
    assert "&#39;" not in message.body and "&amp;" not in message.body  # plain text
    path = _invitation_path()

    visitor = Client()
    page = visitor.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Set your password" in html
    assert "new.trainer@westshire-college.example" in html
    assert 'id="id_password1"' in html

    response = visitor.post(path, {"password1": KNOWN_PASSWORD, "password2": KNOWN_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    invited.refresh_from_db()
    assert invited.check_password(KNOWN_PASSWORD)
    assert invited.emailaddress_set.get().verified
    assert "hub.account.invitation_accepted" in audit_actions(invited)


def test_an_invitation_link_cannot_be_used_twice(client, invite):
    invite()
    path = _invitation_path()
    visitor = Client()
    visitor.post(path, {"password1": KNOWN_PASSWORD, "password2": KNOWN_PASSWORD})

    again = visitor.get(path)
    assert again.status_code == 400
    html = again.content.decode()
    assert "This invitation link cannot be used" in html
    assert 'href="/accounts/login/"' in html
    assert 'id="id_password1"' not in html


def test_an_expired_invitation_link_shows_the_invalid_link_page(client, invite, settings):
    from hub.core.models import User

    invite()
    path = _invitation_path()
    User.objects.filter(email="new.trainer@westshire-college.example").update(
        date_joined=datetime.datetime.now(datetime.UTC)
        - datetime.timedelta(days=settings.INVITATION_VALID_DAYS, hours=1)
    )

    response = Client().post(path, {"password1": KNOWN_PASSWORD, "password2": KNOWN_PASSWORD})
    assert response.status_code == 400
    assert "This invitation link cannot be used" in response.content.decode()
    assert not User.objects.get(email="new.trainer@westshire-college.example").has_usable_password()


def test_a_forged_invitation_link_shows_the_invalid_link_page(client):
    response = client.get("/accounts/invitation/MQ/not-a-token/")
    assert response.status_code == 400
    assert "This invitation link cannot be used" in response.content.decode()


def test_setting_a_password_needs_both_copies_to_match(client, invite):
    from hub.core.models import User

    invite()
    response = Client().post(
        _invitation_path(), {"password1": KNOWN_PASSWORD, "password2": "something else 123"}
    )
    assert response.status_code == 200
    assert error_summary_links(response.content.decode()) == ["#id_password2"]
    invited = User.objects.get(email="new.trainer@westshire-college.example")
    assert not invited.has_usable_password()


def test_an_expired_invitation_is_sent_again_and_the_new_link_works(
    client, invite, settings, django_capture_on_commit_callbacks
):
    from hub.core.models import User

    invite()
    invited = User.objects.get(email="new.trainer@westshire-college.example")
    User.objects.filter(pk=invited.pk).update(
        date_joined=datetime.datetime.now(datetime.UTC)
        - datetime.timedelta(days=settings.INVITATION_VALID_DAYS, hours=1)
    )
    expired = Client().get(_invitation_path())
    assert "send the invitation again" in expired.content.decode()

    person_page = client.get(f"/people/{invited.pk}/").content.decode()
    assert "Send the invitation again" in person_page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/people/{invited.pk}/invitation/", follow=True)
    assert "A new invitation link is on its way" in response.content.decode()
    assert "hub.account.invitation_resent" in audit_actions(invited)

    visitor = Client()
    path = _invitation_path()
    response = visitor.post(path, {"password1": KNOWN_PASSWORD, "password2": KNOWN_PASSWORD})
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password(KNOWN_PASSWORD)

    # Once the password is set, there is nothing to send again, and nothing changes.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/people/{invited.pk}/invitation/", follow=True)
    assert "already set a password" in response.content.decode()
    assert mail.outbox == []
    assert audit_actions(invited).count("hub.account.invitation_resent") == 1


def test_another_partnerships_admin_cannot_resend_an_invitation(invite, northmoor_client, sign_in):
    from hub.core.models import User

    invite()
    invited = User.objects.get(email="new.trainer@westshire-college.example")
    sign_in("admin@northmoor.example", on=northmoor_client)
    assert northmoor_client.post(f"/people/{invited.pk}/invitation/").status_code == 404
    assert "hub.account.invitation_resent" not in audit_actions(invited)
