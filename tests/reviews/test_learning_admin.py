"""The learning library's admin screens: published reviews, 7-minute briefings and themes,
kept by whoever may manage the partnership's learning (its editors, review panel and
partnership admin) for their own partnership only; another partnership's id answers 404 on
every screen and changes nothing. Every choice is the partnership's own and is checked again
when posted; dates are checked; each save and deletion is audited; a briefing's PDF pages
are counted on save, with a warning past one page; what has been published is withdrawn,
not deleted."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from hub.core import audit
from hub.core.models import Role
from hub.core.staff_menu import admin_screen
from hub.library.models import LibraryDocument
from hub.procedures.models import Chapter
from hub.reviews.models import BRIEFING_PARTS, Briefing, PublishedReview, TeamUse, Theme
from tests.budgets import signed_in
from tests.reviews.conftest import make_theme
from tests.reviews.learning_data import (
    PARTS,
    days_ago,
    make_briefing,
    make_review,
    public_document,
    today,
)

pytestmark = pytest.mark.django_db


def url(viewset, name, row=None):
    return reverse(f"reviews_{viewset}:{name}", args=[row.pk] if row is not None else [])


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def followed(client, response):
    assert response.status_code == 302, text_of(response.content.decode())[:3000]
    return page(client.get(response["Location"]))


def messages_of(html):
    soup = BeautifulSoup(html, "html.parser")
    return " ".join(" ".join(item.get_text(" ").split()) for item in soup.select(".messages li"))


def form_of(client, address):
    return querydict_from_html(page(client.get(address)), "w-editor-form")


def post(client, address, changes):
    data = form_of(client, address)
    for key, value in changes.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return client.post(address, data)


@pytest.fixture
def editor_client(editor):
    return signed_in(editor)


@pytest.fixture
def northmoor_editor_client(staff):
    return signed_in(staff(Role.EDITOR, partnership="northmoor"))


@pytest.fixture
def review(westshire, neglect):
    return make_review(westshire, themes=[neglect], report=public_document(westshire))


@pytest.fixture
def briefing(westshire, review, neglect):
    return make_briefing(westshire, review=review, themes=[neglect])


@pytest.fixture
def northmoor_rows(northmoor):
    theme = make_theme(northmoor, "Northmoor theme (test)")
    review = make_review(northmoor, title="Northmoor review (test)", themes=[theme])
    briefing = make_briefing(northmoor, title="Northmoor briefing (test)", review=review)
    return {"themes": theme, "published": review, "briefings": briefing}


# --- Who reaches what ---------------------------------------------------------------------------


def test_an_editor_lists_only_their_own_partnerships_rows(
    editor_client, review, briefing, neglect, northmoor_rows
):
    for viewset, row in (("published", review), ("briefings", briefing), ("themes", neglect)):
        html = page(editor_client.get(url(viewset, "index")))
        assert url(viewset, "edit", row) in html
        assert url(viewset, "edit", northmoor_rows[viewset]) not in html


def test_another_partnerships_rows_answer_404_on_every_screen_and_change_nothing(
    northmoor_editor_client, review, briefing, neglect
):
    for viewset, row in (("published", review), ("briefings", briefing), ("themes", neglect)):
        for name in ("edit", "delete", "history", "usage"):
            address = url(viewset, name, row)
            assert northmoor_editor_client.get(address).status_code == 404, address
            response = northmoor_editor_client.post(address, {"title": "Taken", "name": "Taken"})
            assert response.status_code == 404, address
    review.refresh_from_db()
    briefing.refresh_from_db()
    neglect.refresh_from_db()
    assert (review.title, briefing.title, neglect.name) == (
        "Child R (test): a review of neglect",
        "Neglect: seeing the whole picture (test)",
        "Neglect (test)",
    )


def test_people_who_do_not_keep_the_library_are_kept_out(staff, review, briefing):
    for role in (Role.AGENCY_LEAD, Role.TRAINING_COORDINATOR, None):
        client = signed_in(staff(role))
        for viewset, row in (("published", review), ("briefings", briefing)):
            for address in (url(viewset, "index"), url(viewset, "add"), url(viewset, "edit", row)):
                assert client.get(address).status_code in (302, 403, 404), (role, address)
            response = client.post(url(viewset, "edit", row), {"title": "Taken"})
            assert response.status_code in (302, 403, 404), role
    review.refresh_from_db()
    assert review.title == "Child R (test): a review of neglect"


def test_the_panel_and_the_partnership_admin_keep_the_library_too(panel, business_unit, review):
    for person in (panel, business_unit):
        client = signed_in(person)
        assert url("published", "edit", review) in page(client.get(url("published", "index")))
        page(client.get(url("briefings", "add")))
        page(client.get(url("themes", "index")))


def test_the_staff_menu_shows_the_screens_to_those_who_keep_the_library(editor, staff):
    request = RequestFactory().get("/")
    for label in ("reviews.PublishedReview", "reviews.Briefing"):
        request.user = editor
        assert admin_screen(label)(request), label
        request.user = staff(Role.AGENCY_LEAD)
        assert not admin_screen(label)(request), label


def test_the_screens_open_and_lead_to_each_other(editor_client, review, briefing, neglect):
    for viewset, row in (("published", review), ("briefings", briefing), ("themes", neglect)):
        for name in ("edit", "delete", "history", "usage"):
            page(editor_client.get(url(viewset, name, row)))
        page(editor_client.get(url(viewset, "add")))
    index = page(editor_client.get(url("published", "index")))
    assert url("briefings", "index") in index and url("themes", "index") in index


# --- Published reviews ------------------------------------------------------------------------


def test_an_editor_publishes_a_review_and_it_is_audited(editor_client, editor, westshire, neglect):
    report = public_document(westshire)
    chapter = Chapter.objects.for_partnership(westshire).filter(partnership__isnull=True).first()
    response = post(
        editor_client,
        url("published", "add"),
        {
            "title": "Child S (test): learning about adolescents",
            "slug": "",
            "kind": "lcspr",
            "summary": "What the review found (test).",
            "themes": [str(neglect.pk)],
            "report": str(report.pk),
            "chapters": [str(chapter.pk)],
            "published": "on",
            "published_on": "",
            "removal_on": (today() + datetime.timedelta(days=400)).isoformat(),
            "practice_until": days_ago(90).isoformat(),
        },
    )
    assert response.status_code == 302, text_of(response.content.decode())[:3000]
    made = PublishedReview.objects.get(title="Child S (test): learning about adolescents")
    assert made.partnership == westshire
    assert made.slug == "child-s-test-learning-about-adolescents"
    assert (made.published, made.published_on) == (True, today())
    assert list(made.themes.all()) == [neglect] and list(made.chapters.all()) == [chapter]
    assert made.report == report
    entry = audit.entries().get(action="hub.reviews.learning_changed", object_id=str(made.pk))
    assert entry.user == editor
    assert entry.data["details"] == {
        "change": "created",
        "what": "publishedreview",
        "published": True,
        "withdrawn": False,
    }
    assert entry.data["partnership_id"] == westshire.pk
    assert (
        editor_client.get(reverse("reviews:published_review", args=[made.slug])).status_code == 200
    )


def test_another_partnerships_theme_report_or_chapter_is_refused(
    editor_client, review, northmoor, northmoor_rows
):
    form = page(editor_client.get(url("published", "edit", review)))
    assert "Northmoor theme (test)" not in form
    northmoor_document = LibraryDocument.objects.filter(partnership=northmoor).first()
    northmoor_chapter = Chapter.objects.filter(partnership=northmoor).first()
    assert northmoor_document is not None and northmoor_chapter is not None
    for field, value, message in (
        ("themes", [str(northmoor_rows["themes"].pk)], "Choose themes of your partnership"),
        (
            "report",
            str(northmoor_document.pk),
            "Choose a public document in your partnership's library",
        ),
        (
            "chapters",
            [str(northmoor_chapter.pk)],
            "Choose chapters of your partnership's procedures",
        ),
        ("themes", ["not-a-number"], "Choose themes of your partnership"),
    ):
        response = post(editor_client, url("published", "edit", review), {field: value})
        assert message in text_of(page(response)), field
    review.refresh_from_db()
    assert review.report == public_document(review.partnership)
    assert [theme.name for theme in review.themes.all()] == ["Neglect (test)"]
    assert not review.chapters.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"published_on": (today() + datetime.timedelta(days=1)).isoformat()},
            "The publication date must be today or in the past",
        ),
        ({"removal_on": days_ago(150).isoformat()}, "The report stays online for at least a year"),
        (
            {"practice_until": days_ago(10).isoformat()},
            "The period the review looked at must end on or before",
        ),
        ({"published_on": "not a date"}, "Enter a valid date"),
        ({"slug": "Not A Slug!"}, "Use only lower-case letters, numbers and hyphens"),
    ],
)
def test_bad_dates_and_addresses_are_refused(editor_client, review, changes, message):
    before = (review.published_on, review.removal_on, review.practice_until, review.slug)
    response = post(editor_client, url("published", "edit", review), changes)
    assert message in text_of(page(response))
    review.refresh_from_db()
    assert (review.published_on, review.removal_on, review.practice_until, review.slug) == before


def test_a_second_review_with_the_same_address_is_refused(editor_client, review):
    response = post(
        editor_client,
        url("published", "add"),
        {"title": review.title, "slug": "", "kind": "lcspr", "summary": "Again (test)."},
    )
    assert "Another one in your partnership's library has this short name" in text_of(
        page(response)
    )
    assert PublishedReview.objects.filter(title=review.title).count() == 1


def test_withdrawing_a_review_takes_it_out_of_the_library(editor_client, client, review):
    response = post(editor_client, url("published", "edit", review), {"withdrawn": "on"})
    followed(editor_client, response)
    review.refresh_from_db()
    assert review.withdrawn and review.withdrawn_on == today()
    assert client.get(reverse("reviews:published_review", args=[review.slug])).status_code == 404
    entry = audit.entries().filter(action="hub.reviews.learning_changed").latest("timestamp")
    assert entry.data["details"]["withdrawn"] is True
    post(editor_client, url("published", "edit", review), {"withdrawn": ""})
    review.refresh_from_db()
    assert not review.withdrawn and review.withdrawn_on is None


def test_a_published_review_is_withdrawn_not_deleted_and_a_draft_may_go(
    editor_client, editor, review, westshire
):
    html = followed(editor_client, editor_client.post(url("published", "delete", review)))
    assert "cannot be deleted: it has been published. Withdraw it instead" in messages_of(html)
    assert PublishedReview.objects.filter(pk=review.pk).exists()
    draft = make_review(westshire, title="Draft (test)", published=False, published_on=None)
    followed(editor_client, editor_client.post(url("published", "delete", draft)))
    assert not PublishedReview.objects.filter(pk=draft.pk).exists()
    entry = audit.entries().get(action="hub.reviews.learning_changed", object_id=str(draft.pk))
    assert entry.data["details"]["change"] == "deleted" and entry.user == editor


# --- Briefings --------------------------------------------------------------------------------


def briefing_answers(review, **changes):
    return {
        "title": "Adolescents at risk (test)",
        "slug": "",
        "summary": "Seven minutes on exploitation (test).",
        "published_review": str(review.pk),
        "published": "on",
        "published_on": days_ago(5).isoformat(),
        **PARTS,
        **changes,
    }


def test_saving_a_briefing_counts_its_pdf_pages_without_a_warning_when_it_fits(
    editor_client, review, neglect
):
    response = post(
        editor_client, url("briefings", "add"), briefing_answers(review, themes=[str(neglect.pk)])
    )
    html = followed(editor_client, response)
    made = Briefing.objects.get(title="Adolescents at risk (test)")
    assert made.pdf_pages == 1
    assert "runs to" not in messages_of(html)
    assert made.slug == "adolescents-at-risk-test" and made.published_on == days_ago(5)
    assert (
        audit.entries()
        .filter(action="hub.reviews.learning_changed", object_id=str(made.pk))
        .exists()
    )


def test_an_editor_is_warned_when_a_briefings_pdf_runs_past_one_page(editor_client, briefing):
    long_text = "\n\n".join(
        "Practitioners described how the family's circumstances changed over many months. " * 6
        for _ in range(4)
    )[:2000]
    response = post(
        editor_client,
        url("briefings", "edit", briefing),
        {key: long_text for key, _ in BRIEFING_PARTS},
    )
    html = followed(editor_client, response)
    briefing.refresh_from_db()
    assert briefing.pdf_pages > 1
    assert (
        f"The briefing's PDF runs to {briefing.pdf_pages} pages: a 7-minute briefing should fit "
        "on one page." in messages_of(html)
    )
    listing = text_of(page(editor_client.get(url("briefings", "index"))))
    assert f"{briefing.pdf_pages} pages: too long" in listing


def test_a_briefing_of_another_partnerships_review_is_refused(
    editor_client, review, northmoor_rows
):
    response = post(
        editor_client,
        url("briefings", "add"),
        briefing_answers(review, published_review=str(northmoor_rows["published"].pk)),
    )
    assert "Choose one of your partnership's published reviews" in text_of(page(response))
    assert not Briefing.objects.filter(title="Adolescents at risk (test)").exists()


def test_a_briefing_teams_used_is_withdrawn_not_deleted(editor_client, briefing, practitioner):
    briefing.published = False
    briefing.save()
    TeamUse.objects.create(
        briefing=briefing,
        agency=practitioner.agency,
        team_size="1_5",
        discussed_on=days_ago(1),
        recorded_by=practitioner,
    )
    html = followed(editor_client, editor_client.post(url("briefings", "delete", briefing)))
    assert "teams have recorded using it. Withdraw it instead." in messages_of(html)
    assert Briefing.objects.filter(pk=briefing.pk).exists()


# --- Themes -----------------------------------------------------------------------------------


def test_an_editor_adds_a_theme_and_one_in_use_is_not_deleted(
    editor_client, westshire, review, neglect
):
    response = post(
        editor_client, url("themes", "add"), {"name": "  Child  exploitation (test) ", "slug": ""}
    )
    followed(editor_client, response)
    theme = Theme.objects.get(partnership=westshire, slug="child-exploitation-test")
    assert theme.name == "Child exploitation (test)"
    html = followed(editor_client, editor_client.post(url("themes", "delete", neglect)))
    assert "cannot be deleted: published reviews use it" in messages_of(html)
    assert Theme.objects.filter(pk=neglect.pk).exists()
    followed(editor_client, editor_client.post(url("themes", "delete", theme)))
    assert not Theme.objects.filter(pk=theme.pk).exists()
