"""The yearly report shaped for its page and its PDF (the same parts, one template of macros):
the table of contents, each section's blocks, each figure with its chart drawn from the same
stored texts and numbers as its table (hub/reports/figures.py), so the picture never shows
what the table hides."""

from django.utils.text import slugify

from hub.core.charts import bar_chart, line_chart, stacked_bar_chart
from hub.core.suppression import FEWER_THAN
from hub.reports import figures as resolving
from hub.reports import services

HIDDEN = resolving.NOT_SHOWN


def year_text(page):
    return f"{page.starts_on:%-d %B %Y} to {page.ends_on:%-d %B %Y}"


def pdf_filename(page, partnership):
    slug = partnership.slug if partnership else "partnership"
    return f"{slug}-yearly-report-{resolving.year_label(page.starts_on, page.ends_on)}.pdf".replace(
        " ", "-"
    )


def report(page, partnership, *, preview=False):
    """Everything the report's page and PDF show: {"year", "contents", "parts", "frozen_at",
    "preview", "any_hidden"}. A preview shows the figures as they are now, each with what
    changed since the draft was saved; otherwise the published snapshot."""
    changes = {}
    frozen_at = None
    if preview:
        figures, draft = services.live_figures(page, partnership)
        changes = services.changes_since(figures, draft)
    else:
        figures, frozen_at = services.published_figures(page, partnership)
    contents, parts, used = [], [], set()
    for position, block in enumerate(page.body):
        key = services.block_key(block, position)
        kind, value = block.block_type, block.value
        if kind == "heading":
            anchor = _anchor(value, used)
            contents.append({"text": value, "anchor": anchor})
            parts.append({"kind": kind, "text": value, "anchor": anchor})
        elif kind == "figure":
            entry = figures.get(key, {}).get("figure") or resolving.unavailable(
                value["figure"], page.starts_on, page.ends_on
            )
            parts.append(_figure_part(key, entry, value, page, changes.get(key, "")))
        elif kind == "headline_figures":
            held = figures.get(key, {}).get("figures", {})
            notes = changes.get(key, {})
            items = []
            for name in value["figures"]:
                figure = held.get(name) or resolving.unavailable(name, page.starts_on, page.ends_on)
                items.append({"figure": figure, "change": notes.get(name, "")})
            parts.append({"kind": kind, "heading": value["heading"], "entries": items})
        elif kind == "search_topics":
            entry = figures.get(key) or resolving.resolve_topics(
                value["source"], [], partnership, page.starts_on, page.ends_on
            )
            notes = changes.get(key, {})
            rows = [
                {
                    "topic": topic,
                    "text": entry["topics"].get(topic, {}).get("text", resolving.NOT_KNOWN),
                    "change": notes.get(topic, ""),
                }
                for topic in value["topics"]
            ]
            parts.append(
                {
                    "kind": kind,
                    "label": entry["label"],
                    "available": entry["available"],
                    "rows": rows,
                    "caption": value["caption"],
                    "year": resolving.year_label(page.starts_on, page.ends_on),
                }
            )
        else:
            parts.append({"kind": kind, "value": value})
    return {
        "year": year_text(page),
        "year_label": resolving.year_label(page.starts_on, page.ends_on),
        "contents": contents,
        "parts": parts,
        "frozen_at": frozen_at,
        "preview": preview,
        "any_hidden": _any_hidden(figures),
        "fewer_than": FEWER_THAN,
    }


def _anchor(text, used):
    base = "section-" + (slugify(text)[:60] or "untitled")
    anchor, number = base, 2
    while anchor in used:
        anchor, number = f"{base}-{number}", number + 1
    used.add(anchor)
    return anchor


def _any_hidden(figures):
    def hidden(figure):
        texts = [figure.get("text")]
        texts += [text for row in figure.get("rows") or [] for text in row["texts"]]
        texts += [point["text"] for point in figure.get("series") or []]
        return FEWER_THAN in texts or resolving.NOT_SHOWN in texts

    for entry in figures.values():
        if entry["kind"] == "figure" and hidden(entry["figure"]):
            return True
        if entry["kind"] == "headline" and any(map(hidden, entry["figures"].values())):
            return True
        if entry["kind"] == "topics" and any(
            topic["text"] == FEWER_THAN for topic in entry["topics"].values()
        ):
            return True
    return False


def _figure_part(key, figure, value, page, change):
    """One figure block: its value, its chart (if chosen and there is something to draw) and
    the table of what the chart draws."""
    chart_kind = value.get("chart") or ""
    year = resolving.year_label(page.starts_on, page.ends_on)
    title = f"{figure['name']}, {year}"
    chart = None
    table = None
    chart_id = f"figure-{slugify(key)[:40]}"
    rows = figure.get("rows") or []
    columns = figure.get("columns") or []
    unit = "%" if figure.get("unit") == "%" else ""
    if figure["available"] and chart_kind in ("bar", "stacked") and rows:
        if columns:
            chart = stacked_bar_chart(
                [(row["label"], row["values"]) for row in rows],
                columns,
                title=title,
                unit=unit,
                hidden_label=HIDDEN,
                id=chart_id,
            )
        else:
            chart = bar_chart(
                [(row["label"], row["values"][0]) for row in rows],
                title=title,
                unit=unit,
                hidden_label=HIDDEN,
                id=chart_id,
            )
    if figure["available"] and chart_kind == "line" and figure.get("series"):
        chart = line_chart(
            [(point["label"], point["value"]) for point in figure["series"]],
            title=f"{figure['name']}, year by year",
            unit=unit,
            hidden_label=HIDDEN,
            id=chart_id,
        )
        table = {
            "caption": f"{figure['name']}, year by year",
            "header": ["Year", figure["unit"].capitalize() or "Figure"],
            "rows": [(point["label"], [point["text"]]) for point in figure["series"]],
        }
    if table is None and rows and (chart is not None or value.get("show_breakdown")):
        table = {
            "caption": title,
            "header": ["Part", *(columns or [figure["unit"].capitalize() or "Figure"])],
            "rows": [(row["label"], row["texts"]) for row in rows],
        }
    return {
        "kind": "figure",
        "key": key,
        "figure": figure,
        "chart": chart,
        "table": table,
        "caption": value.get("caption") or "",
        "change": change,
        "anchor": chart_id,
    }
