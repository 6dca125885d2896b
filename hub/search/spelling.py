"""Spelling suggestions, "Did you mean …?", from the index's own vocabulary.

The vocabulary (`SearchWord`) holds the words of public chunks only, so a suggestion never
reveals what only signed-in visitors or professionals may read. A word is lower case, letters
only (any script), 3 to 40 characters; a token with a digit or an underscore in it (s47) is
not a word.

`add_words` adds a batch's new words as the indexer saves it (counts of words already known
are left to `rebuild_words`, which recounts from every public chunk). `suggest` corrects each
word of a query that the vocabulary does not know to the nearest word it does: the fewest
edits (a letter added, dropped, changed, or two neighbours swapped), then the most used.

Finding near words without reading the vocabulary: PostgreSQL's trigram index (pg_trgm, made
by migration hubsearch 0005) gives the words sharing most three-letter pieces. SQLite has no
such index here, so its candidates are every word one edit away (looked up by the unique
index on `word`) and, for words of 5 letters or more, the words with the same first letter
and a length within two (a range of that index): a correction of two edits on SQLite keeps the
first letter, as nearly every typing slip does.
"""

import json
import re
import unicodedata
from collections import Counter
from string import ascii_lowercase

from django.db import DatabaseError, connection, transaction
from rapidfuzz import process
from rapidfuzz.distance import OSA

from hub.search.engine import tidy
from hub.search.models import SearchChunk, SearchWord, Visibility

SHORTEST_WORD, LONGEST_WORD = 3, 40
# A query's words looked at, at most: each costs one query.
MOST_WORDS = 10
# Candidates PostgreSQL gives for one word, by trigram similarity, before edit distance.
CANDIDATES = 40
# Chunks read at once by `rebuild_words`; words written at once.
CHUNK_BATCH = 2000
WORD_BATCH = 5000

_TOKEN = re.compile(r"\w+")


def _words(texts):
    """The vocabulary's words in `texts`: a set. Splitting on white space first, and reading
    each distinct token once, keeps this quick on long texts that repeat their words."""
    tokens = set(" ".join(texts).split())
    found = _TOKEN.findall(unicodedata.normalize("NFC", " ".join(tokens)).lower())
    return {word for word in set(found) if _is_word(word)}


def _is_word(word):
    return SHORTEST_WORD <= len(word) <= LONGEST_WORD and word.isalpha()


def _public(chunk):
    return chunk.visibility == Visibility.PUBLIC


# Adds the words of a list (one parameter, however long) that the vocabulary does not have,
# in one statement whatever the number of words (bulk_create would write inserts of 499 words
# on SQLite). Known words are left out before the insert, which is quicker than letting each
# conflict; ON CONFLICT is for a word another indexer adds at the same time.
_POSTGRESQL_ADD = (
    "INSERT INTO hubsearch_searchword (word, chunks) "
    "SELECT t.word, 1 FROM unnest(%s::text[]) AS t(word) "
    "WHERE NOT EXISTS (SELECT 1 FROM hubsearch_searchword w WHERE w.word = t.word) "
    "ON CONFLICT (word) DO NOTHING"
)
_SQLITE_ADD = (
    "INSERT INTO hubsearch_searchword (word, chunks) SELECT value, 1 FROM json_each(%s) "
    "WHERE value NOT IN (SELECT word FROM hubsearch_searchword) ON CONFLICT (word) DO NOTHING"
)


def add_words(chunks):
    """Add the words of the public ones of `chunks` (just saved) to the vocabulary, in one
    query. A new word counts 1 chunk; counts of known words change only with
    `rebuild_words`. Safe alongside another indexer adding the same words."""
    texts = []
    for chunk in chunks:
        if _public(chunk):
            texts += [chunk.title, chunk.heading, chunk.text]
    # Sorted, so two indexers adding the same words take their locks in the same order.
    words = sorted(_words(texts))
    if not words:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_POSTGRESQL_ADD, [words])
        else:
            cursor.execute(_SQLITE_ADD, [json.dumps(words)])


def rebuild_words():
    """Make the vocabulary again from every public chunk, each word counting the public
    chunks that use it; returns how many words it has. Reads chunks in batches, so memory
    follows the vocabulary, not the index; readers see the old vocabulary until it is done."""
    counts = Counter()
    public = SearchChunk.objects.filter(visibility=Visibility.PUBLIC).order_by("pk")
    last = 0
    while True:
        rows = list(
            public.filter(pk__gt=last).values_list("pk", "title", "heading", "text")[:CHUNK_BATCH]
        )
        if not rows:
            break
        for _, title, heading, text in rows:
            counts.update(_words([title, heading, text]))
        last = rows[-1][0]
    with transaction.atomic():
        SearchWord.objects.all().delete()
        words = sorted(counts)
        for start in range(0, len(words), WORD_BATCH):
            SearchWord.objects.bulk_create(
                [
                    SearchWord(word=word, chunks=counts[word])
                    for word in words[start : start + WORD_BATCH]
                ]
            )
        if connection.vendor == "postgresql":
            # New statistics, and the trigram index's pending entries merged, so that the
            # first suggestions after a rebuild use the index rather than read every word.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE hubsearch_searchword")
                try:
                    with transaction.atomic():
                        cursor.execute("SELECT gin_clean_pending_list('hubsearch_word_trigram')")
                except DatabaseError:
                    pass  # Only the index's owner may; autovacuum will do it soon.
    return len(counts)


