"""The demo library's PDFs: tagged and titled like every PDF the Hub writes, their text read
back exactly as the demo wrote it, accepted by the checks a partner's upload must pass, and
rendered once: the same document is read from the cache of rendered PDFs, never rendered
again."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

import hub.core.pdf
from hub.core.uploads import check_document
from hub.demo import library_files
from hub.demo.content.documents import DOCUMENTS
from hub.demo.library_files import AUTHOR, DEMO_MARK, pdf_bytes
from hub.library.extraction import extract_text
from hub.library.models import DocumentVersion, ExtractionStatus
from tests.pdfs import UNICODE_NAMES, assert_accessible_pdf, assert_text_exact, same_text

# Fictional, with the typography a partnership writes: curly quotes, apostrophes, en dashes.
TITLE = "Working with families – a “one family, one plan” guide"
SECTIONS = [
    (
        "What’s changed",
        [
            "It’s the child’s plan – not the agency’s – and “no” from a young person is heard.",
            ("list", ["Ask the child first – before the adults.", "Write down what’s said."]),
            ("numbered", ["Agree the plan.", "Review it – within 20 working days."]),
            (
                "table",
                ["Who", "What they do"],
                [["Siobhán Ní Bhriain–O’Connor", "Early help lead – Westshire (demo)"]],
            ),
        ],
    ),
    ("Names as written", [("list", list(UNICODE_NAMES))]),
]


def _texts(title, sections):
    """Every piece of text a demo document's content holds, in order."""
    yield title
    for heading, blocks in sections:
        yield heading
        for block in blocks:
            if isinstance(block, str):
                yield block
            elif block[0] in ("list", "numbered"):
                yield from block[1]
            else:
                yield from block[1]
                for row in block[2]:
                    yield from row


def _demo_pdfs():
    """(spec, version content, stored DocumentVersion) for every PDF the demo loader made."""
    found = []
    for spec in DOCUMENTS:
        for version in spec["versions"]:
            if version.kind == "pdf":
                stored = DocumentVersion.objects.get(
                    document__slug=spec["slug"], version_label=version.label
                )
                found.append((spec, version.content, stored))
    return found


def _stored_bytes(version):
    with version.file.file.open("rb") as stored:
        return stored.read()


@pytest.fixture
def pdf_cache(settings, tmp_path):
    """An empty cache of rendered demo PDFs, this test's own."""
    settings.DEMO_PDF_CACHE = tmp_path / "demo-pdfs"
    return settings.DEMO_PDF_CACHE


@pytest.fixture
def renders(monkeypatch):
    """The HTML of every PDF WeasyPrint renders from here on."""
    rendered = []
    real = hub.core.pdf.html_to_pdf

    def counting(html, **options):
        rendered.append(html)
        return real(html, **options)

    monkeypatch.setattr(hub.core.pdf, "html_to_pdf", counting)
    return rendered


# What the loader stored


@pytest.mark.django_db
def test_every_demo_pdf_is_tagged_titled_in_english_and_opens_with_its_title():
    demo_pdfs = _demo_pdfs()
    assert len(demo_pdfs) >= 10
    for spec, sections, version in demo_pdfs:
        content = _stored_bytes(version)
        pdf = assert_accessible_pdf(content, title=spec["title"], first_heading=spec["title"])
        headings = [heading for heading, _ in sections]
        assert pdf.headings[1:] == [("H2", same_text(heading)) for heading in headings]
        kinds = {
            block[0] for _, blocks in sections for block in blocks if not isinstance(block, str)
        }
        if "list" in kinds or "numbered" in kinds:
            assert {"/L", "/LI"} <= set(pdf.roles), spec["slug"]
        if "table" in kinds:
            assert {"/Table", "/TH", "/TD"} <= set(pdf.roles), spec["slug"]
        assert PdfReader(io.BytesIO(content)).metadata["/Author"] == AUTHOR


@pytest.mark.django_db
def test_every_demo_pdf_says_it_is_a_demo_at_the_top_and_at_the_foot_of_every_page():
    for spec, _, version in _demo_pdfs():
        pdf = assert_text_exact(_stored_bytes(version), DEMO_MARK)
        assert pdf.text.startswith(DEMO_MARK), spec["slug"]
        footer = same_text(f"{spec['title']}. {DEMO_MARK}.")
        for page in range(1, pdf.pages + 1):
            assert f"{footer} Page {page} of {pdf.pages}." in pdf.text, spec["slug"]


