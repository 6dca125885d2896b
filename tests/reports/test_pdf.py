"""The yearly report as a PDF, made the one way (hub/core/pdf.py): tagged, titled, every name
reading back exactly as written, the contents with page numbers, the charts drawn as vector
shapes (no picture of them), counts of people under 5 suppressed, and the same frozen
figures as the page."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.pdfs import assert_accessible_pdf, assert_text_exact
from tests.reports.conftest import (
    PARTS,
    PEOPLE,
    THINGS,
    UNICODE_NAME,
    figure,
    give_kudos,
    headline,
    make_report,
)

pytestmark = pytest.mark.django_db


def path(page):
    return page.relative_url(page.get_site())


def images_in(content):
    """Every raster image the PDF draws, on any page (a chart must be vector shapes)."""
    found = []
    for page in PdfReader(io.BytesIO(content)).pages:
        resources = page.get("/Resources") or {}
        for name, thing in (resources.get("/XObject") or {}).items():
            thing = thing.get_object()
            if thing.get("/Subtype") == "/Image":
                found.append(name)
            elif thing.get("/Subtype") == "/Form":
                inner = (thing.get("/Resources") or {}).get("/XObject") or {}
                found += [n for n, x in inner.items() if x.get_object().get("/Subtype") == "/Image"]
    return found


@pytest.fixture
def report(westshire, westshire_index, figures_domain):
    give_kudos(westshire, 14, note="Thank you")
    give_kudos(westshire, 2, note="Great help")
    give_kudos(westshire, 9, note="Well done")
    return make_report(
        westshire_index,
        [
            ("heading", "Our arrangements"),
            headline(PEOPLE, THINGS),
            ("heading", "Training and its impact"),
            figure(PARTS, "bar", caption="Teams thanked each other."),
            figure(PEOPLE, "line"),
        ],
        title="Westshire yearly report (test)",
    )


def test_the_pdf_is_tagged_titled_and_reads_back_exactly(client, report):
    response = client.get(path(report) + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="westshire-yearly-report-2012-to-2013.pdf"' in response["Content-Disposition"]
    content = response.content
    pdf = assert_accessible_pdf(
        content,
        title="Westshire yearly report (test)",
        first_heading="Westshire yearly report (test)",
    )
    assert "Contents" in pdf.heading_texts
    assert "Our arrangements" in pdf.heading_texts
    assert_text_exact(
        pdf,
        UNICODE_NAME,
        "1 April 2012 to 31 March 2013",
        "Teams thanked each other.",
        "Westshire Safeguarding Children Partnership (demo)",
    )
    # The contents give each section's page.
    assert re.search(r"Training and its impact[ .]*\.{3,}[ .]*\d+", pdf.text), pdf.text[:1500]


def test_the_pdfs_charts_are_vector_and_its_figures_those_of_the_page(client, westshire, report):
    content = client.get(path(report) + "pdf/").content
    assert images_in(content) == []
    pdf = assert_text_exact(content, "Kudos given, year by year")
    # The chart's labels are text in the PDF: drawn, not pictured.
    assert pdf.text.count("Great help") >= 2  # in the chart and in its table
    # Counts of people under 5 suppressed, as on the page.
    assert "Great help not shown" in pdf.text
    assert "Great help 2" not in pdf.text and "Great help: 2" not in pdf.text
    # Later data does not change the published PDF.
    give_kudos(westshire, 50)
    again = assert_text_exact(client.get(path(report) + "pdf/").content, "25")
    assert "75" not in again.text
