"""The escalation protocol's admin screen: the partnership admin (who sees every escalation of
the partnership, "escalations.view_all") keeps their own partnership's protocol and reaches no
other, whose id answers 404 on every screen. The reference prefix, the document and the
stages' targets are checked; one protocol per partnership; a stage, theme or outcome that
escalations use cannot be removed; every save is audited."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from hub.core import audit
from hub.core.models import Role
from hub.core.staff_menu import admin_screen
from hub.escalations.admin_forms import PREFIX_RULE
from hub.escalations.models import Escalation, Outcome, Protocol, Stage, Theme
from hub.library.models import LibraryDocument
from tests.budgets import signed_in

pytestmark = pytest.mark.django_db


def url(name, row=None):
    return reverse(f"escalations_protocols:{name}", args=[row.pk] if row is not None else [])


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


@pytest.fixture
def westshire_protocol(westshire):
    return Protocol.objects.get(partnership=westshire)


@pytest.fixture
def northmoor_protocol(northmoor):
    return Protocol.objects.get(partnership=northmoor)


@pytest.fixture
def admin_user(staff):
    return staff(Role.PARTNERSHIP_ADMIN, email="bu@protocol.example")


@pytest.fixture
def admin_client(admin_user):
    return signed_in(admin_user)


@pytest.fixture
def northmoor_admin_client(staff):
    return signed_in(
        staff(Role.PARTNERSHIP_ADMIN, partnership="northmoor", email="bu@nm-protocol.example")
    )


def edit_form(client, protocol):
    return querydict_from_html(page(client.get(url("edit", protocol))), "w-editor-form")


def post_edit(client, protocol, **changes):
    data = edit_form(client, protocol)
    for key, value in changes.items():
        data[key] = value
    return client.post(url("edit", protocol), data)


def errors_of(response):
    return text_of(page(response))


# --- Who reaches what ---------------------------------------------------------------------


def test_the_partnership_admin_lists_only_their_own_protocol(
    admin_client, westshire_protocol, northmoor_protocol
):
    html = page(admin_client.get(url("index")))
    assert url("edit", westshire_protocol) in html
    assert url("edit", northmoor_protocol) not in html
    assert "WS-RPD" in html and "NM-RPD" not in html


def test_another_partnerships_protocol_answers_404_on_every_screen_and_changes_nothing(
    northmoor_admin_client, westshire_protocol
):
    for name in ("edit", "delete", "history", "usage"):
        address = url(name, westshire_protocol)
        assert northmoor_admin_client.get(address).status_code == 404, address
        response = northmoor_admin_client.post(address, {"title": "Taken", "reference_prefix": "X"})
        assert response.status_code == 404, address
    westshire_protocol.refresh_from_db()
    assert westshire_protocol.title == "Resolving professional differences (demo)"
    assert Protocol.objects.filter(pk=westshire_protocol.pk).exists()


def test_the_staff_menu_link_shows_to_the_partnership_admin_only(admin_user, staff):
    shown = admin_screen("escalations.Protocol", actions=("change",))
    request = RequestFactory().get("/")
    request.user = admin_user
    assert shown(request)
    for role in (Role.EDITOR, Role.AGENCY_LEAD, Role.TRAINING_COORDINATOR):
        request.user = staff(role, email=f"{role}@no-protocol.example")
        assert not shown(request), role


def test_people_who_do_not_keep_the_protocol_are_kept_out(staff, westshire_protocol):
    for role in (Role.EDITOR, Role.AGENCY_LEAD):
        client = signed_in(staff(role, email=f"{role}@kept-out.example"))
        for address in (url("index"), url("add"), url("edit", westshire_protocol)):
            assert client.get(address).status_code in (302, 403, 404), (role, address)
        response = client.post(url("edit", westshire_protocol), {"title": "Taken"})
        assert response.status_code in (302, 403, 404), role
    westshire_protocol.refresh_from_db()
    assert westshire_protocol.title == "Resolving professional differences (demo)"


# --- Editing --------------------------------------------------------------------------------


def test_a_save_changes_the_protocol_and_is_audited(admin_client, admin_user, westshire_protocol):
    data = edit_form(admin_client, westshire_protocol)
    data["title"] = "Resolving professional differences, revised"
    data["reference_prefix"] = "ws-esc"
    data["stages-0-target_working_days"] = "4"
    response = admin_client.post(url("edit", westshire_protocol), data)
    assert response.status_code == 302, errors_of(response)[:3000]
    westshire_protocol.refresh_from_db()
    assert westshire_protocol.title == "Resolving professional differences, revised"
    assert westshire_protocol.reference_prefix == "WS-ESC"
    assert westshire_protocol.stages.first().target_working_days == 4
    entry = audit.entries().get(
        action="hub.escalations.protocol_changed", object_id=str(westshire_protocol.pk)
    )
    assert entry.user == admin_user
    assert entry.data["details"] == {"change": "edited"}
    assert entry.data["partnership_id"] == westshire_protocol.partnership_id


@pytest.mark.parametrize("prefix", ["WS RPD", "WS--RPD", "-WS", "WS-", "1WS", "WS_RPD", "ÄB", ""])
def test_a_reference_prefix_other_than_capitals_digits_and_hyphens_is_refused(
    admin_client, westshire_protocol, prefix
):
    response = post_edit(admin_client, westshire_protocol, reference_prefix=prefix)
    html = errors_of(response)
    expected = "Give the reference prefix" if not prefix else PREFIX_RULE
    assert expected in html
    westshire_protocol.refresh_from_db()
    assert westshire_protocol.reference_prefix == "WS-RPD"


def test_another_partnerships_prefix_is_refused(admin_client, westshire_protocol):
    response = post_edit(admin_client, westshire_protocol, reference_prefix="NM-RPD")
    assert "Another partnership's escalation references begin with this prefix" in errors_of(
        response
    )
    westshire_protocol.refresh_from_db()
    assert westshire_protocol.reference_prefix == "WS-RPD"


def test_the_document_is_one_of_the_partnerships_own(admin_client, westshire_protocol, northmoor):
    form = page(admin_client.get(url("edit", westshire_protocol)))
    elsewhere = LibraryDocument.objects.exclude(partnership=westshire_protocol.partnership)
    northmoors = elsewhere.filter(partnership=northmoor).first()
    regional = elsewhere.filter(partnership=None).first()
    assert northmoors is not None and regional is not None
    assert northmoors.title not in form
    for document in (northmoors, regional):
        response = post_edit(admin_client, westshire_protocol, document=str(document.pk))
        assert "Choose a document in your partnership's library" in errors_of(response)
    westshire_protocol.refresh_from_db()
    assert westshire_protocol.document.slug == "resolving-professional-differences-protocol"


@pytest.mark.parametrize("target", ["0", "61", "-1", "two", "1e309"])
def test_a_stage_target_outside_1_to_60_working_days_is_refused(
    admin_client, westshire_protocol, target
):
    response = post_edit(
        admin_client, westshire_protocol, **{"stages-0-target_working_days": target}
    )
    assert "Give a whole number of working days from 1 to 60" in errors_of(response)
    assert westshire_protocol.stages.first().target_working_days == 3


def _removing(client, protocol, relation, row):
    data = edit_form(client, protocol)
    prefix = next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith(f"{relation}-") and key.endswith("-id") and value == str(row.pk)
    )
    data[f"{prefix}-DELETE"] = "1"
    return data


def test_removing_a_stage_theme_or_outcome_that_escalations_use_is_a_form_error(
    admin_client, westshire_protocol
):
    for relation, model, noun in (
        ("stages", Stage, "stage"),
        ("themes", Theme, "theme"),
        ("outcomes", Outcome, "outcome"),
    ):
        row = model.objects.filter(protocol=westshire_protocol).first()
        data = _removing(admin_client, westshire_protocol, relation, row)
        html = errors_of(admin_client.post(url("edit", westshire_protocol), data))
        assert f"The {noun} “{row.name}” cannot be removed: there are escalations recorded" in html
        assert model.objects.filter(pk=row.pk).exists()


def test_a_stage_nothing_uses_can_be_added_and_removed(admin_client, westshire_protocol):
    data = edit_form(admin_client, westshire_protocol)
    count = int(data["stages-TOTAL_FORMS"])
    data.update(
        {
            f"stages-{count}-name": "Stage 5: test",
            f"stages-{count}-who": "Tests",
            f"stages-{count}-target_working_days": "7",
            f"stages-{count}-ORDER": str(count + 1),
            f"stages-{count}-id": "",
            f"stages-{count}-DELETE": "",
        }
    )
    data["stages-TOTAL_FORMS"] = str(count + 1)
    assert admin_client.post(url("edit", westshire_protocol), data).status_code == 302
    added = Stage.objects.get(protocol=westshire_protocol, name="Stage 5: test")
    data = _removing(admin_client, westshire_protocol, "stages", added)
    assert admin_client.post(url("edit", westshire_protocol), data).status_code == 302
    assert not Stage.objects.filter(pk=added.pk).exists()
    assert westshire_protocol.stages.count() == 4


def test_two_stages_with_one_name_are_refused(admin_client, westshire_protocol):
    data = edit_form(admin_client, westshire_protocol)
    data["stages-1-name"] = data["stages-0-name"].upper()
    html = errors_of(admin_client.post(url("edit", westshire_protocol), data))
    assert "Two stages are called" in html
    assert westshire_protocol.stages.filter(name="Stage 2: team managers").exists()


def test_a_form_missing_a_saved_stage_saves_nothing(admin_client, westshire_protocol):
    # Someone else added a stage since the page was opened, or the form was forged.
    data = edit_form(admin_client, westshire_protocol)
    Stage.objects.create(
        protocol=westshire_protocol, name="Added meanwhile", who="Others", target_working_days=3
    )
    data["title"] = "Changed"
    html = errors_of(admin_client.post(url("edit", westshire_protocol), data))
    assert "The stages have changed since this page was opened" in html
    westshire_protocol.refresh_from_db()
    assert westshire_protocol.title == "Resolving professional differences (demo)"
    assert westshire_protocol.stages.count() == 5


def test_a_protocol_that_escalations_use_cannot_be_deleted(admin_client, westshire_protocol):
    response = admin_client.post(url("delete", westshire_protocol))
    assert response.status_code == 302
    html = text_of(page(admin_client.get(response["Location"])))
    assert "cannot be deleted: escalations are recorded under it" in html
    assert Protocol.objects.filter(pk=westshire_protocol.pk).exists()


# --- Making one -----------------------------------------------------------------------------


def new_protocol(partnership_id, prefix="TST-RPD"):
    return nested_form_data(
        {
            "partnership": str(partnership_id),
            "title": "Test protocol",
            "reference_prefix": prefix,
            "document": "",
            "records_good_practice": "on",
            "stages": inline_formset(
                [{"name": "Stage 1", "who": "Practitioners", "target_working_days": "2"}]
            ),
            "themes": inline_formset([{"name": "Information sharing"}]),
            "outcomes": inline_formset([{"name": "Resolved"}]),
        }
    )


def test_a_second_protocol_for_the_partnership_is_a_clear_form_error(
    admin_client, westshire, northmoor
):
    html = errors_of(admin_client.post(url("add"), new_protocol(westshire.pk)))
    assert "already has an escalation protocol" in html
    html = errors_of(admin_client.post(url("add"), new_protocol(northmoor.pk)))
    assert "Choose one of the partnerships you keep the protocol for" in html
    assert not Protocol.objects.filter(title="Test protocol").exists()


def test_a_partnership_without_a_protocol_gets_one_made_audited(
    northmoor_admin_client, northmoor, northmoor_protocol
):
    Escalation.objects.filter(partnership=northmoor).delete()
    northmoor_protocol.delete()
    empty = new_protocol(northmoor.pk)
    empty["stages-TOTAL_FORMS"] = "0"
    assert "Add at least one stage." in errors_of(northmoor_admin_client.post(url("add"), empty))
    response = northmoor_admin_client.post(url("add"), new_protocol(northmoor.pk))
    assert response.status_code == 302, errors_of(response)[:3000]
    made = Protocol.objects.get(partnership=northmoor)
    assert made.reference_prefix == "TST-RPD"
    assert [stage.name for stage in made.stages.all()] == ["Stage 1"]
    entry = audit.entries().get(action="hub.escalations.protocol_changed", object_id=str(made.pk))
    assert entry.data["details"] == {"change": "created"}


HOSTILE = ["", "' OR '1'='1' --", "9" * 40, "-1", "1e309", "\x00", "ä" * 600, "NaN", "[]{}"]
FIELDS = [
    "title",
    "reference_prefix",
    "document",
    "stages-0-id",
    "stages-0-target_working_days",
    "stages-0-ORDER",
    "themes-0-id",
    "outcomes-0-DELETE",
    "stages-TOTAL_FORMS",
]


def test_hostile_values_are_refused_or_saved_never_a_server_error(admin_client, westshire_protocol):
    # The form again with its message, a save, or 400 for a forged row id (Django refuses
    # an inline row that is not the protocol's own); any exception would fail the test.
    # The form is read once: a save changes no row id the other posts name.
    form = edit_form(admin_client, westshire_protocol)
    for field in FIELDS:
        for value in HOSTILE:
            data = form.copy()
            data[field] = value
            response = admin_client.post(url("edit", westshire_protocol), data)
            assert response.status_code in (200, 302, 400), (field, value)
    for value in HOSTILE:
        data = new_protocol(value)
        assert admin_client.post(url("add"), data).status_code == 200, value
    assert westshire_protocol.stages.count() == 4
    assert westshire_protocol.outcomes.count() == 5
    assert Protocol.objects.count() == 2
