"""The partnership's own site settings: contact routes, footer links, branding and useful
links, changed by its admin in the admin, checked on the public panel before saving, scoped
to its own site, audited with old and new values, shown on the public site at once."""

import re

import pytest
from django.test import Client

from hub.core.models import FooterLinks, Partnership, WorriedAboutAChild
from hub.core.site_settings import ContactRoutesForm

pytestmark = pytest.mark.django_db

CONTACT = "/admin/site-settings/westshire/contact/"


def _contact_values(partnership, **changes):
    setting = WorriedAboutAChild.for_site(partnership.site)
    values = {f"settings-{name}": getattr(setting, name) for name in ContactRoutesForm.Meta.fields}
    values.update({f"settings-{name}": value for name, value in changes.items()})
    return values


def _previewed(html):
    return re.search(r'name="previewed" value="([0-9a-f]+)"', html).group(1)


@pytest.fixture
def admin_client(staff):
    client = Client()
    client.force_login(staff("partnership_admin"))
    return client


def test_the_admin_checks_the_new_panel_then_saves_it_and_the_site_shows_it(
    admin_client, westshire
):
    from hub.core import audit

    old = WorriedAboutAChild.for_site(westshire.site).out_of_hours_phone
    assert old and "01632 960 777" not in Client().get("/").content.decode()
    values = _contact_values(westshire, out_of_hours_phone="01632 960 777")

    checked = admin_client.post(CONTACT, values | {"check": "1"})
    html = checked.content.decode()
    assert checked.status_code == 200
    # The public panel's own markup, with the new number, before anything is saved.
    assert "Check the panel before you save it" in html
    assert 'class="hub-worried"' in html and 'href="tel:01632960777"' in html
    assert WorriedAboutAChild.for_site(westshire.site).out_of_hours_phone == old

    saved = admin_client.post(CONTACT, values | {"save": "1", "previewed": _previewed(html)})
    assert saved.status_code == 302
    assert WorriedAboutAChild.for_site(westshire.site).out_of_hours_phone == "01632 960 777"
    # Every public page shows it at once (the page cache is purged by the save).
    assert "01632 960 777" in Client().get("/").content.decode()
    entry = audit.entries().filter(action="hub.site.contact_routes_changed").get()
    assert entry.data["partnership_id"] == westshire.pk
    assert entry.data["details"]["changes"] == {"Out-of-hours phone number": [old, "01632 960 777"]}
    # The audit log shows the old and new values.
    log = admin_client.get("/audit-log/", {"action": "hub.site.contact_routes_changed"})
    assert re.search(rf"<del>{re.escape(old)}</del>.*<ins>01632 960 777</ins>", log.text, re.S)


def test_saving_other_values_than_those_checked_saves_nothing(admin_client, westshire):
    checked = admin_client.post(
        CONTACT, _contact_values(westshire, out_of_hours_phone="01632 960 111") | {"check": "1"}
    )
    fingerprint = _previewed(checked.content.decode())
    changed = _contact_values(westshire, out_of_hours_phone="01632 960 222")
    response = admin_client.post(CONTACT, changed | {"save": "1", "previewed": fingerprint})
    assert response.status_code == 200
    assert "The values changed after you checked them" in response.content.decode()
    assert WorriedAboutAChild.for_site(westshire.site).out_of_hours_phone not in (
        "01632 960 111",
        "01632 960 222",
    )
    # Saving without any check at all is the same.
    response = admin_client.post(CONTACT, changed | {"save": "1"})
    assert "Check the panel before you save it" in response.content.decode()
    assert WorriedAboutAChild.for_site(westshire.site).out_of_hours_phone != "01632 960 222"


