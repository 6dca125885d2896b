"""Every write of the yearly report: its figures frozen when it is published and taken when
its draft is saved, and the rules of its reporting year.

Freezing (`freeze_published`, run on Wagtail's `page_published` for a YearlyReportPage):
the published snapshot keeps, for each figure block, what it showed when first published;
a block added since is frozen now; ticking "Take the figures again" takes every figure
afresh once, and is then cleared (on the page and on the published revision, so the next
edit does not tick it again). A published report is read only from this snapshot, so data
arriving later never changes it. Figures are frozen per block id and reporting year: a
block whose figure, topics or year changed is taken afresh, one that did not keeps its value.

Saving a draft (`YearlyReportPage.save_revision`) stores the draft snapshot: the live figures
at that moment, which the preview compares the live figures with ("was 12 when the draft was
saved on ...").
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.core.models import Partnership
from hub.reports import figures as resolving

# -- the reporting year -----------------------------------------------------------------------


def year_errors(*, starts_on, ends_on, parent, exclude_pk=None):
    """{field: message} for a reporting year that cannot be: ending before it starts, longer
    than 12 months, or overlapping another yearly report under the same partnership's page
    (`parent`). Empty when the year is fine."""
    errors = {}
    if not isinstance(starts_on, datetime.date) or not isinstance(ends_on, datetime.date):
        return errors  # each date's own field says what is missing
    if ends_on < starts_on:
        errors["ends_on"] = "The year must end after it starts."
        return errors
    limit = _a_year_after(starts_on)
    if limit is not None and ends_on >= limit:
        errors["ends_on"] = "A reporting year is at most 12 months: end it within a year."
        return errors
    if parent is not None:
        from hub.reports.models import YearlyReportPage

        clash = (
            YearlyReportPage.objects.child_of(parent)
            .filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
            .exclude(pk=exclude_pk)
            .order_by("starts_on")
            .first()
        )
        if clash is not None:
            errors["starts_on"] = (
                f"This year overlaps “{clash.title}”, which covers "
                f"{clash.starts_on:%-d %B %Y} to {clash.ends_on:%-d %B %Y}. "
                "Choose dates outside it: each report covers its own year."
            )
    return errors


def _a_year_after(day):
    """The same day a year later (1 March after 29 February): a year must end before it.
    None past the last year a date can hold."""
    if day.year >= datetime.MAXYEAR:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return datetime.date(day.year + 1, 3, 1)


def default_year(index_page, today=None):
    """(start, end) a new report starts with: the last complete reporting year, as a yearly
    report looks back on a year that has ended; if that year has its report already, the
    year in progress (a draft written as it goes)."""
    from hub.reports.models import YearlyReportPage

    today = today or timezone.localdate()
    current = resolving.default_dates(
        today, index_page.year_starts_month, index_page.year_starts_day
    )
    last = (
        resolving.shift_years(current[0], -1),
        current[0] - datetime.timedelta(days=1),
    )
    taken = YearlyReportPage.objects.child_of(index_page)
    for start, end in (last, current):
        if not taken.filter(starts_on__lte=end, ends_on__gte=start).exists():
            return start, end
    return last


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


def _store(page, kind, figures, revision=None):
    from hub.reports.models import FigureSnapshot

    snapshot, _ = FigureSnapshot.objects.update_or_create(
        page=page,
        kind=kind,
        defaults={"figures": figures, "taken_at": timezone.now(), "revision": revision},
    )
    return snapshot


@transaction.atomic
def freeze_published(page, revision=None):
    """Keep the published report's figures as the module says; returns the snapshot."""
    from hub.reports.models import FigureSnapshot, YearlyReportPage

    partnership = partnership_of(page)
    existing = FigureSnapshot.objects.filter(page=page, kind=FigureSnapshot.Kind.PUBLISHED).first()
    refresh = page.refresh_figures
    keep = None if refresh or existing is None else existing.figures
    snapshot = _store(
        page, FigureSnapshot.Kind.PUBLISHED, take_figures(page, partnership, keep=keep), revision
    )
    if refresh:
        YearlyReportPage.objects.filter(pk=page.pk).update(refresh_figures=False)
        page.refresh_figures = False
        if revision is not None and revision.content.get("refresh_figures"):
            revision.content["refresh_figures"] = False
            revision.save(update_fields=["content"])
    return snapshot


def store_draft_figures(page, revision=None):
    """The draft snapshot: the figures as they are now, for the page's saved draft."""
    from hub.reports.models import FigureSnapshot

    if page.pk is None or page.starts_on is None or page.ends_on is None:
        return None
    return _store(
        page, FigureSnapshot.Kind.DRAFT, take_figures(page, partnership_of(page)), revision
    )


def published_figures(page, partnership):
    """(figures, taken_at) a reader sees: the published snapshot. A block it does not hold
    yet (a page made live without Wagtail's publish, say) is frozen now, once."""
    from hub.reports.models import FigureSnapshot

    snapshot = FigureSnapshot.objects.filter(page=page, kind=FigureSnapshot.Kind.PUBLISHED).first()
    held = snapshot.figures if snapshot else None
    taken = take_figures(page, partnership, keep=held)
    if taken != held:
        try:
            with transaction.atomic():
                snapshot = _store(page, FigureSnapshot.Kind.PUBLISHED, taken)
        except IntegrityError:  # another request froze it first: read theirs
            snapshot = FigureSnapshot.objects.get(page=page, kind=FigureSnapshot.Kind.PUBLISHED)
            return snapshot.figures, snapshot.taken_at
    return taken, snapshot.taken_at


def live_figures(page, partnership):
    """(figures now, draft snapshot or None) for a preview: what the draft would show if
    published now, and what it showed when last saved."""
    from hub.reports.models import FigureSnapshot

    draft = None
    if page.pk:
        draft = FigureSnapshot.objects.filter(
            page_id=page.pk, kind=FigureSnapshot.Kind.DRAFT
        ).first()
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
