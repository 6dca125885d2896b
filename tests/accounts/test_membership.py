"""Saying which organisation you work for makes you nobody's staff until someone who knows
confirms it: the agency's lead, the partnership admin, a verified address at the agency's
own email domain, or an invitation naming the agency."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from hub.accounts import membership
from hub.core.models import Agency, AgencyEmailDomain, MembershipConfirmation, Partnership, User
from hub.training.views import _colleagues
from tests.accounts.helpers import (
    KNOWN_PASSWORD,
    MOORHAMPTON_LEAD,
    NORTHMOOR_ADMIN,
    WESTBURY_LEAD,
    WESTBURY_PRACTITIONER,
    WESTSHIRE_ADMIN,
    audit_actions,
)

pytestmark = pytest.mark.django_db

WESTBURY = "Westbury Cross Academy Trust (demo)"
ASKING = "sam.okafor@mailbox.example"  # a demo person asking to join Westbury


def agency(name=WESTBURY):
    return Agency.objects.get(name=name)


def register(email, agency_name=WESTBURY):
    client = Client()
    response = client.post(
        "/accounts/signup/",
        {
            "email": email,
            "password1": KNOWN_PASSWORD,
            "password2": KNOWN_PASSWORD,
            "first_name": "Robin",
            "last_name": "Newcomer",
            "partnership": Partnership.objects.get(slug="westshire").pk,
            "agency": agency(agency_name).pk,
            "job_role": "Teaching assistant",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return User.objects.get(email=email)


def verify_address(user):
    """Open the verification link from the email, as the person would."""
    message = next(m for m in reversed(mail.outbox) if user.email in m.to)
    key = re.search(r"/accounts/confirm-email/([^/\s]+)/", message.body).group(1)
    response = Client().post(f"/accounts/confirm-email/{key}/")
    assert response.status_code == 302
    user.refresh_from_db()
    return user


def staff_emails(sign_in, email):
    """Addresses on the people page of `email`'s account."""
    client = Client()
    sign_in(email, on=client)
    return client.get(reverse("accounts:people")).content.decode()


