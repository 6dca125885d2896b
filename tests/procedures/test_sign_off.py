"""Sign-off by a second person: where a partnership (or, for regional releases, the
consortium) asks for it, a release waits until another editor approves it; nobody approves
their own; every step is audited."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
from hub.core.domains import todos_for
from hub.core.models import Consortium, Role
from hub.procedures import services
from hub.procedures.models import Release

pytestmark = pytest.mark.django_db

KEY = "procedures.release"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def url(name, release):
    return reverse(f"procedures_admin:{name}", args=[release.pk])


@pytest.fixture
def second_editor(staff):
    return staff(Role.EDITOR, email="second-editor@westshire.example")


@pytest.fixture
def westshire_asks(westshire):
    westshire.sign_off = [KEY]
    westshire.save()
    return westshire


@pytest.fixture
def local_draft(westshire_asks, westshire_editor, manual, test_chapter):
    release = services.release_start(
        by=westshire_editor, manual=manual, partnership=westshire_asks, title="Local update"
    )
    services.local_information_draft(
        by=westshire_editor,
        release=release,
        chapter=test_chapter,
        body="<p>Ring the Westshire sign-off desk.</p>",
    )
    return release


def actions(release):
    return list(
        audit.entries()
        .filter(data__details__release_id=release.pk)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_a_release_waits_for_a_second_editor_and_the_first_cannot_approve_it(
    local_draft, westshire_editor, second_editor, client, test_chapter
):
    first = signed_in(westshire_editor)
    page = first.get(url("release", local_draft)).content.decode()
    assert "Send for sign-off: publish once approved" in page

    first.post(url("publish", local_draft))
    local_draft.refresh_from_db()
    assert local_draft.awaits_sign_off and local_draft.published_at is None
    assert local_draft.submitted_by == westshire_editor
    assert "sign-off desk" not in client.get(test_chapter.get_absolute_url()).content.decode()

    # The editor who asked cannot approve it, by the screen or by a forged post.
    page = first.get(url("release", local_draft)).content.decode()
    assert "another editor must approve it" in page and "Approve:" not in page
    response = first.post(url("approve", local_draft))
    assert "someone else must approve it" in response.content.decode()
    local_draft.refresh_from_db()
    assert local_draft.published_at is None

    second = signed_in(second_editor)
    assert ("Procedures releases to sign off", reverse("procedures_admin:releases"), 1) in [
        (item["text"], item["href"], item["count"]) for item in todos_for(second_editor)
    ]
    assert not [i for i in todos_for(westshire_editor) if "sign off" in i["text"]]
    assert second.post(url("approve", local_draft)).status_code == 302
    local_draft.refresh_from_db()
    assert local_draft.approved_by == second_editor and local_draft.published_at is not None
    assert "sign-off desk" in client.get(test_chapter.get_absolute_url()).content.decode()
    # A second press publishes nothing more.
    response = second.post(url("approve", local_draft))
    assert "not waiting for sign-off" in response.content.decode()
    assert actions(local_draft)[-3:] == [
        "hub.procedures.release_submitted",
        "hub.procedures.release_approved",
        "hub.procedures.release_published",
    ]


def test_a_time_asked_for_is_kept_by_the_approval_or_becomes_now_once_passed(
    local_draft, westshire_editor, second_editor
):
    later = timezone.now() + datetime.timedelta(days=3)
    services.release_publish(by=westshire_editor, release=local_draft, at=later)
    services.release_approve(by=second_editor, release=local_draft)
    local_draft.refresh_from_db()
    assert local_draft.published_at == later and not local_draft.is_published

    other = services.release_start(
        by=westshire_editor,
        manual=local_draft.manual,
        partnership=local_draft.partnership,
        title="B",
    )
    services.local_information_draft(
        by=westshire_editor,
        release=other,
        chapter=local_draft.local_versions.get().chapter,
        body="",
    )
    soon = timezone.now() + datetime.timedelta(minutes=5)
    services.release_publish(by=westshire_editor, release=other, at=soon)
    services.release_approve(
        by=second_editor, release=other, now=soon + datetime.timedelta(hours=1)
    )
    other.refresh_from_db()
    assert other.published_at <= timezone.now()


def test_while_it_waits_nothing_in_it_changes_and_it_can_be_sent_back(
    local_draft, westshire_editor, second_editor, test_chapter
):
    services.release_publish(by=westshire_editor, release=local_draft)
    first, second = signed_in(westshire_editor), signed_in(second_editor)
    edit = url("local_information", local_draft) + f"?chapter={test_chapter.pk}"
    response = first.post(edit, {"body": "<p>Changed while waiting.</p>"})
    assert response.status_code == 302
    assert local_draft.local_versions.get().body == "<p>Ring the Westshire sign-off desk.</p>"

    # Another editor sends it back only with what needs changing, by the screen or not.
    response = second.post(url("send_back", local_draft), {"reason": "  "})
    assert "Say what needs changing, for the editor who asked" in response.content.decode()
    with pytest.raises(ValidationError):
        services.release_send_back(by=second_editor, release=local_draft, reason="")
    local_draft.refresh_from_db()
    assert local_draft.awaits_sign_off
    second.post(url("send_back", local_draft), {"reason": "Add the out-of-hours number."})
    local_draft.refresh_from_db()
    assert not local_draft.awaits_sign_off and local_draft.published_at is None
    entry = audit.entries().filter(action="hub.procedures.release_sent_back").get()
    assert entry.data["details"]["reason"] == "Add the out-of-hours number."

    # Changed, sent again; the editor who asked takes it back without a reason.
    first.post(edit, {"body": "<p>Out of hours: 0300 000 0000 (demo).</p>"})
    first.post(url("publish", local_draft))
    assert first.post(url("send_back", local_draft), {"reason": ""}).status_code == 302
    local_draft.refresh_from_db()
    assert not local_draft.awaits_sign_off


def test_another_partnerships_editor_cannot_approve_or_send_back(
    local_draft, westshire_editor, staff
):
    services.release_publish(by=westshire_editor, release=local_draft)
    northmoor = signed_in(staff(Role.EDITOR, partnership="northmoor", email="ed@northmoor.test"))
    assert northmoor.post(url("approve", local_draft)).status_code == 404
    assert northmoor.post(url("send_back", local_draft), {"reason": "x"}).status_code == 404
    local_draft.refresh_from_db()
    assert local_draft.awaits_sign_off


def test_unscheduling_an_approved_release_needs_a_new_sign_off(
    local_draft, westshire_editor, second_editor
):
    services.release_publish(
        by=westshire_editor, release=local_draft, at=timezone.now() + datetime.timedelta(days=1)
    )
    services.release_approve(by=second_editor, release=local_draft)
    services.release_unschedule(by=westshire_editor, release=local_draft)
    local_draft.refresh_from_db()
    assert local_draft.approved_by is None and local_draft.submitted_at is None
    services.release_publish(by=westshire_editor, release=local_draft)
    local_draft.refresh_from_db()
    assert local_draft.awaits_sign_off


def test_the_partnership_admin_chooses_sign_off_in_the_site_settings(westshire, staff):
    admin = signed_in(staff(Role.PARTNERSHIP_ADMIN, email="admin-sign-off@westshire.example"))
    address = reverse("hub_site_settings:edit", args=[westshire.slug, "sign-off"])
    page = admin.get(address).content.decode()
    assert "Procedures releases" in page
    response = admin.post(address, {"settings-sign_off": [KEY], "save": "1"})
    assert response.status_code == 302
    westshire.refresh_from_db()
    assert westshire.sign_off == [KEY]
    entry = audit.entries().filter(action="hub.core.sign_off_changed").get()
    assert entry.data["details"]["changes"] == {
        "Changes that need a second person's approval": ["None", "Procedures releases"]
    }
    # A key no domain declared is refused, and nothing changes.
    response = admin.post(address, {"settings-sign_off": ["made.up"], "save": "1"})
    assert response.status_code == 200
    westshire.refresh_from_db()
    assert westshire.sign_off == [KEY]

    northmoor_admin = signed_in(
        staff(Role.PARTNERSHIP_ADMIN, partnership="northmoor", email="admin@northmoor.test")
    )
    assert northmoor_admin.get(address).status_code == 404
    assert northmoor_admin.post(address, {"settings-sign_off": [], "save": "1"}).status_code == 404
    # An editor is not the one to decide.
    editor = signed_in(staff(Role.EDITOR, email="not-admin@westshire.example"))
    assert editor.post(address, {"settings-sign_off": [], "save": "1"}).status_code == 404
    westshire.refresh_from_db()
    assert westshire.sign_off == [KEY]


def test_consortium_editors_choose_sign_off_for_regional_releases(
    manual, consortium_editor, staff, westshire_editor, test_chapter
):
    consortium = manual.consortium
    regional = signed_in(consortium_editor)
    address = reverse("procedures_admin:regional_sign_off", args=[consortium.pk])
    # A partnership's editor may not change the consortium's rule.
    assert signed_in(westshire_editor).post(address, {"sign_off": [KEY]}).status_code == 404
    assert Consortium.objects.get(pk=consortium.pk).sign_off == []

    regional.post(address, {"sign_off": [KEY]})
    assert Consortium.objects.get(pk=consortium.pk).sign_off == [KEY]
    assert audit.entries().filter(action="hub.core.regional_sign_off_changed").count() == 1

    release = services.release_start(by=consortium_editor, manual=manual, title="Regional")
    services.chapter_draft(
        by=consortium_editor,
        release=release,
        chapter=test_chapter,
        title="Test strategy discussions",
        body="<p>Within four hours.</p>",
        change_summary="Four hours.",
    )
    regional.post(url("publish", release))
    release.refresh_from_db()
    assert release.awaits_sign_off
    other = staff(Role.CONSORTIUM_EDITOR, email="second-regional@consortium.example")
    assert signed_in(other).post(url("approve", release)).status_code == 302
    assert Release.objects.get(pk=release.pk).is_published
