"""Long texts cut into chunks for the search index, so that a hit lands on the part of a page,
chapter or document that matched and the snippet comes from that part.

Two ways in, one set of rules:

- `chunk_html` reads a page's or chapter's rich text (Wagtail's, or pasted HTML): headings
  h1–h6 start sections; paragraphs, list items, table rows and other blocks are paragraphs;
  links, emphasis and editor attributes (`linktype`, `data-block-key`) only carry their text;
  `<script>`, `<style>` and similar elements are dropped with everything inside them, since
  their content is never something a reader sees and must never be indexed.
- `chunk_text` reads text extracted from a document (hub.library.extraction): one paragraph a
  line, pages separated by form feeds. Nothing is marked up, so a line is taken for a heading
  when it looks like one: short, no closing full stop, and numbered ("3.2 Strategy
  discussions") or in Title Case ("Information Sharing", "APPENDIX A"), and not the
  continuation of the line before. Page numbers, contents lines with dot leaders, running
  headers (the same line on three or more pages) and runs of three or more such lines (a list
  of agencies, a contents page) are text, not headings. A wrong guess costs only a heading:
  the words are kept either way.

The rules, in order:

1. Split by heading. The text before the first heading is a section with heading "".
2. A section shorter than `min_words` is merged with the following section (or, at the end,
   with the one before), unless that would pass `max_words`. The merged chunk's heading joins
   the headings it holds, "Introduction; Who this is for", so every heading's words stay with
   the chunk that holds its text (at most four are named, in at most 300 characters, then
   "…").
3. A section longer than `max_words` is split at paragraph boundaries into pieces of roughly
   `target_words`; a paragraph longer than `max_words` is split at sentence boundaries, and a
   sentence longer than that hard, every `max_words` words. A piece's heading is the heading
   of the section its text belongs to.

Every chunk's `text` starts with its heading where the chunk starts a section: heading words
are words of the text, and the concatenation of all chunks' text holds every word of the input
in order, nothing dropped and nothing repeated. Paragraphs are separated by one newline; within
a paragraph, whitespace is single spaces. HTML entities are unescaped; control characters are
removed (tabs, line breaks and form feeds are whitespace). Nothing here reads the database, and
no text makes these functions raise: None, empty, whitespace-only or tag-only input gives no
chunks.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

TARGET_WORDS = 400
MAX_WORDS = 1000
MIN_WORDS = 60

# Removed with everything inside them (as in hub.procedures.richtext).
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "svg"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Tags that end one paragraph and start another; any other tag only wraps text.
BLOCK_TAGS = {
    *HEADING_TAGS,
    *("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section"),
    *("article", "header", "footer", "aside", "nav", "figure", "figcaption", "address"),
    *("table", "thead", "tbody", "tfoot", "tr", "caption", "hr", "main", "form", "fieldset"),
}
# Tags whose neighbours are separate words, though in the same paragraph.
SPACED_TAGS = {"br", "td", "th", "img", "input", "wbr"}

# Control characters that are not whitespace; those that are (tab, newline, vertical tab,
# form feed, carriage return, the file/group/record/unit separators, NEL) are treated as spaces
# or line breaks by the splitting below. Zero-width space and byte order marks go too; the
# zero-width joiner stays, since emoji sequences need it.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200b\ufeff]")
_LINE_BREAK = re.compile(r"\r\n?|[\v\x1c-\x1e\x85\u2028\u2029]")
# Comments, including one never closed (html.parser would hand that back as text).
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")

# A heading is short and names something; longer "headings" (an unclosed <h2>) are paragraphs.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 120
# A merged chunk names at most this many headings, in at most this many characters (the
# index's heading column holds 300).
HEADINGS_NAMED = 4
JOINED_HEADING_MAX_CHARS = 300
_MULTILEVEL_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?$")
_SINGLE_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[A-Z])[.)]?$")
_DOT_LEADER = re.compile(r"\.{4,}|…{2,}|(?:\. ){3,}")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d+(?:\s*(?:of|/)\s*\d+)?$", re.I)
# A heading-like line on this many pages is a running header or footer, not a heading.
RUNNING_HEADER_PAGES = 3
# This many heading-like lines in a row are a list, not headings.
LIST_LINES = 3
# Lowercase words allowed inside a Title Case heading.
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on"}
    | {"or", "per", "the", "to", "via", "vs", "with", "within"}
)
# A line ending like this continues on the next one, so the next line is not a heading.
_CONTINUES = frozenset([*_SMALL_WORDS, "is", "are", "be", "will", "should", "must", "may"])


@dataclass(frozen=True, slots=True)
class Chunk:
    """A part of a text for the search index. `heading` is the heading above `text` ("" before
    any heading; headings joined with "; " when short sections were merged); `position` counts
    the chunks of one text from 0; `words` is the number of words in `text`."""

    heading: str
    text: str
    position: int
    words: int


@dataclass(slots=True)
class _Unit:
    """A paragraph (or a sentence or slice of one too long to keep whole), with the heading of
    the section it belongs to."""

    owner: str
    text: str
    words: int
    starts_paragraph: bool = True


@dataclass(slots=True)
class _Section:
    units: list
    words: int


def chunk_html(
    html, *, target_words=TARGET_WORDS, max_words=MAX_WORDS, min_words=MIN_WORDS
) -> list[Chunk]:
    """The chunks of rich text or other HTML, in reading order. Never raises for any `html`."""
    sizes = _check_sizes(target_words, max_words, min_words)
    html = _as_text(html)
    if not html.strip():
        return []
    try:
        reader = _HtmlReader()
        reader.feed(_COMMENT.sub("", _clean(html)))
        reader.close()
        blocks = reader.blocks
    except Exception:  # html.parser has raised on odd markup in some versions
        blocks = _text_blocks(re.sub(r"<[^>]*>", " ", html))
    return _chunk(blocks, *sizes)


def chunk_text(
    text, *, target_words=TARGET_WORDS, max_words=MAX_WORDS, min_words=MIN_WORDS
) -> list[Chunk]:
    """The chunks of plain text (one paragraph a line, pages separated by form feeds), in
    reading order, with lines that look like headings taken as headings. Never raises for any
    `text`."""
    sizes = _check_sizes(target_words, max_words, min_words)
    return _chunk(_text_blocks(_as_text(text)), *sizes)


def _check_sizes(target_words, max_words, min_words):
    """Sizes are the caller's constants, not input: nonsense is a programming error."""
    if not 0 < target_words <= max_words:
        raise ValueError("target_words must be positive and no more than max_words")
    if not 0 <= min_words <= max_words:
        raise ValueError("min_words must be between 0 and max_words")
    return target_words, max_words, min_words


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", errors="replace")
    return value if isinstance(value, str) else str(value)


