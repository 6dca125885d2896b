"""The Atom feeds (/feeds/<key>/): valid against RFC 4287's RELAX NG schema (tests/opendata/
atom.rnc, checked offline), public content only, each partnership's on its own host, named in
the head of the pages they belong to at no query's cost, and kept by the page cache until
something they show changes."""

import datetime
import re
from functools import cache
from pathlib import Path

import pytest
import rnc2rng
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from lxml import html as lxml_html
from wagtail.models import PageViewRestriction

from hub.core.models import Role
from hub.library import services as library_services
from hub.library.models import LibraryDocument, Status
from hub.opendata.feeds import feed_links
from hub.procedures.models import ChangeType, Chapter, ChapterVersion, Manual, Part, Release
from hub.site.models import NewsArticlePage, NewsIndexPage
from tests.core.uploads import hostile_files

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
KEYS = ("news", "procedure-releases", "library-changes")
HOSTILE = "<script>alert('feed')</script> Zoë & Ŧ \x01\x0b\x1f\ufffe end"
# What is left of it once the characters XML 1.0 cannot hold are dropped.
HOSTILE_KEPT = "<script>alert('feed')</script> Zoë & Ŧ  end"


@cache
def atom_schema():
    """RFC 4287's schema, compact syntax turned into RELAX NG XML. rnc2rng declares the
    schema's empty `local` namespace as a prefix, which XML forbids; every name it writes
    carries its namespace itself, so the declaration is dropped."""
    compact = Path(__file__).with_name("atom.rnc")
    grammar = rnc2rng.dumps(rnc2rng.load(str(compact))).replace(' xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(grammar.encode()))


def read_feed(client, key):
    """The feed, checked as every feed must be: Atom by its content type, well-formed, valid
    against the schema, with the two rules the schema leaves to Schematron (an author, an
    alternate link per entry), and unique entry ids."""
    response = client.get(f"/feeds/{key}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = etree.fromstring(response.content)
    schema = atom_schema()
    assert schema.validate(feed), schema.error_log
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids))
    return feed, response


def titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def entry_titled(feed, title):
    return next(e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == title)


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# -- making content ------------------------------------------------------------------------


def news_index(partnership):
    return NewsIndexPage.objects.descendant_of(partnership.site.root_page).get()


def publish_article(partnership, title, *, summary="A test article.", slug=None, live=True):
    index = news_index(partnership)
    article = NewsArticlePage(
        title=title,
        slug=slug or f"feed-test-{NewsArticlePage.objects.count()}",
        summary=summary,
        date=timezone.localdate(),
        body=[("text", "<p>Test article.</p>")],
        live=live,
    )
    index.add_child(instance=article)
    if live:
        article.save_revision().publish()
    return article


@pytest.fixture
def library_editor(staff):
    return staff(Role.EDITOR, email="feeds-library-editor@westshire.example")


@pytest.fixture
def make_document(westshire, library_editor, django_capture_on_commit_callbacks):
    """A Westshire document with versions published at the given moments."""

    def make(slug, *, published=(), title=None, summary="A test document.", **fields):
        document = LibraryDocument.objects.create(
            partnership=westshire,
            consortium=westshire.consortium,
            title=title or slug.replace("-", " ").capitalize(),
            slug=slug,
            summary=summary,
            document_type="protocol",
            reach="local",
            contact_role="Business unit manager",
            **fields,
        )
        for number, moment in enumerate(published, start=1):
            name, content = hostile_files.pdf_document(pages=1, name=f"{slug}-{number}.pdf")
            with django_capture_on_commit_callbacks(execute=True):
                library_services.version_upload(
                    by=library_editor,
                    document=document,
                    uploaded_file=hostile_files.as_upload(name, content),
                    version_label=f"{number}.0",
                    what_changed=f"Change number {number} to {document.title}",
                    approved_by="Partnership executive",
                    approved_on=moment.date(),
                    published_at=moment,
                )
        return document

    return make


def make_release(partnership, title, published_at, *, change_summary="Test change."):
    """A release (regional when `partnership` is None) changing one new chapter."""
    manual = Manual.objects.get()
    chapter = Chapter.objects.create(
        manual=manual,
        part=Part.objects.filter(manual=manual).first(),
        partnership=partnership,
        slug=f"feed-test-chapter-{Chapter.objects.count()}",
    )
    release = Release.objects.create(
        manual=manual, partnership=partnership, title=title, published_at=published_at
    )
    ChapterVersion.objects.create(
        chapter=chapter,
        release=release,
        title=f"{title} chapter",
        body="<p>Test.</p>",
        change_type=ChangeType.NEW,
        change_summary=change_summary,
    )
    return release


# -- the feeds as served ---------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_each_feed_of_the_demo_is_valid_atom_with_entries(key, westshire):
    feed, _ = read_feed(Client(), key)
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == westshire.name
    assert feed.findtext(f"{ATOM}title").endswith(westshire.name)
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://testserver/feeds/{key}/"
    assert feed.findtext(f"{ATOM}id") == self_link
    entries = feed.findall(f"{ATOM}entry")
    assert entries, "the demo has something for every feed"
    assert all(entry.findtext(f"{ATOM}id").startswith("tag:") for entry in entries)
    # The feed was last updated when its newest entry was, and entries come newest first
    # (news by the article's date, which the demo keeps with its publication).
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert feed.findtext(f"{ATOM}updated") == max(updated)


