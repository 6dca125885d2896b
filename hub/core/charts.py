"""Accessible SVG drawn on the server: charts and diagrams that read without JavaScript, in
high contrast and forced-colours modes, and on paper.

The core is `Drawing`, an SVG document built from boxes, lines, arrows and wrapped text:

- it is an image to assistive technology (`role="img"`) named by its `<title>` and described
  by its `<desc>`, both linked through `aria-labelledby`; the page that shows a drawing gives
  its full text alternative beside it (a list or a table), since a picture of words is no
  substitute for the words;
- every piece of text is escaped (and stripped of characters XML cannot hold), so a name
  typed by an editor can never become markup;
- nothing is coloured by a fixed value: lines and text are `currentColor` (the colour of the
  text around the drawing, which forced-colours mode and printing set), boxes are unfilled,
  and each shape has a class (`hub-chart__<part>`) a stylesheet may colour with its own CSS
  custom properties, for example
  `.hub-chart__outcome { fill: var(--hub-chart-outcome-fill, none); }`; there is no inline
  style, which the public site's security policy would block;
- text is wrapped to fit by an estimate of each character's width, so a drawing's layout
  needs no browser to measure it.

Drawings built on it: `decision_flow` (a chain of yes/no questions, each leading to an
outcome, as a screening tool's outcome rules are); `bar_chart` and `stacked_bar_chart`
(the escalations' quarterly picture, the yearly report's figures by part); `line_chart` (a
figure over this and earlier years, for the yearly report).
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from markupsafe import Markup

FONT_SIZE = 14
LINE_HEIGHT = 1.3  # of the font size

# Characters XML 1.0 cannot hold at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Widths of characters as a share of the font size, near enough for a sans-serif font.
_NARROW = frozenset("il.,;:'!|`ijtfrI()[]{} ")
_WIDE = frozenset("mwMW@%&")


def clean_text(text):
    """`text` as a string XML can hold: characters it cannot are dropped."""
    return _NOT_XML.sub("", str(text))


def escaped(value):
    """`value` escaped for an SVG text node or attribute."""
    return escape(clean_text(value))


def char_width(char, font_size=FONT_SIZE):
    if char in _NARROW:
        share = 0.3
    elif char in _WIDE:
        share = 0.85
    elif char.isupper() or char.isdigit():
        share = 0.64
    else:
        share = 0.53
    return share * font_size


def text_width(value, font_size=FONT_SIZE):
    """An estimate of how wide `value` is drawn at `font_size`, in user units."""
    return sum(char_width(char, font_size) for char in clean_text(value))


def wrap(value, width, font_size=FONT_SIZE):
    """`value` broken into lines no wider than `width` (by the estimate), at spaces where it
    can be and inside a word only when one word alone is too wide."""
    lines, line = [], ""
    for word in clean_text(value).split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, font_size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while text_width(word, font_size) > width:
            cut = 1
            while cut < len(word) and text_width(word[: cut + 1], font_size) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


def _number(value):
    """A coordinate as SVG reads it: at most one decimal place, no trailing zeros."""
    return f"{round(value, 1):g}"


@dataclass
class Drawing:
    """An SVG document being drawn. Add shapes, then `render()` it to markup.

    `title` names the drawing and `description` says in a sentence or two what it shows;
    both are read out by screen readers. `id` makes the ids of its title and description
    unique on the page (by default a digest of what is drawn, so the same drawing has the
    same ids every time)."""

    width: float
    height: float
    title: str
    description: str = ""
    id: str | None = None
    css_class: str = "hub-chart"
    font_size: float = FONT_SIZE
    _parts: list = field(default_factory=list, init=False, repr=False)

    def line_height(self, font_size=None):
        return (font_size or self.font_size) * LINE_HEIGHT

    def box(self, x, y, width, height, *, part="box", rounded=0, stroke_width=1.5):
        """An unfilled rectangle outlined in the text's colour."""
        corner = f' rx="{_number(rounded)}"' if rounded else ""
        self._parts.append(
            f'<rect class="hub-chart__{escaped(part)}" x="{_number(x)}" y="{_number(y)}" '
            f'width="{_number(width)}" height="{_number(height)}"{corner} fill="none" '
            f'stroke="currentColor" stroke-width="{_number(stroke_width)}"/>'
        )

    def line(self, points, *, part="line", stroke_width=1.5):
        """A line through `points` [(x, y), ...]."""
        path = " ".join(f"{_number(x)},{_number(y)}" for x, y in points)
        self._parts.append(
            f'<polyline class="hub-chart__{escaped(part)}" points="{path}" fill="none" '
            f'stroke="currentColor" stroke-width="{_number(stroke_width)}"/>'
        )

    def arrow(self, points, *, part="arrow", head=8):
        """A line through `points` with an arrowhead at its last point. Drawn as a shape
        of its own rather than an SVG marker, so it takes the line's colour everywhere."""
        self.line(points, part=part)
        (x1, y1), (x2, y2) = points[-2], points[-1]
        length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-9)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        bx, by = x2 - ux * head, y2 - uy * head
        corners = [(x2, y2), (bx - uy * head / 2, by + ux * head / 2)]
        corners.append((bx + uy * head / 2, by - ux * head / 2))
        path = " ".join(f"{_number(x)},{_number(y)}" for x, y in corners)
        self._parts.append(
            f'<polygon class="hub-chart__{escaped(part)}-head" points="{path}" '
            'fill="currentColor" stroke="none"/>'
        )

    def marker(self, x, y, *, part="marker", radius=4.5):
        """A dot filled in the text's colour, marking a point of a line."""
        self._parts.append(
            f'<circle class="hub-chart__{escaped(part)}" cx="{_number(x)}" cy="{_number(y)}" '
            f'r="{_number(radius)}" fill="currentColor" stroke="none"/>'
        )

    def text(self, x, y, lines, *, part="text", anchor="start", font_size=None, bold=False):
        """`lines` of text (a string or a list of already wrapped lines), the first line's
        baseline at `y`. `anchor` is "start", "middle" or "end"."""
        if isinstance(lines, str):
            lines = [lines]
        size = font_size or self.font_size
        weight = ' font-weight="bold"' if bold else ""
        spans = "".join(
            f'<tspan x="{_number(x)}" dy="{_number(0 if index == 0 else self.line_height(size))}">'
            f"{escaped(line)}</tspan>"
            for index, line in enumerate(lines)
        )
        self._parts.append(
            f'<text class="hub-chart__{escaped(part)}" x="{_number(x)}" y="{_number(y)}" '
            f'font-size="{_number(size)}" text-anchor="{escaped(anchor)}"{weight} '
            f'fill="currentColor">{spans}</text>'
        )

    def text_block(self, x, y, width, value, *, part="text", font_size=None, bold=False):
        """`value` wrapped to `width`, top-left at (x, y); returns the height it takes."""
        size = font_size or self.font_size
        lines = wrap(value, width, size)
        # The first baseline sits one font size below the top, near enough for capitals.
        self.text(x, y + size, lines, part=part, font_size=size, bold=bold)
        return self.block_height(len(lines), size)

    def block_height(self, line_count, font_size=None):
        size = font_size or self.font_size
        return size + self.line_height(size) * (line_count - 1) + size * 0.35

    def _ids(self, body):
        base = self.id or "chart-" + hashlib.sha256(body.encode()).hexdigest()[:10]
        base = re.sub(r"[^A-Za-z0-9_-]", "-", clean_text(base))
        return f"{base}-title", f"{base}-desc"

    def render(self):
        """The drawing as SVG markup, safe to put in a page."""
        body = "".join(self._parts)
        title_id, desc_id = self._ids(self.title + "\n" + self.description + "\n" + body)
        labelled_by = title_id + (f" {desc_id}" if self.description else "")
        description = (
            f'<desc id="{desc_id}">{escaped(self.description)}</desc>' if self.description else ""
        )
        # Every piece of text above went through `escaped`; the rest is our own numbers.
        return Markup(  # noqa: S704
            '<svg xmlns="http://www.w3.org/2000/svg" '
            f'class="{escaped(self.css_class)}" role="img" aria-labelledby="{labelled_by}" '
            f'viewBox="0 0 {_number(self.width)} {_number(self.height)}" '
            f'width="{_number(self.width)}" height="{_number(self.height)}" '
            'preserveAspectRatio="xMinYMin meet" focusable="false">'
            f'<title id="{title_id}">{escaped(self.title)}</title>{description}'
            f"{body}</svg>"
        )


