"""Writing to and searching the Hub's own chunk index (hub/search/models.py) on each
database's full-text engine.

`replace_source` puts a source's chunks in place of the ones it had, in one transaction (the
migration's triggers keep the full-text index current). `search` finds the chunks a visitor
may see on a partnership's site, ranked by the engine with the title weighted above the
heading above the text, and returns one hit per source with its best chunk.

PostgreSQL reads the query with `websearch_to_tsquery` (quoted phrases, OR, -exclusion), which
accepts anything typed. SQLite's FTS5 has its own syntax, in which a stray quote or `NEAR(`
is an error, so the query is rebuilt from the words typed (`fts5_query`) with the same
meaning: every word, phrase in quotes, `OR` between words, `-word` left out.
"""

import re
from dataclasses import dataclass

from django.db import connection, transaction

from hub.search.models import SearchChunk, Synonym, Visibility, scope_word

# Control characters (PostgreSQL refuses a NUL) and anything past this many characters go.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
LONGEST_QUERY = 500
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@dataclass(slots=True)
class Found:
    """A chunk as a hit shows it: every column but the text, which `load_texts` reads for
    the few chunks that need it (None until then)."""

    id: int
    source_type: str
    source_id: str
    title: str
    heading: str
    kind: str
    url: str
    reach: str | None
    audiences: str | None
    text: str | None = None


# The columns the ranking queries return, in Found's order after the score.
_COLUMNS = "c.source_type, c.source_id, c.title, c.heading, c.kind, c.url, c.reach, c.audiences"


@dataclass(frozen=True)
class Hit:
    chunk: SearchChunk
    score: float  # higher is better, comparable within one search
    matches: int  # how many of the source's chunks matched (among those ranked)


def tidy(query):
    """What of `query` is given to the engine."""
    return _CONTROL.sub(" ", query or "")[:LONGEST_QUERY].strip()


def normalise(query):
    """A query as it is compared and counted (best bets, query insight): lower case, words
    separated by single spaces, no punctuation around words, at most 200 characters."""
    words = [word for word in (_WORD.findall(piece) for piece in tidy(query).split()) if word]
    return " ".join(" ".join(pieces) for pieces in words).casefold()[:200].strip()


def fts5_query(query):
    """`query` as FTS5 syntax, or None when nothing searchable is left. Every term is a
    quoted string, so nothing typed is read as FTS5's own syntax."""
    query = tidy(query)
    positive, negative = [], []
    pending_or = False
    for phrase, rest in _pieces(query):
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                term = '"' + " ".join(words) + '"'
                _add(positive, term, pending_or)
                pending_or = False
            continue
        for piece in rest.split():
            if piece == "OR":
                pending_or = bool(positive)
                continue
            excluded = piece.startswith("-")
            words = _WORD.findall(piece)
            if not words:
                continue
            term = '"' + " ".join(words) + '"'
            if excluded:
                negative.append(term)
            else:
                _add(positive, term, pending_or)
                pending_or = False
    if not positive:
        return None
    expression = " AND ".join(f"({group})" for group in positive)
    if negative:
        expression = f"({expression}) NOT ({' OR '.join(negative)})"
    return expression


def _pieces(query):
    """(phrase, None) for each quoted phrase and (None, text) for what lies between; an
    unbalanced quote is read as if closed at the end."""
    last = 0
    for match in _PHRASE.finditer(query):
        yield None, query[last : match.start()]
        yield match.group(1), None
        last = match.end()
    rest = query[last:]
    if '"' in rest:
        before, _, after = rest.partition('"')
        yield None, before
        yield after, None
    else:
        yield None, rest


def _add(groups, term, or_with_last):
    if or_with_last and groups:
        groups[-1] = f"{groups[-1]} OR {term}"
    else:
        groups.append(term)


# -- synonyms ---------------------------------------------------------------------------------


def synonym_groups(partnership):
    """[members] of each synonym the partnership's site uses: its own, everyone's, and those
    the domains know (a glossary's acronyms, hub/core/domains.py `Searchable.synonyms`)."""
    from django.db.models import Q

    from hub.core.domains import every

    rows = Synonym.objects.filter(Q(partnership__isnull=True) | Q(partnership=partnership))
    groups = [row.members() for row in rows]
    for searchable in every("search"):
        if searchable.synonyms is not None:
            groups += searchable.synonyms(partnership)
    return groups


def expand(query, groups):
    """`query` with each word or phrase that has synonyms written as "it" OR "the others",
    which both engines read as any of them. Nothing inside quotes, and no excluded word
    (-word), is expanded."""
    alternatives = {}
    for members in groups:
        for member in members:
            alternatives.setdefault(member, members)
    if not alternatives or not query:
        return query
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(
            re.escape(member).replace("\\ ", r"\s+")
            for member in sorted(alternatives, key=len, reverse=True)
        )
        + r")(?!\w)",
        re.IGNORECASE,
    )

    def either(match):
        members = alternatives[" ".join(match.group(1).split()).lower()]
        return " OR ".join(f'"{member}"' for member in members)

    pieces = query.split('"')
    # Even pieces are outside quotes (an unbalanced quote leaves the rest inside).
    return '"'.join(
        pattern.sub(either, piece) if index % 2 == 0 else piece
        for index, piece in enumerate(pieces)
    )


