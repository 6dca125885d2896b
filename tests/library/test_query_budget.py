"""Query budgets for the library: the public register signed out (as it is and with filters),
a document's page and the editors' Reviews due. Each is counted on the demo and again with
ten times the demo's Westshire documents: the same budget must hold, so no query is made per
row. The register never reads a version's extracted text, and it and Reviews due fetch one
page at a time from the database.

Each budget is the number of queries counted when it was set; the comment next to it says
what they are. The shared layout's queries (site, partnership, contact routes, footer, view
restrictions, navigation) are part of every budget and expected to fall."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document

from hub.core.models import Agency
from hub.library.admin_views import REVIEWS_PER_PAGE
from hub.library.models import DocumentType, DocumentVersion, LibraryDocument, Reach, Topic
from hub.library.views import DOCUMENTS_PER_PAGE
from tests.budgets import TEN_TIMES, within_budget

pytestmark = pytest.mark.django_db

# Long enough that reading it for every row would show, as a real policy's text would.
EXTRACTED_TEXT = "Neglect is the persistent failure to meet a child's basic needs. " * 400


def add_versions(document, count, *, start=1, last_days_ago=60):
    """`count` published versions of `document`, numbered on from `start`, a month apart,
    the last one `last_days_ago`; each with its file and a long extracted text."""
    now = timezone.now()

    def published(number):
        return now - datetime.timedelta(days=last_days_ago + 30 * (start + count - 1 - number))

    files = Document.objects.bulk_create(
        Document(title=f"{document.slug}-v{number}.pdf", file=f"documents/{document.slug}.pdf")
        for number in range(start, start + count)
    )
    DocumentVersion.objects.bulk_create(
        DocumentVersion(
            document=document,
            number=number,
            version_label=f"{number}.0",
            file=file,
            original_filename=f"{document.slug}-v{number}.pdf",
            kind="pdf",
            size_bytes=len(EXTRACTED_TEXT),
            what_changed=f"Change number {number}",
            approved_by="Partnership executive",
            approved_on=published(number).date(),
            published_at=published(number),
            text=EXTRACTED_TEXT,
            extraction_status="done",
        )
        for number, file in zip(range(start, start + count), files, strict=True)
    )


@pytest.fixture
def grown(westshire):
    """Ten times the demo's Westshire documents again, each with two versions: owners,
    topics, types and review dates mixed, so every filter and every review band has more."""
    demo = LibraryDocument.objects.filter(partnership=westshire).count()
    agencies = [*Agency.objects.filter(partnerships=westshire).order_by("name")[:4], None]
    topics = list(Topic.objects.order_by("name")[:3])
    types = DocumentType.values
    today = timezone.localdate()
    added = LibraryDocument.objects.bulk_create(
        LibraryDocument(
            partnership=westshire,
            consortium_id=westshire.consortium_id,
            title=f"Grown protocol {number:03d}",
            slug=f"grown-protocol-{number}",
            summary="A document added to grow the register.",
            document_type=types[number % len(types)],
            reach=Reach.LOCAL,
            owner_agency=agencies[number % len(agencies)],
            contact_role="Business unit manager",
            owner_email="owner@westshire.example" if number % 3 else "",
            is_restricted=number % 7 == 0,
            # From 100 days overdue to 140 days ahead: every band, and some not yet due.
            review_due=today + datetime.timedelta(days=number * 2 - 100),
        )
        for number in range(demo * TEN_TIMES)
    )
    through = LibraryDocument.topics.through
    through.objects.bulk_create(
        through(librarydocument_id=document.pk, topic_id=topics[index % len(topics)].pk)
        for index, document in enumerate(added)
    )
    for document in added:
        add_versions(document, 2)  # 90 and 60 days ago
    return added


@pytest.fixture(params=["demo", "grown"])
def register(request, westshire):
    """The demo's register, and then the same grown ten times."""
    if request.param == "grown":
        request.getfixturevalue("grown")
    return request.param


@pytest.fixture
def editor_client(library_editor):
    client = Client()
    client.force_login(library_editor)
    return client


# --- The public register --------------------------------------------------------------------


def test_the_register_signed_out_keeps_its_budget(register, client, django_assert_max_num_queries):
    # 5 when set: the owners the filter offers, the topics it offers, the count, the page of
    # documents with their owners' names, the page's published versions.
    html = within_budget(django_assert_max_num_queries, client, "/library/", 5)
    assert titles_on(html)


def test_the_register_filtered_keeps_its_budget(register, client, django_assert_max_num_queries):
    # 6 when set: as unfiltered, and the topic asked for (the form checks it is one).
    url = "/library/?reach=local&audience=professionals&topic=allegations&sort=updated"
    html = within_budget(django_assert_max_num_queries, client, url, 6)
    assert titles_on(html)


def test_the_register_as_at_a_date_keeps_its_budget(
    register, client, django_assert_max_num_queries
):
    # 5 when set, as unfiltered: the version current on the day is found among the page's
    # versions.
    day = timezone.localdate() - datetime.timedelta(days=20)
    url = f"/library/?as_at_day={day.day}&as_at_month={day.month}&as_at_year={day.year}"
    html = within_budget(django_assert_max_num_queries, client, url, 5)
    assert titles_on(html)


