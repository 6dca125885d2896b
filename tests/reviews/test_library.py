"""The public learning library: the partnership's published, not withdrawn reviews and
briefings, newest first, filtered by theme and year with a form that needs no JavaScript (a
value that is not one of the choices is named and ignored, never a 500); a published review's
page with its summary, themes, report (until its removal date, then "summary only"), its
briefings and the procedure chapters as they stood at the end of its period; and another
partnership's, withdrawn or unpublished entries answering 404."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from hub.procedures.models import Chapter, ChapterVersion, Manual, Part, Release
from hub.reviews.library_views import ENTRIES_PER_PAGE
from tests.reviews.conftest import make_theme
from tests.reviews.learning_data import (
    days_ago,
    make_briefing,
    make_review,
    public_document,
    today,
)

pytestmark = pytest.mark.django_db

LIBRARY = reverse("reviews:library")


def review_url(review):
    return reverse("reviews:published_review", args=[review.slug])


def briefing_url(briefing):
    return reverse("reviews:briefing", args=[briefing.slug])


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def listed_titles(html):
    soup = BeautifulSoup(html, "html.parser")
    return [" ".join(a.get_text().split()) for a in soup.select(".hub-document-list__title a")]


@pytest.fixture
def westshire_review(westshire, neglect):
    return make_review(westshire, themes=[neglect], report=public_document(westshire))


@pytest.fixture
def westshire_briefing(westshire, westshire_review, neglect):
    return make_briefing(westshire, review=westshire_review, themes=[neglect])


# -- the library -----------------------------------------------------------------------------


def test_the_library_lists_published_reviews_and_briefings_newest_first(
    client, westshire, northmoor, westshire_review, westshire_briefing
):
    make_review(westshire, title="Draft review (test)", published=False, published_on=None)
    make_review(westshire, title="Withdrawn review (test)", withdrawn=True)
    make_briefing(westshire, title="Withdrawn briefing (test)", withdrawn=True)
    make_briefing(westshire, title="Draft briefing (test)", published=False, published_on=None)
    make_review(northmoor, title="Northmoor review (test)")
    make_briefing(westshire, title="Older briefing (test)", published_on=days_ago(300))
    titles = [title for title in listed_titles(page(client, LIBRARY)) if "(test)" in title]
    assert titles == [
        westshire_briefing.title,  # 100 days ago
        westshire_review.title,  # 200 days ago
        "Older briefing (test)",  # 300 days ago
    ]
    html = page(client, LIBRARY)
    assert f'href="{review_url(westshire_review)}"' in html
    assert f'href="{briefing_url(westshire_briefing)}"' in html
    assert "Local child safeguarding practice review" in text_of(html)


def test_the_navigation_leads_to_the_library_and_marks_it_current(client, westshire_review):
    soup = BeautifulSoup(page(client, LIBRARY), "html.parser")
    link = soup.select_one(f'.govuk-service-navigation__link[href="{LIBRARY}"]')
    assert " ".join(link.get_text().split()) == "Learning from reviews"
    assert link.get("aria-current") == "true"


def test_the_filters_narrow_by_theme_and_by_year(client, westshire, neglect):
    other = make_theme(westshire, "Adolescent risk (test)")
    this_year, last_year = today(), today().replace(year=today().year - 1, day=1)
    make_review(westshire, title="Neglect review (test)", themes=[neglect], published_on=last_year)
    make_briefing(
        westshire, title="Neglect briefing (test)", themes=[neglect], published_on=this_year
    )
    make_briefing(westshire, title="Risk briefing (test)", themes=[other], published_on=last_year)

    def shown(query):
        return sorted(t for t in listed_titles(page(client, f"{LIBRARY}?{query}")) if "(test)" in t)

    assert shown(f"theme={neglect.slug}") == ["Neglect briefing (test)", "Neglect review (test)"]
    assert shown(f"year={last_year.year}") == ["Neglect review (test)", "Risk briefing (test)"]
    assert shown(f"theme={neglect.slug}&year={this_year.year}") == ["Neglect briefing (test)"]
    assert shown(f"theme={other.slug}&year={this_year.year}") == []
    html = page(client, f"{LIBRARY}?theme={other.slug}&year={this_year.year}")
    assert "Nothing matches. Try removing a filter." in html


def test_the_filter_form_works_without_javascript(client, westshire_review, neglect):
    soup = BeautifulSoup(page(client, LIBRARY), "html.parser")
    form = soup.find("form", class_="hub-filters")
    assert form["method"] == "get" and form["action"] == LIBRARY
    for name, label in (("theme", "Theme"), ("year", "Year published")):
        select = form.find("select", attrs={"name": name})
        assert soup.find("label", attrs={"for": select["id"]}).get_text(strip=True) == label
    options = [
        option["value"] for option in form.find("select", attrs={"name": "theme"}).select("option")
    ]
    assert options[0] == "" and neglect.slug in options
    assert form.find("button").get_text(strip=True) == "Apply filters"
    # Only the themes the library's entries have are offered.
    unused = make_theme(westshire_review.partnership, "Unused theme (test)")
    assert unused.slug not in page(client, LIBRARY)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("theme=no-such-theme", "Choose a theme from the list"),
        ("theme=%3Cscript%3E", "Choose a theme from the list"),
        ("year=abc", "Choose a year from the list"),
        ("year=1066", "Choose a year from the list"),
        ("year=99999999999999999999999", "Choose a year from the list"),
        ("year=2026%00", "Choose a year from the list"),
    ],
)
def test_a_filter_value_not_among_the_choices_is_named_and_ignored(
    client, westshire_review, query, message
):
    response = client.get(f"{LIBRARY}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert "<script>" not in html
    assert westshire_review.title in listed_titles(html)


def test_page_numbers_page_through_and_a_bad_one_shows_the_first_page(client, westshire):
    for number in range(ENTRIES_PER_PAGE + 3):
        make_briefing(
            westshire, title=f"Paged briefing {number:02d} (test)", published_on=days_ago(number)
        )
    first = [t for t in listed_titles(page(client, LIBRARY)) if t.startswith("Paged")]
    assert first[0] == "Paged briefing 00 (test)"
    second = listed_titles(page(client, f"{LIBRARY}?page=2"))
    assert "Paged briefing 22 (test)" in second and "Paged briefing 00 (test)" not in second
    for bad in ("abc", "0", "-1", "999999999999999999999"):
        assert client.get(f"{LIBRARY}?page={bad}").status_code == 200


@pytest.fixture
def page_cache_on():
    caches["volatile"].clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    caches["volatile"].clear()


def test_the_library_and_its_pages_are_kept_by_the_page_cache_until_they_change(
    page_cache_on, django_capture_on_commit_callbacks, westshire_review, westshire_briefing
):
    visitor = Client()
    for url in (LIBRARY, review_url(westshire_review), briefing_url(westshire_briefing)):
        assert visitor.get(url)["X-Page-Cache"] == "miss"
        assert visitor.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        westshire_review.title = "Child R (test): a review renamed"
        westshire_review.save()
    response = visitor.get(LIBRARY)
    assert response["X-Page-Cache"] == "miss"
    assert "Child R (test): a review renamed" in response.content.decode()


# -- a published review ----------------------------------------------------------------------


def test_a_published_reviews_page_shows_its_summary_themes_date_report_and_briefings(
    client, westshire_review, westshire_briefing, neglect, westshire
):
    withdrawn = make_briefing(
        westshire, title="Withdrawn briefing (test)", review=westshire_review, withdrawn=True
    )
    html = page(client, review_url(westshire_review))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text(strip=True) == westshire_review.title
    text = text_of(html)
    assert "Local child safeguarding practice review" in text
    assert f"Published on {westshire_review.published_on.day} " in text
    assert "It found that concerns about neglect were seen but not shared." in text
    assert len(soup.select("main p.govuk-body")) >= 2  # the summary's two paragraphs
    assert soup.find("a", href=f"{LIBRARY}?theme={neglect.slug}").get_text() == neglect.name
    report = westshire_review.report
    assert soup.find("a", href=report.get_absolute_url()).get_text(strip=True) == report.title
    assert f'href="{briefing_url(westshire_briefing)}"' in html
    assert withdrawn.title not in html
    assert "Summary only" not in text


def test_past_its_removal_date_the_entry_stays_as_summary_only_without_the_report(
    client, westshire, westshire_review
):
    for removal_on in (days_ago(1), today()):
        westshire_review.published_on = days_ago(800)
        westshire_review.removal_on = removal_on
        westshire_review.save()
        html = page(client, review_url(westshire_review))
        day = f"{removal_on.day} {removal_on:%B %Y}"
        assert f"Summary only: the full report was removed from this website on {day}." in text_of(
            html
        )
        assert westshire_review.report.get_absolute_url() not in html
        assert "It found that concerns about neglect were seen but not shared." in html
        library = page(client, LIBRARY)
        assert westshire_review.title in listed_titles(library)
        assert "Summary only" in text_of(library)


def test_a_withdrawn_or_restricted_report_is_not_linked(client, westshire_review):
    report = westshire_review.report
    report.is_restricted = True
    report.save()
    html = page(client, review_url(westshire_review))
    assert report.get_absolute_url() not in html
    assert "The full report is not published on this website." in text_of(html)


def test_withdrawn_unpublished_and_other_partnerships_reviews_answer_404(
    client, northmoor_client, westshire, northmoor, westshire_review
):
    withdrawn = make_review(westshire, title="Withdrawn (test)", withdrawn=True)
    draft = make_review(westshire, title="Draft (test)", published=False, published_on=None)
    northmoors = make_review(northmoor, title="Northmoor's review (test)")
    for review in (withdrawn, draft, northmoors):
        assert client.get(review_url(review)).status_code == 404, review.title
    assert northmoor_client.get(review_url(westshire_review)).status_code == 404
    assert northmoor_client.get(review_url(northmoors)).status_code == 200
    assert westshire_review.title not in page(northmoor_client, LIBRARY)
    assert (
        client.get(reverse("reviews:published_review", args=["no-such-review"])).status_code == 404
    )


# -- the procedures as they stood --------------------------------------------------------------


@pytest.fixture
def changed_chapter(westshire):
    """A chapter of Westshire's procedures first published 400 days ago under an old title
    and renamed 100 days ago; and one first published 50 days ago."""
    manual = Manual.objects.get(consortium_id=westshire.consortium_id)
    part = Part.objects.filter(manual=manual).order_by("number").first()
    now = timezone.now()
    old = Release.objects.create(
        manual=manual, title="Old release (test)", published_at=now - datetime.timedelta(400)
    )
    new = Release.objects.create(
        manual=manual, title="New release (test)", published_at=now - datetime.timedelta(100)
    )
    chapter = Chapter.objects.create(manual=manual, part=part, slug="learning-test-chapter")
    late = Chapter.objects.create(manual=manual, part=part, slug="learning-late-chapter")
    common = {"body": "<p>Text.</p>", "change_summary": "Test."}
    ChapterVersion.objects.create(
        chapter=chapter,
        release=old,
        title="Neglect: the old chapter (test)",
        change_type="new",
        **common,
    )
    ChapterVersion.objects.create(
        chapter=chapter,
        release=new,
        title="Neglect: the new chapter (test)",
        change_type="amended",
        **common,
    )
    ChapterVersion.objects.create(
        chapter=late, release=new, title="A later chapter (test)", change_type="new", **common
    )
    return chapter, late


def test_the_chapters_link_as_they_stood_at_the_end_of_the_reviews_period(
    client, westshire_review, changed_chapter
):
    chapter, late = changed_chapter
    until = days_ago(200)
    westshire_review.practice_until = until
    westshire_review.save()
    westshire_review.chapters.set([chapter, late])
    html = page(client, review_url(westshire_review))
    soup = BeautifulSoup(html, "html.parser")
    as_at = reverse(
        "procedures:chapter_as_at", kwargs={"as_at": until.isoformat(), "slug": chapter.slug}
    )
    link = soup.find("a", href=as_at)
    assert link is not None and "Neglect: the old chapter (test)" in link.get_text()
    assert "Neglect: the new chapter (test)" not in html
    # Not in the procedures then: its current version, said so.
    current = soup.find("a", href=reverse("procedures:chapter", args=[late.slug]))
    assert current is not None and "A later chapter (test)" in current.get_text()
    assert "it was not in the procedures on" in text_of(html)
    # The as-at address opens the chapter as it stood.
    assert "Neglect: the old chapter (test)" in page(client, as_at)


def test_without_a_period_the_chapters_link_to_their_current_version(
    client, westshire_review, changed_chapter
):
    chapter, _ = changed_chapter
    westshire_review.chapters.set([chapter])
    soup = BeautifulSoup(page(client, review_url(westshire_review)), "html.parser")
    link = soup.find("a", href=reverse("procedures:chapter", args=[chapter.slug]))
    assert link is not None and "Neglect: the new chapter (test)" in link.get_text()
