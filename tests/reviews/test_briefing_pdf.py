"""A 7-minute briefing as a one-page PDF, made the one way the Hub makes PDFs
(hub/core/pdf.py): tagged, titled, in English, its headings the briefing's title and its seven
parts in order, every word reading back exactly as written (names with accents and in other
scripts included), nothing fetched from outside the Hub, and the page count the editors'
screen warns about counted the same way."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hub.reviews.learning import pdf_pages
from hub.reviews.models import BRIEFING_PARTS
from tests.pdfs import assert_accessible_pdf, assert_never_requested, assert_text_exact, read_pdf
from tests.reviews.learning_data import ACCENTED_NAME, make_briefing

pytestmark = pytest.mark.django_db

OTHER_NAMES = ("Αλέξανδρος Παπαδόπουλος", "Дмитрий Сергеевич Иванова", "Łukasz Wąsowski-Żółć")


def pdf_url(briefing):
    return reverse("reviews:briefing_pdf", args=[briefing.slug])


@pytest.fixture
def briefing(westshire, neglect):
    return make_briefing(
        westshire,
        themes=[neglect],
        questions="What would your team have done differently?\n\n"
        + "\n".join(f"- What would {name} want to know?" for name in OTHER_NAMES),
    )


def test_the_pdf_is_one_tagged_page_with_the_parts_as_headings(client, briefing, westshire):
    response = client.get(pdf_url(briefing))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{briefing.slug}.pdf"' in response["Content-Disposition"]
    pdf = assert_accessible_pdf(
        response.content,
        title=f"{briefing.title}: 7-minute briefing – {westshire.name}",
        first_heading=briefing.title,
    )
    assert pdf.pages == 1
    assert pdf.headings == [("H1", briefing.title)] + [("H2", label) for _, label in BRIEFING_PARTS]
    assert "/L" in pdf.roles and "/LI" in pdf.roles  # the bullets are a list
    assert "https://example.org/neglect-guide" in pdf.links


def test_every_word_reads_back_exactly_as_written(client, briefing, westshire):
    pdf = read_pdf(client.get(pdf_url(briefing)).content)
    assert_text_exact(
        pdf,
        briefing.summary,
        "A fictional review (test) of a family known to several agencies.",
        "Neglect builds up slowly; each agency saw only part of it.",
        "Concerns were not shared between health and school",
        f"The toolkit's guide by {ACCENTED_NAME}: https://example.org/neglect-guide.",
        *(f"What would {name} want to know?" for name in OTHER_NAMES),
        westshire.name,
        "Themes: Neglect (test)",
    )
    # Where the briefing is online, for a reader of the paper copy.
    assert "http://testserver" + reverse("reviews:briefing", args=[briefing.slug]) in pdf.links


def test_every_font_is_embedded_with_a_unicode_map(client, briefing):
    reader = PdfReader(io.BytesIO(client.get(pdf_url(briefing)).content))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert {"/FontFile2", "/FontFile3"} & set(descriptor), f"{font['/BaseFont']} not embedded"
        assert "/ToUnicode" in font, f"{font['/BaseFont']} cannot be read back as text"


def test_the_pdf_fetches_nothing_from_outside_the_hub(client, westshire, outside_server):
    briefing = make_briefing(
        westshire,
        title="Outside addresses (test)",
        further_reading=f"See {outside_server.url}/picture.png and {outside_server.url}/x.css",
    )
    assert client.get(pdf_url(briefing)).status_code == 200
    assert_never_requested(outside_server)


def test_the_page_count_is_one_for_a_briefing_that_fits_and_more_for_one_that_does_not(
    briefing, westshire
):
    assert pdf_pages(briefing) == 1
    long_text = "\n\n".join(
        "Practitioners described how the family's circumstances changed over many months. " * 6
        for _ in range(4)
    )
    too_long = make_briefing(
        westshire,
        title="Far too long (test)",
        **{key: long_text[:2000] for key, _ in BRIEFING_PARTS},
    )
    assert pdf_pages(too_long) > 1
