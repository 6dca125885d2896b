"""The yearly report in the editors' admin, posted through Wagtail's own page forms: a new
report starts on the partnership's reporting year; a year that overlaps another report of
the same partnership, ends before it starts, runs past 12 months or is malformed is refused
with a clear message and nothing is saved; the search topics for the year are shown to pick
from (never added); an editor of one partnership cannot see or edit another's report."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from hub.core.domains import figures as registered_figures
from hub.reports.models import FigureSnapshot, YearlyReportPage
from tests.budgets import signed_in
from tests.reports.conftest import THINGS, YEAR, figure, give_kudos, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(staff):
    return signed_in(staff("editor"))


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["reports", "yearlyreportpage", index.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def form_data(
    *,
    title="A new year (test)",
    slug="a-new-year",
    starts_on,
    ends_on,
    body=None,
    publish=False,
    **extra,
):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "",
            "starts_on": starts_on,
            "ends_on": ends_on,
            "signed_off_on": "",
            "body": streamfield(
                body
                if body is not None
                else [
                    ("heading", "Our arrangements"),
                    ("text", rich_text("<p>How we work together.</p>")),
                    (
                        "figure",
                        {"figure": THINGS, "chart": "bar", "show_breakdown": "on", "caption": ""},
                    ),
                ]
            ),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            **extra,
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def errors_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.get_text(" ").split())


def test_an_editor_creates_and_publishes_a_report_and_its_figures_are_frozen(
    editor_client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 9)
    response = editor_client.post(
        add_url(westshire_index),
        form_data(starts_on="2012-04-01", ends_on="2013-03-31", publish=True),
    )
    assert response.status_code == 302, errors_of(response)[:2000]
    page = YearlyReportPage.objects.child_of(westshire_index).get(slug="a-new-year")
    assert page.live
    frozen = FigureSnapshot.objects.get(page=page, kind="published").figures
    assert [entry["figure"]["text"] for entry in frozen.values()] == ["9"]


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "message"),
    [
        ("2012-10-01", "2013-09-30", "This year overlaps “Our year (test)”"),
        ("2011-04-02", "2012-04-01", "This year overlaps"),  # one day is enough
        ("2013-03-31", "2013-03-01", "The year must end after it starts."),
        ("2013-04-01", "2014-04-01", "A reporting year is at most 12 months"),
        ("2013-02-30", "2014-01-31", "Enter a valid date"),
        ("not a date", "2014-01-31", "Enter a valid date"),
        ("", "2014-01-31", "This field is required"),
        ("99999-01-01", "2014-01-31", "Enter a valid date"),
        ("2012-02-29", "2013-03-01", "A reporting year is at most 12 months"),
    ],
)
def test_a_bad_year_is_refused_with_a_clear_message_and_nothing_is_saved(
    editor_client, westshire_index, figures_domain, starts_on, ends_on, message
):
    existing = make_report(westshire_index, [figure(THINGS)])
    before = YearlyReportPage.objects.count(), FigureSnapshot.objects.count()
    response = editor_client.post(
        add_url(westshire_index),
        form_data(starts_on=starts_on, ends_on=ends_on, slug="another-year", publish=True),
    )
    assert response.status_code == 200
    assert message in errors_of(response)
    assert (YearlyReportPage.objects.count(), FigureSnapshot.objects.count()) == before

    # Editing the existing report into a bad year is refused the same way.
    if message.startswith("This year overlaps"):
        return  # the existing report overlaps only itself, which is allowed
    response = editor_client.post(
        edit_url(existing),
        form_data(title=existing.title, slug=existing.slug, starts_on=starts_on, ends_on=ends_on),
    )
    assert response.status_code == 200
    assert message in errors_of(response)
    existing.refresh_from_db()
    assert (existing.starts_on, existing.ends_on) == YEAR


def test_the_furthest_dates_a_date_can_hold_are_a_year_like_any_other(
    editor_client, westshire_index, figures_domain
):
    response = editor_client.post(
        add_url(westshire_index),
        form_data(starts_on="9999-01-01", ends_on="9999-12-31", slug="far-away", publish=True),
    )
    assert response.status_code == 302, errors_of(response)[:2000]
    page = YearlyReportPage.objects.get(slug="far-away")
    assert editor_client.get(page.url).status_code == 200


def test_editing_a_report_into_anothers_year_is_refused(
    editor_client, westshire_index, figures_domain
):
    make_report(westshire_index, [figure(THINGS)])
    other = make_report(
        westshire_index,
        [figure(THINGS)],
        year=(datetime.date(2011, 4, 1), datetime.date(2012, 3, 31)),
        title="The year before (test)",
    )
    response = editor_client.post(
        edit_url(other),
        form_data(title=other.title, slug=other.slug, starts_on="2011-06-01", ends_on="2012-05-31"),
    )
    assert response.status_code == 200
    assert "This year overlaps “Our year (test)”" in errors_of(response)
    other.refresh_from_db()
    assert other.starts_on == datetime.date(2011, 4, 1)


def test_the_same_year_in_another_partnership_is_fine(
    westshire_index, northmoor_index, figures_domain
):
    make_report(westshire_index, [figure(THINGS)])
    page = make_report(northmoor_index, [figure(THINGS)])
    assert page.live


def test_a_new_report_starts_on_the_last_complete_reporting_year_or_the_one_in_progress(
    westshire_index,
):
    # Years far from the demo's own reports.
    today = datetime.date(2035, 6, 15)
    last = (datetime.date(2034, 4, 1), datetime.date(2035, 3, 31))
    assert westshire_index.default_year(today) == last
    make_report(westshire_index, [], year=last)
    assert westshire_index.default_year(today) == (
        datetime.date(2035, 4, 1),
        datetime.date(2036, 3, 31),
    )
    westshire_index.year_starts_month, westshire_index.year_starts_day = 9, 1
    assert westshire_index.default_year(today)[0] == datetime.date(2033, 9, 1)


def test_the_add_form_starts_with_the_default_year_and_shows_the_years_search_topics(
    editor_client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 6, note="Neglect toolkit")
    response = editor_client.get(add_url(westshire_index))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    start, end = westshire_index.default_year()
    assert soup.select_one("input[name=starts_on]")["value"] == start.isoformat()
    assert soup.select_one("input[name=ends_on]")["value"] == end.isoformat()

    page = make_report(westshire_index, [], publish=False)
    text = errors_of(editor_client.get(edit_url(page)))
    assert "Kudos notes (a test)" in text
    assert "Neglect toolkit 6" in text
    assert "Nothing is added unless you pick it" in text
    # Shown, never added.
    page.refresh_from_db()
    assert not [block for block in page.body if block.block_type == "search_topics"]


def test_the_editor_chooses_figures_from_the_registry(
    editor_client, westshire_index, figures_domain
):
    response = editor_client.get(add_url(westshire_index))
    html = response.content.decode()
    for key in registered_figures():
        assert key in html


def test_another_partnerships_editor_cannot_see_or_edit_the_report(
    staff, westshire_index, figures_domain
):
    page = make_report(westshire_index, [figure(THINGS)])
    northmoor_editor = signed_in(staff("editor", partnership="northmoor"))
    for address in (edit_url(page), reverse("wagtailadmin_explore", args=[westshire_index.pk])):
        response = northmoor_editor.get(address)
        assert response.status_code in (302, 403, 404), address
    response = northmoor_editor.post(
        edit_url(page),
        form_data(
            title="Taken",
            slug=page.slug,
            starts_on="2012-04-01",
            ends_on="2013-03-31",
            publish=True,
        ),
    )
    assert response.status_code in (302, 403, 404)
    page.refresh_from_db()
    assert page.title == "Our year (test)"


def test_the_staff_menu_leads_an_editor_to_their_partnerships_reports(
    editor_client, westshire_index
):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("reports_yearly_reports") in html
    response = editor_client.get(reverse("reports_yearly_reports"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[westshire_index.pk])


def test_the_yearly_reports_redirect_refuses_staff_who_may_not_edit_pages(staff):
    client = signed_in(staff("consortium_editor"))
    assert reverse("reports_yearly_reports") not in client.get(reverse("wagtailadmin_home")).text
    response = client.get(reverse("reports_yearly_reports"))
    # Wagtail's admin answers a refusal by going home with a message, never to the explorer
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
