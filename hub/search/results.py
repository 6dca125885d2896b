"""What the search page shows for a query: the chunk index's hits (hub/search/engine.py) for
the visitor on this partnership's site, put in the order a practitioner expects, with their
snippets, the filters and their counts, a spelling correction and the editors' best bets.

Order: an editor's best bet first; then a title that is the query (or one of its synonyms)
exactly or nearly (plurals, word order); then a title holding the query as a phrase; then a
best chunk holding it as a phrase; then the rest, each group by the engine's rank.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from markupsafe import Markup

from hub.core.permissions import belongs_to_consortium, belongs_to_partnership
from hub.search import engine
from hub.search.models import SearchChunk
from hub.search.snippets import highlight

REACHES = {"local": "Local", "regional": "Regional", "national": "National"}
# "Did you mean …?" is offered when a query finds fewer results than this.
FEW = 3
# Words left out of an any-word search: they would match nearly everything.
_STOP_WORDS = """a about an and are as at be been being by can do does for from had has have how
i if in into is it its me my no not of on or our should so that the their them there they this
to was we what when where which who why will with you your"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


@dataclass
class Result:
    chunk: SearchChunk
    tier: int
    score: float
    matches: int
    coverage: float = 0.0  # for a title holding the query: how much of it the query is
    snippet: Markup = Markup("")
    href: str = ""
    pinned: bool = False

    @property
    def title(self):
        return self.chunk.title

    @property
    def url(self):
        return self.chunk.url

    @property
    def kind(self):
        return self.chunk.kind

    @property
    def heading(self):
        return self.chunk.heading

    @property
    def type(self):
        return self.chunk.source_type

    @property
    def audiences(self):
        return set((self.chunk.audiences or "").split())


@dataclass
class Outcome:
    query: str
    results: list = field(default_factory=list)  # after the filters, best first
    counts: dict = field(default_factory=dict)  # filter -> {value: results}
    corrected: str | None = None  # results are for this spelling instead
    suggestion: str | None = None  # "Did you mean …?"
    some_words: bool = False  # nothing had every word: results have some of them
    synonyms: list = field(default_factory=list)  # the groups the site uses


@dataclass(frozen=True)
class Filters:
    types: tuple = ()
    reach: str = ""
    audience: str = ""

    def keep(self, result):
        return (
            (not self.types or result.type in self.types)
            and (not self.reach or result.chunk.reach == self.reach)
            and (not self.audience or self.audience in result.audiences)
        )


def visitor(user, partnership):
    """(signed in, one of the partnership's professionals, one of its consortium's)."""
    signed_in = bool(user.is_authenticated and user.is_active)
    own = signed_in and belongs_to_partnership(user, partnership)
    regional = (
        signed_in
        and partnership.consortium_id is not None
        and belongs_to_consortium(user, partnership.consortium_id)
    )
    return signed_in, own, regional


def run(query, *, partnership, user, filters=Filters(), kinds=None):
    """Every result of `query` on `partnership`'s site for `user`, ordered and counted."""
    outcome = Outcome(query=engine.tidy(query))
    if partnership is None or not outcome.query:
        return outcome
    signed_in, own, regional = visitor(user, partnership)
    groups = outcome.synonyms = engine.synonym_groups(partnership)

    def find(text):
        return engine.search(
            text,
            partnership=partnership,
            signed_in=signed_in,
            own=own,
            regional=regional,
            kinds=kinds,
            synonyms=groups,
        )

    hits = find(outcome.query)
    searched = outcome.query
    suggestion = _suggest(outcome.query, groups) if len(hits) < FEW else None
    if not hits and suggestion:
        hits = find(suggestion)
        if hits:
            outcome.corrected, searched = suggestion, suggestion
    elif suggestion:
        outcome.suggestion = suggestion
    ranked = _order(hits, searched, groups)
    if len(hits) < FEW:
        # A question typed as a sentence rarely has every word in one place: results with
        # some of the words follow those with all of them.
        any_word = _any_word(searched)
        if any_word:
            seen = {(hit.chunk.source_type, hit.chunk.source_id) for hit in hits}
            more = [
                hit
                for hit in find(any_word)
                if (hit.chunk.source_type, hit.chunk.source_id) not in seen
            ]
            outcome.some_words = bool(more) and not hits
            ranked += _order(more, searched, groups)
    ranked = _pin(ranked, searched, partnership, (signed_in, own, regional))
    outcome.counts = _counts(ranked)
    outcome.results = [result for result in ranked if filters.keep(result)]
    return outcome


