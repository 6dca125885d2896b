"""The one way the Hub makes a PDF (hub/core/pdf.py), read back as a screen reader, a search
and a copy-and-paste would: tagged, titled, in a language, with headings, lists, tables and
working links in its structure, fonts embedded, every script's text exactly as written, and
nothing fetched from outside the Hub while rendering."""

import io

import pytest
from django.template import engines
from pypdf import PdfReader

from hub.core.pdf import NO_ORIGIN, html_to_pdf, local_resources
from tests.pdfs import (
    UNICODE_NAMES,
    assert_accessible_pdf,
    assert_never_requested,
    assert_text_exact,
    read_pdf,
    same_text,
)

ORIGIN = "https://westshire.example"

DOCUMENT = """{% extends "layouts/pdf.html" %}
{% block title %}{{ title }}{% endblock %}
{% block footer %}Printed on 4 December 2026. Check the online version.{% endblock %}
{% block content %}
  <h1>{{ title }}</h1>
  {% for name in names %}<p>{{ name }}</p>{% endfor %}
  <h2>What to do</h2>
  <ul><li>Talk to the child.</li><li>Record what was said.</li></ul>
  <table><caption>Contacts</caption>
    <thead><tr><th scope="col">Service</th><th scope="col">Phone</th></tr></thead>
    <tbody><tr><td>Front door</td><td>01632 960000</td></tr></tbody>
  </table>
  <p><a href="/procedures/neglect/">Neglect chapter</a></p>
  {{ extra|safe }}
{% endblock %}"""


def pdf_of(title="Demo: recognising neglect", names=(), extra="", origin=ORIGIN):
    html = (
        engines["jinja2"]
        .from_string(DOCUMENT)
        .render({"title": title, "names": names, "extra": extra})
    )
    return html_to_pdf(html, origin=origin)


def test_a_pdf_is_tagged_titled_in_english_with_headings_lists_tables_and_links():
    pdf = assert_accessible_pdf(pdf_of(), title="Demo: recognising neglect")
    assert pdf.headings == [("H1", "Demo: recognising neglect"), ("H2", "What to do")]
    for role in ("/Document", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Link"):
        assert role in pdf.roles, role
    assert pdf.links == [f"{ORIGIN}/procedures/neglect/"], "links are absolute and work"
    # The footer line is read once in the document, then repeated at the foot of each page.
    assert pdf.text.startswith("Printed on 4 December 2026. Check the online version.")
    assert pdf.text.endswith("Printed on 4 December 2026. Check the online version. Page 1 of 1.")


def test_every_font_is_embedded_with_a_unicode_map():
    reader = PdfReader(io.BytesIO(pdf_of(names=UNICODE_NAMES)))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"]
        assert {"/FontFile2", "/FontFile3"} & set(descriptor), f"{font['/BaseFont']} not embedded"
        assert "/ToUnicode" in font, f"{font['/BaseFont']} cannot be read back as text"


@pytest.mark.parametrize("name", UNICODE_NAMES)
def test_a_name_in_any_script_reads_back_exactly(name):
    pdf = assert_text_exact(pdf_of(title=name, names=[name]), name)
    assert pdf.headings[0] == ("H1", same_text(name))
    assert same_text(pdf.title) == same_text(name)


def test_digits_and_symbols_print_from_the_text_font_in_their_place():
    text = "Call 999 within 3 working days (#2, 10:30, £25, 1 × 2 ≤ 5) ✓ 🙂 1️⃣"
    content = pdf_of(names=[text])
    assert_text_exact(content, text)
    reader = PdfReader(io.BytesIO(content))
    fonts = [
        str(font.get_object()["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
    ]
    assert any("Emoji" in font for font in fonts), "the emoji still print"


def test_a_long_word_wraps_instead_of_running_off_the_page():
    word = "https://westshire.example/" + "a-very-long-reference-" * 12
    pdf = read_pdf(pdf_of(names=[word]))
    # pdftotext joins a line that ends in a hyphen to the next without it, so compare the
    # letters: all twelve parts are there, none cut off at the page's edge.
    letters = "".join(pdf.text.split()).replace("-", "")
    assert letters.count("averylongreference") == 12, pdf.text


def test_names_written_in_decomposed_form_read_back_as_the_same_letters():
    decomposed = "Zoe\u0308 Sko\u0301rzewska"  # the accents as separate characters
    assert_text_exact(pdf_of(names=[decomposed]), "Zoë Skórzewska")


@pytest.mark.parametrize(
    "title",
    [
        "<b>Bold</b> & <script>alert('x')</script> &amp; <!-- comment -->",
        "Emoji in a title 🙂👍🏽 and a flag 🏴",
        "Ł" + "ukasz Wąsowski-Żółć " * 15,  # 300 characters, wrapped over lines
        "Right-to-left mixed: the رقم المرجع is here",
    ],
)
def test_odd_titles_render_and_read_back_literally(title):
    content = pdf_of(title=title[:300], names=[title[:300]])
    pdf = read_pdf(content)
    assert pdf.tagged
    assert same_text(pdf.title) == same_text(title[:300])
    assert pdf.headings[0][1] == same_text(title[:300])
    assert "/Script" not in pdf.roles and b"/JavaScript" not in content


def test_nothing_outside_the_hub_is_requested_while_rendering(outside_server):
    outside = outside_server.url
    extra = f"""
      <img src="{outside}/tracker.png" alt="">
      <link rel="stylesheet" href="{outside}/style.css">
      <div style="background: url('{outside}/background.png')">Styled</div>
      <img src="file:///etc/passwd" alt="">
      <img src="/media/documents/restricted-minutes.pdf" alt="">
      <img src="/static/../../settings.py" alt="">
      <iframe src="{outside}/frame"></iframe>
    """
    pdf = read_pdf(pdf_of(extra=extra))
    assert "Styled" in pdf.text
    assert_never_requested(outside_server)


def test_the_hubs_own_static_images_are_drawn():
    without = pdf_of()
    with_icon = pdf_of(extra='<img src="/static/images/hub-icon.svg" alt="The Hub">')
    assert b"/Figure" in with_icon or "/Figure" in read_pdf(with_icon).roles
    assert len(with_icon) > len(without)


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        f"{ORIGIN}/media/documents/restricted.pdf",
        f"{ORIGIN}/static/../var/secret_key",
        f"{ORIGIN}/accounts/",
        "https://westshire.example.evil.test/static/css/pdf.css",
        "ftp://westshire.example/static/css/pdf.css",
    ],
)
def test_the_fetcher_refuses_anything_but_the_hubs_own_files(url):
    with pytest.raises(ValueError):
        local_resources(ORIGIN).fetch(url)


def test_the_fetcher_serves_the_print_stylesheet_from_the_hub():
    response = local_resources(NO_ORIGIN).fetch(f"{NO_ORIGIN}/static/css/pdf.css")
    assert b"@page" in response.read()


def test_rendering_a_pdf_leaves_image_uploads_as_strict_as_before():
    """WeasyPrint turns on Pillow's process-wide LOAD_TRUNCATED_IMAGES when imported; the Hub
    puts it back, so a truncated image upload is still refused after any PDF was made."""
    from django.core.exceptions import ValidationError
    from PIL import ImageFile

    from hub.core.uploads import check_image
    from tests.core.uploads import hostile_files

    pdf_of(extra='<img src="/static/images/hub-icon.svg" alt="">')
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    with pytest.raises(ValidationError) as refusal:
        check_image(hostile_files.as_upload(*hostile_files.truncated_png()))
    assert refusal.value.code == "damaged"