# -- a chain of decisions ------------------------------------------------------------------


def decision_flow(
    steps,
    otherwise,
    *,
    title,
    description=None,
    yes="Yes",
    no="No",
    otherwise_label="Otherwise",
    id=None,
    width=640,
):
    """A chain of decisions, read from the top: each question in `steps` [(question,
    outcome), ...] has a "Yes" arrow across to its outcome and a "No" arrow down to the
    next question; after the last, the "Otherwise" outcome. Returns SVG markup.

    For a screening tool: ("If 3 or more indicators rated serious concern in 1 or more
    domain", "Statutory") for each rule, then the "otherwise" level."""
    steps = [(str(question), str(outcome)) for question, outcome in steps]
    if description is None:
        description = (
            f"{len(steps)} question{'s' if len(steps) != 1 else ''} asked in order from the "
            "top. The first answered yes gives its outcome; if none is, the outcome is "
            f"{otherwise}."
            if steps
            else f"With no questions to ask, the outcome is always {otherwise}."
        )
    drawing = Drawing(width, 0, title=title, description=description, id=id)
    margin, gap, pad = 12, 88, 10
    question_width = (width - 2 * margin - gap) * 0.56
    outcome_width = width - 2 * margin - gap - question_width
    outcome_x = margin + question_width + gap
    step_gap = 44  # room for the "No" arrow and its label between questions
    size = drawing.font_size
    y = margin
    for number, (question, outcome) in enumerate(steps, start=1):
        question_lines = wrap(f"{number}. {question}", question_width - 2 * pad, size)
        outcome_lines = wrap(outcome, outcome_width - 2 * pad, size)
        height = max(
            drawing.block_height(len(question_lines)), drawing.block_height(len(outcome_lines))
        )
        height += 2 * pad
        drawing.box(margin, y, question_width, height, part="question")
        drawing.text(margin + pad, y + pad + size, question_lines, part="question-text")
        drawing.box(outcome_x, y, outcome_width, height, part="outcome", rounded=8, stroke_width=3)
        drawing.text(outcome_x + pad, y + pad + size, outcome_lines, part="outcome-text", bold=True)
        middle = y + height / 2
        drawing.arrow([(margin + question_width, middle), (outcome_x - 2, middle)], part="yes")
        drawing.text(
            margin + question_width + gap / 2, middle - 6, yes, part="yes-label", anchor="middle"
        )
        below = y + height
        drawing.arrow(
            [
                (margin + question_width / 2, below),
                (margin + question_width / 2, below + step_gap - 2),
            ],
            part="no",
        )
        drawing.text(
            margin + question_width / 2 + 8, below + step_gap / 2 + size / 3, no, part="no-label"
        )
        y = below + step_gap
    label_lines = wrap(f"{otherwise_label}: {otherwise}", question_width - 2 * pad, size)
    height = drawing.block_height(len(label_lines)) + 2 * pad
    drawing.box(margin, y, question_width, height, part="outcome", rounded=8, stroke_width=3)
    drawing.text(margin + pad, y + pad + size, label_lines, part="outcome-text", bold=True)
    drawing.height = y + height + margin
    return drawing.render()