# -- suggesting -------------------------------------------------------------------------------

_PIECE = re.compile(r"\S+")


def suggest(query):
    """`query` with each misspelt word replaced by the nearest word of the vocabulary, or
    None when there is nothing to correct. Left as typed: words in double quotes (and after
    an unbalanced one), excluded words (-word), OR, words the vocabulary knows, words with a
    digit, words under 3 or over 40 letters, and everything between words. A corrected word
    keeps the typed word's capitals (Neglet → Neglect, NEGLET → NEGLECT). One query finds
    which words the vocabulary knows, then one for each word it does not; the first ten
    different words are looked at."""
    query = unicodedata.normalize("NFC", tidy(query))
    typed = []

    def collect(word):
        lower = word.lower()
        if _is_word(lower) and lower not in typed and len(typed) < MOST_WORDS:
            typed.append(lower)
        return word

    _each_word(query, collect)
    if not typed:
        return None
    known = set(SearchWord.objects.filter(word__in=typed).values_list("word", flat=True))
    nearest = {word: _nearest(word) for word in typed if word not in known}
    nearest = {word: near for word, near in nearest.items() if near is not None}
    if not nearest:
        return None

    def correct(word):
        near = nearest.get(word.lower())
        return word if near is None else _like(word, near)

    return _each_word(query, correct)


def _each_word(query, change):
    """`query` with `change` applied to each word that may be corrected."""

    def piece(match):
        text = match.group()
        if text == "OR" or text.startswith("-"):
            return text
        return _TOKEN.sub(lambda word: change(word.group()), text)

    parts = query.split('"')
    # Even parts lie outside quotes; an unbalanced quote leaves the rest inside, as the
    # engine reads it.
    return '"'.join(
        _PIECE.sub(piece, part) if index % 2 == 0 else part for index, part in enumerate(parts)
    )


def _like(typed, word):
    """`word` with the capitals of `typed`."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[0].isupper():
        return word[0].upper() + word[1:]
    return word


def most_edits(word):
    """How far a correction may be from `word`: one edit for a short word, two otherwise."""
    return 1 if len(word) <= 4 else 2


def _nearest(word):
    """The vocabulary word nearest to `word` (lower case, not in the vocabulary): fewest
    edits, then most used; None when none is near enough."""
    if connection.vendor == "postgresql":
        sql, params = _POSTGRESQL_CANDIDATES, [word, word, CANDIDATES]
    else:
        sql, params = _sqlite_candidates(word)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    near = process.extract(
        word,
        [candidate for candidate, _ in rows],
        scorer=OSA.distance,
        score_cutoff=most_edits(word),
        limit=None,
    )
    if not near:
        return None
    _, _, index = min(near, key=lambda found: (found[1], -rows[found[2]][1], found[0]))
    return rows[index][0]


_POSTGRESQL_CANDIDATES = (
    "SELECT word, chunks FROM hubsearch_searchword WHERE word %% %s "
    "ORDER BY similarity(word, %s) DESC, chunks DESC LIMIT %s"
)
_SQLITE_ONE_EDIT = "word IN (SELECT value FROM json_each(%s))"
_SQLITE_SAME_START = "(word >= %s AND word < %s AND length(word) BETWEEN %s AND %s)"
_SQLITE_CANDIDATES = "SELECT word, chunks FROM hubsearch_searchword WHERE "


def _sqlite_candidates(word):
    """SQL and parameters for `word`'s candidates on SQLite. A short word: every word one
    edit away. A longer one: the words starting with its letter, of a length within two,
    and every word one edit away that starts otherwise."""
    if most_edits(word) == 1:
        return _SQLITE_CANDIDATES + _SQLITE_ONE_EDIT, [json.dumps(_one_edit(word))]
    first = word[0]
    return (
        _SQLITE_CANDIDATES + _SQLITE_ONE_EDIT + " OR " + _SQLITE_SAME_START,
        [
            json.dumps(_one_edit(word, first_letter_only=True)),
            first,
            chr(ord(first) + 1),
            len(word) - 2,
            len(word) + 2,
        ],
    )


def _one_edit(word, *, first_letter_only=False):
    """Every string of 3 letters or more one edit from `word` (a letter dropped, added or
    changed, with the letters a to z and the word's own; two neighbours swapped); or only
    those whose first letter differs from the word's."""
    letters = set(ascii_lowercase) | set(word)
    found = set()
    for i in range(1 if first_letter_only else len(word) + 1):
        start, end = word[:i], word[i:]
        if end:
            found.add(start + end[1:])
            found.update(start + letter + end[1:] for letter in letters)
        if len(end) > 1:
            found.add(start + end[1] + end[0] + end[2:])
        found.update(start + letter + end for letter in letters)
    if first_letter_only:
        found = {candidate for candidate in found if candidate[:1] != word[0]}
    found.discard(word)
    return [candidate for candidate in found if len(candidate) >= SHORTEST_WORD]
