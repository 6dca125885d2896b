"""The learning library in site search (declared in hub/reviews/domain.py as "Learning from
reviews"): each published review and each 7-minute briefing the library shows is a source,
for its own partnership's site and for everyone.

- "review-<id>": the published review's page: its title, kind, themes and summary (the summary
  stays past the report's removal date, as the page does);
- "briefing-<id>": the briefing's page: its summary and themes, then each of its seven parts
  as a chunk of its own under the part's heading, so a hit is named by the part that matched.

Unpublished or withdrawn rows map to no chunks, so they leave the index when saved. Review
case records (hub.reviews.models.Review and everything under it) are never a source: nothing
here reads them.
"""

from django.urls import reverse
from django.utils.html import escape

from hub.reviews.learning import briefing_parts
from hub.reviews.models import Briefing, PublishedReview
from hub.search.chunking import chunk_html
from hub.search.models import SearchChunk, Visibility

REVIEW_KIND = "Published review"
BRIEFING_KIND = "7-minute briefing"
PREFIXES = ("review", "briefing")


def _source(prefix, pk):
    return f"{prefix}-{pk}"


def _wanted(ids):
    """{prefix: {pk}} from source ids; None (every source) stays None."""
    if ids is None:
        return None
    wanted = {prefix: set() for prefix in PREFIXES}
    for source_id in ids:
        prefix, _, pk = str(source_id).partition("-")
        if prefix in wanted and pk.isdigit():
            wanted[prefix].add(int(pk))
    return wanted


def _chunks(html, *, partnership_id, title, url, kind):
    return [
        SearchChunk(
            partnership_id=partnership_id,
            visibility=Visibility.PUBLIC,
            kind=kind,
            reach="local",
            title=title[:300],
            heading=chunk.heading[:300],
            text=chunk.text,
            url=url,
            audiences="professionals",
        )
        for chunk in chunk_html(html)
    ]


def _paragraphs(text):
    return "".join(f"<p>{escape(line)}</p>" for line in (text or "").splitlines() if line.strip())


def _themes(row):
    names = [theme.name for theme in row.themes.all()]
    return f"<p>Themes: {escape(', '.join(names))}</p>" if names else ""


def _rows(model, wanted, prefix):
    rows = model.objects.filter(published=True, withdrawn=False).prefetch_related("themes")
    if wanted is not None:
        rows = rows.filter(pk__in=wanted[prefix])
    return rows


def chunks(ids):
    wanted = _wanted(ids)
    found = {}
    if wanted is None or wanted["review"]:
        for review in _rows(PublishedReview, wanted, "review"):
            html = (
                f"<p>{escape(review.get_kind_display())}</p>"
                + _themes(review)
                + _paragraphs(review.summary)
            )
            found[_source("review", review.pk)] = _chunks(
                html,
                partnership_id=review.partnership_id,
                title=review.title,
                url=reverse("reviews:published_review", args=[review.slug]),
                kind=REVIEW_KIND,
            )
    if wanted is None or wanted["briefing"]:
        for briefing in _rows(Briefing, wanted, "briefing"):
            common = {
                "partnership_id": briefing.partnership_id,
                "title": briefing.title,
                "url": reverse("reviews:briefing", args=[briefing.slug]),
                "kind": BRIEFING_KIND,
            }
            # Each part its own chunk (short as they are), so a hit is named by its part.
            found_chunks = _chunks(
                f"<h2>Summary</h2><p>{escape(briefing.summary)}</p>" + _themes(briefing),
                **common,
            )
            for part in briefing_parts(briefing):
                html = f"<h2>{escape(part.heading)}</h2>" + "".join(
                    f"<p>{escape(item)}</p>" for block in part.blocks for item in block.items
                )
                found_chunks += _chunks(html, **common)
            found[_source("briefing", briefing.pk)] = found_chunks
    if wanted is not None:
        for prefix in PREFIXES:
            for pk in wanted[prefix]:
                found.setdefault(_source(prefix, pk), [])
    return found


# -- what a saved or deleted row changes ------------------------------------------------------


def published_review_changed(row):
    return [_source("review", row.pk)]


def briefing_changed(row):
    return [_source("briefing", row.pk)]


def theme_changed(row):
    """A theme's name is in every chunk of the reviews and briefings it is given to. Read
    by partnership, not through the theme's links: once it is deleted it has none."""
    reviews = PublishedReview.objects.filter(partnership_id=row.partnership_id)
    briefings = Briefing.objects.filter(partnership_id=row.partnership_id)
    return [_source("review", pk) for pk in reviews.values_list("pk", flat=True)] + [
        _source("briefing", pk) for pk in briefings.values_list("pk", flat=True)
    ]
