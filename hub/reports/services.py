"""Every write of the yearly report: its figures frozen when it is published and taken when
its draft is saved, and the rules of its reporting year.

Freezing (`freeze_published`, run on Wagtail's `page_published` for a YearlyReportPage):
the published snapshot keeps, for each figure block, what it showed when first published;
a block added since is frozen now; ticking "Take the figures again" takes every figure
afresh once, and is then cleared (on the page and on the published revision, so the next
edit does not tick it again). A published report is read only from this snapshot, so data
arriving later never changes it. Figures are frozen per block id and reporting year: a
block whose figure, topics or year changed is taken afresh, one that did not keeps its value.

This module never imports the models (they call it): it reaches the snapshots through the
page. The reporting year's own rules are the models' (hub/reports/models.py).

Saving a draft (`YearlyReportPage.save_revision`) stores the draft snapshot: the live figures
at that moment, which the preview compares the live figures with ("was 12 when the draft was
saved on ...").
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.core.models import Partnership
from hub.reports import figures as resolving

# -- where a report is --------------------------------------------------------------------


def partnership_of(page):
    """The partnership whose site the report is on (None if it is on no partnership's)."""
    site = page.get_site()
    if site is None:
        return None
    return Partnership.objects.filter(site=site).first()


# -- taking figures ---------------------------------------------------------------------------


def block_key(block, position):
    return block.id or f"position-{position}"


def take_figures(page, partnership, *, keep=None):
    """{block key: entry} for every figure-bearing block of `page`'s body, for its year:
    an entry of `keep` for the same block, year and figure (or topic) is reused as it is;
    everything else is worked out now."""
    keep = keep or {}
    start, end = page.starts_on, page.ends_on
    here = resolving.period(start, end)
    taken = {}
    for position, block in enumerate(page.body):
        key = block_key(block, position)
        old = keep.get(key) or {}
        if old.get("period") != here:
            old = {}
        value = block.value
        if block.block_type == "figure":
            line = value.get("chart") == "line"
            if old.get("kind") == "figure" and old["figure"].get("key") == value["figure"]:
                resolved = old["figure"]
                if line:
                    resolved = resolving.add_series(resolved, partnership, start, end)
            else:
                resolved = resolving.resolve(
                    value["figure"], partnership, start, end, with_series=line
                )
            taken[key] = {"kind": "figure", "period": here, "figure": resolved}
        elif block.block_type == "headline_figures":
            kept = old.get("figures", {}) if old.get("kind") == "headline" else {}
            taken[key] = {
                "kind": "headline",
                "period": here,
                "figures": {
                    name: kept.get(name) or resolving.resolve(name, partnership, start, end)
                    for name in value["figures"]
                },
            }
        elif block.block_type == "search_topics":
            same = old.get("kind") == "topics" and old.get("source") == value["source"]
            taken[key] = {
                "kind": "topics",
                **resolving.resolve_topics(
                    value["source"],
                    list(value["topics"]),
                    partnership,
                    start,
                    end,
                    keep=old.get("topics") if same else None,
                ),
            }
    return taken


def _kinds(page):
    """The snapshot kinds, reached through the page (this module never imports the models,
    which call it)."""
    return page.snapshots.model.Kind


def _store(page, kind, figures, revision=None):
    snapshot, _ = page.snapshots.update_or_create(
        kind=kind,
        defaults={"figures": figures, "taken_at": timezone.now(), "revision": revision},
    )
    return snapshot


@transaction.atomic
def freeze_published(page, revision=None):
    """Keep the published report's figures as the module says; returns the snapshot."""
    published = _kinds(page).PUBLISHED
    partnership = partnership_of(page)
    existing = page.snapshots.filter(kind=published).first()
    refresh = page.refresh_figures
    keep = None if refresh or existing is None else existing.figures
    snapshot = _store(page, published, take_figures(page, partnership, keep=keep), revision)
    if refresh:
        type(page).objects.filter(pk=page.pk).update(refresh_figures=False)
        page.refresh_figures = False
        if revision is not None and revision.content.get("refresh_figures"):
            revision.content["refresh_figures"] = False
            revision.save(update_fields=["content"])
    return snapshot


def store_draft_figures(page, revision=None):
    """The draft snapshot: the figures as they are now, for the page's saved draft."""
    if page.pk is None or page.starts_on is None or page.ends_on is None:
        return None
    return _store(page, _kinds(page).DRAFT, take_figures(page, partnership_of(page)), revision)


def published_figures(page, partnership):
    """(figures, taken_at) a reader sees: the published snapshot. A block it does not hold
    yet (a page made live without Wagtail's publish, say) is frozen now, once."""
    published = _kinds(page).PUBLISHED
    snapshot = page.snapshots.filter(kind=published).first()
    held = snapshot.figures if snapshot else None
    taken = take_figures(page, partnership, keep=held)
    if taken != held:
        try:
            with transaction.atomic():
                snapshot = _store(page, published, taken)
        except IntegrityError:  # another request froze it first: read theirs
            snapshot = page.snapshots.get(kind=published)
            return snapshot.figures, snapshot.taken_at
    return taken, snapshot.taken_at


def live_figures(page, partnership):
    """(figures now, draft snapshot or None) for a preview: what the draft would show if
    published now, and what it showed when last saved."""
    draft = None
    if page.pk:
        draft = page.snapshots.filter(kind=_kinds(page).DRAFT).first()
    return take_figures(page, partnership), draft


# -- what changed since the draft was saved ---------------------------------------------------


def changes_since(live, draft):
    """{block key: message} for a figure block, {block key: {figure key or topic: message}}
    for headline figures and search topics: what a reader would now see differently from
    when the draft was last saved. Blocks new since then have no message."""
    if draft is None:
        return {}
    from hub.core.presenters import govuk_datetime

    saved = f"when the draft was saved on {govuk_datetime(draft.taken_at)}"
    old_figures = draft.figures
    found = {}
    for key, entry in live.items():
        old = old_figures.get(key)
        if not old or old.get("kind") != entry["kind"] or old.get("period") != entry["period"]:
            continue
        if entry["kind"] == "figure":
            message = _figure_change(entry["figure"], old["figure"], saved)
            if message:
                found[key] = message
        elif entry["kind"] == "headline":
            messages = {
                name: _figure_change(figure, old["figures"][name], saved)
                for name, figure in entry["figures"].items()
                if name in old.get("figures", {})
            }
            found[key] = {name: text for name, text in messages.items() if text}
        elif entry["kind"] == "topics" and old.get("source") == entry["source"]:
            found[key] = {
                topic: f"was {old['topics'][topic]['text']} {saved}"
                for topic, now in entry["topics"].items()
                if topic in old["topics"] and old["topics"][topic]["text"] != now["text"]
            }
    return found


def _figure_change(now, old, saved):
    if now.get("key") != old.get("key"):
        return ""
    if now["text"] != old["text"]:
        return f"was {old['text']} {saved}"
    if now.get("rows") != old.get("rows"):
        return f"its parts have changed since {saved.removeprefix('when ')}"
    return ""
