"""A chapter as a PDF: the page's own article rendered the one way (hub/core/pdf.py), read back
as a screen reader and a search would (tests/pdfs.py)."""

import datetime

import pytest
from django.utils import timezone

from hub.core.presenters import govuk_date
from hub.procedures.models import (
    ChangeType,
    Chapter,
    ChapterVersion,
    LocalInformationVersion,
    Release,
)
from tests.pdfs import (
    UNICODE_NAMES,
    assert_accessible_pdf,
    assert_never_requested,
    assert_text_exact,
    read_pdf,
)

pytestmark = pytest.mark.django_db

FOOTER = "Check the online version: procedures are updated regularly."


def chapter_pdf(client, chapter, as_at=None):
    url = f"/procedures/as-at/{as_at.isoformat()}/{chapter.slug}/pdf/" if as_at else None
    response = client.get(url or f"/procedures/{chapter.slug}/pdf/")
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return response


@pytest.fixture
def release(manual):
    """A regional release published an hour ago, for chapters written by the test."""
    return Release.objects.create(
        manual=manual,
        title="Test PDF release",
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )


@pytest.fixture
def write_chapter(manual, release):
    """A new regional chapter with the given title and body (stored as given: text saved before
    the rich text editor is not cleaned again), and optionally Westshire local information."""

    def write(title, body="<p>Text.</p>", *, slug="test-pdf-chapter", local=None, summary=""):
        part = manual.parts.order_by("number").first()
        chapter = Chapter.objects.create(manual=manual, part=part, slug=slug)
        ChapterVersion.objects.create(
            chapter=chapter,
            release=release,
            title=title,
            summary=summary,
            body=body,
            change_type=ChangeType.NEW,
            change_summary="First published.",
        )
        if local is not None:
            local_release = Release.objects.create(
                manual=manual,
                partnership=local[0],
                title="Test PDF local release",
                published_at=release.published_at,
            )
            LocalInformationVersion.objects.create(
                chapter=chapter, partnership=local[0], release=local_release, body=local[1]
            )
        return chapter

    return write


def test_the_chapter_pdf_is_tagged_titled_and_carries_the_printed_on_footer(
    client, test_chapter, manual, westshire
):
    response = chapter_pdf(client, test_chapter)
    assert response["Content-Disposition"] == (f'attachment; filename="{test_chapter.slug}.pdf"')
    pdf = assert_accessible_pdf(
        response.content,
        title=f"Test strategy discussions – {manual.title} – {westshire.name}",
        first_heading="Test strategy discussions",
    )
    assert [role for role, _ in pdf.headings].count("H1") == 1
    today = govuk_date(timezone.localdate())
    address = f"http://testserver/procedures/{test_chapter.slug}/"
    assert_text_exact(
        pdf,
        f"{manual.title} – {westshire.name}",
        "Last amended in the Test August release (1 August 2026).",
        "Hold it within one working day. Zephyrine rule.",
        'What "must" and "should" mean here',
        f"Printed on {today}. {FOOTER} {address}",
    )
    assert address in pdf.links
    assert "http://testserver/procedures/updates/" in pdf.links, "What changed"
    assert "Download this chapter as PDF" not in pdf.text
    assert "This chapter on a past date" not in pdf.text


def test_the_as_at_pdf_prints_the_text_of_that_date_and_says_so(
    client, test_chapter, manual, westshire
):
    response = chapter_pdf(client, test_chapter, as_at=datetime.date(2026, 3, 3))
    assert response["Content-Disposition"] == (
        f'attachment; filename="{test_chapter.slug}-as-at-2026-03-03.pdf"'
    )
    pdf = assert_accessible_pdf(
        response.content,
        title=f"Test strategy meetings as at 3 March 2026 – {manual.title} – {westshire.name}",
        first_heading="Test strategy meetings",
    )
    assert_text_exact(
        pdf,
        "As the procedures stood at the end of 3 March 2026. They may have changed since.",
        "Hold it within two working days.",
        FOOTER,
    )
    assert "one working day" not in pdf.text


def test_an_as_at_pdf_before_the_manual_existed_is_404(client, test_chapter):
    assert client.get(f"/procedures/as-at/1990-01-01/{test_chapter.slug}/pdf/").status_code == 404
    assert client.get(f"/procedures/as-at/2026-02-30/{test_chapter.slug}/pdf/").status_code == 404
    assert client.get("/procedures/no-such-chapter/pdf/").status_code == 404