# -- writing ----------------------------------------------------------------------------------


def replace_source(source_type, source_id, chunks):
    """Index `chunks` (SearchChunk instances, unsaved) as all of the source's text."""
    replace_sources(source_type, {source_id: chunks})


def replace_sources(source_type, sources, *, only=True):
    """Index each source's chunks ({source id: [unsaved SearchChunk]}) in place of what it
    had, in one transaction: one deletion for them all, then the rows in batches. `only`
    False: every other source of the type goes too (a full rebuild)."""
    rows = []
    for source_id, chunks in sources.items():
        for position, chunk in enumerate(chunks):
            chunk.source_type, chunk.source_id, chunk.position = (
                source_type,
                str(source_id),
                position,
            )
            rows.append(chunk.fill_scope())
    with transaction.atomic():
        stale = SearchChunk.objects.filter(source_type=source_type)
        if only:
            stale = stale.filter(source_id__in=[str(source_id) for source_id in sources])
        stale._raw_delete(stale.db)  # no signals or cascades: nothing refers to a chunk
        SearchChunk.objects.bulk_create(rows, batch_size=500)
    return rows


def remove_source(source_type, source_id):
    SearchChunk.objects.filter(source_type=source_type, source_id=str(source_id)).delete()


# -- searching --------------------------------------------------------------------------------

# A query matching more chunks the visitor may see than this ranks the most recently indexed
# this many, and every chunk with all the words in its title or heading (up to
# TITLE_CANDIDATES): so a word in every chunk costs what a rarer one does. Below it, every
# match is ranked.
BODY_CANDIDATES = 1000
TITLE_CANDIDATES = 200

# Visible to the visitor on the partnership's site: its own chunks at the levels the visitor
# has there, and its consortium's regional and everyone's chunks at the levels the visitor has
# across the consortium. The scope words in the full-text index say the same (they choose
# the candidates); this is checked again on the rows.
_VISIBLE = (
    "((c.partnership_id = %s AND c.visibility IN (%s, %s, %s)) OR (c.partnership_id IS NULL "
    "AND (c.consortium_id = %s OR c.consortium_id IS NULL) AND c.visibility IN (%s, %s, %s)))"
)
# PostgreSQL: the candidates by the GIN index alone (text and scope word), newest first
# (`+ 0` keeps the planner from walking the primary key instead), then ranked; the rank is
# divided by 1 + log(length), so long chunks do not win by size alone.
# Constant fragments only; every value is a parameter.
POSTGRESQL_BODY = (
    "WITH q AS (SELECT websearch_to_tsquery('english', %s) AS words), "  # noqa: S608
    "m AS (SELECT c.id FROM hubsearch_searchchunk c, q WHERE numnode(q.words) > 0 AND "
    "c.search_vector @@ (q.words && %s::tsquery) AND " + _VISIBLE + "{kinds} "
    "ORDER BY c.id + 0 DESC LIMIT %s) "
    "SELECT c.id, ts_rank_cd(c.search_vector, q.words, 1), " + _COLUMNS + " "
    "FROM m JOIN hubsearch_searchchunk c ON c.id = m.id, q"
)
POSTGRESQL_TITLES = (
    "WITH q AS (SELECT websearch_to_tsquery('english', %s) AS words) "
    "SELECT c.id, ts_rank_cd(c.search_vector, q.words, 1), " + _COLUMNS + " "
    "FROM hubsearch_searchchunk c, q WHERE numnode(q.words) > 0 AND "
    "c.title_vector @@ (q.words && %s::tsquery) AND " + _VISIBLE + "{kinds} LIMIT %s"
)
# SQLite: FTS5 finds the matches with the scope words, newest first, and bm25() (lower is
# better; column weights title 10, heading 4, text 1, scope 0) is worked out only for the
# rows returned.
SQLITE_MATCHES = (
    "SELECT c.id, -bm25(hubsearch_chunk_fts, 10.0, 4.0, 1.0, 0.0), " + _COLUMNS + " "
    "FROM hubsearch_chunk_fts JOIN hubsearch_searchchunk c ON c.id = hubsearch_chunk_fts.rowid "
    "WHERE hubsearch_chunk_fts MATCH %s AND " + _VISIBLE + "{kinds} "
    "ORDER BY hubsearch_chunk_fts.rowid DESC LIMIT %s"
)


