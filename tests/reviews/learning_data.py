"""What the learning library's tests make for themselves: a published review of Westshire's
with its briefings, written straight into the database with dates counted back from today
(the demo may hold learning of its own; these tests find theirs by their own titles)."""

import datetime

from django.utils import timezone

from hub.library.models import LibraryDocument, Status
from hub.reviews.models import Briefing, PublishedReview, ReviewKind

ACCENTED_NAME = "Siobhán Ní Bhriain–O’Connor"

PARTS = {
    "background": "A fictional review (test) of a family known to several agencies.\n\n"
    "The children moved school twice in a year.",
    "why_it_matters": "Neglect builds up slowly; each agency saw only part of it.",
    "key_findings": "- Concerns were not shared between health and school\n"
    "- Nobody held the whole picture\n\nThe review found good practice too.",
    "what_to_remember": "Neglect is about the accumulation of small signs.",
    "what_to_do": "- Use the neglect toolkit\n- Talk to the family's lead professional",
    "questions": "What would your team have done differently?",
    "further_reading": f"The toolkit's guide by {ACCENTED_NAME}: https://example.org/neglect-guide.",
}


def today():
    return timezone.localdate()


def days_ago(days):
    return today() - datetime.timedelta(days=days)


def public_document(partnership):
    """One of the partnership's own library documents anyone may read."""
    return (
        LibraryDocument.objects.filter(partnership=partnership, is_restricted=False)
        .exclude(status=Status.WITHDRAWN)
        .order_by("pk")
        .first()
    )


def make_review(partnership, *, title="Child R (test): a review of neglect", themes=(), **fields):
    from django.utils.text import slugify

    values = {
        "partnership": partnership,
        "kind": ReviewKind.LCSPR,
        "title": title,
        "slug": slugify(title)[:120],
        "summary": "The review (test) looked at how agencies worked together.\n\n"
        "It found that concerns about neglect were seen but not shared.",
        "published": True,
        "published_on": days_ago(200),
        "removal_on": today() + datetime.timedelta(days=365),
    } | fields
    review = PublishedReview.objects.create(**values)
    review.themes.set(themes)
    return review


def make_briefing(
    partnership,
    *,
    title="Neglect: seeing the whole picture (test)",
    review=None,
    themes=(),
    **fields,
):
    from django.utils.text import slugify

    values = {
        "partnership": partnership,
        "published_review": review,
        "title": title,
        "slug": slugify(title)[:120],
        "summary": "Seven minutes on what the review of Child R (test) teaches about neglect.",
        "published": True,
        "published_on": days_ago(100),
        **PARTS,
    } | fields
    briefing = Briefing.objects.create(**values)
    briefing.themes.set(themes)
    return briefing