# -- bars ------------------------------------------------------------------------------------
#
# A bar's value is a number, or None when the figure is not shown (a count suppressed as
# "fewer than 5" by hub/core/suppression.py): that bar is not drawn, and its label says so
# instead of a number, so the picture never shows what the table hides.

HIDDEN_LABEL = "not shown"


def _scale_top(largest):
    """A round number at least `largest` for the end of the axis (1 when there is nothing)."""
    if largest <= 0:
        return 1
    step = 1
    while step * 10 <= largest:
        step *= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= largest:
            return step * factor
    return step * 10  # pragma: no cover - the loop above always returns


def _value_text(value, unit, hidden_label):
    if value is None:
        return hidden_label
    if unit == "%":
        return f"{value:,}%"
    return f"{value:,}" + (f" {unit}" if unit else "")


def _bars_description(bars, unit, hidden_label):
    parts = [f"{label}: {_value_text(value, unit, hidden_label)}" for label, value in bars]
    return "; ".join(parts) + "." if parts else "There is nothing to show."


def bar_chart(
    bars,
    *,
    title,
    description=None,
    unit="",
    hidden_label=HIDDEN_LABEL,
    id=None,
    width=640,
    bar_height=22,
):
    """Horizontal bars under the title, one per (label, value) in `bars`, each labelled with
    its value; a value of None is not drawn and is labelled `hidden_label`. The description
    (read out as the drawing's text alternative) lists every bar's value unless one is
    given. Returns SVG markup; show the same figures in a table beside it."""
    bars = [(str(label), value) for label, value in bars]
    if description is None:
        description = _bars_description(bars, unit, hidden_label)
    drawing = Drawing(width, 0, title=title, description=description, id=id)
    margin, gap = 12, 8
    size = drawing.font_size
    label_width = min(
        max((text_width(label, size) for label, _ in bars), default=0) + 4, width * 0.38
    )
    value_room = max(
        (text_width(_value_text(value, unit, hidden_label), size) for _, value in bars),
        default=0,
    )
    bar_x = margin + label_width + gap
    room = max(width - bar_x - margin - value_room - gap, 10)
    top = _scale_top(max((value for _, value in bars if value is not None), default=0))
    y = margin + drawing.text_block(
        margin, margin, width - 2 * margin, title, part="chart-title", bold=True
    )
    y += gap
    first_bar = y
    for label, value in bars:
        lines = wrap(label, label_width, size)
        row_height = max(drawing.block_height(len(lines)), bar_height) + gap
        drawing.text(margin, y + size, lines, part="bar-label")
        middle = y + bar_height / 2
        if value is None:
            drawing.text(bar_x + gap, middle + size / 3, hidden_label, part="bar-hidden")
        else:
            length = room * value / top
            if length > 0:
                drawing.box(bar_x, y, length, bar_height, part="bar")
            drawing.text(
                bar_x + length + gap,
                middle + size / 3,
                _value_text(value, unit, hidden_label),
                part="bar-value",
            )
        y += row_height
    drawing.line([(bar_x, first_bar - 2), (bar_x, max(y - gap, first_bar) + 2)], part="axis")
    drawing.height = y + margin
    return drawing.render()