def test_an_unknown_feed_is_not_found_and_a_feed_takes_no_posts():
    client = Client()
    assert client.get("/feeds/no-such-feed/").status_code == 404
    assert client.get("/feeds/news/extra/").status_code == 404
    assert client.post("/feeds/news/").status_code == 405
    assert client.head("/feeds/news/").status_code == 200


def test_hostile_titles_and_summaries_stay_text_and_the_feed_stays_valid(westshire, make_document):
    publish_article(westshire, HOSTILE, summary=f"Summary: {HOSTILE}")
    # Published a moment ago: 09:00 today is still to come when the suite runs before nine.
    just_now = timezone.now() - datetime.timedelta(minutes=5)
    make_document("feed-hostile-document", title=HOSTILE, published=[just_now])
    make_release(None, HOSTILE, timezone.now(), change_summary=HOSTILE)
    client = Client()

    news, _ = read_feed(client, "news")
    entry = entry_titled(news, HOSTILE_KEPT)
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # The summary is HTML whose text is the article's summary: the tag is words, not markup.
    shown = lxml_html.fragment_fromstring(summary.text, create_parent="div")
    assert shown.find(".//script") is None
    assert shown.text_content() == f"Summary: {HOSTILE_KEPT}"

    library, _ = read_feed(client, "library-changes")
    assert f"New document: {HOSTILE_KEPT}" in titles(library)

    releases, _ = read_feed(client, "procedure-releases")
    entry = entry_titled(releases, HOSTILE_KEPT)
    shown = lxml_html.fragment_fromstring(entry.findtext(f"{ATOM}summary"), create_parent="div")
    assert shown.find(".//script") is None
    assert f"{HOSTILE_KEPT} chapter (new): {HOSTILE_KEPT}" in shown.text_content()


def test_an_entry_keeps_its_id_when_the_article_is_renamed_and_moved(westshire):
    article = publish_article(westshire, "Feed id test article", slug="feed-id-test")
    feed, _ = read_feed(Client(), "news")
    before = entry_titled(feed, "Feed id test article").findtext(f"{ATOM}id")
    article = NewsArticlePage.objects.get(pk=article.pk)  # as an editor opens it
    article.title, article.slug = "Feed id test article renamed", "feed-id-test-renamed"
    article.save_revision().publish()
    feed, _ = read_feed(Client(), "news")
    entry = entry_titled(feed, "Feed id test article renamed")
    assert entry.findtext(f"{ATOM}id") == before
    assert entry.find(f"{ATOM}link").get("href").endswith("/feed-id-test-renamed/")
    # Published once; updated by the second publication.
    assert entry.findtext(f"{ATOM}published") < entry.findtext(f"{ATOM}updated")


def test_news_shows_only_live_public_articles(westshire):
    publish_article(westshire, "Feed test draft article", live=False)
    private = publish_article(westshire, "Feed test private article")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    publish_article(westshire, "Feed test public article")
    shown = titles(read_feed(Client(), "news")[0])
    assert "Feed test public article" in shown
    assert "Feed test draft article" not in shown
    assert "Feed test private article" not in shown


def test_library_changes_are_new_documents_and_versions_of_public_documents_only(
    make_document,
):
    today = timezone.localdate()
    make_document(
        "feed-public-document",
        title="Feed public document",
        published=[at(today - datetime.timedelta(days=2)), at(today, hour=0)],
    )
    make_document(
        "feed-restricted", title="Feed restricted", is_restricted=True, published=[at(today)]
    )
    withdrawn = make_document("feed-withdrawn", title="Feed withdrawn", published=[at(today)])
    withdrawn.status = Status.WITHDRAWN
    withdrawn.save(update_fields=["status"])
    make_document(
        "feed-scheduled",
        title="Feed scheduled",
        published=[timezone.now() + datetime.timedelta(days=3)],
    )
    feed, _ = read_feed(Client(), "library-changes")
    shown = titles(feed)
    assert "New document: Feed public document" in shown
    assert "New version 2.0: Feed public document" in shown
    assert shown.index("New version 2.0: Feed public document") < shown.index(
        "New document: Feed public document"
    )
    for hidden in ("Feed restricted", "Feed withdrawn", "Feed scheduled"):
        assert f"New document: {hidden}" not in shown
    entry = entry_titled(feed, "New version 2.0: Feed public document")
    assert "Change number 2" in entry.findtext(f"{ATOM}summary")
    assert (
        entry.find(f"{ATOM}link").get("href").endswith("/library/feed-public-document/versions/2/")
    )


