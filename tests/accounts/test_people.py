"""People pages: partnership admins see and manage their own partnership's accounts; agency
leads see only their own organisation's staff; everyone else sees nothing. Anyone out of
scope gets 404, so a guessed id never tells whether an account exists."""

import re

import pytest
from django.test import Client

from tests.accounts.helpers import (
    KNOWN_PASSWORD,
    MOORHAMPTON_LEAD,
    NORTHMOOR_ADMIN,
    WESTBURY_LEAD,
    WESTBURY_PRACTITIONER,
    WESTSHIRE_ADMIN,
    WESTSHIRE_EDITOR,
    audit_actions,
    error_summary_links,
)

pytestmark = pytest.mark.django_db


def _emails_listed(html):
    return set(re.findall(r'<td class="govuk-table__cell">([^<@\s]+@[^<\s]+)</td>', html))


def _everyone_listed(client, **query):
    """Emails on every page of the people list (the demo has more than one page of staff)."""
    listed, page = set(), 1
    while True:
        html = client.get("/people/", {**query, "page": page}).content.decode()
        listed |= _emails_listed(html)
        if f"page={page + 1}" not in html:
            return listed
        page += 1


def _agencies_of(emails):
    from hub.core.models import User

    return set(User.objects.filter(email__in=emails).values_list("agency__name", flat=True))


# Seeing people -----------------------------------------------------------------------------


def test_the_people_list_of_a_partnership_admin_shows_their_partnership_only(client, sign_in):
    sign_in(WESTSHIRE_ADMIN)
    response = client.get("/people/")
    assert response.status_code == 200
    listed = _everyone_listed(client)
    assert {WESTSHIRE_ADMIN, WESTSHIRE_EDITOR, WESTBURY_LEAD, WESTBURY_PRACTITIONER} <= listed
    assert NORTHMOOR_ADMIN not in listed
    assert MOORHAMPTON_LEAD not in listed


def test_the_people_list_is_a_captioned_table_with_an_invite_button_for_admins(client, sign_in):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/people/").content.decode()
    assert '<table class="govuk-table">' in html
    assert '<caption class="govuk-table__caption' in html
    assert 'href="/people/invite/"' in html
    assert 'name="q"' in html


def test_searching_people_narrows_the_list(client, sign_in):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/people/", {"q": "westbury"}).content.decode()
    listed = _everyone_listed(client, q="westbury")
    assert {WESTBURY_LEAD, WESTBURY_PRACTITIONER} <= listed
    assert WESTSHIRE_ADMIN not in listed
    assert _agencies_of(listed) == {"Westbury Cross Academy Trust (demo)"}
    assert 'value="westbury"' in html


def test_searching_never_reaches_beyond_the_partnership(client, sign_in):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/people/", {"q": "northmoor"}).content.decode()
    assert _emails_listed(html) == set()
    assert "No one matches" in html


def test_the_people_list_is_paginated_and_keeps_the_search(client, sign_in, westshire):
    from hub.core.models import Agency, User

    sign_in(WESTSHIRE_ADMIN)
    agency = Agency.objects.get(name="Westshire College (demo)")
    User.objects.bulk_create(
        User(
            email=f"volunteer{n:02}@paging.example",
            last_name=f"Paging{n:02}",
            partnership=westshire,
            agency=agency,
        )
        for n in range(30)
    )
    first = client.get("/people/", {"q": "paging"}).content.decode()
    assert len(_emails_listed(first)) == 25
    assert 'href="?q=paging&amp;page=2"' in first
    second = client.get("/people/", {"q": "paging", "page": 2}).content.decode()
    assert len(_emails_listed(second)) == 5


