"""The judged query set (tests/search/judged.py) on the demo, through the search page's own
ordering (hub/search/results.py), on whichever database the suite runs on."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from hub.search.models import SearchChunk
from hub.search.results import STOP_WORDS, _plain, run
from tests.search.judged import JUDGED, score

pytestmark = pytest.mark.django_db


def urls_for(partnership):
    def search(query):
        return [
            result.url
            for result in run(query, partnership=partnership, user=AnonymousUser()).results
        ]

    return search


def test_the_right_guidance_is_in_the_top_three_for_nine_queries_in_ten(westshire, request):
    scores = score(urls_for(westshire))
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"\njudged queries: {len(JUDGED)}, top-3 accuracy {scores.top3:.1%}, "
            f"mean reciprocal rank {scores.mrr:.3f}"
        )
    assert scores.top3 >= 0.9, "\n".join(scores.misses)


def test_the_set_is_what_the_issue_asks_for(westshire):
    queries = {entry.query for entry in JUDGED}
    assert len(JUDGED) >= 40
    assert {
        "domestic abuse",
        "information sharing",
        "core group",
        "CSE",
        "s47",
        "neglet",
    } <= queries
    # Every expected address is one the index holds for Westshire's site.
    held = set(SearchChunk.objects.values_list("url", flat=True))
    missing = [url for entry in JUDGED for url in entry.expected if url not in held]
    assert missing == []
    # For at least half, the first expected result's title lacks the query's words.
    without = 0
    for entry in JUDGED:
        title = SearchChunk.objects.filter(url=entry.expected[0]).values_list("title", flat=True)[0]
        words = {w for w in _plain(entry.query) if w not in STOP_WORDS}
        title_words = set(_plain(re.sub(r"[^\w\s']", " ", title)))
        if not words <= title_words:
            without += 1
    assert without >= len(JUDGED) / 2, without


def test_the_search_page_shows_them_in_that_order(client):
    html = client.get("/search/", {"q": "s47"}).content.decode()
    first = re.search(r'hub-search-result">\s*<a [^>]*>([^<]+)</a>', html)
    assert first is not None and first.group(1) == "Section 47 enquiries"