def stacked_bar_chart(
    rows,
    series,
    *,
    title,
    description=None,
    unit="",
    hidden_label=HIDDEN_LABEL,
    id=None,
    width=640,
    bar_height=22,
):
    """Horizontal bars split into parts: `rows` is [(label, [value per series]), ...] and
    `series` names the parts in order. Each part is a box of its own pattern class
    (`hub-chart__segment-<n>`, and drawn with a dash pattern of its own so it tells apart in
    one colour), with the title and a key above the bars. A part whose value is None is not
    drawn; the bar's label then says which parts are not shown. Returns SVG markup; show
    the same figures in a table beside it."""
    series = [str(name) for name in series]
    rows = [(str(label), list(values)) for label, values in rows]
    if any(len(values) != len(series) for _, values in rows):
        raise ValueError("Every bar needs one value for each series.")

    def row_text(label, values):
        parts = [
            f"{name} {_value_text(value, unit, hidden_label)}"
            for name, value in zip(series, values, strict=True)
        ]
        return f"{label}: " + ", ".join(parts)

    if description is None:
        description = (
            "; ".join(row_text(label, values) for label, values in rows) + "."
            if rows
            else "There is nothing to show."
        )
    drawing = Drawing(width, 0, title=title, description=description, id=id)
    margin, gap = 12, 8
    size = drawing.font_size
    # Each series is told apart by its dash pattern (solid, dashed, dotted, ...) as well as
    # its class, so the key reads without colour.
    dashes = ["", "6 3", "2 3", "10 3 2 3", "1 1"]
    y = margin + drawing.text_block(
        margin, margin, width - 2 * margin, title, part="chart-title", bold=True
    )
    y += gap
    x = margin
    for index, name in enumerate(series):
        name_width = text_width(name, size)
        if x > margin and x + 24 + name_width > width - margin:
            x = margin
            y += bar_height + gap
        _segment(drawing, x, y, 18, bar_height - 6, index, dashes)
        drawing.text(x + 24, y + size, name, part="key-label")
        x += 24 + name_width + 2 * gap
    y += bar_height + 2 * gap
    label_width = min(
        max((text_width(label, size) for label, _ in rows), default=0) + 4, width * 0.38
    )
    bar_x = margin + label_width + gap
    totals = [sum(value for value in values if value is not None) for _, values in rows]
    value_room = text_width("999,999 " + unit, size) + 2 * gap
    room = max(width - bar_x - margin - value_room, 10)
    top = _scale_top(max(totals, default=0))
    first_bar = y
    for (label, values), shown_total in zip(rows, totals, strict=True):
        lines = wrap(label, label_width, size)
        row_height = max(drawing.block_height(len(lines)), bar_height) + gap
        drawing.text(margin, y + size, lines, part="bar-label")
        x = bar_x
        for index, value in enumerate(values):
            if value is None or value <= 0:
                continue
            length = room * value / top
            _segment(drawing, x, y, length, bar_height, index, dashes)
            x += length
        hidden = [name for name, value in zip(series, values, strict=True) if value is None]
        note = f"{shown_total:,}" + (f" {unit}" if unit else "")
        if hidden:
            note = f"{', '.join(hidden)} {hidden_label}"
        drawing.text(x + gap, y + bar_height / 2 + size / 3, note, part="bar-value")
        y += row_height
    drawing.line([(bar_x, first_bar - 2), (bar_x, max(y - gap, first_bar) + 2)], part="axis")
    drawing.height = y + margin
    return drawing.render()


