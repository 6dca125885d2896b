"""One deployment serves several partnerships, each on its own hostname."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_first_partnership_answers_on_any_unlisted_allowed_host(client):
    html = client.get("/", HTTP_HOST="127.0.0.1").content.decode()
    assert "Westshire Safeguarding Children Partnership (demo)" in html


def test_each_partnership_is_served_on_its_own_hostname(northmoor_client):
    html = northmoor_client.get("/").content.decode()
    assert "Northmoor Safeguarding Children Partnership (demo)" in html
    assert "Westshire Safeguarding Children Partnership" not in html


def test_each_site_shows_its_own_contact_routes(client, northmoor_client):
    assert "01632 960 100" in client.get("/").content.decode()
    northmoor = northmoor_client.get("/").content.decode()
    assert "01632 960 300" in northmoor
    assert "01632 960 100" not in northmoor


def test_a_page_of_one_partnership_is_not_reachable_on_the_other_site(client, northmoor):
    page = northmoor.site.root_page.get_children().live().first()
    northmoor_path = page.get_url_parts()[2]
    # The same path on Westshire's host resolves within Westshire's own tree.
    response = client.get(northmoor_path)
    html = response.content.decode()
    assert "Northmoor Safeguarding Children Partnership (demo)" not in html


def test_the_police_force_is_shared_by_both_partnerships(westshire, northmoor):
    from hub.core.models import Agency

    police = Agency.objects.get(agency_type="police")
    assert set(police.partnerships.all()) == {westshire, northmoor}
    assert police.is_safeguarding_partner


def test_each_partnership_has_three_partners_and_eight_relevant_agencies(westshire, northmoor):
    from hub.core.models import Agency

    for partnership in (westshire, northmoor):
        agencies = Agency.objects.in_partnership(partnership)
        partners = agencies.safeguarding_partners()
        assert sorted(partners.values_list("agency_type", flat=True)) == [
            "icb",
            "local_authority",
            "police",
        ]
        assert agencies.relevant_agencies().count() >= 8


def test_only_statutory_types_can_be_safeguarding_partners(db):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    from hub.core.models import Agency

    school = Agency(name="A school (test)", agency_type="school", is_safeguarding_partner=True)
    with pytest.raises(ValidationError):
        school.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        school.save()


def test_the_footer_setting_brings_its_four_pages_in_one_query(
    westshire, django_assert_num_queries
):
    from hub.core.models import FooterLinks

    links = FooterLinks.for_site(westshire.site)
    with django_assert_num_queries(0):
        pages = [links.accessibility_statement, links.privacy_notice, links.cookies, links.contact]
    assert all(page is not None for page in pages)
