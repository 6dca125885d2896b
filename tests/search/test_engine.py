"""The Hub's own chunk index on the database's full-text engine (hub/search/engine.py), on
whichever database the suite runs: ranking with the title first, one hit per source, each
partnership's scope and each visibility inside the query, the index kept by the database's
triggers, and nothing typed ever an engine syntax error."""

import pytest

from hub.search import engine
from hub.search.engine import fts5_query
from hub.search.models import SearchChunk, Visibility

pytestmark = pytest.mark.django_db


def chunk(title, text, *, heading="", partnership=None, consortium=None, **fields):
    return SearchChunk(
        kind=fields.pop("kind", "Test"),
        title=title,
        heading=heading,
        text=text,
        url=fields.pop("url", "/test/"),
        partnership=partnership,
        consortium=consortium,
        **fields,
    )


def titles(hits):
    return [hit.chunk.title for hit in hits]


@pytest.fixture
def indexed(westshire, northmoor):
    engine.replace_source(
        "test",
        "lado",
        [
            chunk(
                "Quillwort allegations against staff",
                "Call the designated officer the same day.",
                partnership=westshire,
            ),
        ],
    )
    engine.replace_source(
        "test",
        "neglect",
        [
            chunk(
                "Neglect", "Signs of neglect in babies.", heading="Babies", partnership=westshire
            ),
            chunk(
                "Neglect",
                "Quillwort checks for older children.",
                heading="Older children",
                partnership=westshire,
            ),
            chunk("Neglect", "Quillwort tools and forms.", heading="Tools", partnership=westshire),
        ],
    )
    engine.replace_source(
        "test",
        "regional",
        [
            chunk(
                "Strategy discussions",
                "Hold a quillwort strategy discussion within a day.",
                consortium=westshire.consortium,
            )
        ],
    )
    engine.replace_source(
        "test",
        "northmoor",
        [chunk("Northmoor quillwort guide", "Quillwort in Northmoor.", partnership=northmoor)],
    )
    engine.replace_source(
        "test",
        "staff-only",
        [
            chunk(
                "Quillwort staff briefing",
                "For professionals.",
                partnership=westshire,
                visibility=Visibility.RESTRICTED,
            )
        ],
    )
    engine.replace_source(
        "test",
        "members",
        [
            chunk(
                "Quillwort members' note",
                "For anyone signed in.",
                partnership=westshire,
                visibility=Visibility.SIGNED_IN,
            )
        ],
    )


def test_a_title_match_comes_before_words_in_the_text(westshire, indexed):
    hits = engine.search("quillwort", partnership=westshire)
    assert titles(hits)[0] == "Quillwort allegations against staff"
    assert set(titles(hits)) == {
        "Quillwort allegations against staff",
        "Neglect",
        "Strategy discussions",
    }


def test_one_hit_per_source_with_its_best_chunk(westshire, indexed):
    (hit,) = [
        h for h in engine.search("quillwort", partnership=westshire) if h.chunk.title == "Neglect"
    ]
    assert hit.matches == 2
    assert hit.chunk.heading in ("Older children", "Tools")


def test_each_site_sees_its_own_its_consortiums_and_not_another_partnerships(
    westshire, northmoor, indexed
):
    assert "Northmoor quillwort guide" not in titles(
        engine.search("quillwort", partnership=westshire)
    )
    found = titles(engine.search("quillwort", partnership=northmoor))
    assert "Northmoor quillwort guide" in found
    assert "Quillwort allegations against staff" not in found
    if northmoor.consortium_id == westshire.consortium_id:
        assert "Strategy discussions" in found


def test_visibility_is_applied_inside_the_query(westshire, indexed):
    public = titles(engine.search("quillwort", partnership=westshire))
    signed_in = titles(engine.search("quillwort", partnership=westshire, signed_in=True))
    professional = titles(
        engine.search("quillwort", partnership=westshire, signed_in=True, professional=True)
    )
    assert "Quillwort members' note" not in public and "Quillwort staff briefing" not in public
    assert "Quillwort members' note" in signed_in and "Quillwort staff briefing" not in signed_in
    assert "Quillwort staff briefing" in professional


def test_the_index_follows_every_change_to_a_chunk(westshire, indexed):
    engine.replace_source(
        "test",
        "lado",
        [chunk("Allegations", "Call the designated officer.", partnership=westshire)],
    )
    assert "Quillwort allegations against staff" not in titles(
        engine.search("quillwort", partnership=westshire)
    )
    saved = SearchChunk.objects.get(source_type="test", source_id="lado")
    saved.text = "Zephyrine timescales apply."
    saved.save()
    assert titles(engine.search("zephyrine", partnership=westshire)) == ["Allegations"]
    engine.remove_source("test", "lado")
    assert engine.search("zephyrine", partnership=westshire) == []


def test_phrases_or_and_exclusion_mean_the_same_on_both_databases(westshire, indexed):
    assert titles(engine.search('"strategy discussion"', partnership=westshire)) == [
        "Strategy discussions"
    ]
    assert engine.search('"discussion strategy"', partnership=westshire) == []
    either = titles(engine.search("babies OR designated", partnership=westshire))
    assert set(either) == {"Neglect", "Quillwort allegations against staff"}
    without = titles(engine.search("quillwort -neglect", partnership=westshire))
    assert "Neglect" not in without and "Quillwort allegations against staff" in without


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 2000,
        "the and of",
        "!!! ??? ...",
        '"unbalanced',
        'NEAR(quillwort "a" 3)',
        "quill*",
        "^quillwort",
        "title:quillwort",
        "-",
        "OR",
        "quillwort OR",
        "' OR '1'='1' --",
        "\x00\x07quillwort\x1f",
        "квиллворт 漢字 😀 \u202e",
    ],
)
def test_nothing_typed_is_an_engine_error(westshire, indexed, query):
    hits = engine.search(query, partnership=westshire)
    assert isinstance(hits, list)


def test_the_fts5_query_quotes_every_term():
    assert fts5_query("neglect babies") == '("neglect") AND ("babies")'
    assert fts5_query('"strategy discussion" lado') == '("strategy discussion") AND ("lado")'
    assert fts5_query("cse OR cce") == '("cse" OR "cce")'
    assert fts5_query("neglect -toolkit") == '(("neglect")) NOT ("toolkit")'
    assert fts5_query('NEAR(a "b') == '("NEAR a") AND ("b")'
    assert fts5_query("*^:()") is None
    assert fts5_query("-only") is None