def test_sections_local_information_lists_and_links_are_in_the_structure_tree(
    client, write_chapter, westshire, manual
):
    chapter = write_chapter(
        "Test chapter with sections",
        "<h2>Who to tell</h2><p>Tell the designated lead.</p>"
        "<h3>Out of hours</h3><ul><li>Call the duty team.</li><li>Write it down.</li></ul>"
        '<p>Read the <a href="https://example.org/guidance">national guidance</a>.</p>'
        '<p>See also <a href="/procedures/glossary/">the glossary</a>.</p>',
        local=(westshire, "<p>Call the Westshire front door.</p>"),
        summary="What to do first.",
    )
    related = Chapter.objects.filter(manual=manual, partnership__isnull=True).exclude(
        pk=chapter.pk
    )[0]
    chapter.related_chapters.add(related)

    pdf = assert_accessible_pdf(
        chapter_pdf(client, chapter).content,
        title=f"Test chapter with sections – {manual.title} – {westshire.name}",
        first_heading="Test chapter with sections",
    )
    assert pdf.headings[:3] == [
        ("H1", "Test chapter with sections"),
        ("H2", "Who to tell"),
        ("H3", "Out of hours"),
    ]
    assert ("H2", f"Local information — {westshire.short_name}") in pdf.headings
    assert ("H2", "Related chapters") in pdf.headings
    assert "/L" in pdf.roles
    assert "/LI" in pdf.roles
    assert "/Link" in pdf.roles
    assert "https://example.org/guidance" in pdf.links
    # Addresses on the Hub print whole, so they work from paper and from a saved file.
    assert "http://testserver/procedures/glossary/" in pdf.links
    assert f"http://testserver/procedures/{related.slug}/" in pdf.links
    assert all(link.startswith(("http://", "https://")) for link in pdf.links), pdf.links
    assert_text_exact(
        pdf,
        "What to do first.",
        "Call the duty team.",
        "Call the Westshire front door.",
    )


def test_a_chapter_without_local_information_has_no_local_heading(client, write_chapter, westshire):
    pdf = read_pdf(chapter_pdf(client, write_chapter("Test regional only")).content)
    assert not any(text.startswith("Local information") for text in pdf.heading_texts)


def test_names_in_every_script_read_back_exactly(client, write_chapter, westshire, manual):
    names = UNICODE_NAMES
    title = f"Test chapter for {names[0]} and {names[3]}"
    # Each name ends its line: poppler moves the space between a right-to-left name and the
    # left-to-right words after it to the name's other side when it reads the text back
    # (the PDF holds it in its place), which is a quirk of the reading, not of the PDF.
    local = "".join(f"<li>Local lead: {name}</li>" for name in names)
    chapter = write_chapter(
        title,
        "".join(f"<p>Contact first: {name}</p>" for name in names)
        + "<p>Ещё раз: ΕΛΛΗΝΙΚΑ, şiş, Øst, 保护儿童, حماية الطفل.</p>",
        local=(westshire, f"<p>The {westshire.short_name} leads:</p><ul>{local}</ul>"),
    )
    pdf = assert_accessible_pdf(
        chapter_pdf(client, chapter).content,
        title=f"{title} – {manual.title} – {westshire.name}",
        first_heading=title,
    )
    assert_text_exact(
        pdf,
        *(f"Contact first: {name}" for name in names),
        *(f"Local lead: {name}" for name in names),
        "Ещё раз: ΕΛΛΗΝΙΚΑ, şiş, Øst, 保护儿童, حماية الطفل.",
    )


def test_a_title_with_markup_prints_literally(client, write_chapter, westshire, manual):
    title = "<b>x</b> & <script>alert(1)</script>"
    pdf = assert_accessible_pdf(
        chapter_pdf(client, write_chapter(title)).content,
        title=f"{title} – {manual.title} – {westshire.name}",
        first_heading=title,
    )
    assert_text_exact(pdf, title)


def test_emoji_the_longest_title_and_a_300_character_word_still_make_a_pdf(
    client, write_chapter, westshire, manual
):
    longest = ChapterVersion._meta.get_field("title").max_length  # 200: the database's limit
    title = ("Test 🧒🏽 safeguarding 👨‍👩‍👧 " + "very long chapter title " * 20)[:longest]
    word = "Unbroken" * 37 + "Word"  # 300 characters with nowhere to break the line
    pdf = assert_accessible_pdf(
        chapter_pdf(client, write_chapter(title, f"<p>Body 🙂 text.</p><p>{word}</p>")).content,
        title=f"{title} – {manual.title} – {westshire.name}",
    )
    assert pdf.headings[0][0] == "H1"
    assert_text_exact(pdf, "very long chapter title very long chapter title", "Body")
    assert "UnbrokenUnbroken" in pdf.text


def test_an_image_from_an_outside_address_is_never_requested(client, write_chapter, outside_server):
    port = outside_server.server_address[1]
    chapter = write_chapter(
        "Test chapter with an outside image",
        f'<p>Before.</p><p><img src="http://127.0.0.1:{port}/x.png" alt="A tracker"></p>'
        f'<p style="background: url(http://127.0.0.1:{port}/y.png)">After.</p>',
    )
    pdf = read_pdf(chapter_pdf(client, chapter).content)
    assert pdf.tagged
    assert_text_exact(pdf, "Before.", "After.")
    assert_never_requested(outside_server)
