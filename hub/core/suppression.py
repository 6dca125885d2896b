"""Small-number suppression for counts that describe people, shared by every report (the
escalations' quarterly picture, the yearly report).

A count from 1 to `THRESHOLD - 1` is shown as "fewer than 5" (primary suppression). Zero is
shown: "none" identifies nobody, and a partnership needs to see, say, the agencies that raised
no escalation. Then no hidden count may be worked out by subtraction: in every row and column
that is shown with its total, and in the row of totals, either nothing is hidden or at least
two of its figures are (the count and its total count as figures of their line). Where a line
has exactly one hidden figure, the smallest other non-zero count of that line is hidden too
(or, when there is none, the line's total), and this is repeated until every line holds
(secondary suppression).

    table = suppress_table([[12, 3, 0], [7, 9, 6]])
    table.cells[0][1]  -> Figure(3, hidden=True), shown as "fewer than 5"
    table.row_totals[0], table.column_totals, table.total
"""

from dataclasses import dataclass

THRESHOLD = 5
FEWER_THAN = f"fewer than {THRESHOLD}"


@dataclass(frozen=True)
class Figure:
    """A count and whether it is hidden. `str()` is what a reader sees."""

    value: int
    hidden: bool = False

    def __str__(self):
        return FEWER_THAN if self.hidden else f"{self.value:,}"

    @property
    def shown(self):
        """The number a reader may see, or None when it is hidden."""
        return None if self.hidden else self.value


def is_small(count, threshold=THRESHOLD):
    return 0 < count < threshold


def suppress(count, threshold=THRESHOLD):
    """One count on its own (no total beside it to subtract from)."""
    return Figure(count, hidden=is_small(count, threshold))


@dataclass(frozen=True)
class SuppressedTable:
    cells: list[list[Figure]]
    row_totals: list[Figure]
    column_totals: list[Figure]
    total: Figure


def suppress_table(rows, threshold=THRESHOLD):
    """`rows` (a list of equal-length lists of counts) with their row, column and grand
    totals, suppressed as the module says."""
    rows = [list(row) for row in rows]
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ValueError("Every row needs the same number of counts.")
    row_totals = [sum(row) for row in rows]
    column_totals = [sum(row[c] for row in rows) for c in range(width)]
    total = sum(row_totals)

    # Every figure by position: ("cell", r, c), ("row", r), ("column", c), ("total",).
    value = {("total",): total}
    for r, row in enumerate(rows):
        value[("row", r)] = row_totals[r]
        for c, count in enumerate(row):
            value[("cell", r, c)] = count
    for c, count in enumerate(column_totals):
        value[("column", c)] = count
    hidden = {key for key, count in value.items() if is_small(count, threshold)}

    # Each line: its counts, then the figure they add up to.
    lines = [([("cell", r, c) for c in range(width)], ("row", r)) for r in range(len(rows))]
    lines += [([("cell", r, c) for r in range(len(rows))], ("column", c)) for c in range(width)]
    lines.append(([("column", c) for c in range(width)], ("total",)))
    lines.append(([("row", r) for r in range(len(rows))], ("total",)))

    changed = True
    while changed:
        changed = False
        for parts, line_total in lines:
            figures = [*parts, line_total]
            if sum(1 for key in figures if key in hidden) != 1:
                continue
            candidates = [key for key in parts if key not in hidden and value[key] > 0]
            if candidates:
                hidden.add(min(candidates, key=lambda key: (value[key], key)))
            else:
                hidden.add(line_total)
            changed = True

    def figure(key):
        return Figure(value[key], hidden=key in hidden)

    return SuppressedTable(
        cells=[[figure(("cell", r, c)) for c in range(width)] for r in range(len(rows))],
        row_totals=[figure(("row", r)) for r in range(len(rows))],
        column_totals=[figure(("column", c)) for c in range(width)],
        total=figure(("total",)),
    )
