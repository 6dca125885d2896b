"""Chapter text and local information in Wagtail's rich text editor: links kept by the rules
of each kind of text, whatever is removed named to the editor, and past releases read as
they were written."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from hub.library.models import DocumentVersion
from hub.procedures import richtext, services
from hub.procedures.models import Chapter, LocalInformationVersion

pytestmark = pytest.mark.django_db

GOOD_LINKS = (
    '<p><a href="https://www.gov.uk/guidance">guidance</a>, '
    '<a href="mailto:duty@westshire.example">email</a>, '
    '<a href="tel:+44 1632 960000">phone</a>, '
    '<a href="/procedures/early-help/">early help</a>, '
    '<a href="/procedures/glossary/#lado">LADO</a></p>'
)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def page_in(partnership):
    return Page.objects.descendant_of(partnership.site.root_page).live().first()


def library_file(partnership):
    return DocumentVersion.objects.filter(document__partnership=partnership).first().file_id


def test_regional_text_keeps_outside_links_chapters_and_the_glossary():
    cleaned = richtext.clean("<h2>Act</h2><ul><li><b>must</b></li></ul>" + GOOD_LINKS)
    assert cleaned.removed == []
    assert cleaned.html == "<h2>Act</h2><ul><li><b>must</b></li></ul>" + GOOD_LINKS


def test_regional_text_names_every_link_it_cannot_keep(westshire):
    page = page_in(westshire)
    html = (
        f'<p><a linktype="page" id="{page.pk}">our page</a> '
        f'<a linktype="document" id="{library_file(westshire)}">our form</a> '
        '<a href="/library/referral-form/">library</a> '
        '<a href="javascript:alert(1)">click</a> <a href="//evil.example/">proto</a></p>'
    )
    cleaned = richtext.clean(html)
    # The words stay; the links go.
    assert cleaned.html == "<p>our page our form library click proto</p>"
    described = " | ".join(cleaned.removed)
    assert "a link to a page of one partnership's site" in described
    assert "a link to a document of one partnership's site" in described
    assert "the link to /library/referral-form/" in described
    assert "the link to javascript:alert(1)" in described
    assert "the link to //evil.example/" in described


def test_scripts_styles_and_attributes_are_removed_and_named():
    cleaned = richtext.clean(
        '<p onclick="x()" data-block-key="ab1">Hi <script>alert(1)</script>'
        '<style>p{}</style><img src="x" onerror="y()"><span style="color:red">there</span></p>'
    )
    assert cleaned.html == "<p>Hi there</p>"
    assert cleaned.removed == [
        "formatting (onclick)",
        "a <script> element and its content",
        "a <style> element and its content",
        "a <img> element (its text is kept)",
    ]


def test_local_information_links_to_its_own_pages_and_documents_only(westshire, northmoor):
    own_page, other_page = page_in(westshire), page_in(northmoor)
    own_file, other_file = library_file(westshire), library_file(northmoor)
    html = (
        f'<p><a linktype="page" id="{own_page.pk}">ours</a> '
        f'<a linktype="document" id="{own_file}">our form</a> '
        '<a href="/library/">our library</a> '
        f'<a linktype="page" id="{other_page.pk}">theirs</a> '
        f'<a linktype="document" id="{other_file}">their form</a></p>'
    )
    cleaned = richtext.clean(html, partnership=westshire)
    assert cleaned.html == (
        f'<p><a linktype="page" id="{own_page.pk}">ours</a> '
        f'<a linktype="document" id="{own_file}">our form</a> '
        '<a href="/library/">our library</a> theirs their form</p>'
    )
    assert cleaned.removed == [
        "a link to a page that is not one of Westshire's own pages",
        "a link to a document that is not one of Westshire's own library documents",
    ]


def test_the_editor_is_told_what_was_removed_and_readers_get_working_links(
    westshire, westshire_editor, client, test_chapter
):
    editor = signed_in(westshire_editor)
    release = services.release_start(
        by=westshire_editor, manual=test_chapter.manual, partnership=westshire, title="Links"
    )
    url = reverse("procedures_admin:local_information", args=[release.pk])
    url += f"?chapter={test_chapter.pk}"
    form = editor.get(url).content.decode()
    # Wagtail's rich text editor, with the features local information may use.
    assert "w-draftail" in form
    assert "documentChooser" in form

    own_page, own_file = page_in(westshire), library_file(westshire)
    response = editor.post(
        url,
        {
            "body": (
                f'<p>Use <a linktype="page" id="{own_page.pk}">our page</a>, '
                f'<a linktype="document" id="{own_file}">the form</a> or '
                '<a href="vbscript:x">this</a>.</p>'
            )
        },
    )
    assert response.status_code == 302
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(
        message.startswith("Removed when saved: the link to vbscript:x") for message in shown
    ), shown
    services.release_publish(by=westshire_editor, release=release)

    html = client.get(test_chapter.get_absolute_url()).content.decode()
    version = DocumentVersion.objects.get(file_id=own_file)
    assert f'<a href="{own_page.url}">our page</a>' in html
    assert f'<a href="{version.document.get_download_url()}">the form</a>' in html
    assert "vbscript" not in html and "linktype" not in html


def test_a_clean_save_says_nothing_was_removed(westshire, westshire_editor, test_chapter):
    editor = signed_in(westshire_editor)
    release = services.release_start(
        by=westshire_editor, manual=test_chapter.manual, partnership=westshire, title="Clean"
    )
    url = reverse("procedures_admin:local_information", args=[release.pk])
    response = editor.post(f"{url}?chapter={test_chapter.pk}", {"body": GOOD_LINKS})
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert not [message for message in shown if message.startswith("Removed")], shown
    assert LocalInformationVersion.objects.get(release=release).body == GOOD_LINKS


def test_text_from_before_the_editor_opens_in_it_with_its_bold(
    manual, consortium_editor, test_chapter
):
    editor = signed_in(consortium_editor)
    release = services.release_start(by=consortium_editor, manual=manual, title="Reopen")
    test_chapter.versions.update(body="<p>You <b>must</b> tell the LADO.</p>")
    url = reverse("procedures_admin:chapter_change", args=[release.pk])
    page = editor.get(f"{url}?chapter={test_chapter.pk}").content.decode()
    # The editor's initial value is Draftail's content state, made from the stored HTML.
    assert "You must tell the LADO." in page.replace("&quot;", '"')
    assert "BOLD" in page
    # Regional text offers no document links: they would belong to one partnership.
    assert "pageChooser" in page and "documentChooser" not in page


def test_a_forged_editor_value_is_an_error_on_the_field(manual, consortium_editor, test_chapter):
    editor = signed_in(consortium_editor)
    release = services.release_start(by=consortium_editor, manual=manual, title="Forged")
    url = reverse("procedures_admin:chapter_change", args=[release.pk])
    response = editor.post(
        f"{url}?chapter={test_chapter.pk}",
        {
            "title": "x",
            "body": '{"blocks": 5, "entityMap": []}',
            "change_type": "amended",
            "change_summary": "x",
        },
    )
    assert response.status_code == 200
    assert "The text could not be read" in response.content.decode()
    assert not release.chapter_versions.exists()


def test_an_empty_editor_box_removes_local_information(westshire, westshire_editor, test_chapter):
    editor = signed_in(westshire_editor)
    release = services.release_start(
        by=westshire_editor, manual=test_chapter.manual, partnership=westshire, title="Empty"
    )
    url = reverse("procedures_admin:local_information", args=[release.pk])
    editor.post(f"{url}?chapter={test_chapter.pk}", {"body": '<p data-block-key="x1"></p>'})
    assert LocalInformationVersion.objects.get(release=release).body == ""


def chapter_body(html):
    return re.search(r'<div class="hub-prose hub-chapter-body">(.*?)</div>', html, re.S).group(1)


def test_past_releases_read_as_written_after_a_rich_text_release(manual, consortium_editor, client):
    """Every chapter as at a past date renders the same after a new release in the rich
    text editor's format, and the stored text of past releases is untouched."""
    chapters = list(Chapter.objects.filter(manual=manual, partnership__isnull=True)[:3])
    past = datetime.date(2026, 3, 1)
    before = {}
    for chapter in chapters:
        response = client.get(f"/procedures/as-at/{past.isoformat()}/{chapter.slug}/")
        if response.status_code == 200:
            before[chapter.slug] = chapter_body(response.content.decode())
    assert before, "the demo manual should have chapters published before March 2026"
    stored = {
        version.pk: version.body for chapter in chapters for version in chapter.versions.all()
    }

    release = services.release_start(by=consortium_editor, manual=manual, title="Rich")
    for chapter in chapters:
        services.chapter_draft(
            by=consortium_editor,
            release=release,
            chapter=chapter,
            title=chapter.current_title() or chapter.slug,
            body='<h2 data-block-key="k1">New</h2><p data-block-key="k2">See '
            '<a href="https://www.gov.uk/">GOV.UK</a>.</p>',
            change_summary="Rich text.",
        )
    services.release_publish(by=consortium_editor, release=release)

    for slug, body in before.items():
        response = client.get(f"/procedures/as-at/{past.isoformat()}/{slug}/")
        assert chapter_body(response.content.decode()) == body
        now = chapter_body(client.get(f"/procedures/{slug}/").content.decode())
        assert '<h2>New</h2><p>See <a href="https://www.gov.uk/">GOV.UK</a>.</p>' in now
    for version_pk, body in stored.items():
        assert Chapter.objects.filter(versions__pk=version_pk, versions__body=body).exists()