@pytest.mark.django_db
def test_every_demo_pdfs_text_is_found_by_search_exactly_as_the_demo_wrote_it():
    for spec, sections, version in _demo_pdfs():
        assert version.extraction_status == ExtractionStatus.DONE, spec["slug"]
        searchable = same_text(version.text)
        for text in _texts(spec["title"], sections):
            assert same_text(text) in searchable, (spec["slug"], text)


@pytest.mark.django_db
def test_every_demo_pdf_passes_the_checks_a_partners_upload_must_pass():
    for spec, _, version in _demo_pdfs():
        content = _stored_bytes(version)
        upload = SimpleUploadedFile(f"{spec['file_stem']}.pdf", content)
        checked = check_document(upload)
        assert (checked.kind, checked.size) == ("pdf", len(content))


# The text as written


def test_curly_quotes_dashes_and_every_script_read_back_exactly(pdf_cache):
    content = pdf_bytes(TITLE, SECTIONS)
    pdf = assert_accessible_pdf(content, title=TITLE, first_heading=TITLE)
    assert pdf.headings[1:] == [("H2", "What’s changed"), ("H2", "Names as written")]
    assert_text_exact(pdf, *_texts(TITLE, SECTIONS))
    for role in ("/L", "/LI", "/Table", "/TH", "/TD"):
        assert role in pdf.roles, role


def test_search_reads_curly_quotes_and_dashes_exactly_from_a_demo_pdf(pdf_cache):
    upload = SimpleUploadedFile("families-guide.pdf", pdf_bytes(TITLE, SECTIONS))
    assert check_document(upload).kind == "pdf"
    extracted = same_text(extract_text(upload, "pdf").text)
    typographic = [text for text in _texts(TITLE, SECTIONS) if set(text) & set("’“”–")]
    assert len(typographic) >= 6
    for text in typographic:
        assert same_text(text) in extracted, text


# Rendered once


def test_the_same_document_asked_for_again_is_read_from_the_cache(pdf_cache, renders):
    first = pdf_bytes(TITLE, SECTIONS)
    assert len(renders) == 1
    again = pdf_bytes(TITLE, SECTIONS)
    assert len(renders) == 1, "the second call rendered again"
    assert again == first
    cached = list(pdf_cache.iterdir())
    assert len(cached) == 1, "a temporary file was left behind"
    assert len(cached[0].stem) == 64 and cached[0].suffix == ".pdf"
    assert cached[0].read_bytes() == first


def test_a_changed_document_is_rendered_again(pdf_cache, renders):
    pdf_bytes(TITLE, SECTIONS)
    changed = [("What’s changed", ["Review it – within 15 working days."])]
    content = pdf_bytes(TITLE, changed)
    assert len(renders) == 2
    assert_text_exact(content, "Review it – within 15 working days.")
    pdf_bytes("Another title", changed)
    assert len(renders) == 3
    assert len(list(pdf_cache.iterdir())) == 3


def test_a_new_print_stylesheet_or_weasyprint_renders_again(pdf_cache, renders, monkeypatch):
    pdf_bytes(TITLE, SECTIONS)
    real_version = library_files.version
    monkeypatch.setattr(
        library_files,
        "version",
        lambda name: "999.0" if name == "weasyprint" else real_version(name),
    )
    pdf_bytes(TITLE, SECTIONS)
    assert len(renders) == 2
    stylesheet = pdf_cache.parent / "pdf.css"
    stylesheet.write_text("/* a newer print stylesheet */")
    # Only the cache's own look-up sees it: the PDF is still rendered with the real one.
    monkeypatch.setattr(library_files, "finders", SimpleNamespace(find=lambda name: stylesheet))
    pdf_bytes(TITLE, SECTIONS)
    assert len(renders) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda whole: b"",
        lambda whole: b"<html>not a PDF</html>",
        lambda whole: whole[: len(whole) // 2],  # cut short: no end-of-file marker
    ],
    ids=["empty", "not-a-pdf", "truncated"],
)
def test_a_damaged_cached_file_is_rendered_again_and_replaced(pdf_cache, renders, damage):
    whole = pdf_bytes(TITLE, SECTIONS)
    [cached] = pdf_cache.iterdir()
    cached.write_bytes(damage(whole))
    content = pdf_bytes(TITLE, SECTIONS)
    assert len(renders) == 2
    assert_accessible_pdf(content, title=TITLE)
    assert cached.read_bytes() == content
    assert pdf_bytes(TITLE, SECTIONS) == content
    assert len(renders) == 2