def add_snippets(results, query, partnership, groups=None):
    """Snippets cost a little each, so they are made only for the results shown."""
    if groups is None:
        groups = engine.synonym_groups(partnership)
    words = _highlight_words(query, groups)
    engine.load_texts([result.chunk for result in results])
    for result in results:
        result.snippet = highlight(result.chunk.text, words) or highlight(result.heading, words)
    return results


# -- order ------------------------------------------------------------------------------------


_PLAIN_WORD = re.compile(r"[^\W_]+")


def _plain(text):
    """Words in lower case with a plural's "s" dropped, for near-exact titles."""
    return [
        word[:-1] if len(word) > 3 and word.endswith("s") else word
        for word in _PLAIN_WORD.findall((text or "").casefold())
    ]


def _phrases(query, groups):
    """The query as phrases to look for: itself and, when the whole query is a synonym, the
    others of its group."""
    typed = " ".join(_plain(query))
    phrases = [typed] if typed else []
    for members in groups:
        plain_members = [" ".join(_plain(member)) for member in members]
        if typed in plain_members:
            phrases.extend(member for member in plain_members if member not in phrases)
    return phrases


def _all_in_title(words, title_words):
    """Every word of the query (stop words aside) in the title, a word of four letters or
    more also as the start of a longer one ("refer", "referral")."""
    wanted = [word for word in words if word not in STOP_WORDS] or words

    def found(word):
        return any(
            word == other or (len(word) >= 4 and other.startswith(word)) for other in title_words
        )

    return all(found(word) for word in wanted)


def _in_text(text, phrase):
    """The phrase's words in a row in `text` (lower case), each perhaps with a plural s."""
    words = [re.escape(word) + r"s?" for word in phrase.split()]
    return re.search(r"\b" + r"\W+".join(words) + r"\b", text) is not None


def _contains(haystack, phrase):
    return re.search(r"(?<!\S)" + re.escape(phrase) + r"(?!\S)", haystack) is not None


def _tier(chunk, phrases):
    """0 the title is the query, 1 the title holds it, 2 the text holds it as a phrase, 3
    the rest. A glossary entry is never above 1: the guidance itself comes first."""
    tier = _title_tier(chunk, phrases)
    return max(tier, 1) if chunk.source_type == "glossary" else tier


def _title_tier(chunk, phrases):
    if not phrases:
        return 3
    title = " ".join(_plain(chunk.title))
    bare_title = " ".join(_plain(re.sub(r"\([^)]*\)", " ", chunk.title)))
    if any(title == phrase or bare_title == phrase for phrase in phrases):
        return 0
    if any(sorted(title.split()) == sorted(phrase.split()) for phrase in phrases):
        return 0
    if any(_contains(title, phrase) for phrase in phrases):
        return 1
    if any(_all_in_title(phrase.split(), title.split()) for phrase in phrases):
        return 1
    if chunk.text is None:
        return 3  # not among the best: its text was not read
    body = f"{chunk.heading} {chunk.text}".casefold()
    if any(len(phrase.split()) > 1 and _in_text(body, phrase) for phrase in phrases):
        return 2
    return 3


# Only this many hits, best first, are looked at for the query as a phrase in their text,
# and this many for the query in their title.
PHRASE_CHECKED = 50
TIERED = 200