def test_bad_contact_values_are_refused_with_a_message(admin_client, westshire):
    before = WorriedAboutAChild.for_site(westshire.site)
    values = _contact_values(
        westshire, front_door_phone="", out_of_hours_phone="", exit_page_url="javascript:alert(1)"
    )
    response = admin_client.post(CONTACT, values | {"save": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give at least one number for children" in html
    assert "Enter a valid URL" in html
    after = WorriedAboutAChild.for_site(westshire.site)
    assert (after.front_door_phone, after.exit_page_url) == (
        before.front_door_phone,
        before.exit_page_url,
    )


def test_another_partnerships_settings_answer_404_and_change_nothing(staff, westshire):
    northmoor_admin = Client()
    northmoor_admin.force_login(staff("partnership_admin", partnership="northmoor"))
    before = WorriedAboutAChild.for_site(westshire.site).out_of_hours_phone
    for kind in ("contact", "footer", "branding"):
        address = f"/admin/site-settings/westshire/{kind}/"
        assert northmoor_admin.get(address).status_code == 404
    values = _contact_values(westshire, out_of_hours_phone="01632 960 999")
    assert northmoor_admin.post(CONTACT, values | {"save": "1"}).status_code == 404
    assert WorriedAboutAChild.for_site(westshire.site).out_of_hours_phone == before
    # Their own are theirs; an unknown kind or partnership is a 404 too.
    assert northmoor_admin.get("/admin/site-settings/northmoor/contact/").status_code == 200
    assert northmoor_admin.get("/admin/site-settings/northmoor/secrets/").status_code == 404
    assert northmoor_admin.get("/admin/site-settings/nowhere/contact/").status_code == 404


def test_roles_without_the_settings_action_cannot_open_them(staff):
    for role in ("editor", "training_coordinator", "consortium_editor"):
        client = Client()
        client.force_login(staff(role))
        assert client.get(CONTACT).status_code == 404, role
        assert client.get("/admin/site-settings/").status_code in (302, 404), role
        assert "/admin/site-settings/" not in client.get("/accounts/").content.decode()


def test_wagtails_own_settings_screens_stay_closed_to_the_partnership(admin_client, westshire):
    """Wagtail grants a setting for every site at once, so its screens stay the superuser's."""
    for model in ("worriedaboutachild", "footerlinks"):
        response = admin_client.get(f"/admin/settings/core/{model}/{westshire.site.pk}/")
        assert response.status_code in (302, 403), model


def test_footer_links_point_only_at_the_partnerships_own_pages(admin_client, westshire, northmoor):
    from wagtail.models import Page

    address = "/admin/site-settings/westshire/footer/"
    own = Page.objects.descendant_of(westshire.site.root_page).live().first()
    theirs = Page.objects.descendant_of(northmoor.site.root_page).live().first()
    form = admin_client.get(address).content.decode()
    assert own.title in form
    assert f'value="{theirs.pk}"' not in form

    before = FooterLinks.for_site(westshire.site).contact_id
    forged = admin_client.post(address, {"settings-contact": theirs.pk, "save": "1"})
    assert forged.status_code == 200
    assert "Select a valid choice" in forged.content.decode()
    assert FooterLinks.for_site(westshire.site).contact_id == before

    fields = {
        f"settings-{name}": getattr(FooterLinks.for_site(westshire.site), f"{name}_id") or ""
        for name in ("accessibility_statement", "privacy_notice", "cookies")
    }
    saved = admin_client.post(address, fields | {"settings-contact": own.pk, "save": "1"})
    assert saved.status_code == 302
    assert FooterLinks.for_site(westshire.site).contact_id == own.pk
    footer = Client().get("/").text.split('<footer class="govuk-footer')[1]
    assert f">{own.title}</a>" in footer


def test_branding_keeps_the_header_readable_and_the_logo_the_partnerships_own(
    admin_client, westshire, northmoor
):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from hub.core.collections import collection_for

    address = "/admin/site-settings/westshire/branding/"
    theirs = get_image_model().objects.create(
        title="Northmoor logo",
        file=get_test_image_file(),
        collection=collection_for(northmoor),
    )
    response = admin_client.post(
        address,
        {
            "settings-brand_colour": "#ffff00",
            "settings-logo": theirs.pk,
            "settings-logo_alt_text": "Northmoor",
            "save": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "4.5:1" in html or "contrast" in html
    assert "Select a valid choice" in html
    westshire.refresh_from_db()
    assert westshire.brand_colour != "#ffff00" and westshire.logo_id != theirs.pk

    saved = admin_client.post(
        address,
        {
            "settings-brand_colour": "#5a1e5c",
            "settings-accent_colour": westshire.accent_colour,
            "settings-logo_alt_text": "",
            "save": "1",
        },
    )
    assert saved.status_code == 302
    assert Partnership.objects.get(pk=westshire.pk).brand_colour == "#5a1e5c"
    # The page asks for the new colours' stylesheet at once, whatever browsers cached.
    stylesheet = re.search(r'href="(/branding\.css\?v=[^"]+)"', Client().get("/").text).group(1)
    assert "5a1e5c" in stylesheet
    assert "--hub-brand: #5a1e5c" in Client().get(stylesheet).text


def test_useful_links_are_each_partnerships_own_in_the_admin(staff, westshire, northmoor):
    from hub.site.models import UsefulLink

    editor = Client()
    editor.force_login(staff("editor"))
    ours = UsefulLink.objects.filter(partnership=westshire).first()
    theirs = UsefulLink.objects.create(
        partnership=northmoor,
        title="Northmoor only",
        url="https://example.org/northmoor",
        description="A link of Northmoor's.",
        topic="Local",
        last_checked="2026-01-01",
    )
    listing = editor.get("/admin/useful_links/")
    assert listing.status_code == 200
    assert ours.title in listing.content.decode()
    assert "Northmoor only" not in listing.content.decode()
    assert editor.get(f"/admin/useful_links/edit/{ours.pk}/").status_code == 200
    assert editor.get(f"/admin/useful_links/edit/{theirs.pk}/").status_code == 404
    assert editor.post(f"/admin/useful_links/delete/{theirs.pk}/").status_code == 404
    assert UsefulLink.objects.filter(pk=theirs.pk).exists()
    # Adding one for another partnership is refused on the form.
    response = editor.post(
        "/admin/useful_links/new/",
        {
            "partnership": northmoor.pk,
            "title": "Planted",
            "url": "https://example.org/planted",
            "description": "x",
            "topic": "Local",
            "last_checked": "2026-01-01",
        },
    )
    assert response.status_code == 200
    assert not UsefulLink.objects.filter(title="Planted").exists()