def visible_levels(*, signed_in, professional):
    """The visibility levels a visitor reads: `professional` for the partnership's (or, for
    regional chunks, the consortium's) professionals."""
    levels = [Visibility.PUBLIC]
    if signed_in:
        levels.append(Visibility.SIGNED_IN)
    if professional:
        levels.append(Visibility.RESTRICTED)
    # Always three values for the three placeholders; repeating one changes nothing.
    levels += [levels[0]] * (3 - len(levels))
    return [str(level) for level in levels]


def visibility_params(partnership, *, signed_in, own, regional):
    return [
        partnership.pk,
        *visible_levels(signed_in=signed_in, professional=own),
        partnership.consortium_id,
        *visible_levels(signed_in=signed_in, professional=regional),
    ]


def scope_words(partnership, *, signed_in, own, regional):
    """The scope words (models.scope_word) of every chunk the visitor may see on the
    partnership's site."""
    words = {
        scope_word(partnership.pk, None, level)
        for level in visible_levels(signed_in=signed_in, professional=own)
    }
    for level in visible_levels(signed_in=signed_in, professional=regional):
        if partnership.consortium_id:
            words.add(scope_word(None, partnership.consortium_id, level))
        words.add(scope_word(None, None, level))
    return sorted(words)


def search(
    query,
    *,
    partnership,
    signed_in=False,
    own=False,
    regional=False,
    limit=None,
    depth=BODY_CANDIDATES,
    synonyms=True,
    kinds=None,
):
    """Hits, one per source, best first: what `partnership`'s site shows (its own, its
    consortium's regional, and everyone's) at the visibility the visitor has (`own`: one of
    the partnership's professionals — confirmed staff or a role in it; `regional`: one of any
    partnership of its consortium). At most `depth` chunks are ranked (BODY_CANDIDATES).
    Words with synonyms also find the others (`expand`). `kinds`: only sources of these
    types. Each hit's chunk is a `Found`, without its text (`load_texts`)."""
    query = tidy(query)
    if synonyms:
        # `synonyms` may be the groups already read (synonym_groups) for this partnership.
        groups = synonyms if isinstance(synonyms, list) else synonym_groups(partnership)
        query = expand(query, groups)
    access = {"signed_in": signed_in, "own": own, "regional": regional}
    where = visibility_params(partnership, **access)
    only = ""
    if kinds:
        only = " AND c.source_type IN (" + ", ".join(["%s"] * len(kinds)) + ")"
        where += list(kinds)
    scopes = scope_words(partnership, **access)
    if connection.vendor == "postgresql":
        ranked = _ranked_postgresql(query, scopes, where, only, depth)
    else:
        ranked = _ranked_sqlite(query, scopes, where, only, depth)
    ranked.sort(key=lambda row: (-row[1], row[0]))
    best, counts = {}, {}
    for row in ranked:
        source = (row[2], row[3])
        counts[source] = counts.get(source, 0) + 1
        if source not in best:
            best[source] = row
    hits = [
        Hit(Found(row[0], *row[2:]), float(row[1]), counts[source]) for source, row in best.items()
    ]
    return hits if limit is None else hits[:limit]


def _ranked_postgresql(query, scopes, where, only, depth):
    if not query:
        return []
    scope = " | ".join(f"'{word}'" for word in scopes)
    with connection.cursor() as cursor:
        cursor.execute(POSTGRESQL_BODY.format(kinds=only), [query, scope, *where, depth])
        ranked = cursor.fetchall()
        if len(ranked) < depth:
            return ranked  # every match is ranked
        cursor.execute(
            POSTGRESQL_TITLES.format(kinds=only), [query, scope, *where, TITLE_CANDIDATES]
        )
        found = {row[0] for row in ranked}
        ranked += [row for row in cursor.fetchall() if row[0] not in found]
    return ranked


def _ranked_sqlite(query, scopes, where, only, depth):
    match = fts5_query(query)
    if match is None:
        return []
    scope = "scope : (" + " OR ".join(scopes) + ")"
    with connection.cursor() as cursor:
        cursor.execute(SQLITE_MATCHES.format(kinds=only), [f"({match}) AND {scope}", *where, depth])
        ranked = cursor.fetchall()
        if len(ranked) < depth:
            return ranked  # every match is ranked
        # Chunks with every word in the title or heading, whatever their age; ranked on those
        # two columns, which is near what the whole text would give them.
        titles = f"({{title heading}} : ({match})) AND {scope}"
        cursor.execute(SQLITE_MATCHES.format(kinds=only), [titles, *where, TITLE_CANDIDATES])
        found = {row[0] for row in ranked}
        ranked += [row for row in cursor.fetchall() if row[0] not in found]
    return ranked


def load_texts(chunks):
    """Fill in the text of chunks that came without it (hits), in one query."""
    missing = [chunk for chunk in chunks if chunk.text is None]
    if missing:
        texts = dict(
            SearchChunk.objects.filter(pk__in=[c.id for c in missing]).values_list("pk", "text")
        )
        for chunk in missing:
            chunk.text = texts.get(chunk.id, "")
    return chunks