def test_a_document_page_keeps_its_budget(westshire, client, django_assert_max_num_queries):
    document = (
        LibraryDocument.objects.filter(partnership=westshire, status="current", is_restricted=False)
        .exclude(related_documents=None)
        .order_by("title")
        .first()
    )
    # 6 when set: the document with its owner, its published versions, its topics, its
    # related documents, its related pages and their view restrictions.
    url = document.get_absolute_url()
    within_budget(django_assert_max_num_queries, client, url, 6)
    # Ten times its versions: the same budget.
    add_versions(document, document.versions.count() * TEN_TIMES, start=100, last_days_ago=1)
    within_budget(django_assert_max_num_queries, client, url, 6)


def test_reviews_due_keeps_its_budget(register, editor_client, django_assert_max_num_queries):
    # 16 when set: 3 for the bands (their counts, the count, the page of documents); 13 of
    # the admin's own: session, user, roles, second factor, permissions (2), profile,
    # locale, page, collection and site permissions, explorable pages, site.
    url = reverse("library_admin:reviews")
    within_budget(django_assert_max_num_queries, editor_client, url, 16)


def test_the_register_and_a_documents_pages_never_read_extracted_text(grown, client):
    day = timezone.localdate()
    document = grown[1]  # public, with two versions
    for url in (
        "/library/",
        "/library/?page=3",
        "/library/?document_type=protocol&sort=updated",
        f"/library/?as_at_day={day.day}&as_at_month={day.month}&as_at_year={day.year}",
        "/library/?q=neglect",
        document.get_absolute_url(),
        f"{document.get_absolute_url()}?as_at_day={day.day}&as_at_month={day.month}"
        f"&as_at_year={day.year}",
        f"/library/{document.slug}/versions/1/",
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        read = [query["sql"] for query in queries.captured_queries]
        assert any("library_documentversion" in sql for sql in read), url
        assert not any('"library_documentversion"."text"' in sql for sql in read), url


# --- Pages of the register ------------------------------------------------------------------


def titles_on(html):
    soup = BeautifulSoup(html, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".hub-document-list__title a")]


def test_the_register_pages_through_every_document_once_in_title_order(grown, westshire, client):
    expected = list(
        LibraryDocument.objects.for_partnership(westshire)
        .visible_to(AnonymousUser(), westshire)
        .order_by("title")
        .values_list("title", flat=True)
    )
    html = client.get("/library/").content.decode()
    assert f'id="results-heading">{len(expected)} documents<' in html
    shown = []
    for number in range(1, len(expected) // DOCUMENTS_PER_PAGE + 2):
        shown += titles_on(client.get("/library/", {"page": number}).content.decode())
    assert shown == expected


def test_each_row_shows_the_current_version_and_as_at_a_date_the_one_then(grown, client):
    document = grown[1]  # public; versions 1 and 2 published 90 and 60 days ago
    add_versions(document, 1, start=3, last_days_ago=7)
    # Few enough rows to be on the first page.
    narrow = {"document_type": document.document_type, "owner": document.owner_agency_id}

    def row(**asked):
        html = client.get("/library/", {**narrow, **asked}).content.decode()
        link = BeautifulSoup(html, "html.parser").find("a", string=document.title)
        return link["href"], link.find_parent("li").select_one(".hub-meta").get_text(" ")

    href, meta = row()
    assert href == document.get_absolute_url()
    assert "version 3.0" in meta
    then = timezone.localdate() - datetime.timedelta(days=20)
    href, meta = row(as_at_day=then.day, as_at_month=then.month, as_at_year=then.year)
    assert "version 2.0" in meta
    assert href == f"/library/{document.slug}/versions/2/"


# --- Pages of Reviews due -------------------------------------------------------------------


def test_reviews_due_pages_through_every_due_document_once_by_band(grown, westshire, editor_client):
    today = timezone.localdate()
    due = (
        LibraryDocument.objects.filter(partnership=westshire)
        .exclude(status="withdrawn")
        .filter(review_due__lte=today + datetime.timedelta(days=90))
    )
    url = reverse("library_admin:reviews")
    first = BeautifulSoup(editor_client.get(url).content.decode(), "html.parser")
    assert "Page 1 of" in first.get_text(" ", strip=True)
    pages = -(-due.count() // REVIEWS_PER_PAGE)
    assert pages > 1
    seen, bands = [], []
    for number in range(1, pages + 1):
        soup = BeautifulSoup(editor_client.get(url, {"p": number}).content.decode(), "html.parser")
        for section in soup.select("section[aria-labelledby^=reviews-]"):
            bands.append(section.find("h2").get_text(strip=True).removesuffix(" (continued)"))
            seen += [row.find("th").get_text(strip=True) for row in section.select("tbody tr")]
    assert sorted(seen) == sorted(due.values_list("title", flat=True))
    # Bands in order, each begun once and continued on the next page if it runs on.
    order = ["Overdue", "Due within 30 days", "Due in 31 to 60 days", "Due in 61 to 90 days"]
    assert [band for index, band in enumerate(bands) if band not in bands[:index]] == order
    summary = first.find("ul", attrs={"aria-label": "Documents due for review, by when"})
    overdue = due.filter(review_due__lt=today).count()
    assert summary.find("li").get_text(strip=True) == f"Overdue: {overdue} documents"


@pytest.mark.parametrize("odd", ["abc", "-1", "0", "99999", "1e9", "%00", "2" * 40])
def test_odd_page_numbers_give_a_page_never_an_error(odd, editor_client, client):
    # Junk gives the first page, past the end the last (Paginator.get_page).
    reviews = editor_client.get(reverse("library_admin:reviews"), {"p": odd})
    assert reviews.status_code == 200
    listing = client.get("/library/", {"page": odd})
    assert listing.status_code == 200
    assert "Sorry, there is a problem" not in listing.content.decode()
