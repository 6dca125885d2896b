"""Publishing a yearly report freezes its figures: a published report never changes when
later data arrives; a block added later is frozen when next published; "take the figures
again" takes them all afresh once and clears itself. A draft's preview shows the figures as
they are now, each with what changed since the draft was saved."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from hub.reports.models import FigureSnapshot, YearlyReportPage
from tests.reports.conftest import (
    PEOPLE,
    THINGS,
    YEAR,
    figure,
    give_kudos,
    headline,
    make_report,
)

pytestmark = pytest.mark.django_db


def text_of(response):
    assert response.status_code == 200, response.status_code
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def values(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(span.get_text().split()) for span in soup.select(".hub-report-figure__value")]


def published(page):
    return FigureSnapshot.objects.get(page=page, kind=FigureSnapshot.Kind.PUBLISHED)


def test_a_published_report_keeps_its_figures_when_later_data_arrives(
    client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 12)
    page = make_report(westshire_index, [figure(THINGS), headline(PEOPLE)])
    assert values(client.get(page.url)) == ["12", "12"]

    give_kudos(westshire, 30)  # in the same year, after publishing
    assert values(client.get(page.url)) == ["12", "12"]

    # Publishing again (an editor fixing a typo) keeps the frozen figures.
    page.save_revision().publish()
    assert values(client.get(page.url)) == ["12", "12"]


def test_a_block_added_later_is_frozen_when_published_and_the_others_keep_theirs(
    client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 12)
    page = make_report(westshire_index, [figure(THINGS)])
    give_kudos(westshire, 8)
    page.body.append(figure(PEOPLE))
    page.save_revision().publish()
    assert values(client.get(page.url)) == ["12", "20"]


def test_taking_the_figures_again_refreshes_them_all_once_and_clears_itself(
    client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 12)
    page = make_report(westshire_index, [figure(THINGS)])
    give_kudos(westshire, 8)
    page.refresh_figures = True
    revision = page.save_revision()
    revision.publish()
    assert values(client.get(page.url)) == ["20"]
    page.refresh_from_db()
    revision.refresh_from_db()
    assert page.refresh_figures is False
    assert revision.content["refresh_figures"] is False
    # Cleared: the next publish keeps the figures again.
    give_kudos(westshire, 5)
    page.save_revision().publish()
    assert values(client.get(page.url)) == ["20"]


def test_changing_the_year_takes_the_figures_for_the_new_year(
    client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 12)
    give_kudos(westshire, 6, on=YEAR[0].replace(year=2011))
    page = make_report(westshire_index, [figure(THINGS)])
    page.starts_on, page.ends_on = YEAR[0].replace(year=2011), YEAR[1].replace(year=2012)
    page.save_revision().publish()
    assert values(client.get(page.url)) == ["6"]


def test_a_page_made_live_without_publishing_is_frozen_on_first_view(
    client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 7)
    page = YearlyReportPage(
        title="Live at once (test)",
        slug="live-at-once",
        starts_on=YEAR[0],
        ends_on=YEAR[1],
        body=[figure(THINGS)],
    )
    westshire_index.add_child(instance=page)
    assert not FigureSnapshot.objects.filter(page=page, kind="published").exists()
    assert values(client.get(page.url)) == ["7"]
    give_kudos(westshire, 7)
    assert values(client.get(page.url)) == ["7"]
    assert list(published(page).figures.values())[0]["figure"]["text"] == "7"


def preview(page, user):
    request = RequestFactory().get(page.url, HTTP_HOST="westshire.localhost")
    request.user = user
    response = page.make_preview_request(request, page.default_preview_mode)
    response.render()
    return response


def test_a_drafts_preview_shows_live_figures_and_what_changed_since_it_was_saved(
    staff, westshire, westshire_index, figures_domain
):
    editor = staff("editor")
    give_kudos(westshire, 12)
    page = make_report(westshire_index, [figure(THINGS), headline(PEOPLE)], publish=False)
    draft = FigureSnapshot.objects.get(page=page, kind=FigureSnapshot.Kind.DRAFT)
    # (a JSON object's keys keep no order on PostgreSQL: find the figure block's by kind)
    (entry,) = [entry for entry in draft.figures.values() if entry["kind"] == "figure"]
    assert entry["figure"]["text"] == "12"

    give_kudos(westshire, 3)
    text = text_of(preview(page, editor))
    assert values(preview(page, editor)) == ["15", "15"]
    assert text.count("was 12 when the draft was saved on") == 2
    assert "This is a preview of a draft" in text
    # Nothing was frozen by looking at it.
    assert not FigureSnapshot.objects.filter(page=page, kind="published").exists()

    # Saved again: nothing has changed since.
    page.save_revision()
    assert "when the draft was saved" not in text_of(preview(page, editor))


def test_saving_a_draft_of_a_published_report_changes_nothing_readers_see(
    client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 12)
    page = make_report(westshire_index, [figure(THINGS)])
    give_kudos(westshire, 9)
    page.save_revision()  # a draft, not published
    assert values(client.get(page.url)) == ["12"]
