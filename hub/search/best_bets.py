"""Best bets: an editor pins a result (a page, a document, a chapter) to what people type, so
on the partnership's site that result comes first for that query.

A pin is stored with the query normalised (hub.search.engine.normalise), so "Escalation!" and
"escalation" are one query, and with the result's address on the site, which must be one
the index holds for that site when the pin is made. The search page asks `urls_for` and
shows each pinned result the visitor may see (visibility is the engine's to apply).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db.models import Q

from hub.search.engine import normalise
from hub.search.models import BestBet, SearchChunk

NOT_ON_THIS_SITE = "No page, document or chapter on this site has that address"


def urls_for(query, partnership):
    """The addresses pinned to `query` (normalised) on `partnership`'s site, the oldest pin
    first; [] for a query nobody pinned anything to. One query."""
    query = normalise(query or "")
    if not query or partnership is None:
        return []
    return list(
        BestBet.objects.filter(partnership=partnership, query=query)
        .order_by("created_at", "pk")
        .values_list("url", flat=True)
    )


def shown_on_site(partnership, consortium):
    """The condition on SearchChunk for "the partnership's site shows it": the
    partnership's own chunks, its consortium's regional ones and everyone's. Either argument
    may be an id or an expression (an OuterRef)."""
    return Q(partnership=partnership) | (
        Q(partnership__isnull=True) & (Q(consortium=consortium) | Q(consortium__isnull=True))
    )


def pinnable_url(partnership, address):
    """`address` as a best bet stores it: the path of a result the index holds for
    `partnership`'s site. A full address on the site's own host is cut to its path (any
    other host is refused); a path without its final slash finds the result with it.
    Raises ValidationError with a message for the editor otherwise."""
    address = (address or "").strip()
    if not address:
        raise ValidationError("Give the address of the page, document or chapter")
    if any(character.isspace() or ord(character) < 32 for character in address):
        raise ValidationError("An address has no spaces or control characters")
    try:
        parts = urlsplit(address)
    except ValueError as error:
        raise ValidationError(NOT_ON_THIS_SITE) from error
    if parts.scheme or parts.netloc:
        # "//host/path" (no scheme) names a host too, and is checked like a full address.
        if parts.scheme not in ("http", "https", "") or not parts.hostname:
            raise ValidationError(
                "Give the address on this site, starting with / (for example "
                "/library/resolving-professional-differences/) or with https://"
            )
        site = getattr(partnership, "site", None)
        if site is None or parts.hostname.lower() != site.hostname.lower():
            raise ValidationError(
                "That address is on another website: pin a page, document or chapter of this site"
            )
        address = parts.path or "/"
    elif not address.startswith("/"):
        raise ValidationError(
            "Give the address on this site, starting with / (for example "
            "/library/resolving-professional-differences/)"
        )
    candidates = [address]
    if not address.endswith("/") and "?" not in address and "#" not in address:
        candidates.append(address + "/")
    found = set(
        SearchChunk.objects.filter(
            shown_on_site(partnership.pk, partnership.consortium_id), url__in=candidates
        ).values_list("url", flat=True)
    )
    for candidate in candidates:
        if candidate in found:
            return candidate
    raise ValidationError(NOT_ON_THIS_SITE)
