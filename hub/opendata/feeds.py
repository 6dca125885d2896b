"""The Atom feeds (RFC 4287) every domain declares (`feeds` in hub/core/domains.py), served
at /feeds/<key>/ for the partnership whose host is asked, and named in the head of the pages
each belongs to.

A feed holds public content only, the same for everyone, so a signed-out visitor's copy is
kept by the anonymous page cache under its sections ("content": the address is no training
page) and a change a domain declares in `cache_purge` makes it fresh at once. The XML is
written by Django's Atom generator, never by hand; this module only makes sure what it is
given can be written: characters XML 1.0 cannot hold are dropped, and each entry's summary,
plain text in the registry, is escaped into the HTML Atom's `type="html"` summary carries,
so a title or summary can never turn into markup in a reader.
"""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.views.decorators.http import require_safe

from hub.core.charts import clean_text
from hub.core.domains import derived, every
from hub.core.presenters import partnership_for, partnership_or_404


def xml_text(value):
    """`value` with every character XML 1.0 cannot hold removed ("" for None)."""
    return clean_text(value or "")


def declared_feeds():
    """Every declared feed by its key."""
    return derived("feeds by key", lambda: {feed.key: feed for feed in every("feeds")})


def feed_title(feed, partnership):
    """A feed's name as readers and feed readers see it: what it is, then whose."""
    return f"{feed.title} – {partnership.name}"


def feed_links(request):
    """The partnership's feeds this page names in `<link rel="alternate">`, as
    [{"href", "title"}], in the feeds' order. Costs no query: `linked_from` reads only the
    request, and the partnership is the one the page already has."""
    partnership = partnership_for(request)
    if partnership is None:
        return []
    return [
        {"href": reverse("feeds:feed", args=[feed.key]), "title": feed_title(feed, partnership)}
        for feed in every("feeds")
        if feed.linked_from(request)
    ]


@require_safe
def feed(request, key):
    """One declared feed for the partnership of the request's host; 404 for a key no domain
    declares (or a host with no partnership). Its id is its own permanent address; its
    `updated` is its newest entry's (Atom's rule)."""
    declared = declared_feeds().get(key)
    if declared is None:
        raise Http404
    partnership = partnership_or_404(request)
    address = request.build_absolute_uri(reverse("feeds:feed", args=[key]))
    atom = Atom1Feed(
        title=xml_text(feed_title(declared, partnership)),
        link=request.build_absolute_uri("/"),
        description="",
        language="en-GB",
        author_name=xml_text(partnership.name),
        subtitle=xml_text(declared.subtitle) or None,
        feed_url=address,
        feed_guid=address,
    )
    for entry in declared.entries(partnership, request):
        summary = xml_text(entry.summary).strip()
        atom.add_item(
            title=xml_text(entry.title),
            link=entry.url,
            description=linebreaks(summary, autoescape=True) if summary else None,
            unique_id=entry.id,
            pubdate=entry.published,
            updateddate=entry.updated,
            categories=[xml_text(category) for category in entry.categories],
        )
    response = HttpResponse(content_type=atom.content_type)
    atom.write(response, "utf-8")
    return response