def _clean(text):
    """Control characters out, line breaks as "\\n", unpaired surrogates replaced."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    return _LINE_BREAK.sub("\n", _CONTROL.sub("", text))


# Blocks: (is_heading, text), text already single-spaced and non-empty.


class _HtmlReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.pieces = []
        self.in_heading = False
        self.dropping = []  # open elements whose content is dropped

    def handle_starttag(self, tag, attrs):
        if self.dropping or tag in DROPPED_WITH_CONTENT:
            if tag in DROPPED_WITH_CONTENT:
                self.dropping.append(tag)
            return
        if tag in BLOCK_TAGS:
            self.flush()
            self.in_heading = tag in HEADING_TAGS
        elif tag in SPACED_TAGS:
            self.pieces.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag not in DROPPED_WITH_CONTENT:  # a self-closed <script/> holds nothing
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in BLOCK_TAGS:
            self.flush()
            self.in_heading = False
        elif tag in SPACED_TAGS:
            self.pieces.append(" ")

    def handle_data(self, data):
        if not self.dropping:
            self.pieces.append(data)

    def close(self):
        super().close()
        self.flush()

    def flush(self):
        text = " ".join("".join(self.pieces).split())
        self.pieces = []
        if text:
            heading = self.in_heading and _short_enough(text)
            self.blocks.append((heading, text))


def _short_enough(text):
    return len(text) <= HEADING_MAX_CHARS and len(text.split()) <= HEADING_MAX_WORDS


def _text_blocks(text):
    lines = []  # (looks like a heading, follows a line that runs on, line)
    pages_of = {}
    for number, page in enumerate(_clean(text).split("\f")):
        previous = ""  # the line before, on this page; "" after a blank line
        for raw in page.split("\n"):
            line = " ".join(raw.split())
            if not line:
                previous = ""
                continue
            looks = _looks_like_heading(line)
            if looks:
                pages_of.setdefault(line, set()).add(number)
            lines.append([looks, _continues(previous), line])
            previous = line
    # A heading-like line on several pages is a running header or footer.
    running = {line for line, pages in pages_of.items() if len(pages) >= RUNNING_HEADER_PAGES}
    for entry in lines:
        entry[0] = entry[0] and entry[2] not in running
    _lists_are_not_headings(lines)
    return [(looks and not continued, line) for looks, continued, line in lines]


def _lists_are_not_headings(lines):
    """Three or more heading-like lines in a row are a list (agencies, a contents page), not
    headings: a heading has text under it, and at most a subtitle above that."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end][0]:
            end += 1
        if end - start >= LIST_LINES:
            for entry in lines[start:end]:
                entry[0] = False
        start = end + 1


def _continues(line):
    """Whether `line` plainly runs on into the next line (a wrapped sentence, or the colon
    that opens a list)."""
    if not line:
        return False
    if line[-1] in ",:-–—(/&":
        return True
    return line.rsplit(" ", 1)[-1].lower() in _CONTINUES


