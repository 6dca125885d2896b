"""The learning library in site search: a published review found by its summary and themes,
a briefing by the words of its parts, each on its own partnership's site and for everyone;
a draft or withdrawn one never found, and one leaving the index when it is withdrawn; a
renamed theme found under its new name; and review case records never indexed at all."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from hub.reviews.search_index import chunks
from hub.search.indexing import index
from hub.search.models import SearchChunk, Visibility
from hub.search.results import run
from tests.reviews.conftest import make_review as make_case_record
from tests.reviews.learning_data import make_briefing, make_review

pytestmark = pytest.mark.django_db


def urls(query, partnership):
    found = run(query, partnership=partnership, user=AnonymousUser()).results
    return [result.url for result in found]


def review_url(review):
    return reverse("reviews:published_review", args=[review.slug])


def briefing_url(briefing):
    return reverse("reviews:briefing", args=[briefing.slug])


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Run what a save asks for once it commits (the search index's update, at once)."""

    def save(*rows, make=None):
        with django_capture_on_commit_callbacks(execute=True):
            made = make() if make is not None else None
            for row in rows:
                row.save()
        return made

    return save


def test_a_published_review_and_its_briefing_are_found_by_their_words(westshire, neglect, saved):
    review = saved(
        make=lambda: make_review(
            westshire, themes=[neglect], summary="The review found a marigold pattern (test)."
        )
    )
    briefing = saved(
        make=lambda: make_briefing(
            westshire, review=review, what_to_do="- Ask about the periwinkle plan (test)"
        )
    )
    assert review_url(review) in urls("marigold", westshire)
    assert briefing_url(briefing) in urls("periwinkle", westshire)
    chunk = SearchChunk.objects.filter(source_type="learning", text__contains="periwinkle").get()
    assert (chunk.kind, chunk.visibility, chunk.partnership_id) == (
        "7-minute briefing",
        Visibility.PUBLIC,
        westshire.pk,
    )
    assert chunk.heading == "What to do"


def test_drafts_and_withdrawn_entries_are_never_found_and_withdrawing_removes_one(westshire, saved):
    draft = saved(
        make=lambda: make_briefing(
            westshire,
            title="Draft (test)",
            published=False,
            published_on=None,
            background="A foxglove draft (test).",
        )
    )
    assert urls("foxglove", westshire) == []
    draft.published, draft.published_on = True, draft.updated_at.date()
    saved(draft)
    assert urls("foxglove", westshire) == [briefing_url(draft)]
    draft.withdrawn = True
    saved(draft)
    assert urls("foxglove", westshire) == []
    review = saved(
        make=lambda: make_review(westshire, summary="A buttercup review (test).", withdrawn=True)
    )
    assert urls("buttercup", westshire) == []
    assert chunks([f"review-{review.pk}"]) == {f"review-{review.pk}": []}


def test_another_partnerships_site_never_finds_them(westshire, northmoor, saved):
    saved(make=lambda: make_review(westshire, summary="A snowdrop finding (test)."))
    assert urls("snowdrop", westshire) and urls("snowdrop", northmoor) == []


def test_a_renamed_theme_is_found_under_its_new_name(westshire, neglect, saved):
    review = saved(make=lambda: make_review(westshire, themes=[neglect]))
    neglect.name = "Cornflower neglect (test)"
    saved(neglect)
    assert review_url(review) in urls("cornflower", westshire)


def test_review_case_records_are_never_indexed(westshire, neglect, saved):
    record = saved(
        make=lambda: make_case_record(westshire, summary="A zyxquillon case record (test).")
    )
    record.themes.add(neglect)
    saved(record)
    index("learning")
    assert not SearchChunk.objects.filter(text__icontains="zyxquillon").exists()
    assert all("zyxquillon" not in chunk.text for found in chunks(None).values() for chunk in found)
    assert urls("zyxquillon", westshire) == []
