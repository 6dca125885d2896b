"""Finding documents: filters, sorting, searching inside the files, one site search over pages
and documents with highlighted snippets."""

import datetime

import pytest

from hub.library.models import Topic
from tests.core.uploads import hostile_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(make_document):
    neglect = Topic.objects.get_or_create(slug="test-neglect", defaults={"name": "Test neglect"})[0]
    toolkit = make_document(
        "test-toolkit",
        title="Test neglect toolkit",
        document_type="toolkit",
        published=[datetime.date(2025, 3, 1)],
    )
    toolkit.topics.add(neglect)
    policy = make_document(
        "test-policy",
        title="Test supervision policy",
        document_type="policy",
        reach="regional",
        published=[datetime.date(2026, 8, 1)],
        for_parents=True,
    )
    return toolkit, policy


def titles(html, *candidates):
    return [title for title in candidates if title in html]


def test_filters_by_type_reach_audience_and_topic(client, shelf):
    both = ("Test neglect toolkit", "Test supervision policy")
    assert titles(
        client.get("/library/", {"document_type": "toolkit"}).content.decode(), *both
    ) == ["Test neglect toolkit"]
    assert titles(client.get("/library/", {"reach": "regional"}).content.decode(), *both) == [
        "Test supervision policy"
    ]
    assert titles(client.get("/library/", {"audience": "parents"}).content.decode(), *both) == [
        "Test supervision policy"
    ]
    assert titles(client.get("/library/", {"topic": "test-neglect"}).content.decode(), *both) == [
        "Test neglect toolkit"
    ]


def test_links_saved_with_the_old_scope_parameter_still_filter_by_reach(client, shelf):
    both = ("Test neglect toolkit", "Test supervision policy")
    html = client.get("/library/", {"scope": "regional"}).content.decode()
    assert titles(html, *both) == ["Test supervision policy"]


def test_sorts_by_last_updated(client, shelf):
    html = client.get("/library/", {"sort": "updated", "q": "Test"}).content.decode()
    assert html.index("Test supervision policy") < html.index("Test neglect toolkit")


def test_bad_filter_values_are_refused_clearly_and_change_nothing(client, shelf):
    response = client.get("/library/", {"document_type": "nonsense", "topic": "no-such"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_searching_within_the_library_finds_words_only_inside_files(client, shelf):
    html = client.get("/library/", {"q": hostile_files.PDF_WORD}).content.decode()
    assert "Test neglect toolkit" in html and "Test supervision policy" in html


def test_site_search_covers_pages_and_documents_with_highlighted_snippets(client, shelf):
    html = client.get("/search/", {"q": hostile_files.PDF_WORD}).content.decode()
    assert "Test neglect toolkit" in html
    assert f'<mark class="hub-highlight">{hostile_files.PDF_WORD}</mark>' in html
    pages_only = client.get("/search/", {"q": hostile_files.PDF_WORD, "kind": "pages"})
    assert "Test neglect toolkit" not in pages_only.content.decode()
    documents_only = client.get("/search/", {"q": "neglect", "kind": "documents"})
    assert "Test neglect toolkit" in documents_only.content.decode()


def test_restricted_documents_do_not_appear_in_search_for_visitors(client, make_document):
    make_document(
        "test-secret",
        title="Test secret guidance",
        restricted=True,
        published=[datetime.date(2026, 1, 1)],
    )
    html = client.get("/search/", {"q": hostile_files.PDF_WORD}).content.decode()
    assert "Test secret guidance" not in html


def test_snippets_escape_the_text_they_quote():
    from hub.search.snippets import highlight

    snippet = str(highlight("before <script>alert(1)</script> neglect after", "neglect"))
    assert "<script>" not in snippet
    assert '<mark class="hub-highlight">neglect</mark>' in snippet
