"""Spelling suggestions, "Did you mean …?" (hub/search/spelling.py), on whichever database
the suite runs: a misspelt word corrected to the nearest, most used word of the index's public
text; what the visitor meant on purpose (phrases, exclusions, OR, numbers) left alone; nothing
restricted ever suggested; and nothing typed ever an error."""

import pytest

from hub.search import engine, spelling
from hub.search.models import SearchChunk, SearchWord, Visibility
from hub.search.spelling import add_words, rebuild_words, suggest

pytestmark = pytest.mark.django_db


def chunk(title, text, *, heading="", partnership=None, **fields):
    return SearchChunk(
        kind=fields.pop("kind", "Test"),
        title=title,
        heading=heading,
        text=text,
        url=fields.pop("url", "/test/"),
        partnership=partnership,
        **fields,
    )


def index(source_id, *chunks):
    """Index `chunks` as the indexer does: saved, then their words added."""
    engine.replace_source("test", source_id, list(chunks))
    add_words(chunks)


@pytest.fixture
def indexed(westshire):
    index(
        "neglect",
        chunk(
            "Neglect",
            "Neglect is the persistent failure to meet a child's basic needs.",
            heading="Recognising neglect",
            partnership=westshire,
        ),
        chunk("Neglect", "Neglect in babies.", heading="Babies", partnership=westshire),
    )
    index(
        "domestic-abuse",
        chunk("Domestic abuse", "Domestic abuse harms children who see it.", partnership=westshire),
    )
    index(
        "quillwort",
        chunk("Quillwort", "Quillwort quillwort quillwort.", partnership=westshire),
        chunk("Quillwort tools", "Quillwort forms.", partnership=westshire),
        chunk("Quillwort checks", "Older quillwort.", partnership=westshire),
        chunk("Quellwort", "A rarer word.", partnership=westshire),
    )
    index("zorb", chunk("Zorb", "Zorb.", partnership=westshire))
    index(
        "staff-only",
        chunk(
            "Zephyrine briefing",
            "Zephyrine is for professionals only.",
            partnership=westshire,
            visibility=Visibility.RESTRICTED,
        ),
    )
    index(
        "members",
        chunk(
            "Marramgrass note",
            "Marramgrass is for anyone signed in.",
            partnership=westshire,
            visibility=Visibility.SIGNED_IN,
        ),
    )


@pytest.mark.parametrize("rebuilt", [False, True], ids=["words-added", "rebuilt-with-the-demo"])
def test_a_misspelt_word_becomes_the_nearest_word_of_the_index(indexed, rebuilt):
    if rebuilt:
        rebuild_words()
    assert suggest("neglet") == "neglect"
    assert suggest("domestc abuse") == "domestic abuse"
    assert suggest("negelct") == "neglect"  # two letters swapped: one edit
    assert suggest("reglect") == "neglect"  # even the first letter


def test_the_rest_of_the_query_stays_as_typed(indexed):
    assert suggest("Neglet") == "Neglect"
    assert suggest("NEGLET") == "NEGLECT"
    assert suggest("domestc  abuze, Neglect!") == "domestic  abuse, Neglect!"


def test_a_word_the_index_knows_has_no_suggestion(indexed):
    assert suggest("neglect") is None
    assert suggest("Domestic ABUSE") is None


def test_phrases_exclusions_or_and_numbers_are_left_alone(indexed):
    assert suggest('"neglet" -abuze') is None
    assert suggest('"neglet abuze') is None  # an unbalanced quote runs to the end
    assert suggest("neglet OR abuze") == "neglect OR abuse"
    assert suggest("s47 neglet") == "s47 neglect"
    assert suggest("s47 2024 neglect1 neglet_x") is None
    assert suggest("ne ab") is None


def test_the_more_used_of_two_equally_near_words_wins(indexed):
    rebuild_words()
    assert suggest("quallwort") == "quillwort"  # one edit from both; quillwort in 3 chunks
    assert suggest("quelwort") == "quellwort"  # nearer beats more used


def test_short_words_allow_one_edit(indexed):
    assert spelling.most_edits("zorp") == 1
    assert suggest("zorp") == "zorb"
    assert suggest("zxrp") is None


def test_words_only_signed_in_visitors_or_professionals_read_are_never_suggested(indexed):
    rebuild_words()
    assert not SearchWord.objects.filter(word__in=["zephyrine", "marramgrass"]).exists()
    assert suggest("zephyrin") is None
    assert suggest("marramgras") is None


def test_the_vocabulary_holds_lower_case_words_of_letters_from_title_heading_and_text(
    westshire,
):
    index(
        "words",
        chunk(
            "Ÿellowcress",
            "s47 ab ferncombe_tarnby x2y Café ÉCOLE дети " + "a" * 41,
            heading="Gorsebank",
            partnership=westshire,
        ),
    )
    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"ÿellowcress", "gorsebank", "café", "école", "дети"} <= words
    assert not {"s47", "ab", "ferncombe_tarnby", "ferncombe", "tarnby", "x2y", "a" * 41} & words


def test_adding_words_the_vocabulary_has_changes_nothing(indexed, westshire):
    before = dict(SearchWord.objects.values_list("word", "chunks"))
    index("again", chunk("Neglect", "Domestic abuse, quillwort: neglect.", partnership=westshire))
    assert dict(SearchWord.objects.values_list("word", "chunks")) == before


def test_rebuilding_counts_the_public_chunks_that_use_each_word(indexed):
    SearchWord.objects.filter(word="quillwort").update(chunks=99)
    SearchWord.objects.create(word="withdrawnword", chunks=5)
    total = rebuild_words()
    assert total == SearchWord.objects.count()
    counts = dict(SearchWord.objects.values_list("word", "chunks"))
    assert counts["quillwort"] == 3  # the restricted and signed-in chunks do not count
    assert counts["quellwort"] == 1
    assert "withdrawnword" not in counts


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        None,
        "x" * 2000,
        "neglet " * 300,
        "!!! ??? ...",
        '"',
        '"""',
        "-",
        "OR",
        "neglet OR",
        'NEAR(neglet "a" 3)',
        "neglet*",
        "^neglet",
        "title:neglet",
        "' OR '1'='1' --",
        "neglet; DROP TABLE hubsearch_searchword; --",
        "\x00\x07neglet\x1f",
        "квиллворт 漢字 😀 \u202e neglet",
        "😀😀😀",
        "%neglet% _ne%",
    ],
)
def test_nothing_typed_is_an_error(indexed, query):
    suggestion = suggest(query)
    assert suggestion is None or isinstance(suggestion, str)
    if suggestion is not None:
        # A correction adds a letter or two to a word of three or more.
        assert "\x00" not in suggestion and len(suggestion) < 2 * engine.LONGEST_QUERY
        if "neglet" in query:
            assert "neglect" in suggestion.lower()
    assert SearchWord.objects.filter(word="neglect").exists()