def _looks_like_heading(line):
    if line[-1] in ".,;:" or not _short_enough(line) or _DOT_LEADER.search(line):
        return False
    if _PAGE_NUMBER.match(line):
        return False
    words = line.split()
    first = words[0]
    if _MULTILEVEL_NUMBER.match(first):
        # "3.2 Strategy discussions": numbered headings may be in sentence case.
        return len(words) > 1 and words[1][0].isupper()
    if _SINGLE_NUMBER.match(first) and len(words) > 1:
        words = words[1:]  # "1 Introduction", "A. Contacts", "IV Review": the rest in Title Case
    return _title_case(words)


def _title_case(words):
    first = words[0].lstrip("\"'‘“(")
    if not first or not first[0].isupper():
        return False
    for word in words[1:]:
        word = word.strip("\"'‘’“”()[]")
        if not word or not word[0].isalpha():
            continue  # numbers, "&", "–": neither for nor against
        if not word[0].isupper() and word.lower() not in _SMALL_WORDS:
            return False
    return True


# From blocks to chunks.


def _chunk(blocks, target_words, max_words, min_words):
    sections = _merge_short(_sections(blocks), max_words, min_words)
    chunks = []
    for section in sections:
        if section.words > max_words:
            pieces = _split(section.units, target_words, max_words, min_words)
        else:
            pieces = [section.units]
        for units in pieces:
            chunks.append(_make_chunk(units, len(chunks)))
    return chunks


def _sections(blocks):
    sections = []
    heading = ""
    for is_heading, text in blocks:
        if is_heading:
            heading = text
        unit = _Unit(heading, text, len(text.split()))
        if is_heading or not sections:
            sections.append(_Section([unit], unit.words))
        else:
            sections[-1].units.append(unit)
            sections[-1].words += unit.words
    return sections


def _merge_short(sections, max_words, min_words):
    """Short sections joined to the next (at the end, to the one before), never past
    `max_words`."""
    merged = []
    waiting = None  # a short section looking for a following one
    for section in sections:
        if waiting is not None:
            if waiting.words + section.words <= max_words:
                section = _Section(waiting.units + section.units, waiting.words + section.words)
            else:
                _join_to_last(merged, waiting, max_words)
            waiting = None
        if section.words < min_words:
            waiting = section
        else:
            merged.append(section)
    if waiting is not None:
        _join_to_last(merged, waiting, max_words)
    return merged


def _join_to_last(merged, section, max_words):
    if merged and merged[-1].words + section.words <= max_words:
        merged[-1].units.extend(section.units)
        merged[-1].words += section.words
    else:
        merged.append(section)


def _split(units, target_words, max_words, min_words):
    """Lists of units of roughly `target_words` each, none over `max_words`: pieces are cut at
    paragraph boundaries, and only a paragraph longer than `max_words` is cut within."""
    units = [piece for unit in units for piece in _small_units(unit, max_words)]
    total = sum(unit.words for unit in units)
    # Even pieces: 1,100 words make three pieces of ~367, not 400 + 400 + 300.
    goal = total / max(1, round(total / target_words))
    pieces, current, words = [], [], 0
    for unit in units:
        closer_without = words >= min_words and abs(words - goal) <= abs(words + unit.words - goal)
        if current and (words + unit.words > max_words or closer_without):
            pieces.append(current)
            current, words = [], 0
        current.append(unit)
        words += unit.words
    if current:
        tail = sum(unit.words for unit in current)
        previous = sum(unit.words for unit in pieces[-1]) if pieces else 0
        if pieces and tail < min_words and previous + tail <= max_words:
            pieces[-1].extend(current)
        else:
            pieces.append(current)
    return pieces


def _small_units(unit, max_words):
    """A paragraph as one unit, or, when longer than `max_words`, its sentences (and a
    sentence longer than that in slices of `max_words` words)."""
    if unit.words <= max_words:
        return [unit]
    units = []
    for sentence in _SENTENCE_END.split(unit.text):
        words = sentence.split()
        for start in range(0, len(words), max_words):
            piece = words[start : start + max_words]
            units.append(_Unit(unit.owner, " ".join(piece), len(piece), starts_paragraph=False))
    if units:
        units[0].starts_paragraph = unit.starts_paragraph
    return units


def _make_chunk(units, position):
    parts = []
    for unit in units:
        if parts:
            parts.append("\n" if unit.starts_paragraph else " ")
        parts.append(unit.text)
    headings = []
    for unit in units:
        if unit.owner and (not headings or headings[-1] != unit.owner):
            headings.append(unit.owner)
    named = headings[:HEADINGS_NAMED]
    while len(named) > 1 and len("; ".join(named)) > JOINED_HEADING_MAX_CHARS - 3:
        named.pop()
    heading = "; ".join(named)
    if len(named) < len(headings):
        heading += "; …"
    return Chunk(
        heading=heading,
        text="".join(parts),
        position=position,
        words=sum(unit.words for unit in units),
    )
