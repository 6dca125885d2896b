"""The editors' procedures screens in Wagtail's admin: starting a release, drafting chapter
changes, local information and new chapters into it, previewing, publishing now or at a
time, and every other partnership's releases out of reach."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.core import audit
from hub.core.models import Agency, Role
from hub.procedures import services
from hub.procedures.models import Chapter, ChapterVersion, Release
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def admin_url(name, release, **query):
    url = reverse(f"procedures_admin:{name}", args=[release.pk])
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def start_release(client, **data):
    response = client.post(reverse("procedures_admin:releases"), data)
    assert response.status_code == 302, response.content.decode()
    return Release.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def amendment(**overrides):
    return {
        "change_type": "amended",
        "change_summary": "Strategy discussions now within four hours",
        "title": "Test strategy discussions",
        "summary": "When and how to hold one.",
        "body": "<p>Hold it within four hours.</p>",
        **overrides,
    }


@pytest.fixture
def regional_client(consortium_editor):
    return signed_in(consortium_editor)


@pytest.fixture
def westshire_client(westshire_editor):
    return signed_in(westshire_editor)


@pytest.fixture
def regional_draft(manual, consortium_editor):
    return services.release_start(by=consortium_editor, manual=manual, title="Test regional draft")


@pytest.fixture
def northmoor_draft(manual, northmoor):
    return Release.objects.create(manual=manual, partnership=northmoor, title="Northmoor draft")


def test_a_consortium_editor_publishes_an_amendment_that_readers_see_only_once_published(
    regional_client, client, test_chapter, django_capture_on_commit_callbacks
):
    page = regional_client.get(reverse("procedures_admin:releases")).content.decode()
    assert "Start a release" in page
    release = start_release(regional_client, title="Test March update", summary="Quicker.")
    assert release.partnership is None
    assert release.published_at is None

    form = regional_client.get(admin_url("chapter_change", release, chapter=test_chapter.pk))
    # The form starts from the text readers see now.
    assert "one working day" in form.content.decode()

    response = regional_client.post(
        admin_url("chapter_change", release, chapter=test_chapter.pk), amendment()
    )
    assert response.status_code == 302
    release_page = regional_client.get(admin_url("release", release)).content.decode()
    assert "Strategy discussions now within four hours" in release_page
    assert "Amended" in release_page

    public = f"/procedures/{test_chapter.slug}/"
    assert "four hours" not in client.get(public).content.decode()
    preview = regional_client.get(
        reverse("procedures_admin:preview", args=[release.pk, test_chapter.pk])
    ).content.decode()
    assert "Hold it within four hours." in preview

    with django_capture_on_commit_callbacks(execute=True):
        response = regional_client.post(admin_url("publish", release))
    assert response.status_code == 302
    html = client.get(public).content.decode()
    assert "Hold it within four hours." in html
    assert "one working day" not in html

    logged = set(audit.entries().filter(user__isnull=False).values_list("action", flat=True))
    assert {
        "hub.procedures.release_started",
        "hub.procedures.chapter_drafted",
        "hub.procedures.release_published",
    } <= logged


def test_pressing_publish_twice_publishes_once(regional_client, regional_draft, test_chapter):
    regional_client.post(
        admin_url("chapter_change", regional_draft, chapter=test_chapter.pk), amendment()
    )
    regional_client.post(admin_url("publish", regional_draft))
    regional_draft.refresh_from_db()
    first = regional_draft.published_at
    response = regional_client.post(admin_url("publish", regional_draft))
    assert response.status_code == 302
    regional_draft.refresh_from_db()
    assert regional_draft.published_at == first
    published = audit.entries().filter(action="hub.procedures.release_published")
    assert published.count() == 1


def test_an_empty_release_cannot_be_published(regional_client, regional_draft):
    response = regional_client.post(admin_url("publish", regional_draft))
    assert response.status_code == 200
    assert "This release has no changes to publish." in response.content.decode()
    regional_draft.refresh_from_db()
    assert regional_draft.published_at is None


def test_a_scheduled_release_stays_hidden_until_its_time(
    regional_client, client, regional_draft, test_chapter, time_machine
):
    regional_client.post(
        admin_url("chapter_change", regional_draft, chapter=test_chapter.pk), amendment()
    )
    when = timezone.localtime() + datetime.timedelta(days=2)
    response = regional_client.post(
        admin_url("schedule", regional_draft), {"publish_at": when.strftime("%Y-%m-%dT%H:%M")}
    )
    assert response.status_code == 302
    regional_draft.refresh_from_db()
    assert regional_draft.published_at == when.replace(second=0, microsecond=0)
    page = regional_client.get(admin_url("release", regional_draft)).content.decode()
    assert "Scheduled." in page
    # Scheduled means read-only: no more drafting into it.
    assert "Publish now" not in page
    public = f"/procedures/{test_chapter.slug}/"
    assert "four hours" not in client.get(public).content.decode()

    time_machine.move_to(when + datetime.timedelta(minutes=1))
    assert "Hold it within four hours." in client.get(public).content.decode()


def test_a_time_in_the_past_is_refused_and_publishes_nothing(
    regional_client, regional_draft, test_chapter
):
    regional_client.post(
        admin_url("chapter_change", regional_draft, chapter=test_chapter.pk), amendment()
    )
    yesterday = timezone.localtime() - datetime.timedelta(days=1)
    response = regional_client.post(
        admin_url("schedule", regional_draft), {"publish_at": yesterday.strftime("%Y-%m-%dT%H:%M")}
    )
    assert response.status_code == 200
    assert "The time must be in the future" in response.content.decode()
    regional_draft.refresh_from_db()
    assert regional_draft.published_at is None


def test_a_scheduled_release_can_be_unscheduled_until_it_goes_live(
    regional_client, regional_draft, test_chapter, time_machine
):
    regional_client.post(
        admin_url("chapter_change", regional_draft, chapter=test_chapter.pk), amendment()
    )
    when = timezone.localtime() + datetime.timedelta(hours=5)
    regional_client.post(
        admin_url("schedule", regional_draft), {"publish_at": when.strftime("%Y-%m-%dT%H:%M")}
    )
    assert regional_client.post(admin_url("unschedule", regional_draft)).status_code == 302
    regional_draft.refresh_from_db()
    assert regional_draft.published_at is None
    # A draft again: it can be changed and scheduled anew.
    regional_client.post(
        admin_url("chapter_change", regional_draft, chapter=test_chapter.pk),
        amendment(body="<p>Hold it within three hours.</p>"),
    )
    assert "three hours" in regional_draft.chapter_versions.get().body

    regional_client.post(
        admin_url("schedule", regional_draft), {"publish_at": when.strftime("%Y-%m-%dT%H:%M")}
    )
    time_machine.move_to(when + datetime.timedelta(minutes=5))
    response = regional_client.post(admin_url("unschedule", regional_draft))
    assert response.status_code == 200
    assert "already live" in response.content.decode()
    regional_draft.refresh_from_db()
    assert regional_draft.published_at is not None


def test_a_published_release_cannot_be_changed_from_the_admin(
    regional_client, test_chapter, consortium_editor
):
    published = test_chapter.versions.order_by("-release__published_at").first().release
    before = published.chapter_versions.get(chapter=test_chapter).body
    response = regional_client.post(
        admin_url("chapter_change", published, chapter=test_chapter.pk), amendment()
    )
    assert response.status_code == 302
    assert published.chapter_versions.get(chapter=test_chapter).body == before
    page = regional_client.get(admin_url("release", published)).content.decode()
    assert "A published release cannot be changed" in page


def test_bad_input_gets_a_message_and_saves_nothing(regional_client, regional_draft, test_chapter):
    response = regional_client.post(
        admin_url("chapter_change", regional_draft, chapter=test_chapter.pk),
        amendment(body="  ", change_summary=""),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the chapter&#x27;s text" in html
    assert not regional_draft.chapter_versions.exists()


def test_a_westshire_editor_cannot_open_or_write_to_a_regional_or_northmoor_release(
    westshire_client, regional_draft, northmoor_draft, test_chapter
):
    listing = westshire_client.get(reverse("procedures_admin:releases")).content.decode()
    assert "Test regional draft" not in listing
    assert "Northmoor draft" not in listing
    local_chapter = Chapter.objects.filter(partnership__slug="westshire").first()
    for release in (regional_draft, northmoor_draft):
        assert westshire_client.get(admin_url("release", release)).status_code == 404
        assert (
            westshire_client.post(
                admin_url("chapter_change", release, chapter=test_chapter.pk), amendment()
            ).status_code
            == 404
        )
        assert (
            westshire_client.post(
                admin_url("local_information", release, chapter=test_chapter.pk),
                {"body": "<p>Sneaky</p>"},
            ).status_code
            == 404
        )
        assert (
            westshire_client.post(
                admin_url("chapter_create", release),
                {"part": local_chapter.part_id, "title": "Sneaky", "body": "<p>x</p>"},
            ).status_code
            == 404
        )
        assert westshire_client.post(admin_url("publish", release)).status_code == 404
        assert westshire_client.post(admin_url("schedule", release)).status_code == 404
        assert westshire_client.post(admin_url("unschedule", release)).status_code == 404
        release.refresh_from_db()
        assert release.published_at is None
        assert not release.chapter_versions.exists()
        assert not release.local_versions.exists()
    assert not Chapter.objects.filter(slug="sneaky").exists()


def test_a_local_editor_cannot_change_regional_text_in_their_own_release(
    westshire_client, test_chapter
):
    release = start_release(westshire_client, title="Test Westshire update")
    response = westshire_client.post(
        admin_url("chapter_change", release, chapter=test_chapter.pk), amendment()
    )
    assert response.status_code == 404
    assert not ChapterVersion.objects.filter(release=release).exists()


def test_local_information_drafted_by_westshire_appears_only_on_westshires_site(
    westshire_client, westshire, client, northmoor_client, test_chapter
):
    page = westshire_client.get(reverse("procedures_admin:releases")).content.decode()
    # A partnership editor may start only their own partnership's release: nothing to choose.
    assert 'name="scope"' not in page
    release = start_release(westshire_client, title="Test Westshire update")
    assert release.partnership == westshire

    url = admin_url("local_information", release, chapter=test_chapter.pk)
    assert westshire_client.get(url).status_code == 200
    response = westshire_client.post(url, {"body": "<p>Ring the Westshire strategy desk.</p>"})
    assert response.status_code == 302
    public = f"/procedures/{test_chapter.slug}/"
    assert "Westshire strategy desk" not in client.get(public).content.decode()

    assert westshire_client.post(admin_url("publish", release)).status_code == 302
    assert "Ring the Westshire strategy desk." in client.get(public).content.decode()
    assert "Westshire strategy desk" not in northmoor_client.get(public).content.decode()
    assert (
        audit.entries()
        .filter(
            action="hub.procedures.local_information_drafted", data__partnership_id=westshire.pk
        )
        .exists()
    )


def test_a_local_editor_writes_a_new_chapter_only_their_site_shows(
    westshire_client, client, northmoor_client, manual
):
    release = start_release(westshire_client, title="Test Westshire chapter")
    part = manual.parts.first()
    response = westshire_client.post(
        admin_url("chapter_create", release),
        {
            "part": part.pk,
            "title": "Test Westshire early help hubs",
            "slug": "",
            "summary": "",
            "body": "<p>Our hubs meet weekly.</p>",
            "change_summary": "New chapter.",
        },
    )
    assert response.status_code == 302
    chapter = Chapter.objects.get(slug="test-westshire-early-help-hubs")
    assert chapter.partnership == release.partnership
    assert client.get(chapter.get_absolute_url()).status_code == 404

    westshire_client.post(admin_url("publish", release))
    assert "Our hubs meet weekly." in client.get(chapter.get_absolute_url()).content.decode()
    assert northmoor_client.get(chapter.get_absolute_url()).status_code == 404


def test_a_new_regional_chapter_cannot_take_an_address_already_used(
    regional_client, regional_draft, test_chapter, manual
):
    response = regional_client.post(
        admin_url("chapter_create", regional_draft),
        {
            "part": manual.parts.first().pk,
            "title": "Another",
            "slug": test_chapter.slug,
            "body": "<p>x</p>",
            "change_summary": "New chapter.",
        },
    )
    assert response.status_code == 200
    assert "Another chapter already uses this address" in response.content.decode()
    assert not regional_draft.chapter_versions.exists()


def test_a_new_chapter_never_takes_an_address_the_manual_uses_itself(
    regional_client, regional_draft, manual, client
):
    regional_client.post(
        admin_url("chapter_create", regional_draft),
        {
            "part": manual.parts.last().pk,
            "title": "Glossary",
            "body": "<p>Words we use.</p>",
            "change_summary": "New chapter.",
        },
    )
    chapter = regional_draft.chapter_versions.get().chapter
    assert chapter.slug == "glossary-2"
    assert chapter.partnership is None
    regional_client.post(admin_url("publish", regional_draft))
    assert "Words we use." in client.get(chapter.get_absolute_url()).content.decode()


def test_an_editor_of_both_kinds_chooses_only_among_their_own(westshire, northmoor, manual):
    editor = make_person(
        "both@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire County Council (demo)"),
        roles=[Role.CONSORTIUM_EDITOR, Role.EDITOR],
    )
    both = signed_in(editor)
    page = both.get(reverse("procedures_admin:releases")).content.decode()
    assert f'value="regional-{manual.pk}"' in page
    assert f'value="local-{westshire.pk}"' in page
    assert f'value="local-{northmoor.pk}"' not in page

    response = both.post(
        reverse("procedures_admin:releases"),
        {"title": "Test for Northmoor", "scope": f"local-{northmoor.pk}"},
    )
    assert response.status_code == 200
    assert not Release.objects.filter(title="Test for Northmoor").exists()
    release = start_release(both, title="Test for Westshire", scope=f"local-{westshire.pk}")
    assert release.partnership == westshire


def test_the_procedures_menu_is_for_editors_and_the_screens_for_no_one_else(
    westshire, regional_client
):
    admin_home = regional_client.get("/admin/").content.decode()
    assert reverse("procedures_admin:releases") in admin_home
    practitioner = make_person(
        "reader@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire County Council (demo)"),
    )
    response = signed_in(practitioner).get(reverse("procedures_admin:releases"))
    assert response.status_code in (302, 403, 404)
    assert "Start a release" not in response.content.decode()
