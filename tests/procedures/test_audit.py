"""Every write to the manual records its audit entry inside the service's own transaction,
so a call from anywhere (a screen, a command, a shell) leaves it: who, what, which record."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.utils import timezone

from hub.core import audit
from hub.procedures import services
from hub.procedures.models import Part, Subscription

pytestmark = pytest.mark.django_db


def entries():
    return audit.entries().filter(action__startswith="hub.procedures.")


def only_new_entry(before, action):
    new = list(entries().exclude(pk__in=before))
    assert [entry.action for entry in new] == [action]
    return new[0]


def assert_about(entry, actor, instance):
    assert entry.user_id == (actor.pk if actor is not None else None)
    assert entry.content_type == ContentType.objects.get_for_model(instance)
    assert entry.object_id == str(instance.pk)


@pytest.fixture
def seen():
    """The ids of the entries already there, so a test sees only its own."""
    return lambda: list(entries().values_list("pk", flat=True))


@pytest.fixture
def draft(manual, consortium_editor):
    return services.release_start(by=consortium_editor, manual=manual, title="Test audit draft")


def test_starting_a_release_records_it_with_the_callers_address(manual, consortium_editor, seen):
    before = seen()
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    release = services.release_start(
        by=consortium_editor, manual=manual, title="Test started", request=request
    )
    entry = only_new_entry(before, "hub.procedures.release_started")
    assert_about(entry, consortium_editor, release)
    assert entry.data["client_address"] == "192.0.2.7"
    assert entry.data["details"] == {"release_id": release.pk}


def test_drafting_a_chapter_records_one_entry(draft, test_chapter, consortium_editor, seen):
    before = seen()
    version = services.chapter_draft(
        by=consortium_editor,
        release=draft,
        chapter=test_chapter,
        title="Test strategy discussions",
        body="<p>Within four hours.</p>",
        change_summary="Quicker",
    )
    assert_about(
        only_new_entry(before, "hub.procedures.chapter_drafted"), consortium_editor, version
    )


def test_creating_a_chapter_records_one_entry_not_a_draft_as_well(
    draft, manual, consortium_editor, seen
):
    before = seen()
    chapter = services.chapter_create(
        by=consortium_editor,
        release=draft,
        part=Part.objects.filter(manual=manual).first(),
        title="Test audited chapter",
        body="<p>Text.</p>",
    )
    assert_about(
        only_new_entry(before, "hub.procedures.chapter_created"), consortium_editor, chapter
    )


def test_drafting_local_information_records_one_entry(
    manual, westshire, westshire_editor, test_chapter, seen
):
    release = services.release_start(
        by=westshire_editor, manual=manual, partnership=westshire, title="Test local"
    )
    before = seen()
    version = services.local_information_draft(
        by=westshire_editor, release=release, chapter=test_chapter, body="<p>Call us.</p>"
    )
    entry = only_new_entry(before, "hub.procedures.local_information_drafted")
    assert_about(entry, westshire_editor, version)
    assert entry.data["partnership_id"] == westshire.pk


def drafted(release, chapter, by):
    services.chapter_draft(
        by=by,
        release=release,
        chapter=chapter,
        title="Test strategy discussions",
        body="<p>Within four hours.</p>",
        change_summary="Quicker",
    )


def test_publishing_now_records_published(draft, test_chapter, consortium_editor, seen):
    drafted(draft, test_chapter, consortium_editor)
    before = seen()
    services.release_publish(by=consortium_editor, release=draft)
    assert_about(
        only_new_entry(before, "hub.procedures.release_published"), consortium_editor, draft
    )


def test_scheduling_and_unscheduling_record_one_entry_each(
    draft, test_chapter, consortium_editor, seen
):
    drafted(draft, test_chapter, consortium_editor)
    later = timezone.now() + datetime.timedelta(days=3)
    before = seen()
    services.release_publish(by=consortium_editor, release=draft, at=later)
    entry = only_new_entry(before, "hub.procedures.release_scheduled")
    assert_about(entry, consortium_editor, draft)
    assert entry.data["details"]["at"] == later.isoformat()
    before = seen()
    services.release_unschedule(by=consortium_editor, release=draft)
    assert_about(
        only_new_entry(before, "hub.procedures.release_unscheduled"), consortium_editor, draft
    )


def test_a_refused_publish_records_nothing(draft, consortium_editor, seen):
    from django.core.exceptions import ValidationError

    before = seen()
    with pytest.raises(ValidationError):
        services.release_publish(by=consortium_editor, release=draft)  # nothing drafted
    assert list(entries().exclude(pk__in=before)) == []


def test_subscribing_and_unsubscribing_are_recorded_without_a_person(westshire, seen):
    before = seen()
    subscription = services.subscribe(partnership=westshire, email="Reader@Example.org")
    entry = only_new_entry(before, "hub.procedures.subscribed")
    assert_about(entry, None, subscription)
    assert "reader@example.org" not in str(entry.data)
    before = seen()
    services.unsubscribe(subscription=subscription)
    assert_about(only_new_entry(before, "hub.procedures.unsubscribed"), None, subscription)
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    before = seen()
    services.unsubscribe(subscription=subscription)
    assert list(entries().exclude(pk__in=before)) == []


def test_editors_are_told_of_releases_scheduled(draft, test_chapter, consortium_editor):
    from django.test import Client

    drafted(draft, test_chapter, consortium_editor)
    later = timezone.now() + datetime.timedelta(days=3)
    services.release_publish(by=consortium_editor, release=draft, at=later)
    client = Client()
    client.force_login(consortium_editor)
    home = client.get("/accounts/").content.decode()
    assert "Procedures releases scheduled" in home