def test_a_person_page_shows_their_details_and_roles(client, sign_in, person):
    sign_in(WESTSHIRE_ADMIN)
    lead = person(WESTBURY_LEAD)
    response = client.get(f"/people/{lead.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lee Lead" in html
    assert "Agency safeguarding lead" in html
    assert "Westbury Cross Academy Trust (demo)" in html
    assert f'action="/people/{lead.pk}/deactivate/"' in html
    assert f'action="/people/{lead.pk}/roles/"' in html


def test_looking_at_a_person_is_recorded_in_the_audit_log(client, sign_in, person):
    sign_in(WESTSHIRE_ADMIN)
    practitioner = person(WESTBURY_PRACTITIONER)
    client.get(f"/people/{practitioner.pk}/")
    assert audit_actions(practitioner)[-1] == "hub.record.viewed"


def test_the_northmoor_admin_gets_not_found_for_a_westshire_person(
    northmoor_client, sign_in, person
):
    sign_in(NORTHMOOR_ADMIN, on=northmoor_client)
    practitioner = person(WESTBURY_PRACTITIONER)
    assert northmoor_client.get(f"/people/{practitioner.pk}/").status_code == 404


def test_the_northmoor_admin_cannot_give_roles_to_or_deactivate_a_westshire_person(
    northmoor_client, sign_in, person
):
    from hub.core.models import RoleAssignment

    sign_in(NORTHMOOR_ADMIN, on=northmoor_client)
    practitioner = person(WESTBURY_PRACTITIONER)
    grant = northmoor_client.post(f"/people/{practitioner.pk}/roles/", {"role": "editor"})
    deactivate = northmoor_client.post(f"/people/{practitioner.pk}/deactivate/")
    assert grant.status_code == 404
    assert deactivate.status_code == 404
    practitioner.refresh_from_db()
    assert practitioner.is_active
    assert not RoleAssignment.objects.filter(user=practitioner).exists()


def test_a_missing_account_and_one_out_of_reach_look_the_same(northmoor_client, sign_in):
    from hub.core.models import User

    sign_in(NORTHMOOR_ADMIN, on=northmoor_client)
    missing = User.objects.order_by("-pk").first().pk + 1000
    assert northmoor_client.get(f"/people/{missing}/").status_code == 404


def test_an_agency_lead_sees_only_their_own_organisations_people(client, sign_in):
    sign_in(WESTBURY_LEAD)
    response = client.get("/people/")
    assert response.status_code == 200
    html = response.content.decode()
    listed = _everyone_listed(client)
    assert {WESTBURY_LEAD, WESTBURY_PRACTITIONER} <= listed
    assert _agencies_of(listed) == {"Westbury Cross Academy Trust (demo)"}
    assert 'href="/people/invite/"' not in html


def test_an_agency_lead_gets_not_found_for_another_organisations_person(client, sign_in, person):
    sign_in(WESTBURY_LEAD)
    assert client.get(f"/people/{person(WESTSHIRE_ADMIN).pk}/").status_code == 404
    assert client.get(f"/people/{person(MOORHAMPTON_LEAD).pk}/").status_code == 404


def test_an_agency_lead_sees_their_staff_without_any_controls_to_manage_them(
    client, sign_in, person
):
    sign_in(WESTBURY_LEAD)
    practitioner = person(WESTBURY_PRACTITIONER)
    html = client.get(f"/people/{practitioner.pk}/").content.decode()
    assert "Pat Practitioner" in html
    assert "/deactivate/" not in html
    assert "/roles/" not in html
    assert 'method="post"' not in html.split('id="main-content"')[1].split("</main>")[0]
    grant = client.post(f"/people/{practitioner.pk}/roles/", {"role": "trainer"})
    assert grant.status_code == 404


def test_a_practitioner_is_refused_the_people_list_and_the_audit_log(client, sign_in):
    sign_in(WESTBURY_PRACTITIONER)
    assert client.get("/people/").status_code == 403
    assert client.get("/audit-log/").status_code == 403
    assert client.get("/people/invite/").status_code == 403


def test_a_practitioner_gets_not_found_for_a_person_page(client, sign_in, person):
    sign_in(WESTBURY_PRACTITIONER)
    assert client.get(f"/people/{person(WESTBURY_LEAD).pk}/").status_code == 404


def test_an_editor_is_refused_the_people_list(client, sign_in):
    sign_in(WESTSHIRE_EDITOR)
    assert client.get("/people/").status_code == 403


# Inviting ----------------------------------------------------------------------------------


def _invitation(**changes):
    from hub.core.models import Agency

    college = Agency.objects.get(name="Westshire College (demo)")
    return {
        "email": "new.editor@westshire-college.example",
        "first_name": "Sam",
        "last_name": "Newcomer",
        "agency": college.pk,
        "job_role": "Communications officer",
        "role": "editor",
    } | changes


def test_inviting_someone_creates_their_account_with_the_role(
    client, sign_in, django_capture_on_commit_callbacks
):
    from django.core import mail

    from hub.core.models import RoleAssignment, User

    sign_in(WESTSHIRE_ADMIN)
    assert "Send invitation" in client.get("/people/invite/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/people/invite/", _invitation(), follow=True)
    invited = User.objects.get(email="new.editor@westshire-college.example")
    assert RoleAssignment.objects.filter(user=invited, role="editor").count() == 1
    assert "Invitation sent to new.editor@westshire-college.example." in (response.content.decode())
    assert len(mail.outbox) == 1
    assert audit_actions(invited)[:2] == ["hub.account.invited", "hub.account.role_granted"]


def test_inviting_an_existing_email_address_is_refused_and_creates_nothing(client, sign_in):
    from hub.core.models import User

    sign_in(WESTSHIRE_ADMIN)
    before = User.objects.count()
    response = client.post("/people/invite/", _invitation(email=MOORHAMPTON_LEAD.upper()))
    assert response.status_code == 200
    html = response.content.decode()
    assert error_summary_links(html) == ["#id_email"]
    assert "already has an account" in html
    assert User.objects.count() == before


def test_inviting_with_an_organisation_outside_the_partnership_is_refused(client, sign_in):
    from hub.core.models import Agency, User

    sign_in(WESTSHIRE_ADMIN)
    northmoor_school = Agency.objects.get(name="Moorhampton High School (demo)")
    response = client.post("/people/invite/", _invitation(agency=northmoor_school.pk))
    assert response.status_code == 200
    assert error_summary_links(response.content.decode()) == ["#id_agency"]
    assert not User.objects.filter(email="new.editor@westshire-college.example").exists()


def test_a_double_submitted_invitation_creates_one_account(
    client, sign_in, django_capture_on_commit_callbacks
):
    from django.core import mail

    from hub.core.models import User

    sign_in(WESTSHIRE_ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/people/invite/", _invitation())
        second = client.post("/people/invite/", _invitation())
    assert first.status_code == 302
    assert second.status_code == 200
    assert User.objects.filter(email="new.editor@westshire-college.example").count() == 1
    assert len(mail.outbox) == 1


def test_an_agency_lead_cannot_invite(client, sign_in):
    sign_in(WESTBURY_LEAD)
    assert client.get("/people/invite/").status_code == 403
    assert client.post("/people/invite/", _invitation()).status_code == 403


# Roles -------------------------------------------------------------------------------------


def test_giving_a_role_twice_creates_one_assignment(client, sign_in, person):
    from hub.core.models import RoleAssignment

    sign_in(WESTSHIRE_ADMIN)
    practitioner = person(WESTBURY_PRACTITIONER)
    client.post(f"/people/{practitioner.pk}/roles/", {"role": "trainer"})
    response = client.post(f"/people/{practitioner.pk}/roles/", {"role": "trainer"}, follow=True)
    assert RoleAssignment.objects.filter(user=practitioner, role="trainer").count() == 1
    assert audit_actions(practitioner).count("hub.account.role_granted") == 1
    assert "Trainer" in response.content.decode()


def test_giving_a_role_without_choosing_one_says_so(client, sign_in, person):
    from hub.core.models import RoleAssignment

    sign_in(WESTSHIRE_ADMIN)
    practitioner = person(WESTBURY_PRACTITIONER)
    response = client.post(f"/people/{practitioner.pk}/roles/", {"role": ""}, follow=True)
    html = response.content.decode()
    assert "Choose a role to give." in html
    assert 'role="region"' in html
    assert not RoleAssignment.objects.filter(user=practitioner).exists()


def test_removing_a_role_deletes_it_and_logs_it(client, sign_in, person):
    from hub.core.models import RoleAssignment

    sign_in(WESTSHIRE_ADMIN)
    editor = person(WESTSHIRE_EDITOR)
    assignment = RoleAssignment.objects.get(user=editor, role="editor")
    html = client.get(f"/people/{editor.pk}/").content.decode()
    assert f'action="/people/{editor.pk}/roles/{assignment.pk}/remove/"' in html

    client.post(f"/people/{editor.pk}/roles/{assignment.pk}/remove/")
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert audit_actions(editor)[-1] == "hub.account.role_removed"


def test_a_role_of_one_person_cannot_be_removed_through_another_persons_address(
    client, sign_in, person
):
    from hub.core.models import RoleAssignment

    sign_in(WESTSHIRE_ADMIN)
    lead_assignment = RoleAssignment.objects.get(user=person(WESTBURY_LEAD))
    practitioner = person(WESTBURY_PRACTITIONER)
    response = client.post(f"/people/{practitioner.pk}/roles/{lead_assignment.pk}/remove/")
    assert response.status_code == 404
    assert RoleAssignment.objects.filter(pk=lead_assignment.pk).exists()


# Deactivating ------------------------------------------------------------------------------


def test_deactivating_an_account_logs_it_and_stops_it_signing_in(
    client, sign_in, person, with_known_password
):
    practitioner = with_known_password(person(WESTBURY_PRACTITIONER))
    assert Client().login(email=WESTBURY_PRACTITIONER, password=KNOWN_PASSWORD)

    sign_in(WESTSHIRE_ADMIN)
    response = client.post(f"/people/{practitioner.pk}/deactivate/", follow=True)
    assert "It can no longer sign in." in response.content.decode()
    practitioner.refresh_from_db()
    assert not practitioner.is_active
    assert practitioner.deactivated_at is not None
    assert "hub.account.deactivated" in audit_actions(practitioner)

    assert not Client().login(email=WESTBURY_PRACTITIONER, password=KNOWN_PASSWORD)
    visitor = Client()
    visitor.post("/accounts/login/", {"login": WESTBURY_PRACTITIONER, "password": KNOWN_PASSWORD})
    assert "_auth_user_id" not in visitor.session
    assert visitor.get("/accounts/").status_code == 302


def test_deactivating_signs_out_a_session_already_open(client, sign_in, person):
    practitioner = person(WESTBURY_PRACTITIONER)
    open_session = Client()
    open_session.force_login(practitioner)
    sign_in(WESTSHIRE_ADMIN)
    client.post(f"/people/{practitioner.pk}/deactivate/")
    assert open_session.get("/accounts/").status_code == 302


def test_reactivating_lets_the_account_sign_in_again(client, sign_in, person, with_known_password):
    practitioner = with_known_password(person(WESTBURY_PRACTITIONER))
    sign_in(WESTSHIRE_ADMIN)
    client.post(f"/people/{practitioner.pk}/deactivate/")
    html = client.get(f"/people/{practitioner.pk}/").content.decode()
    assert f'action="/people/{practitioner.pk}/reactivate/"' in html

    client.post(f"/people/{practitioner.pk}/reactivate/")
    practitioner.refresh_from_db()
    assert practitioner.is_active
    assert audit_actions(practitioner)[-1] == "hub.account.reactivated"
    assert Client().login(email=WESTBURY_PRACTITIONER, password=KNOWN_PASSWORD)


def test_an_admin_cannot_deactivate_themself(client, sign_in):
    admin = sign_in(WESTSHIRE_ADMIN)
    html = client.get(f"/people/{admin.pk}/").content.decode()
    assert f'action="/people/{admin.pk}/deactivate/"' not in html

    response = client.post(f"/people/{admin.pk}/deactivate/", follow=True)
    assert "You cannot deactivate your own account." in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active
    assert "hub.account.deactivated" not in audit_actions(admin)


def test_deactivating_without_a_csrf_token_is_refused_and_changes_nothing(
    person, with_second_factor
):
    admin = with_second_factor(person(WESTSHIRE_ADMIN))
    practitioner = person(WESTBURY_PRACTITIONER)
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(admin)
    response = csrf_client.post(f"/people/{practitioner.pk}/deactivate/")
    assert response.status_code == 403
    assert "Sorry, your form could not be sent" in response.content.decode()
    practitioner.refresh_from_db()
    assert practitioner.is_active


def test_giving_a_role_without_a_csrf_token_is_refused_and_changes_nothing(
    person, with_second_factor
):
    from hub.core.models import RoleAssignment

    admin = with_second_factor(person(WESTSHIRE_ADMIN))
    practitioner = person(WESTBURY_PRACTITIONER)
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(admin)
    response = csrf_client.post(f"/people/{practitioner.pk}/roles/", {"role": "editor"})
    assert response.status_code == 403
    assert not RoleAssignment.objects.filter(user=practitioner).exists()


def test_every_post_form_on_a_person_page_carries_a_csrf_token(client, sign_in, person):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get(f"/people/{person(WESTSHIRE_EDITOR).pk}/").content.decode()
    forms = re.findall(r'<form method="post".*?</form>', html, re.S)
    assert len(forms) >= 3  # remove role, give role, deactivate
    assert all('name="csrfmiddlewaretoken"' in form for form in forms)


def test_the_invite_form_says_what_each_role_can_do(client, sign_in):
    sign_in(WESTSHIRE_ADMIN)
    html = client.get("/people/invite/").content.decode()
    assert "What each role can do" in html
    editor = re.search(r"<dt[^>]*>Editor</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    assert editor and "Edit and publish the partnership&#39;s pages and documents" in editor.group(
        1
    )
    assert "Consortium editor</dt>" not in html  # not given by a partnership


def test_invitations_not_yet_accepted_are_on_the_admins_to_do_list(
    client, sign_in, django_capture_on_commit_callbacks
):
    import re

    from hub.core.domains import todos_for

    admin = sign_in(WESTSHIRE_ADMIN)
    before = {t["text"]: t["count"] for t in todos_for(admin)}.get(
        "Invitations not yet accepted", 0
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/people/invite/", _invitation())
    home = client.get("/accounts/").content.decode()
    pending = r'href="/people/">Invitations not yet accepted</a> <strong class="govuk-tag">'
    assert re.search(rf"{pending}{before + 1}<", home)
    # Once they set a password, it is no longer pending.
    from hub.core.models import User

    invited = User.objects.get(email="new.editor@westshire-college.example")
    invited.set_password("a long new password")
    invited.save()
    after = {t["text"]: t["count"] for t in todos_for(admin)}.get("Invitations not yet accepted", 0)
    assert after == before
