"""The section 11 screens in Wagtail's admin: a partnership admin keeps their own partnership's
frameworks, versions, rounds and local questions; another partnership's rows answer 404; a
published version never changes (a later edit is a new version, so a past round is never
rewritten); impossible rounds are refused with a message."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hub.assurance import services
from hub.assurance.admin_forms import FROZEN
from hub.assurance.models import Framework, FrameworkVersion, LocalQuestion, Round
from hub.assurance.viewsets import FrameworkVersionViewSet
from hub.core.models import Agency, Role

pytestmark = pytest.mark.django_db


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def admin_client(admin_westshire):
    return client_for(admin_westshire)


@pytest.fixture
def admin_northmoor(staff):
    return staff(
        Role.PARTNERSHIP_ADMIN,
        partnership="northmoor",
        agency=Agency.objects.get(name="Northmoor Borough Council (demo)"),
        email="s11-admin@northmoor.example",
    )


@pytest.fixture
def northmoor_admin_client(admin_northmoor):
    return client_for(admin_northmoor)


def standards_of(version):
    return list(
        version.standards.order_by("sort_order").values_list(
            "key", "number", "title", "summary", "sub_standards", "evidence_prompts"
        )
    )


def version_data(standards, *, framework=None, rating_scale="rag", initial=0):
    data = nested_form_data(
        {
            "rating_scale": rating_scale,
            "introduction": "Answer for your organisation as a whole.",
            "standards": inline_formset(standards, initial=initial, min=1),
        }
    )
    if framework is not None:
        data["framework"] = framework.pk
    return data


def standard_form(standard=None, **change):
    fields = {"key": "", "number": "", "title": "", "summary": ""}
    if standard is not None:
        fields = {
            "id": standard.pk,
            "key": standard.key,
            "number": standard.number,
            "title": standard.title,
            "summary": standard.summary,
            "sub_standards": standard.sub_standards,
            "guidance": standard.guidance,
            "evidence_prompts": standard.evidence_prompts,
        }
    return {**fields, **change}


def round_data(version, partnership, **change):
    today = timezone.localdate()
    data = {
        "title": "Admin test round",
        "partnership": partnership.pk,
        "framework_version": version.pk,
        "partnerships": [partnership.pk],
        "agencies": [],
        "opens_on": today.isoformat(),
        "due_on": (today + datetime.timedelta(days=60)).isoformat(),
        "reminder_days": "14",
        "previous_round": "",
    }
    data.update(change)
    return data


# --- Who sees the screens ---------------------------------------------------------------


def test_the_section_11_menu_is_only_for_people_who_run_rounds(
    admin_client, staff, reviewer_westshire
):
    assert reverse("section11_rounds:index") in page(admin_client.get("/admin/"))

    editor = staff(Role.EDITOR, agency="council", email="s11-admin-test-editor@westshire.example")
    editor_client = client_for(editor)
    assert reverse("section11_rounds:index") not in page(editor_client.get("/admin/"))
    assert editor_client.get(reverse("section11_rounds:index")).status_code in (302, 403)


def test_a_section_11_reviewer_needs_no_admin_access(reviewer_westshire):
    """Reviewers work on the site's review pages; the admin stays closed to them."""
    assert not reviewer_westshire.groups.exists()
    response = client_for(reviewer_westshire).get(reverse("section11_frameworks:index"))
    assert response.status_code in (302, 403)


# --- Frameworks -------------------------------------------------------------------------


def test_a_framework_belongs_to_one_of_the_admins_own_partnerships(
    admin_client, westshire, northmoor
):
    html = page(admin_client.get(reverse("section11_frameworks:add")))
    assert westshire.name in html
    assert northmoor.name not in html

    data = {"partnership": northmoor.pk, "name": "Smuggled framework", "description": ""}
    html = page(admin_client.post(reverse("section11_frameworks:add"), data))
    assert "Select a valid choice" in html
    assert not Framework.objects.filter(name="Smuggled framework").exists()

    data["partnership"] = westshire.pk
    data["name"] = "Westshire admin test framework"
    assert admin_client.post(reverse("section11_frameworks:add"), data).status_code == 302
    assert Framework.objects.get(name="Westshire admin test framework").partnership == westshire


