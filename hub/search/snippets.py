"""Highlighted snippets for search results: the words searched for, in their context."""

import re

from markupsafe import Markup, escape

WORD = re.compile(r"\w+", re.UNICODE)


def terms_of(query):
    return [term for term in WORD.findall(query.lower()) if len(term) > 1]


def highlight(text, query, *, width=220):
    """A passage of `text` around the first word of `query` found in it, with every searched
    word marked. Plain text in, safe HTML out."""
    text = " ".join((text or "").split())
    terms = terms_of(query)
    if not text or not terms:
        return Markup("")
    pattern = re.compile(r"\b(" + "|".join(re.escape(term) for term in terms) + r")", re.I)
    match = pattern.search(text)
    start = 0 if match is None else max(0, match.start() - width // 3)
    passage = text[start : start + width]
    if start > 0:
        passage = "…" + passage[passage.find(" ") + 1 :]
    if start + width < len(text):
        passage = passage[: passage.rfind(" ")] + "…"
    pieces, last = [], 0
    for found in pattern.finditer(passage):
        pieces.append(escape(passage[last : found.start()]))
        pieces.append(Markup('<mark class="hub-highlight">{}</mark>').format(found.group(0)))
        last = found.end()
    pieces.append(escape(passage[last:]))
    return Markup("").join(pieces)