def test_procedure_releases_are_published_ones_regional_and_own(westshire, northmoor):
    make_release(None, "Feed regional release", timezone.now())
    make_release(westshire, "Feed Westshire release", timezone.now())
    make_release(northmoor, "Feed Northmoor release", timezone.now())
    make_release(None, "Feed draft release", None)
    make_release(None, "Feed scheduled release", timezone.now() + datetime.timedelta(days=1))
    shown = titles(read_feed(Client(), "procedure-releases")[0])
    assert "Feed regional release" in shown
    assert "Feed Westshire release" in shown
    assert "Feed Northmoor release" not in shown
    assert "Feed draft release" not in shown
    assert "Feed scheduled release" not in shown


@pytest.mark.parametrize("key", KEYS)
def test_northmoors_host_never_shows_westshires_own_entries(
    key, westshire, northmoor, northmoor_client, make_document
):
    publish_article(westshire, "Feed Westshire-only news")
    make_document("feed-westshire-only", title="Feed Westshire-only", published=[timezone.now()])
    make_release(westshire, "Feed Westshire-only release", timezone.now())
    westshire_feed, _ = read_feed(Client(), key)
    northmoor_feed, _ = read_feed(northmoor_client, key)
    assert northmoor_feed.findtext(f"{ATOM}author/{ATOM}name") == northmoor.name
    assert any("Westshire-only" in title for title in titles(westshire_feed))
    assert not any("Westshire-only" in title for title in titles(northmoor_feed))
    # Nothing of Westshire's own: its news, local documents and own releases.
    own = {
        entry.findtext(f"{ATOM}id")
        for entry in westshire_feed.findall(f"{ATOM}entry")
        if "Westshire" in (entry.findtext(f"{ATOM}title") or "")
    }
    shown = northmoor_feed.findall(f"{ATOM}entry")
    assert not own & {entry.findtext(f"{ATOM}id") for entry in shown}
    assert all("westshire" not in entry.find(f"{ATOM}link").get("href") for entry in shown)


# -- cached and purged ------------------------------------------------------------------------


@pytest.fixture
def page_cache_on():
    caches["volatile"].clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    caches["volatile"].clear()


def test_a_feed_comes_from_the_page_cache_until_news_is_published(
    page_cache_on, westshire, django_capture_on_commit_callbacks
):
    client = Client()
    assert client.get("/feeds/news/")["X-Page-Cache"] == "miss"
    cached = client.get("/feeds/news/")
    assert cached["X-Page-Cache"] == "hit"
    assert cached["Content-Type"] == "application/atom+xml; charset=utf-8"
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(westshire, "Feed test breaking news")
    response = client.get("/feeds/news/")
    assert response["X-Page-Cache"] == "miss"
    assert "Feed test breaking news" in titles(etree.fromstring(response.content))


def test_a_new_library_version_and_a_published_release_purge_their_feeds(
    page_cache_on, make_document, django_capture_on_commit_callbacks
):
    client = Client()
    for key in ("library-changes", "procedure-releases"):
        client.get(f"/feeds/{key}/")
        assert client.get(f"/feeds/{key}/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_document("feed-purge-test", title="Feed purge test", published=[timezone.now()])
    response = client.get("/feeds/library-changes/")
    assert "New document: Feed purge test" in titles(etree.fromstring(response.content))
    with django_capture_on_commit_callbacks(execute=True):
        release = make_release(None, "Feed purge release", None)
    client.get("/feeds/procedure-releases/")
    with django_capture_on_commit_callbacks(execute=True):
        release.published_at = timezone.now()
        release.save(update_fields=["published_at"])
    response = client.get("/feeds/procedure-releases/")
    assert "Feed purge release" in titles(etree.fromstring(response.content))


# -- named in the pages' heads ----------------------------------------------------------------


def alternates(response):
    """{href: title} of the page's Atom alternate links."""
    html = response.content.decode()
    return {
        href: title
        for href, title in re.findall(
            r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)">',
            html,
        )
    }


@pytest.mark.parametrize(
    ("path", "feed"),
    [
        ("/", "/feeds/news/"),
        ("news", "/feeds/news/"),
        ("/procedures/", "/feeds/procedure-releases/"),
        ("/procedures/updates/", "/feeds/procedure-releases/"),
        ("/library/", "/feeds/library-changes/"),
    ],
)
def test_pages_name_the_feeds_they_belong_to_at_no_cost(path, feed, westshire):
    if path == "news":
        path = news_index(westshire).relative_url(westshire.site)
    client = Client()
    client.get(path)  # the shared fragments warmed
    response = client.get(path)
    assert response.status_code == 200
    links = alternates(response)
    assert list(links) == [feed]
    assert links[feed].endswith(f"– {westshire.name}")
    # Working the links out again for the same request asks the database nothing.
    with CaptureQueriesContext(connection) as queries:
        assert [link["href"] for link in feed_links(response.wsgi_request)] == [feed]
    assert len(queries.captured_queries) == 0


def test_a_page_no_feed_belongs_to_names_none(westshire):
    assert alternates(Client().get("/search/")) == {}


def test_the_layout_can_reach_the_feed_links():
    from django.template import engines

    assert engines["jinja2"].env.globals.get("feed_links") is feed_links, (
        "hub/jinja2.py registers hub.opendata.feeds.feed_links as the `feed_links` global"
    )
