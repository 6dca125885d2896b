"""The regional manual: each partnership's local information on shared chapters, releases
that become visible all at once, and the manual as it stood on any date."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hub.core import audit
from hub.procedures import services
from hub.procedures.models import Chapter, ChapterVersion, Release, end_of
from hub.procedures.queries import chapter_at, contents_at

pytestmark = pytest.mark.django_db


def test_the_same_chapter_shows_each_partnerships_own_local_information(
    client, northmoor_client, manual
):
    from hub.procedures.models import LocalInformationVersion

    shared = (
        LocalInformationVersion.objects.values("chapter")
        .filter(partnership__slug="westshire")
        .filter(
            chapter__in=LocalInformationVersion.objects.filter(
                partnership__slug="northmoor"
            ).values("chapter")
        )
        .first()
    )
    chapter = Chapter.objects.get(pk=shared["chapter"])
    westshire_html = client.get(chapter.get_absolute_url()).content.decode()
    northmoor_html = northmoor_client.get(chapter.get_absolute_url()).content.decode()
    assert "Local information — Westshire" in westshire_html
    assert "Local information — Northmoor" not in westshire_html
    assert "Local information — Northmoor" in northmoor_html
    assert "Local information — Westshire" not in northmoor_html


def test_local_only_chapters_appear_only_on_their_own_site(client, northmoor_client):
    local = Chapter.objects.filter(partnership__slug="westshire").first()
    assert client.get(local.get_absolute_url()).status_code == 200
    assert northmoor_client.get(local.get_absolute_url()).status_code == 404
    assert local.slug not in northmoor_client.get("/procedures/").content.decode()
    assert local.slug in client.get("/procedures/").content.decode()


def test_as_at_shows_the_text_and_title_of_each_release(westshire, test_chapter):
    assert chapter_at(westshire, test_chapter.slug, end_of(datetime.date(2026, 1, 31))) is None
    march = chapter_at(westshire, test_chapter.slug, end_of(datetime.date(2026, 3, 3)))
    assert march.version.title == "Test strategy meetings"
    assert "two working days" in march.version.body
    september = chapter_at(westshire, test_chapter.slug, end_of(datetime.date(2026, 9, 1)))
    assert september.version.title == "Test strategy discussions"
    assert "one working day" in september.version.body


def test_as_at_contents_list_which_chapters_existed(westshire, test_chapter):
    def slugs(day):
        return {
            item.chapter.slug
            for part in contents_at(westshire, end_of(day))
            for item in part.chapters
        }

    assert test_chapter.slug not in slugs(datetime.date(2026, 1, 31))
    assert test_chapter.slug in slugs(datetime.date(2026, 3, 3))


def test_a_removed_chapter_disappears_from_that_release_on(westshire, test_chapter, manual):
    removal = Release.objects.create(
        manual=manual, title="Test removal", published_at=end_of(datetime.date(2026, 9, 15))
    )
    ChapterVersion.objects.create(
        chapter=test_chapter,
        release=removal,
        title="Test strategy discussions",
        body="",
        change_type="removed",
        change_summary="Merged elsewhere.",
        is_removed=True,
    )
    assert chapter_at(westshire, test_chapter.slug, end_of(datetime.date(2026, 9, 1)))
    assert chapter_at(westshire, test_chapter.slug, end_of(datetime.date(2026, 9, 16))) is None


def test_as_at_pages_have_permanent_addresses_and_a_banner(client, test_chapter):
    response = client.get(f"/procedures/as-at/2026-03-03/{test_chapter.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "as they stood at the end of 3 March 2026" in html
    assert "two working days" in html
    assert f'href="/procedures/{test_chapter.slug}/"' in html
    current = client.get(f"/procedures/{test_chapter.slug}/").content.decode()
    assert "one working day" in current
    assert "Last amended in the Test August release" in current


def test_the_as_at_form_takes_readers_to_the_permanent_address(client, test_chapter):
    response = client.get(
        f"/procedures/{test_chapter.slug}/",
        {"as_at_day": "3", "as_at_month": "3", "as_at_year": "2026"},
    )
    assert response["Location"] == f"/procedures/as-at/2026-03-03/{test_chapter.slug}/"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"as_at_day": "31", "as_at_month": "2", "as_at_year": "2026"}, "must be a real date"),
        ({"as_at_day": "1", "as_at_month": "1", "as_at_year": "2999"}, "today or in the past"),
        ({"as_at_day": "1", "as_at_month": "1", "as_at_year": "1990"}, "first published"),
    ],
)
def test_bad_as_at_dates_get_a_clear_error(client, params, message):
    html = client.get("/procedures/", params).content.decode()
    assert "govuk-error-summary" in html
    assert message in html


@pytest.mark.parametrize("date", ["2026-02-30", "yesterday", "2999-01-01", "1990-01-01"])
def test_malformed_or_impossible_as_at_addresses_are_404(client, date):
    assert client.get(f"/procedures/as-at/{date}/").status_code == 404


def test_an_unknown_chapter_is_404(client):
    assert client.get("/procedures/no-such-chapter/").status_code == 404


def test_publishing_a_release_shows_every_change_at_once(
    westshire, test_chapter, manual, consortium_editor
):
    release = services.release_start(by=consortium_editor, manual=manual, title="Test December")
    other = Chapter.objects.filter(partnership__isnull=True).exclude(pk=test_chapter.pk).first()
    services.chapter_draft(
        by=consortium_editor,
        release=release,
        chapter=test_chapter,
        title="Test strategy discussions",
        body="<p>Draft words.</p>",
        change_summary="Drafted",
    )
    services.chapter_draft(
        by=consortium_editor,
        release=release,
        chapter=other,
        title="Test other",
        body="<p>Other draft.</p>",
        change_summary="x",
    )
    assert "Draft words" not in chapter_at(westshire, test_chapter.slug).version.body
    services.release_publish(by=consortium_editor, release=release)
    assert "Draft words" in chapter_at(westshire, test_chapter.slug).version.body
    assert chapter_at(westshire, other.slug).version.title == "Test other"


def test_a_release_that_fails_half_way_publishes_nothing(
    westshire, test_chapter, manual, consortium_editor, monkeypatch
):
    release = services.release_start(by=consortium_editor, manual=manual, title="Test broken")
    services.chapter_draft(
        by=consortium_editor,
        release=release,
        chapter=test_chapter,
        title="Never seen",
        body="<p>Never seen.</p>",
        change_summary="x",
    )

    def fail(name, *args):
        raise RuntimeError("the task queue is down")

    monkeypatch.setattr(services, "enqueue_on_commit", fail)
    with pytest.raises(RuntimeError):
        services.release_publish(by=consortium_editor, release=release)
    release.refresh_from_db()
    assert release.published_at is None
    assert not audit.entries().filter(action="hub.procedures.release_published").exists()
    assert chapter_at(westshire, test_chapter.slug).version.title != "Never seen"


def test_a_partnership_editor_cannot_change_regional_text(
    test_chapter, manual, westshire_editor, westshire
):
    with pytest.raises(PermissionDenied):
        services.release_start(by=westshire_editor, manual=manual, title="Sneaky regional")
    local = services.release_start(
        by=westshire_editor, manual=manual, title="Test local", partnership=westshire
    )
    with pytest.raises(PermissionDenied):
        services.chapter_draft(
            by=westshire_editor,
            release=local,
            chapter=test_chapter,
            title="x",
            body="<p>x</p>",
            change_summary="x",
        )
    # Their own local information box on the regional chapter is theirs to write.
    services.local_information_draft(
        by=westshire_editor,
        release=local,
        chapter=test_chapter,
        body="<p>Call the Westshire team.</p>",
    )
    services.release_publish(by=westshire_editor, release=local)
    assert "Westshire team" in chapter_at(westshire, test_chapter.slug).local.body


def test_a_partnership_editor_cannot_touch_another_partnerships_release(
    manual, northmoor, westshire_editor
):
    northmoor_release = Release.objects.create(
        manual=manual, partnership=northmoor, title="Northmoor draft"
    )
    chapter = Chapter.objects.filter(partnership__isnull=True).first()
    with pytest.raises(PermissionDenied):
        services.local_information_draft(
            by=westshire_editor, release=northmoor_release, chapter=chapter, body="<p>x</p>"
        )
    with pytest.raises(PermissionDenied):
        services.release_publish(by=westshire_editor, release=northmoor_release)


def test_a_published_release_cannot_be_changed(test_chapter, consortium_editor):
    published = test_chapter.versions.first().release
    with pytest.raises(ValidationError):
        services.chapter_draft(
            by=consortium_editor,
            release=published,
            chapter=test_chapter,
            title="x",
            body="<p>x</p>",
            change_summary="x",
        )


def test_chapter_text_is_cleaned_of_scripts_and_unsafe_links(
    test_chapter, manual, consortium_editor
):
    release = services.release_start(by=consortium_editor, manual=manual, title="Test clean")
    version = services.chapter_draft(
        by=consortium_editor,
        release=release,
        chapter=test_chapter,
        title="x",
        body='<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:x">there</a></p>',
        change_summary="x",
    )
    assert version.body == "<p>Hi there</p>"
    assert version.removed_on_save == [
        "formatting (onclick)",
        "a <script> element and its content",
        "the link to javascript:x (its words are kept; links may go to outside addresses, "
        "chapters and the glossary)",
    ]


def test_the_updates_page_lists_releases_with_their_changes(client, test_chapter):
    html = client.get("/procedures/updates/").content.decode()
    assert "Test August release" in html
    assert "Shorter timescale; renamed." in html
    assert html.index("Test August release") < html.index("Test February release")


def test_subscribers_get_one_email_per_release(northmoor, test_chapter, manual, consortium_editor):
    from django.core import mail

    services.subscribe(partnership=northmoor, email="Reader@Example.org")
    services.subscribe(partnership=northmoor, email="reader@example.org")  # twice: one row
    release = services.release_start(by=consortium_editor, manual=manual, title="Test notify")
    services.chapter_draft(
        by=consortium_editor,
        release=release,
        chapter=test_chapter,
        title="Test strategy discussions",
        body="<p>New.</p>",
        change_summary="Clarified who attends",
    )
    services.release_publish(by=consortium_editor, release=release)
    assert services.send_release_notifications() == 1
    assert services.send_release_notifications() == 0
    sent = [m for m in mail.outbox if "Test notify" in m.subject]
    assert len(sent) == 1
    assert "Clarified who attends" in sent[0].body
    assert sent[0].to == ["reader@example.org"]


def test_subscribing_with_a_bad_address_gets_an_error(client):
    html = client.post("/procedures/updates/", {"email": "not an email"}).content.decode()
    assert "govuk-error-summary" in html


def test_site_search_finds_words_in_the_procedures(client, test_chapter):
    from hub.search import indexing

    indexing.index("procedures", [test_chapter.pk])
    html = client.get("/search/", {"q": "zephyrine", "kind": "procedures"}).content.decode()
    assert "Test strategy discussions" in html


def test_glossary_terms_are_linked_at_first_use(client):
    from hub.procedures.models import GlossaryTerm

    term = GlossaryTerm.objects.first()
    for chapter in Chapter.objects.filter(partnership__isnull=True):
        view = chapter_at(chapter.manual.consortium.partnerships.first(), chapter.slug)
        if view and term.term.lower() in view.version.body.lower():
            html = client.get(chapter.get_absolute_url()).content.decode()
            assert html.count(f'href="/procedures/glossary/#{term.slug}"') == 1
            return
    pytest.fail(f"No chapter uses the glossary term {term.term!r}")


def test_a_scheduled_release_becomes_searchable_when_the_periodic_command_runs(
    client, test_chapter, consortium_editor
):
    import time_machine
    from django.core.management import call_command

    release = services.release_start(
        by=consortium_editor, manual=test_chapter.manual, title="Test scheduled release"
    )
    services.chapter_draft(
        by=consortium_editor,
        release=release,
        chapter=test_chapter,
        title="Test strategy discussions",
        body="<p>Quillwort timescales apply.</p>",
        change_summary="New word.",
    )
    go_live = timezone.now() + datetime.timedelta(hours=2)
    services.release_publish(by=consortium_editor, release=release, at=go_live)

    def found():
        page = client.get("/search/", {"q": "quillwort", "kind": "procedures"})
        return "Test strategy discussions" in page.content.decode()

    assert not found()
    with time_machine.travel(go_live + datetime.timedelta(minutes=5)):
        output = io.StringIO()
        call_command("send_release_notifications", stdout=output)
        assert "Re-indexed 1 chapter(s)" in output.getvalue()
        assert found()
