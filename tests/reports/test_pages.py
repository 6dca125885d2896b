"""The published yearly report and the list of a partnership's reports: the title, year and
sign-off, a table of contents of the sections, each figure with its chart and the table of
what it draws, counts of people under 5 suppressed everywhere, a figure no longer offered
shown as such, search topics picked by the editor, isolation between partnerships, and the
pages' query budgets."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.budgets import TEN_TIMES, within_budget
from tests.reports.conftest import (
    PARTS,
    PEOPLE,
    RATE,
    STACKED,
    THINGS,
    UNICODE_NAME,
    figure,
    give_kudos,
    headline,
    make_report,
    topics,
)

pytestmark = pytest.mark.django_db

# Warm: Wagtail's routing (4 pages and the view restrictions) and the frozen figures.
REPORT_BUDGET = 8
INDEX_BUDGET = 2

SVG = "{http://www.w3.org/2000/svg}"
FULL_BODY = [
    ("heading", "Our arrangements"),
    ("text", "<p>How the partners work together.</p>"),
    headline(PEOPLE, THINGS, RATE),
    ("heading", "Training and its impact"),
    ("subheading", "Who took part"),
    figure(PARTS, "bar", caption="More teams than ever thanked each other."),
    figure(STACKED, "stacked"),
    figure(PEOPLE, "line"),
    (
        "quote",
        {"text": "The briefing changed how we plan visits.", "attribution": "A health visitor"},
    ),
    ("heading", "Our arrangements"),  # the same words twice get distinct anchors
    topics("kudos-notes", "Thank you", "Great help"),
]


def path(page):
    return page.relative_url(page.get_site())


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def words(node):
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def report(westshire, westshire_index, figures_domain):
    give_kudos(westshire, 12, note="Thank you")
    give_kudos(westshire, 3, note="Great help")
    give_kudos(westshire, 6, note="Well done")
    give_kudos(westshire, 7, note="Thank you", on=datetime.date(2013, 1, 10))
    give_kudos(westshire, 8, on=datetime.date(2011, 6, 1))  # the year before
    return make_report(
        westshire_index, FULL_BODY, signed_off_on=datetime.date(2013, 7, 14), summary="Our year."
    )


def test_the_report_shows_its_year_sign_off_contents_and_sections(client, report):
    soup = soup_of(client.get(report.url))
    assert words(soup.h1) == "Our year (test)"
    text = words(soup.main)
    assert "1 April 2012 to 31 March 2013" in text
    assert "Signed off by the safeguarding partners 14 July 2013" in text
    contents = soup.select(".hub-report-contents a")
    assert [words(link) for link in contents] == [
        "Our arrangements",
        "Training and its impact",
        "Our arrangements",
    ]
    anchors = [link["href"] for link in contents]
    assert len(set(anchors)) == 3
    for anchor in anchors:
        assert soup.select_one(anchor).name == "h2"
    assert "How the partners work together." in text
    assert "The briefing changed how we plan visits. A health visitor" in text
    assert "More teams than ever thanked each other." in text
    pdf_link = soup.find("a", string="Download this report as a PDF")
    assert pdf_link["href"] == path(report) + "pdf/"
    assert "PDF document" in words(pdf_link.parent)


def test_each_chart_is_an_image_with_a_text_alternative_and_its_table_beside_it(client, report):
    soup = soup_of(client.get(report.url))
    charts = soup.select(".hub-report-chart svg")
    assert len(charts) == 3
    for svg in charts:
        root = ET.fromstring(str(svg))  # noqa: S314 - the page under test
        assert root.get("role") == "img"
        labelled = root.get("aria-labelledby").split()
        assert root.find(f"{SVG}title").get("id") == labelled[0]
        assert root.find(f"{SVG}desc").get("id") == labelled[1]
        assert "style=" not in str(svg)
        table = svg.find_parent(class_="govuk-grid-row").find("table")
        assert table.caption.get_text(strip=True)
    bar, stacked, line = charts
    # The bar chart and its table: 3 "Great help" is not shown (people, under 5), nor is the
    # next smallest, or it could be worked out from the total of 28 in the headline.
    bar_table = bar.find_parent(class_="govuk-grid-row").find("table")
    rows = [[words(cell) for cell in row.find_all(["th", "td"])] for row in bar_table.tbody("tr")]
    assert rows == [["Great help", "not shown"], ["Thank you", "19"], ["Well done", "not shown"]]
    description = bar.find("desc").get_text()
    assert description == "Great help: not shown; Thank you: 19; Well done: not shown."
    assert len(bar.select("rect.hub-chart__bar")) == 1
    # The stacked chart's parts are in its table's columns.
    stacked_table = stacked.find_parent(class_="govuk-grid-row").find("table")
    assert [words(th) for th in stacked_table.thead("th")] == ["Part", "First half", "Second half"]
    # The line chart: this year and the one before, as its table lists them.
    line_table = line.find_parent(class_="govuk-grid-row").find("table")
    line_rows = [[words(c) for c in row.find_all(["th", "td"])] for row in line_table.tbody("tr")]
    assert line_rows == [["2011 to 2012", "8"], ["2012 to 2013", "28"]]
    assert len(line.select("circle.hub-chart__point")) == 2


def test_counts_of_people_under_5_are_suppressed_and_said_so(
    client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 3)
    page = make_report(westshire_index, [headline(PEOPLE, THINGS), figure(PEOPLE)])
    soup = soup_of(client.get(page.url))
    values = [words(node) for node in soup.select(".hub-report-figure__value")]
    # People: suppressed; notes (not people): shown as counted.
    assert values == ["fewer than 5", "3", "fewer than 5"]
    assert "A count of people from 1 to 4 is shown as “fewer than 5”." in words(soup.main)
    # Nothing stored for readers holds the small count either.
    from hub.reports.models import FigureSnapshot

    frozen = FigureSnapshot.objects.get(page=page, kind="published").figures
    people = [entry for entry in frozen.values() if entry["kind"] == "figure"][0]["figure"]
    assert people["value"] is None and people["text"] == "fewer than 5"


def test_rates_show_as_percentages_and_a_rate_of_nothing_as_not_known(
    client, westshire, westshire_index, figures_domain
):
    page = make_report(westshire_index, [headline(RATE)])
    assert [
        words(n) for n in soup_of(client.get(page.url)).select(".hub-report-figure__value")
    ] == ["not known"]
    give_kudos(westshire, 4, note="Short")
    give_kudos(westshire, 4, note="A longer note of thanks")
    other = make_report(
        westshire_index,
        [headline(RATE)],
        year=(datetime.date(2010, 4, 1), datetime.date(2011, 3, 31)),
        title="Another (test)",
    )
    give_kudos(westshire, 4, note="Short", on=datetime.date(2010, 5, 1))
    give_kudos(westshire, 4, note="A longer note of thanks", on=datetime.date(2010, 5, 1))
    other.refresh_figures = True
    other.save_revision().publish()
    assert [
        words(n) for n in soup_of(client.get(other.url)).select(".hub-report-figure__value")
    ] == ["50%"]


def test_a_figure_no_longer_offered_reads_as_such_and_never_breaks_the_page(
    client, westshire, westshire_index, figures_domain
):
    page = make_report(
        westshire_index,
        [figure("gone.figure-that-was", "bar"), headline("gone.other"), topics("gone-source", "x")],
    )
    soup = soup_of(client.get(page.url))
    text = words(soup.main)
    assert text.count("A figure from the Hub that is no longer available") == 2
    assert "What people searched for is no longer available." in text
    assert "gone.figure-that-was" not in text  # a key means nothing to readers


def test_a_figure_whose_domain_goes_later_keeps_its_frozen_value(
    client, westshire, westshire_index, figures_domain
):
    from hub.core.domains import register, unregister

    give_kudos(westshire, 9)
    page = make_report(westshire_index, [figure(THINGS)])
    unregister(figures_domain.label)
    try:
        soup = soup_of(client.get(page.url))
        assert [words(n) for n in soup.select(".hub-report-figure__value")] == ["9"]
        assert words(soup.select_one(".hub-report-figure__name")) == "Notes written"
    finally:
        register(figures_domain)


def test_the_editors_picked_search_topics_are_shown_with_their_counts(client, report):
    soup = soup_of(client.get(report.url))
    table = soup.select_one(".hub-report-topics table")
    assert "What people searched for: Kudos notes (a test), 2012 to 2013" in words(table.caption)
    rows = [[words(c) for c in row.find_all(["th", "td"])] for row in table.tbody("tr")]
    assert rows == [["Thank you", "19"], ["Great help", "fewer than 5"]]


def test_hostile_text_from_editors_and_domains_is_escaped(
    client, westshire, westshire_index, figures_domain
):
    give_kudos(westshire, 6, note="<script>alert(1)</script>")
    page = make_report(
        westshire_index,
        [("heading", "<b>Bold</b>"), figure(PARTS, "bar", caption="<img src=x onerror=alert(1)>")],
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_the_unicode_figure_name_shows_as_written(client, report):
    assert UNICODE_NAME in words(soup_of(client.get(report.url)).main)


def test_the_list_shows_the_partnerships_published_reports_newest_first(
    client, westshire_index, figures_domain, report
):
    older = make_report(
        westshire_index,
        [],
        year=(datetime.date(2010, 4, 1), datetime.date(2011, 3, 31)),
        title="An older year (test)",
    )
    make_report(
        westshire_index,
        [],
        year=(datetime.date(2011, 4, 1), datetime.date(2012, 3, 31)),
        title="A draft year (test)",
        publish=False,
    )
    soup = soup_of(client.get(westshire_index.url))
    titles = [words(h2) for h2 in soup.main.select("h2")]
    assert titles.index("Our year (test)") < titles.index("An older year (test)")
    assert "A draft year (test)" not in titles
    links = [a["href"] for a in soup.main.select("a")]
    assert path(report) + "pdf/" in links and path(older) + "pdf/" in links


def test_a_partnerships_report_is_not_served_on_anothers_site(
    northmoor_client, report, northmoor, northmoor_index
):
    for address in (path(report), path(report) + "pdf/"):
        assert northmoor_client.get(address).status_code == 404
    assert "Our year (test)" not in northmoor_client.get(northmoor_index.url).content.decode()


def test_a_draft_and_an_unknown_address_under_a_report_are_not_found(
    client, westshire_index, figures_domain
):
    draft = make_report(westshire_index, [], publish=False)
    assert client.get(draft.url or f"{westshire_index.url}{draft.slug}/").status_code == 404
    live = make_report(
        westshire_index, [], year=(datetime.date(2010, 4, 1), datetime.date(2011, 3, 31)), title="L"
    )
    for tail in ("pdf/x/", "nothing/", "pdf.pdf/"):
        assert client.get(live.url + tail).status_code == 404


def test_the_report_and_the_list_keep_their_query_budgets(
    client, westshire, westshire_index, figures_domain, report, django_assert_max_num_queries
):
    within_budget(django_assert_max_num_queries, client, path(report), REPORT_BUDGET)
    within_budget(django_assert_max_num_queries, client, path(westshire_index), INDEX_BUDGET)
    # Ten times the reports and figures cost no more queries per page.
    body = FULL_BODY * TEN_TIMES
    for year in range(2000, 2010):
        make_report(
            westshire_index,
            body,
            year=(datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)),
            title=f"Year {year} (test)",
        )
    big = westshire_index.get_children().live().last().specific
    within_budget(django_assert_max_num_queries, client, path(big), REPORT_BUDGET)
    within_budget(django_assert_max_num_queries, client, path(westshire_index), INDEX_BUDGET)