def _segment(drawing, x, y, width, height, index, dashes):
    dash = dashes[index % len(dashes)]
    drawing.box(x, y, width, height, part=f"segment-{index}")
    if dash:
        # The dash pattern on the box's own outline, as a second outline over it: a box
        # line may not carry attributes of its own, so the pattern is drawn as a line.
        drawing._parts.append(
            f'<rect class="hub-chart__segment-{index}-pattern" x="{_number(x + 3)}" '
            f'y="{_number(y + 3)}" width="{_number(max(width - 6, 0))}" '
            f'height="{_number(max(height - 6, 0))}" fill="none" stroke="currentColor" '
            f'stroke-width="1" stroke-dasharray="{dash}"/>'
        )


# -- a line over time ------------------------------------------------------------------------


def line_chart(
    points,
    *,
    title,
    description=None,
    unit="",
    hidden_label=HIDDEN_LABEL,
    id=None,
    width=640,
    plot_height=180,
):
    """One figure over time: `points` [(label, value), ...] in order (the reporting years,
    oldest first), joined by a line, each point marked by a dot and labelled with its value.
    A value of None (not shown, or not known for that year) breaks the line: its label says
    `hidden_label` and nothing is drawn there, so the picture never shows what the table
    hides. The description lists every point unless one is given. Returns SVG markup; show
    the same figures in a table beside it."""
    points = [(str(label), value) for label, value in points]
    if description is None:
        description = _bars_description(points, unit, hidden_label)
    drawing = Drawing(width, 0, title=title, description=description, id=id)
    margin, gap = 12, 8
    size = drawing.font_size
    y = margin + drawing.text_block(
        margin, margin, width - 2 * margin, title, part="chart-title", bold=True
    )
    top = _scale_top(max((value for _, value in points if value is not None), default=0))
    scale_width = max(text_width(_value_text(top, unit, hidden_label), size), text_width("0"))
    left = margin + scale_width + gap
    right = width - margin
    plot_top = y + gap + size * 1.5  # room for the highest point's label
    plot_bottom = plot_top + plot_height
    # The scale: its ends labelled, the axes drawn.
    drawing.text(
        left - gap,
        plot_top + size / 3,
        _value_text(top, unit, hidden_label),
        part="scale",
        anchor="end",
    )
    drawing.text(
        left - gap,
        plot_bottom + size / 3,
        _value_text(0, unit, hidden_label),
        part="scale",
        anchor="end",
    )
    drawing.line([(left, plot_top - 4), (left, plot_bottom), (right, plot_bottom)], part="axis")
    count = len(points)
    step = (right - left) / count if count else 0
    run = []  # the points of the line being drawn, broken at a value not shown
    label_bottom = plot_bottom
    for index, (label, value) in enumerate(points):
        x = left + step * (index + 0.5)
        lines = wrap(label, max(step - gap, 24), size)
        drawing.text(x, plot_bottom + gap + size, lines, part="point-label", anchor="middle")
        label_bottom = max(label_bottom, plot_bottom + gap + drawing.block_height(len(lines)))
        if value is None:
            if len(run) > 1:
                drawing.line(run, part="series", stroke_width=2.5)
            run = []
            drawing.text(
                x,
                plot_bottom - gap,
                hidden_label,
                part="point-hidden",
                anchor="middle",
                font_size=size * 0.85,
            )
            continue
        point_y = plot_bottom - plot_height * value / top
        run.append((x, point_y))
        drawing.marker(x, point_y, part="point")
        drawing.text(
            x,
            point_y - gap,
            _value_text(value, unit, hidden_label),
            part="point-value",
            anchor="middle",
        )
    if len(run) > 1:
        drawing.line(run, part="series", stroke_width=2.5)
    drawing.height = label_bottom + margin
    return drawing.render()
