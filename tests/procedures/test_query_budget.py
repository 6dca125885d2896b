"""Query budgets for the procedures pages readers open most: the contents, a chapter and its
PDF. Each is counted on the demo manual and again with ten times the rows the page lists:
the same budget must hold, so no query is made per chapter, related chapter, related
document or glossary term.

Each budget is the number of queries counted when it was set; the comment next to it says
what they are. The shared layout (navigation, footer, contact routes, site settings) is
counted too: when the budgets were set it cost no query once warm."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.library.models import LibraryDocument, Status
from hub.procedures.models import (
    ChangeType,
    Chapter,
    ChapterVersion,
    GlossaryTerm,
    Release,
)
from hub.procedures.queries import contents_at
from tests.pdfs import read_pdf

pytestmark = pytest.mark.django_db

TEN_TIMES = 10


def within_budget(assert_max_queries, client, url, budget):
    """The response at `url`, asserting it made at most `budget` queries. A first request
    warms the per-process caches, which every later request finds warm."""
    assert client.get(url).status_code == 200
    with assert_max_queries(budget):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response


@pytest.fixture
def chapter(westshire, manual):
    """A regional chapter with Westshire local information and related chapters."""
    chapter = (
        Chapter.objects.for_partnership(westshire)
        .filter(
            partnership__isnull=True,
            related_chapters__isnull=False,
            local_versions__partnership=westshire,
        )
        .order_by("pk")
        .first()
    )
    assert chapter is not None
    return chapter


def grow_contents(manual, westshire, times=TEN_TIMES):
    """Ten times the chapters the contents lists, each with a published version, and every
    existing chapter amended once more (history the page must not read)."""
    shown = sum(len(part.chapters) for part in contents_at(westshire))
    release = Release.objects.create(
        manual=manual,
        title="Budget release",
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )
    part = manual.parts.order_by("number").first()
    existing = list(Chapter.objects.filter(manual=manual, partnership__isnull=True))
    added = Chapter.objects.bulk_create(
        Chapter(manual=manual, part=part, slug=f"budget-chapter-{n}", position=500 + n)
        for n in range(shown * (times - 1))
    )
    ChapterVersion.objects.bulk_create(
        ChapterVersion(
            chapter=chapter,
            release=release,
            title=f"Budget chapter {chapter.slug}",
            body="<p>Text.</p>" * 200,
            change_type=ChangeType.NEW if chapter in added else ChangeType.AMENDED,
            change_summary="Budget.",
        )
        for chapter in [*added, *existing]
    )
    return added


def grow_chapter(chapter, manual, westshire, times=TEN_TIMES):
    """Ten times the chapter's related chapters, related documents and glossary terms."""
    added = grow_contents(manual, westshire, times)
    related = chapter.related_chapters.count()
    chapter.related_chapters.add(*added[: related * times])
    documents = chapter.related_documents.count()
    chapter.related_documents.add(
        *LibraryDocument.objects.filter(status=Status.CURRENT, is_restricted=False)
        .exclude(procedure_chapters=chapter)
        .order_by("pk")[: max(documents, 1) * (times - 1)]
    )
    terms = GlossaryTerm.objects.filter(manual=manual).count()
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            manual=manual, term=f"Budget term {n}", slug=f"budget-term-{n}", definition="A term."
        )
        for n in range(terms * (times - 1))
    )


def test_the_contents_cost_the_same_however_many_chapters(
    client, westshire, manual, django_assert_max_num_queries
):
    # The manual, its first release (the as-at form's earliest date), and each chapter's
    # version as it stands, picked in the database (one query, no bodies).
    budget = 3
    within_budget(django_assert_max_num_queries, client, "/procedures/", budget)

    grow_contents(manual, westshire)
    html = within_budget(django_assert_max_num_queries, client, "/procedures/", budget)
    assert "Budget chapter budget-chapter-9" in html.content.decode()


def test_a_chapter_costs_the_same_however_many_related_chapters_documents_and_terms(
    client, chapter, westshire, manual, django_assert_max_num_queries
):
    url = chapter.get_absolute_url()
    # The manual, its first release, the chapter's version (with the chapter, its part and
    # release), Westshire's local information, the glossary's terms, the related chapters'
    # versions (one query, no bodies), the related documents (titles and addresses).
    budget = 7
    within_budget(django_assert_max_num_queries, client, url, budget)

    grow_chapter(chapter, manual, westshire)
    html = within_budget(django_assert_max_num_queries, client, url, budget).content.decode()
    assert html.count("Budget chapter budget-chapter-") >= TEN_TIMES


def test_a_chapter_pdf_costs_the_same_however_many_chapters(
    client, chapter, westshire, manual, django_assert_max_num_queries
):
    url = chapter.get_absolute_url() + "pdf/"
    # The page's own article, less the as-at form's first release: the manual, the chapter's
    # version (with the chapter, its part and release), Westshire's local information, the
    # glossary's terms, the related chapters' versions, the related documents.
    budget = 6
    within_budget(django_assert_max_num_queries, client, url, budget)

    grow_chapter(chapter, manual, westshire)
    response = within_budget(django_assert_max_num_queries, client, url, budget)
    assert response["Content-Type"] == "application/pdf"
    assert read_pdf(response.content).text.count("Budget chapter budget-chapter-") >= TEN_TIMES


# --- The editors' releases screen -------------------------------------------------------------


def test_the_releases_screen_pages_published_releases_at_the_same_cost(
    consortium_editor, manual, django_assert_max_num_queries
):
    client = Client()
    client.force_login(consortium_editor)
    url = reverse("procedures_admin:releases")
    # 4 for the session, user, roles and second factor; 9 for Wagtail's admin shell (Django
    # permissions twice, user profile, locale, page, collection and site permissions, site,
    # the count); 6 for the screen: the consortium's manuals twice, and each group of
    # releases (drafts, waiting for sign-off, scheduled, a page of published).
    budget = 19
    within_budget(django_assert_max_num_queries, client, url, budget)

    published = Release.objects.filter(manual=manual, published_at__isnull=False).count()
    now = timezone.now()
    Release.objects.bulk_create(
        Release(
            manual=manual,
            title=f"Budget release {n}",
            published_at=now - datetime.timedelta(minutes=n + 1),
        )
        for n in range(max(published, 3) * (TEN_TIMES - 1))
    )
    html = within_budget(django_assert_max_num_queries, client, url, budget).content.decode()
    assert html.count("Budget release ") == 20, "one page of published releases"
    assert "Page 1 of" in html
    second = client.get(url, {"p": 2}).content.decode()
    assert "Budget release 20" in second


@pytest.mark.parametrize("odd", ["abc", "-1", "99999", "%00"])
def test_odd_page_numbers_on_the_releases_screen_give_a_page(odd, consortium_editor):
    client = Client()
    client.force_login(consortium_editor)
    assert client.get(reverse("procedures_admin:releases"), {"p": odd}).status_code == 200
