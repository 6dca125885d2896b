"""The glossary's acronyms, for site search's synonyms: a search for "MARAC" finds "multi-agency
risk assessment conference" and the other way round.

Only a term that is plainly an acronym or abbreviation with its expansion counts, written in
one of the ways the glossary writes them:

- the term is the acronym and its definition begins with the words it stands for:
  "ICPC" — "Initial child protection conference: the first meeting ...";
- the term is the words with the acronym in brackets after them (or the other way round):
  "Initial child protection conference (ICPC)", "ICPC (initial child protection conference)".

The acronym must be the initials of the words (a number stands for itself: "s47" is
"section 47"), so an ordinary definition is never read as an expansion.
"""

import re

from django.db.models.functions import Left

from hub.procedures.models import GlossaryTerm

# Enough of a definition to hold the words an acronym stands for.
OPENING = 300
# Small words an acronym may leave out: "CAMHS" is "child and adolescent mental health services".
SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"}
ARTICLES = {"a", "an", "the"}
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z0-9&]{1,11}")
_BRACKETED = re.compile(r"^(?P<outside>[^()]+?)\s*\((?P<inside>[^()]+)\)$")
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Where a definition's opening words end: a colon, a full stop, a comma, a dash or a bracket.
_CLAUSE_END = re.compile(r"[:.;,(–—]| - ")


def glossary_synonyms(partnership):
    """[[acronym, expansion], ...] in lower case, from the glossary of the manual of
    `partnership`'s consortium: one pair for each term that is an acronym or abbreviation
    with its expansion, nothing for any other term. One query."""
    if partnership is None or partnership.consortium_id is None:
        return []
    terms = (
        GlossaryTerm.objects.filter(manual__consortium_id=partnership.consortium_id)
        .annotate(opening=Left("definition", OPENING))
        .order_by("term", "pk")
        .values_list("term", "opening")
    )
    pairs = []
    for term, opening in terms:
        pair = acronym_and_expansion(term, opening or "")
        if pair is not None and pair not in pairs:
            pairs.append(pair)
    return pairs


def acronym_and_expansion(term, definition):
    """[acronym, expansion] in lower case if the glossary entry is an acronym with its
    expansion, else None."""
    term = " ".join(term.split())
    bracketed = _BRACKETED.match(term)
    if bracketed:
        outside, inside = bracketed["outside"].strip(), bracketed["inside"].strip()
        # Written this way, the glossary says which is the short form: its words need only
        # begin with the letters ("Section 47 enquiry (s47)").
        for acronym, words in ((inside, outside), (outside, inside)):
            if _is_acronym(acronym) and _spells(acronym, _tokens(words)):
                return [acronym.lower(), " ".join(_tokens(words)).lower()]
        return None
    if not _is_acronym(term):
        return None
    clause = _CLAUSE_END.split(" ".join(definition.split()), maxsplit=1)[0]
    words = _tokens(clause)
    # "An early help assessment: ..." begins with its words all the same.
    starts = (0, 1) if words and words[0].lower() in ARTICLES else (0,)
    for start in starts:
        used = _spells(term, words[start:])
        if used:
            return [term.lower(), " ".join(words[start : start + used]).lower()]
    return None


def _is_acronym(value):
    """One short word of capitals (two at least), or of letters and a number ("s47")."""
    if not _ACRONYM.fullmatch(value):
        return False
    capitals = sum(character.isupper() for character in value)
    return capitals >= 2 and capitals >= len(value) - 2 or any(c.isdigit() for c in value)


def _tokens(text):
    return _TOKEN.findall(text)


def _spells(acronym, words):
    """How many of `words`, from the first, the acronym stands for (0: it does not): each
    letter is a word's initial (a hyphenated word may give one letter or one per part), a
    number is that number, and small words may be left out, but not the last one."""
    letters = [piece.lower() for piece in re.findall(r"[0-9]+|[^\W\d_]", acronym.replace("&", "a"))]

    def match(letter, word):
        if letter == len(letters):
            return word
        if word == len(words):
            return 0
        token = words[word].lower()
        wanted = letters[letter]
        options = []
        if wanted.isdigit():
            if token == wanted:
                options.append(1)
        else:
            if token[0] == wanted:
                options.append(1)
            parts = token.split("-")
            if len(parts) > 1 and all(parts):
                initials = [part[0] for part in parts]
                if letters[letter : letter + len(initials)] == initials:
                    options.append(len(initials))
        for consumed in options:
            found = match(letter + consumed, word + 1)
            if found:
                return found
        if token in SMALL_WORDS and letter > 0:
            return match(letter, word + 1)
        return 0

    return match(0, 0)
