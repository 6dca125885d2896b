"""The Hub's own chunk index on the database's full-text engine (hub/search/engine.py), on
whichever database the suite runs: ranking with the title first, one hit per source, each
partnership's scope and each visibility inside the query, the index kept by the database's
triggers, and nothing typed ever an engine syntax error."""

import pytest

from hub.search import engine
from hub.search.engine import fts5_query
from hub.search.models import SearchChunk, Synonym, Visibility

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


@pytest.fixture(autouse=True)
def only_the_tests_chunks(db):
    """The demo's chunks set aside (inside the test's transaction)."""
    SearchChunk.objects.all().delete()


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
        engine.search("quillwort", partnership=westshire, signed_in=True, own=True)
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


# -- synonyms ---------------------------------------------------------------------------------


def test_an_acronym_finds_its_words_and_the_words_find_the_acronym(westshire):
    engine.replace_source(
        "test",
        "designated",
        [
            chunk(
                "Allegations against people who work with children",
                "Tell the local authority designated officer within one working day.",
                partnership=westshire,
            )
        ],
    )
    engine.replace_source(
        "test",
        "enquiries",
        [
            chunk(
                "Child protection enquiries",
                "A section 47 enquiry starts when...",
                partnership=westshire,
            )
        ],
    )
    engine.replace_source(
        "test",
        "prevent",
        [chunk("Prevent", "The duty to refer concerns.", partnership=westshire)],
    )
    # The seeded vocabulary: every site has it.
    assert "Allegations against people who work with children" in titles(
        engine.search("LADO", partnership=westshire)
    )
    assert titles(engine.search("s47", partnership=westshire))[0] == "Child protection enquiries"
    assert "Prevent" in titles(engine.search("radicalisation", partnership=westshire))
    # Without synonyms, none of these words is in those texts.
    assert engine.search("LADO", partnership=westshire, synonyms=False) == []
    assert engine.search("radicalisation", partnership=westshire, synonyms=False) == []


def test_a_partnerships_own_synonym_is_used_on_its_site_only(westshire, northmoor):
    Synonym.objects.create(partnership=westshire, term="WESH", alternatives="front door team")
    for partnership in (westshire, northmoor):
        engine.replace_source(
            "test",
            f"door-{partnership.pk}",
            [chunk("Contacting the front door team", "Phone first.", partnership=partnership)],
        )
    assert titles(engine.search("wesh", partnership=westshire)) == [
        "Contacting the front door team"
    ]
    assert engine.search("wesh", partnership=northmoor) == []


def test_expansion_leaves_quoted_and_excluded_words_alone():
    groups = [
        ["lado", "local authority designated officer"],
        ["strategy meeting", "strategy discussion"],
    ]
    assert engine.expand("LADO role", groups) == (
        '"lado" OR "local authority designated officer" role'
    )
    assert engine.expand('"LADO" -lado', groups) == '"LADO" -lado'
    assert engine.expand("strategy   meeting notes", groups) == (
        '"strategy meeting" OR "strategy discussion" notes'
    )
    assert engine.expand("paladock", groups) == "paladock"
    assert engine.expand("", groups) == ""