def _order(hits, query, groups):
    phrases = _phrases(query, groups)
    engine.load_texts([hit.chunk for hit in hits[:PHRASE_CHECKED]])
    # A title that matches ranks high anyway: only the best are looked at closely.
    results = [
        Result(hit.chunk, _tier(hit.chunk, phrases) if rank < TIERED else 3, hit.score, hit.matches)
        for rank, hit in enumerate(hits)
    ]
    for result in results:
        if result.tier == 1:
            result.coverage = _coverage(result.chunk.title, phrases)
    # Among titles holding the query, the one that is most nearly only the query first.
    results.sort(key=lambda result: (result.tier, -result.coverage, -result.score))
    return results


def _coverage(title, phrases):
    """How much of the title the query is: its words ÷ the title's (stop words aside)."""
    words = [word for word in _plain(re.sub(r"\([^)]*\)", " ", title)) if word not in STOP_WORDS]
    if not words:
        return 0.0
    found = [
        len([word for word in phrase.split() if word not in STOP_WORDS])
        for phrase in phrases
        if _all_in_title(phrase.split(), words)
    ]
    return min(1.0, max(found, default=0) / len(words))


def _pin(results, query, partnership, access):
    """Editors' best bets for the query first, when the visitor may read them, whether or
    not they matched the words."""
    from hub.search.best_bets import urls_for

    urls = urls_for(query, partnership)
    if not urls:
        return results
    by_url = {}
    for result in results:
        by_url.setdefault(result.url, result)
    missing = [url for url in urls if url not in by_url]
    if missing:
        chunks = (
            SearchChunk.objects.filter(url__in=missing)
            .filter(_visible(partnership, *access))
            .order_by("url", "position")
        )
        for chunk in chunks:
            if chunk.url not in by_url:
                by_url[chunk.url] = Result(chunk, tier=0, score=0.0, matches=0)
    pinned = []
    for url in urls:
        result = by_url.get(url)
        if result is not None and not result.pinned:
            result.pinned = True
            pinned.append(result)
    return pinned + [result for result in results if not result.pinned]


def _visible(partnership, signed_in, own, regional):
    """The engine's visibility rule (hub/search/engine.py) as a filter on SearchChunk."""
    own_levels = engine.visible_levels(signed_in=signed_in, professional=own)
    shared_levels = engine.visible_levels(signed_in=signed_in, professional=regional)
    return Q(partnership=partnership, visibility__in=own_levels) | Q(
        Q(consortium_id=partnership.consortium_id) | Q(consortium__isnull=True),
        partnership__isnull=True,
        visibility__in=shared_levels,
    )


def _suggest(query, groups):
    """A spelling correction, unless it changes a word the synonyms know (an acronym)."""
    from hub.search.spelling import suggest

    suggestion = suggest(query)
    if not suggestion:
        return None
    known = {word for members in groups for member in members for word in member.split()}
    typed = [word.casefold() for word in query.split()]
    changed = [word for word in typed if word not in suggestion.casefold().split()]
    if any(engine.normalise(word) in known for word in changed):
        return None
    return suggestion


def _any_word(query):
    """The query as any of its words (stop words left out), or "" when that adds nothing."""
    if '"' in query or " OR " in query:
        return ""
    words = [
        word
        for word in engine.normalise(query).split()
        if word not in STOP_WORDS and not word.startswith("-")
    ]
    if len(words) < 2:
        return ""
    return " OR ".join(words)


def _counts(results):
    counts = {"type": {}, "reach": {}, "audience": {}}
    for result in results:
        counts["type"][result.type] = counts["type"].get(result.type, 0) + 1
        if result.chunk.reach:
            counts["reach"][result.chunk.reach] = counts["reach"].get(result.chunk.reach, 0) + 1
        for audience in result.audiences:
            counts["audience"][audience] = counts["audience"].get(audience, 0) + 1
    return counts


def _highlight_words(query, groups):
    """The words to mark in snippets: those typed (not excluded, not OR) and their
    synonyms'."""
    expanded = engine.expand(engine.tidy(query), groups)
    kept = [piece for piece in expanded.replace('"', " ").split() if not piece.startswith("-")]
    return " ".join(piece for piece in kept if piece != "OR")