def test_another_partnerships_frameworks_and_versions_answer_404(
    northmoor_admin_client, framework_version
):
    framework = framework_version.framework
    for name in ("edit", "history"):
        url = reverse(f"section11_frameworks:{name}", args=[framework.pk])
        assert northmoor_admin_client.get(url).status_code == 404, name
    for name in ("edit", "inspect", "history", "delete", "publish", "copy"):
        url = reverse(f"section11_versions:{name}", args=[framework_version.pk])
        assert northmoor_admin_client.get(url).status_code == 404, name
        assert northmoor_admin_client.post(url, {"confirm": "on"}).status_code == 404, name
    assert framework_version.framework.versions.count() == 1

    html = page(northmoor_admin_client.get(reverse("section11_frameworks:index")))
    assert framework.name not in html
    html = page(northmoor_admin_client.get(reverse("section11_versions:index")))
    assert framework.name not in html


# --- Versions ---------------------------------------------------------------------------


def test_a_new_version_takes_the_frameworks_next_number_with_its_standards(
    admin_client, framework_version
):
    framework = framework_version.framework
    html = page(admin_client.get(reverse("section11_versions:add") + f"?framework={framework.pk}"))
    assert "Standards" in html
    data = version_data(
        [
            standard_form(key="leadership", number="1", title="Leading well", summary="Leads."),
            standard_form(key="listening", number="2", title="Listening", summary="Listens."),
        ],
        framework=framework,
    )
    response = admin_client.post(reverse("section11_versions:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    version = framework.versions.get(number=2)
    assert not version.is_published
    assert [s[:3] for s in standards_of(version)] == [
        ("leadership", "1", "Leading well"),
        ("listening", "2", "Listening"),
    ]


def test_two_standards_of_one_version_cannot_share_a_key(admin_client, framework_version):
    data = version_data(
        [
            standard_form(key="training", number="1", title="One", summary="One."),
            standard_form(key="training", number="2", title="Two", summary="Two."),
        ],
        framework=framework_version.framework,
    )
    html = page(admin_client.post(reverse("section11_versions:add"), data))
    assert "Please correct the duplicate data for version and key" in html
    assert framework_version.framework.versions.count() == 1


def test_a_published_version_cannot_be_edited_and_a_forged_save_changes_nothing(
    admin_client, admin_westshire, framework_version
):
    before = standards_of(framework_version)
    url = reverse("section11_versions:edit", args=[framework_version.pk])

    response = admin_client.get(url)
    assert response.status_code == 302
    assert response.url == reverse("section11_versions:inspect", args=[framework_version.pk])
    assert any("cannot change" in message for message in messages_of(response))

    standards = list(framework_version.standards.order_by("sort_order"))
    forged = version_data(
        [standard_form(s, title="Rewritten after the round") for s in standards],
        rating_scale="0-3",
        initial=len(standards),
    )
    response = admin_client.post(url, forged)
    assert response.status_code == 302
    framework_version.refresh_from_db()
    assert framework_version.rating_scale == "rag"
    assert standards_of(framework_version) == before

    # The form refuses too, whichever view it is used from, and will not save.
    form_class = FrameworkVersionViewSet.edit_handler.bind_to_model(
        FrameworkVersion
    ).get_form_class()
    form = form_class(instance=framework_version, data=forged, for_user=admin_westshire)
    assert not form.is_valid()
    assert FROZEN in form.non_field_errors()
    with pytest.raises(ValidationError):
        form.save()
    assert standards_of(framework_version) == before

    # Nor can it be deleted.
    delete = reverse("section11_versions:delete", args=[framework_version.pk])
    assert admin_client.post(delete).status_code == 302
    assert FrameworkVersion.objects.filter(pk=framework_version.pk).exists()

    # And the read-only view shows it in full.
    html = page(
        admin_client.get(reverse("section11_versions:inspect", args=[framework_version.pk]))
    )
    assert "Safer recruitment" in html
    assert reverse("section11_versions:copy", args=[framework_version.pk]) in html


def test_copying_a_version_leaves_the_original_and_its_rounds_untouched(
    admin_client, framework_version, joint_round
):
    before = standards_of(framework_version)
    url = reverse("section11_versions:copy", args=[framework_version.pk])
    assert "3 standards" in page(admin_client.get(url))

    response = admin_client.post(url, {})
    copy = framework_version.framework.versions.get(number=2)
    assert response.status_code == 302
    assert response.url == reverse("section11_versions:edit", args=[copy.pk])
    assert not copy.is_published
    assert standards_of(copy) == before

    # The copy is a draft, edited freely; the original stays as it was.
    assert "Safer recruitment" in page(admin_client.get(response.url))
    standards = list(copy.standards.order_by("sort_order"))
    data = version_data(
        [standard_form(standards[0], title="Leadership, governance and accountability")]
        + [standard_form(s) for s in standards[1:]],
        initial=len(standards),
    )
    response = admin_client.post(reverse("section11_versions:edit", args=[copy.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert copy.standards.get(key="leadership").title == "Leadership, governance and accountability"
    assert standards_of(framework_version) == before
    joint_round.refresh_from_db()
    assert joint_round.framework_version == framework_version
    first = joint_round.submissions.first()
    assert {s.pk for s in framework_version.standards.all()} == {
        s.pk for s in first.round.framework_version.standards.all()
    }


def test_publishing_a_draft_version_freezes_it(admin_client, admin_westshire, framework_version):
    draft = services.framework_version_copy(by=admin_westshire, version=framework_version)
    url = reverse("section11_versions:publish", args=[draft.pk])
    html = page(admin_client.post(url, {}))
    assert "Tick the box to confirm" in html
    draft.refresh_from_db()
    assert not draft.is_published

    response = admin_client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert admin_client.get(reverse("section11_versions:edit", args=[draft.pk])).status_code == 302


# --- Rounds -----------------------------------------------------------------------------


def test_a_round_due_before_it_opens_is_refused(admin_client, framework_version, westshire):
    today = timezone.localdate()
    data = round_data(
        framework_version,
        westshire,
        opens_on=today.isoformat(),
        due_on=(today - datetime.timedelta(days=1)).isoformat(),
    )
    html = page(admin_client.post(reverse("section11_rounds:add"), data))
    assert "The due date must be on or after the opening date" in html
    assert not Round.objects.filter(title="Admin test round").exists()


def test_a_round_cannot_use_an_unpublished_version(
    admin_client, admin_westshire, framework_version, westshire
):
    draft = services.framework_version_copy(by=admin_westshire, version=framework_version)
    html = page(admin_client.get(reverse("section11_rounds:add")))
    assert str(framework_version) in html
    assert str(draft) not in html

    html = page(admin_client.post(reverse("section11_rounds:add"), round_data(draft, westshire)))
    assert "Choose a published version" in html
    assert not Round.objects.filter(title="Admin test round").exists()


def test_a_round_invites_partnerships_of_the_consortium_and_their_agencies(
    admin_client, framework_version, westshire, northmoor, westbury, moorhampton
):
    # Moorhampton works in Northmoor, which is not taking part.
    data = round_data(framework_version, westshire, agencies=[westbury.pk, moorhampton.pk])
    html = page(admin_client.post(reverse("section11_rounds:add"), data))
    assert "do not work in a partnership taking part" in html
    assert moorhampton.name in html
    assert not Round.objects.filter(title="Admin test round").exists()

    # With Northmoor taking part (and Westshire, which runs it, added if left out) it saves.
    data = round_data(
        framework_version, westshire, partnerships=[northmoor.pk], agencies=[westbury.pk]
    )
    data["agencies"].append(moorhampton.pk)
    response = admin_client.post(reverse("section11_rounds:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    round_ = Round.objects.get(title="Admin test round")
    assert round_.partnership == westshire
    assert set(round_.partnerships.all()) == {westshire, northmoor}
    assert set(round_.agencies.all()) == {westbury, moorhampton}


def test_an_open_rounds_framework_version_cannot_change(
    admin_client, admin_westshire, framework_version, joint_round, westshire
):
    newer = services.framework_version_copy(by=admin_westshire, version=framework_version)
    services.framework_version_publish(by=admin_westshire, version=newer)
    url = reverse("section11_rounds:edit", args=[joint_round.pk])
    data = round_data(
        newer,
        westshire,
        title=joint_round.title,
        partnerships=[p.pk for p in joint_round.partnerships.all()],
        agencies=[a.pk for a in joint_round.agencies.all()],
        opens_on=joint_round.opens_on.isoformat(),
        due_on=joint_round.due_on.isoformat(),
    )
    html = page(admin_client.post(url, data))
    assert "The round is open, so its framework version cannot change" in html
    joint_round.refresh_from_db()
    assert joint_round.framework_version == framework_version

    # The rest of an open round may change: here, a later due date.
    later = joint_round.due_on + datetime.timedelta(days=7)
    data.update(framework_version=framework_version.pk, due_on=later.isoformat())
    assert admin_client.post(url, data).status_code == 302
    joint_round.refresh_from_db()
    assert joint_round.due_on == later


def test_only_the_partnership_running_a_round_changes_it(
    northmoor_admin_client, joint_round, framework_version
):
    html = page(northmoor_admin_client.get(reverse("section11_rounds:index")))
    assert joint_round.title in html
    assert reverse("assurance:round", args=[joint_round.pk]) in html
    assert reverse("section11_rounds:edit", args=[joint_round.pk]) not in html

    url = reverse("section11_rounds:edit", args=[joint_round.pk])
    response = northmoor_admin_client.post(url, {"title": "Renamed by Northmoor"})
    assert response.status_code == 302
    assert any("only its admins" in message for message in messages_of(response))
    joint_round.refresh_from_db()
    assert joint_round.title == "Test round"


def test_the_round_list_links_to_each_rounds_dashboard(admin_client, joint_round):
    html = page(admin_client.get(reverse("section11_rounds:index")))
    assert reverse("assurance:round", args=[joint_round.pk]) in html
    assert reverse("section11_rounds:edit", args=[joint_round.pk]) in html


# --- Local questions --------------------------------------------------------------------


def test_each_partnership_admin_manages_only_their_own_local_questions(
    admin_client, northmoor_admin_client, joint_round, westshire, northmoor
):
    url = reverse("section11_local_questions:add")
    data = {
        "round": joint_round.pk,
        "partnership": westshire.pk,
        "text": "Question smuggled in for Westshire",
        "guidance": "",
        "is_required": "on",
        "sort_order": "0",
    }
    html = page(northmoor_admin_client.post(url, data))
    assert "Select a valid choice" in html
    assert not LocalQuestion.objects.filter(text=data["text"]).exists()

    data.update(partnership=northmoor.pk, text="How do you use the Northmoor neglect toolkit?")
    assert northmoor_admin_client.post(url, data).status_code == 302
    northmoor_question = LocalQuestion.objects.get(text=data["text"])
    assert northmoor_question.partnership == northmoor

    data.update(partnership=westshire.pk, text="How do staff learn the escalation protocol?")
    assert admin_client.post(url, data).status_code == 302
    westshire_question = LocalQuestion.objects.get(text=data["text"])

    index = reverse("section11_local_questions:index")
    html = page(northmoor_admin_client.get(index))
    assert northmoor_question.text in html
    assert westshire_question.text not in html
    for name in ("edit", "delete", "history"):
        target = reverse(f"section11_local_questions:{name}", args=[westshire_question.pk])
        assert northmoor_admin_client.get(target).status_code == 404, name


def test_a_local_question_needs_a_round_its_partnership_takes_part_in(
    northmoor_admin_client, framework_version, westshire, northmoor
):
    today = timezone.localdate()
    westshire_only = Round.objects.create(
        partnership=westshire,
        title="Westshire only round",
        framework_version=framework_version,
        opens_on=today,
        due_on=today + datetime.timedelta(days=30),
    )
    westshire_only.partnerships.set([westshire])
    data = {
        "round": westshire_only.pk,
        "partnership": northmoor.pk,
        "text": "A question for a round Northmoor is not in",
        "sort_order": "0",
    }
    html = page(northmoor_admin_client.post(reverse("section11_local_questions:add"), data))
    assert "Select a valid choice" in html
    assert not LocalQuestion.objects.filter(round=westshire_only).exists()


def test_every_section_11_screen_opens_on_the_demo_rounds(admin_client):
    current = Round.objects.get(title="Section 11 round 2026 (demo)")
    version = current.framework_version
    for name in (
        "section11_frameworks:index",
        "section11_versions:index",
        "section11_rounds:index",
        "section11_local_questions:index",
        "section11_rounds:add",
        "section11_local_questions:add",
    ):
        page(admin_client.get(reverse(name)))
    html = page(admin_client.get(reverse("section11_rounds:edit", args=[current.pk])))
    assert "Westmoor Police (demo)" in html
    html = page(admin_client.get(reverse("section11_versions:inspect", args=[version.pk])))
    assert "Managing allegations against staff and volunteers" in html
    html = page(admin_client.get(reverse("section11_local_questions:index"), {"round": current.pk}))
    assert "neglect toolkit" not in html  # Northmoor's question, not Westshire's
    assert "resolving professional differences" in html


def test_open_remind_or_close_leads_to_the_rounds_dashboard(admin_client, joint_round):
    # It used to GET the POST-only manage address: an HTTP 405 page.
    listing = page(admin_client.get(reverse("section11_rounds:index")))
    link = re.search(r'href="([^"]+)"[^>]*>\s*(?:<[^>]+>\s*)*Open, remind or close', listing)
    assert link, "no 'Open, remind or close' link"
    dashboard = page(admin_client.get(link.group(1)))
    assert reverse("assurance:round_manage", args=[joint_round.pk]) in dashboard
