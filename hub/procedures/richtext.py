"""Chapter text and local information as the editors write them: Wagtail's rich text, kept to
what the manual needs, and rendered for readers.

Regional chapter text appears on every member partnership's site, so it may link only to
addresses that mean the same everywhere: outside addresses (http, https, email, phone) and the
manual's own chapters and glossary (`/procedures/…`). A partnership's local information may
also link to that partnership's own pages and library documents (Wagtail's page and document
links, or any address on its own site).

Whatever the cleaner must remove is named, so the editor is told rather than finding the link
gone. Text saved before the rich text editor (plain tags, no links) passes through unchanged,
and rendering reads both, so past releases are never rewritten.
"""

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from markupsafe import Markup
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

BLOCK_TAGS = {"h2", "h3", "p", "ul", "ol", "li"}
INLINE_TAGS = {"b", "i", "strong", "em"}
# Removed with everything inside them: their content is not text a reader should see.
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "svg"}
# Attributes Wagtail's editor writes that carry nothing a reader sees; dropped unremarked.
EDITOR_ATTRIBUTES = {"data-block-key"}
# Tags that only wrap text (pasted from elsewhere); their text stays, unremarked.
WRAPPERS = {"span", "div", "font", "u", "sup", "sub", "small", "big", "section", "article"}

FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
LOCAL_FEATURES = [*FEATURES, "document-link"]

OUTSIDE = re.compile(
    r"^(https?://[^\s<>\"']+|mailto:[^\s<>\"'@]+@[^\s<>\"']+|tel:\+?[0-9() -]+)$", re.I
)
ANCHOR = re.compile(r"^#[\w-]+$")
MANUAL_PATH = re.compile(r"^/procedures/[\w/.#-]*$")
SITE_PATH = re.compile(r"^/(?!/)[\w/.#?=&%-]*$")


@dataclass
class Cleaned:
    html: str
    removed: list = field(default_factory=list)

    def note(self, what):
        if what not in self.removed:
            self.removed.append(what)


class LinkRules:
    """Which links a text may keep: `partnership` None for regional text."""

    def __init__(self, partnership=None):
        self.partnership = partnership

    def href(self, value):
        """The address kept, or None. Absolute addresses on the partnership's own site are
        treated as its own paths."""
        value = value.strip()
        if OUTSIDE.match(value) or ANCHOR.match(value):
            return value
        if self.partnership is None:
            return value if MANUAL_PATH.match(value) else None
        return value if SITE_PATH.match(value) else None

    def page(self, page_id):
        if self.partnership is None or not page_id.isdigit() or not self.partnership.site_id:
            return False
        root = self.partnership.site.root_page
        return Page.objects.descendant_of(root, inclusive=True).filter(pk=int(page_id)).exists()

    def document(self, file_id):
        if self.partnership is None or not file_id.isdigit():
            return False
        from hub.library.models import DocumentVersion, LibraryDocument

        documents = LibraryDocument.objects.for_partnership(self.partnership)
        return DocumentVersion.objects.filter(file_id=int(file_id), document__in=documents).exists()


class _Cleaner(HTMLParser):
    def __init__(self, rules, result):
        super().__init__(convert_charrefs=True)
        self.rules, self.result = rules, result
        self.out = []
        self.open_links = []  # for each <a>: whether it was kept
        self.dropping = []  # open tags whose content is dropped

    def handle_starttag(self, tag, attrs):
        if self.dropping:
            if tag in DROPPED_WITH_CONTENT:
                self.dropping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT:
            self.dropping.append(tag)
            self.result.note(f"a <{tag}> element and its content")
            return
        if tag == "a":
            kept = self.link(dict(attrs))
            self.open_links.append(kept is not None)
            if kept is not None:
                self.out.append(kept)
            return
        if tag in BLOCK_TAGS | INLINE_TAGS or tag == "br":
            self.out.append(f"<{tag}>")
            extra = {name for name, _ in attrs} - EDITOR_ATTRIBUTES
            if extra:
                self.result.note("formatting (" + ", ".join(sorted(extra)) + ")")
        elif tag not in WRAPPERS:
            self.result.note(f"a <{tag}> element (its text is kept)")

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and not self.dropping:
            self.out.append("<br>")
        else:
            self.handle_starttag(tag, attrs)
            if tag in DROPPED_WITH_CONTENT and self.dropping:
                self.dropping.pop()

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag == "a":
            if self.open_links and self.open_links.pop():
                self.out.append("</a>")
        elif tag in BLOCK_TAGS | INLINE_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def link(self, attrs):
        """The opening tag kept for a link, or None (its words stay, unlinked)."""
        linktype, identifier = attrs.get("linktype"), (attrs.get("id") or "").strip()
        if linktype == "page":
            if self.rules.page(identifier):
                return f'<a linktype="page" id="{escape(identifier)}">'
            self.result.note(self.refused("a link to a page", "pages"))
            return None
        if linktype == "document":
            if self.rules.document(identifier):
                return f'<a linktype="document" id="{escape(identifier)}">'
            self.result.note(self.refused("a link to a document", "library documents"))
            return None
        if linktype:
            self.result.note(f"a link of a kind the manual does not use ({linktype})")
            return None
        href = attrs.get("href")
        if href is None:
            return None  # an anchor without an address: nothing to keep or tell
        kept = self.rules.href(href)
        if kept is None:
            shown = href.strip()[:80] or "an empty address"
            where = (
                "outside addresses, chapters and the glossary"
                if self.rules.partnership is None
                else "outside addresses and your own site"
            )
            self.result.note(f"the link to {shown} (its words are kept; links may go to {where})")
            return None
        return f'<a href="{escape(kept)}">'

    def refused(self, what, kind):
        if self.rules.partnership is None:
            return (
                f"{what} of one partnership's site (regional text is shown on every "
                "partnership's site, so it links only to chapters, the glossary and outside "
                "addresses; put the link in local information)"
            )
        return f"{what} that is not one of {self.rules.partnership.short_name}'s own {kind}"


def clean(html, *, partnership=None):
    """The text kept from `html`, and what was removed, described for the editor.
    `partnership` None for regional chapter text."""
    result = Cleaned(html="")
    cleaner = _Cleaner(LinkRules(partnership), result)
    cleaner.feed(html or "")
    cleaner.close()
    cleaner.out.extend("</a>" for kept in cleaner.open_links if kept)
    result.html = "".join(cleaner.out)
    return result


def expand(html):
    """Stored text as readers see it: Wagtail's page and document links made into addresses.
    Text stored before the rich text editor has no such links and is returned as it was."""
    return str(expand_db_html(html or ""))


def render(html):
    # Every stored text went through `clean` when it was saved.
    return Markup(expand(html))  # noqa: S704
