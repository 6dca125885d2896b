"""Error pages are styled, leak nothing, and an unknown Host header is refused."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_unknown_page_gets_the_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "Worried about a child?" in html
    assert 'class="govuk-skip-link"' in html


def test_unknown_host_header_is_refused(client):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "Westshire" not in response.content.decode()


def test_missing_csrf_token_gets_a_clear_page_and_changes_nothing():
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post("/search/", {"q": "neglect"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, your form could not be sent" in html
    assert "Nothing you sent has been saved" in html


def test_server_error_page_shows_no_details(client, monkeypatch):
    from hub.search import views

    def explode(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(views.found, "run", explode)
    client.raise_request_exception = False
    response = client.get("/search/", {"q": "neglect"})
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "secret internal detail" not in html
    assert "Traceback" not in html
    assert 'href="tel:999"' in html


def test_forbidden_page_is_styled(rf):
    from hub.core.views import permission_denied

    response = permission_denied(rf.get("/"))
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()


def test_unknown_host_is_not_told_whose_site_this_is(client):
    html = client.get("/", HTTP_HOST="evil.example.com").content.decode()
    assert "Sorry, this site is not available at this address" in html
    assert "Partnership" not in html


def test_a_refusal_is_logged_as_one_line_without_a_traceback(client, caplog):
    from hub.core.models import User

    client.force_login(User.objects.get(email="practitioner@westbury-academy.example"))
    with caplog.at_level("WARNING", logger="django.request"):
        assert client.get("/audit-log/").status_code == 403
    refusals = [r for r in caplog.records if getattr(r, "status_code", None) == 403]
    assert refusals, "the refusal is still logged"
    for record in refusals:
        assert record.exc_info is None
        assert "\n" not in record.getMessage()
