import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_a_page_by_words_in_its_body(client):
    response = client.get("/search/", {"q": "neglect"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "result" in html
    assert "Neglect" in html


def test_search_only_returns_pages_of_the_site_being_visited(client, northmoor):
    html = client.get("/search/", {"q": "Northmoor"}).content.decode()
    assert 'href="http://northmoor.localhost' not in html


def test_an_empty_search_shows_the_form_without_results(client):
    html = client.get("/search/").content.decode()
    assert 'name="q"' in html
    assert "results for" not in html


def test_an_overlong_query_gets_an_error_linked_to_the_field(client):
    response = client.get("/search/", {"q": "x" * 500})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    assert 'href="#id_q"' in html
    assert "<title>Error:" in html


def test_a_query_with_markup_is_escaped(client):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