def test_choosing_an_organisation_when_registering_makes_nobody_its_staff(
    sign_in, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = register("robin.newcomer@mailbox.example")
    assert newcomer.agency is None
    assert newcomer.requested_agency == agency()
    assert newcomer not in User.objects.staff_of(agency())
    assert "robin.newcomer@mailbox.example" not in staff_emails(sign_in, WESTBURY_LEAD)
    lead = User.objects.get(email=WESTBURY_LEAD)
    assert newcomer not in _colleagues(lead)
    # The lead is told someone is asking.
    assert any(WESTBURY_LEAD in m.to and "asks to join" in m.subject for m in mail.outbox)


def test_a_verified_address_at_the_agencys_domain_confirms_membership(sign_in):
    newcomer = register("robin.newcomer@westbury-academy.example")
    assert newcomer.agency is None, "an unverified address proves nothing"
    newcomer = verify_address(newcomer)
    assert newcomer.agency == agency()
    assert newcomer.requested_agency is None
    assert newcomer.agency_confirmed_how == MembershipConfirmation.EMAIL_DOMAIN
    assert "robin.newcomer@westbury-academy.example" in staff_emails(sign_in, WESTBURY_LEAD)
    assert "hub.account.agency_confirmed" in audit_actions(newcomer)


def test_a_verified_address_at_another_agencys_domain_confirms_nothing():
    newcomer = register("robin.newcomer@westshire-college.example")
    newcomer = verify_address(newcomer)
    assert newcomer.agency is None
    assert newcomer.requested_agency == agency()


def test_choosing_another_organisation_leaves_the_confirmed_one_at_once(sign_in, client):
    practitioner = sign_in(WESTBURY_PRACTITIONER)
    college = agency("Westshire College (demo)")
    response = client.post(
        reverse("accounts:details"),
        {
            "first_name": practitioner.first_name,
            "last_name": practitioner.last_name,
            "partnership": practitioner.partnership_id,
            "agency": college.pk,
            "job_role": "Teacher",
        },
    )
    assert response.status_code == 302
    practitioner.refresh_from_db()
    assert practitioner.agency is None
    assert practitioner.requested_agency == college
    assert WESTBURY_PRACTITIONER not in staff_emails(sign_in, WESTBURY_LEAD)
    actions = audit_actions(practitioner)
    assert "hub.account.agency_left" in actions
    assert "hub.account.agency_requested" in actions


def test_saving_ones_details_unchanged_keeps_a_confirmed_membership(sign_in, client):
    practitioner = sign_in(WESTBURY_PRACTITIONER)
    client.post(
        reverse("accounts:details"),
        {
            "first_name": "Patricia",
            "last_name": practitioner.last_name,
            "partnership": practitioner.partnership_id,
            "agency": practitioner.agency_id,
            "job_role": "Teacher",
        },
    )
    practitioner.refresh_from_db()
    assert practitioner.first_name == "Patricia"
    assert practitioner.agency == agency()


def test_the_lead_sees_who_is_asking_and_confirms_them(
    sign_in, client, django_capture_on_commit_callbacks
):
    sign_in(WESTBURY_LEAD)
    page = client.get(reverse("accounts:organisation", args=[agency().pk])).content.decode()
    assert ASKING in page
    asking = User.objects.get(email=ASKING)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:confirm_member", args=[agency().pk, asking.pk]))
    assert response.status_code == 302
    asking.refresh_from_db()
    assert asking.agency == agency()
    assert asking.agency_confirmed_how == MembershipConfirmation.LEAD
    assert ASKING in client.get(reverse("accounts:people")).content.decode()
    assert any(ASKING in m.to and "confirmed" in m.subject for m in mail.outbox)


def test_the_lead_declines_someone_they_do_not_know(
    sign_in, client, django_capture_on_commit_callbacks
):
    sign_in(WESTBURY_LEAD)
    asking = User.objects.get(email=ASKING)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:decline_member", args=[agency().pk, asking.pk]))
    asking.refresh_from_db()
    assert asking.agency is None
    assert asking.requested_agency is None
    assert asking.is_active
    assert "hub.account.agency_declined" in audit_actions(asking)
    assert any(ASKING in m.to and "did not confirm" in m.subject for m in mail.outbox)


def test_the_partnership_admin_confirms_for_agencies_of_their_partnership(sign_in, client):
    sign_in(WESTSHIRE_ADMIN)
    asking = User.objects.get(email=ASKING)
    client.post(reverse("accounts:confirm_member", args=[agency().pk, asking.pk]))
    asking.refresh_from_db()
    assert asking.agency == agency()
    assert asking.agency_confirmed_how == MembershipConfirmation.ADMIN


@pytest.mark.parametrize("outsider", [MOORHAMPTON_LEAD, NORTHMOOR_ADMIN, WESTBURY_PRACTITIONER])
def test_no_one_outside_the_agency_can_confirm_or_decline_or_see_who_asks(
    sign_in, client, outsider
):
    sign_in(outsider)
    asking = User.objects.get(email=ASKING)
    for name in ("confirm_member", "decline_member"):
        response = client.post(reverse(f"accounts:{name}", args=[agency().pk, asking.pk]))
        assert response.status_code == 404
    assert client.get(reverse("accounts:organisation", args=[agency().pk])).status_code == 404
    asking.refresh_from_db()
    assert asking.agency is None and asking.requested_agency == agency()


def test_a_forged_person_id_under_the_leads_own_agency_is_refused(sign_in, client):
    """Remi asks to join Moorhampton; Westbury's lead cannot confirm him through Westbury."""
    sign_in(WESTBURY_LEAD)
    remi = User.objects.get(email="remi.castell@mailbox.example")
    response = client.post(reverse("accounts:confirm_member", args=[agency().pk, remi.pk]))
    assert response.status_code == 404
    remi.refresh_from_db()
    assert remi.agency is None


def test_confirming_twice_changes_nothing_the_second_time(sign_in, client):
    sign_in(WESTBURY_LEAD)
    asking = User.objects.get(email=ASKING)
    url = reverse("accounts:confirm_member", args=[agency().pk, asking.pk])
    client.post(url)
    assert client.post(url).status_code == 404
    assert audit_actions(asking).count("hub.account.agency_confirmed") == 1


def test_registering_a_domain_confirms_those_waiting_with_verified_addresses_there(sign_in):
    waiting = register("robin.newcomer@westbury-mail.example")
    verify_address(waiting)
    lead = User.objects.get(email=WESTBURY_LEAD)
    membership.agency_domain_add(by=lead, agency=agency(), domain="Westbury-Mail.example")
    waiting.refresh_from_db()
    assert waiting.agency == agency()
    assert AgencyEmailDomain.objects.filter(agency=agency(), domain="westbury-mail.example")


@pytest.mark.parametrize("domain", ["nhs.net", "gmail.com", "@outlook.com", "HOTMAIL.CO.UK."])
def test_shared_and_public_domains_cannot_be_registered(sign_in, client, domain):
    sign_in(WESTBURY_LEAD)
    before = AgencyEmailDomain.objects.count()
    response = client.post(reverse("accounts:add_domain", args=[agency().pk]), {"domain": domain})
    assert response.status_code == 200
    assert "used by many organisations" in response.content.decode()
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert AgencyEmailDomain.objects.count() == before


def test_a_domain_another_agency_of_the_partnership_has_cannot_be_taken(sign_in, client):
    sign_in(WESTBURY_LEAD)
    response = client.post(
        reverse("accounts:add_domain", args=[agency().pk]), {"domain": "westshire-college.example"}
    )
    assert "registered to another organisation" in response.content.decode()
    assert not AgencyEmailDomain.objects.filter(agency=agency(), domain="westshire-college.example")


@pytest.mark.parametrize(
    "domain",
    ["", "a", "@@", "exa mple.com", "<script>x</script>.com", "x" * 300 + ".com", "-a.com"],
)
def test_malformed_domains_are_refused_with_a_message(sign_in, client, domain):
    sign_in(WESTBURY_LEAD)
    before = AgencyEmailDomain.objects.count()
    response = client.post(reverse("accounts:add_domain", args=[agency().pk]), {"domain": domain})
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert AgencyEmailDomain.objects.count() == before


def test_removing_a_domain_keeps_those_already_confirmed(sign_in, client):
    lead = sign_in(WESTBURY_LEAD)
    row = AgencyEmailDomain.objects.get(agency=agency(), domain="westbury-academy.example")
    client.post(reverse("accounts:remove_domain", args=[agency().pk, row.pk]))
    assert not AgencyEmailDomain.objects.filter(pk=row.pk).exists()
    lead.refresh_from_db()
    assert lead.agency == agency()


def test_another_agencys_domain_cannot_be_removed_through_ones_own(sign_in, client):
    sign_in(WESTBURY_LEAD)
    theirs = AgencyEmailDomain.objects.get(domain="moorhampton-high.example")
    response = client.post(reverse("accounts:remove_domain", args=[agency().pk, theirs.pk]))
    assert response.status_code == 404
    assert AgencyEmailDomain.objects.filter(pk=theirs.pk).exists()


def test_staff_invited_by_the_partnership_are_confirmed_by_the_invitation(sign_in, client):
    sign_in(WESTSHIRE_ADMIN)
    client.post(
        reverse("accounts:invite"),
        {
            "email": "new.trainer@mailbox.example",
            "first_name": "Nia",
            "last_name": "Trainer",
            "agency": agency().pk,
            "job_role": "Trainer",
            "role": "trainer",
        },
    )
    invited = User.objects.get(email="new.trainer@mailbox.example")
    assert invited.agency == agency()
    assert invited.agency_confirmed_how == MembershipConfirmation.INVITATION


def test_an_unconfirmed_person_cannot_be_added_as_a_section_11_contributor():
    from django.core.exceptions import ValidationError

    from hub.assurance.models import Submission
    from hub.assurance.services import contributor_add

    lead = User.objects.get(email=WESTBURY_LEAD)
    submission = Submission.objects.filter(agency=agency(), status="draft").first()
    with pytest.raises(ValidationError):
        contributor_add(by=lead, submission=submission, email=ASKING)
    assert not submission.contributors.filter(person__email=ASKING).exists()


def test_the_home_page_tells_someone_waiting_that_they_are_not_yet_confirmed(client):
    asking = User.objects.get(email=ASKING)
    client.force_login(asking)
    page = client.get(reverse("accounts:home")).content.decode()
    assert "Waiting to be confirmed" in page
    assert WESTBURY.replace("'", "&#39;") in page


def test_the_migration_confirms_role_holders_and_the_invited_and_no_one_else(westshire):
    """core.0006: existing members who hold a role for their agency, or were invited, stay
    confirmed; everyone else's organisation becomes a request to join it."""
    import importlib

    from django.apps import apps

    from hub.core import audit
    from hub.core.models import Role, RoleAssignment

    step = importlib.import_module(
        "hub.core.migrations.0006_partnership_collections_and_membership"
    )
    school = agency()
    holder, invited, claimed = (
        User.objects.create_user(
            email=f"{name}@mailbox.example", partnership=westshire, agency=school
        )
        for name in ("holder", "invited", "claimed")
    )
    RoleAssignment.objects.create(
        user=holder, role=Role.AGENCY_LEAD, partnership=westshire, agency=school
    )
    audit.record(actor=None, action="hub.account.invited", instance=invited)
    step.forwards(apps, None)
    for person in (holder, invited, claimed):
        person.refresh_from_db()
    assert holder.agency == school and holder.agency_confirmed_how == "existing"
    assert invited.agency == school and invited.agency_confirmed_how == "invitation"
    assert claimed.agency is None and claimed.requested_agency == school


def test_every_confirmed_demo_account_is_at_its_agencys_domain():
    """The demo's own rule, so `make run` shows confirmed staff and people asking to join."""
    for user in User.objects.filter(agency__isnull=False):
        domain = user.email.rsplit("@", 1)[1]
        assert AgencyEmailDomain.objects.filter(agency=user.agency_id, domain=domain).exists(), (
            user.email
        )
    assert User.objects.asking_to_join(agency()).count() == 2
    assert EmailAddress.objects.filter(email=ASKING).count() == 0
