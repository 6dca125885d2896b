"""The business unit's quarterly picture of escalations (pure reads): how many each agency of
the partnership raised and received, the stage they reached, working days per stage against
the stage's target, themes by level of need, what is still open past its stage's target at
the quarter's end, and good practice recorded.

Quarters are financial quarters: Q1 is April to June, Q4 January to March, and "2026 Q1" is
the first quarter of the financial year 2026 to 2027.

Every count that describes escalations is suppressed here (hub/core/suppression.py), once, and
the page, its charts, the XLSX and the PDF all show these same suppressed figures: nothing
downstream sees a hidden count's value.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from hub.core.models import Agency
from hub.core.suppression import FEWER_THAN, Figure, suppress, suppress_table
from hub.core.working_days import working_days_between
from hub.escalations.models import EntryType, Escalation, Protocol, Step

MONTHS = ("April to June", "July to September", "October to December", "January to March")
QUARTER_FORMAT = re.compile(r"^([0-9]{4})-Q([1-4])$")
EARLIEST_YEAR = 2000
NOT_RECORDED = "Not recorded"


class QuarterError(ValueError):
    """A quarter asked for that is not one we can show; the message says why."""


@dataclass(frozen=True, order=True)
class Quarter:
    year: int  # the financial year's first calendar year (2026 for 2026 to 2027)
    number: int  # 1 to 4

    @property
    def start(self):
        month = 4 + 3 * (self.number - 1)
        year = self.year if month <= 12 else self.year + 1
        return datetime.date(year, (month - 1) % 12 + 1, 1)

    @property
    def end(self):
        return self.next().start - datetime.timedelta(days=1)

    def next(self):
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self):
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    @property
    def key(self):
        """How the quarter is written in a query string: 2026-Q1."""
        return f"{self.year}-Q{self.number}"

    @property
    def label(self):
        return (
            f"Q{self.number} {self.year} to {self.year + 1}: "
            f"{MONTHS[self.number - 1]} {self.start.year}"
        )

    @property
    def short_label(self):
        return f"{self.year}-{str(self.year + 1)[-2:]} Q{self.number}"

    @classmethod
    def containing(cls, day):
        year = day.year if day.month >= 4 else day.year - 1
        return cls(year, (day.month - 4) % 12 // 3 + 1)

    @classmethod
    def last_complete(cls, today):
        return cls.containing(today).previous()


def earliest_quarter(today):
    """The first quarter the chooser offers: as far back as escalations are kept."""
    return Quarter(Quarter.containing(today).year - settings.ESCALATION_RETENTION_YEARS - 1, 1)


def quarters(today):
    """The quarters that may be chosen, latest first: up to the one `today` is in."""
    quarter, first, found = Quarter.containing(today), earliest_quarter(today), []
    while quarter >= first:
        found.append(quarter)
        quarter = quarter.previous()
    return found


def parse_quarter(value, today):
    """The quarter `value` ("2026-Q1") names; the last complete quarter when `value` is empty.
    QuarterError says why one cannot be shown."""
    if value is None or not str(value).strip():
        return Quarter.last_complete(today)
    match = QUARTER_FORMAT.match(str(value).strip())
    if not match:
        raise QuarterError(
            "Choose a quarter from the list (a quarter is written like 2026-Q1, for April "
            "to June 2026)"
        )
    quarter = Quarter(int(match[1]), int(match[2]))
    latest, first = Quarter.containing(today), earliest_quarter(today)
    if quarter > latest:
        raise QuarterError("That quarter has not started yet: choose a quarter from the list")
    if quarter < first or quarter.year < EARLIEST_YEAR:
        raise QuarterError(
            f"Escalations are kept for {settings.ESCALATION_RETENTION_YEARS} years: choose "
            f"a quarter from {first.short_label} onwards"
        )
    return quarter


# --- Tables ------------------------------------------------------------------------------------


@dataclass
class Table:
    """A table of suppressed figures: `rows` [(label, [Figure, ...], row total or None)],
    and the totals row (`column_totals`, `total`) when it has one."""

    key: str
    sheet: str  # the XLSX sheet's title (at most 31 characters)
    title: str  # caption, heading, chart title
    row_heading: str
    columns: list
    rows: list
    column_totals: list | None = None
    total: Figure | None = None
    total_heading: str = "Total"
    total_label: str = "All"
    notes: list = field(default_factory=list)
    extra_columns: list = field(default_factory=list)  # [(heading, [text per row], total)]

    @property
    def has_row_totals(self):
        return any(total is not None for _, _, total in self.rows)

    @property
    def any_hidden(self):
        figures = [f for _, cells, _ in self.rows for f in cells]
        figures += [total for _, _, total in self.rows if total is not None]
        figures += list(self.column_totals or []) + ([self.total] if self.total else [])
        return any(figure.hidden for figure in figures)

    def header(self):
        heading = [self.row_heading, *self.columns]
        if self.has_row_totals:
            heading.append(self.total_heading)
        return heading + [name for name, _, _ in self.extra_columns]

    def body(self):
        """Every row as shown (text or number), the totals row last: for the XLSX."""
        lines = []
        for index, (label, cells, total) in enumerate(self.rows):
            line = [label, *[cell_value(cell) for cell in cells]]
            if self.has_row_totals:
                line.append(cell_value(total))
            line += [texts[index] for _, texts, _ in self.extra_columns]
            lines.append(line)
        if self.column_totals is not None:
            line = [self.total_label, *[cell_value(cell) for cell in self.column_totals]]
            if self.has_row_totals:
                line.append(cell_value(self.total))
            line += [total for _, _, total in self.extra_columns]
            lines.append(line)
        return lines


def cell_value(figure):
    """A figure as a spreadsheet cell: its number, or the text "fewer than 5"."""
    return FEWER_THAN if figure.hidden else figure.value


def _crossed(key, sheet, title, row_heading, row_labels, columns, counts, **options):
    """A table of `counts` (rows x columns) with row and column totals, suppressed."""
    if not row_labels or not columns:
        return Table(key, sheet, title, row_heading, list(columns), [], **options)
    suppressed = suppress_table(counts)
    rows = [
        (label, cells, total)
        for label, cells, total in zip(
            row_labels, suppressed.cells, suppressed.row_totals, strict=True
        )
    ]
    return Table(
        key,
        sheet,
        title,
        row_heading,
        list(columns),
        rows,
        column_totals=suppressed.column_totals,
        total=suppressed.total,
        **options,
    )


def _one_column(row_labels, counts):
    """One column of counts with its total, suppressed: ([Figure per row], total Figure)."""
    if not counts:
        return [], Figure(0)
    suppressed = suppress_table([[count] for count in counts])
    return [cells[0] for cells in suppressed.cells], suppressed.column_totals[0]


# --- Stage periods from the steps ----------------------------------------------------------------

STAGE_STEPS = (Step.Kind.RAISED, Step.Kind.MOVED, Step.Kind.CLOSED)


@dataclass(frozen=True)
class Period:
    """An escalation's time at one stage: from `started` until `ended` (None: still there)."""

    escalation_id: int
    stage_id: int
    started: datetime.date
    ended: datetime.date | None


def stage_periods(steps, first_stage_id, closed_on):
    """The stage periods of one escalation from its raised, moved and closed steps (in order):
    each raised or moved step starts a period at its stage, ended by the next moved or closed
    step (or the escalation's closing date)."""
    periods, current = [], None
    for step in steps:
        if step["kind"] in (Step.Kind.RAISED, Step.Kind.MOVED):
            stage_id = step["stage_id"] or (
                first_stage_id if step["kind"] == Step.Kind.RAISED else None
            )
            if stage_id is None:
                continue
            if current is not None:
                periods.append(Period(step["escalation_id"], current[0], current[1], step["on"]))
            current = (stage_id, step["on"])
        elif step["kind"] == Step.Kind.CLOSED and current is not None:
            periods.append(Period(step["escalation_id"], current[0], current[1], step["on"]))
            current = None
    if current is not None:
        escalation_id = steps[-1]["escalation_id"]
        periods.append(Period(escalation_id, current[0], current[1], closed_on))
    return periods


def _periods_for(escalations, first_stage_id):
    """{escalation id: [Period, ...]} for `escalations` (dicts with id and closed_on), in one
    query."""
    by_escalation = defaultdict(list)
    ids = [escalation["id"] for escalation in escalations]
    if ids:
        for step in (
            Step.objects.filter(escalation_id__in=ids, kind__in=STAGE_STEPS)
            .order_by("escalation_id", "on", "recorded_at", "pk")
            .values("escalation_id", "kind", "stage_id", "on")
        ):
            by_escalation[step["escalation_id"]].append(step)
    return {
        escalation["id"]: stage_periods(
            by_escalation[escalation["id"]], first_stage_id, escalation["closed_on"]
        )
        if by_escalation[escalation["id"]]
        else []
        for escalation in escalations
    }


# --- The picture ---------------------------------------------------------------------------------


@dataclass
class Picture:
    partnership: object
    quarter: Quarter
    as_at: datetime.date
    has_protocol: bool
    tables: list
    raised: Figure
    good_practice: Figure
    overdue: Figure

    def table(self, key):
        return next(table for table in self.tables if table.key == key)


def _escalation_rows(partnership, start, end):
    """The partnership's escalations (not good practice) that were open at some point in the
    quarter, as dicts: raised by its end and not closed before its start."""
    return list(
        Escalation.objects.filter(
            partnership=partnership,
            entry_type=EntryType.ESCALATION,
            raised_on__lte=end,
        )
        .exclude(closed_on__lt=start)
        .values(
            "id",
            "raised_on",
            "closed_on",
            "raising_agency_id",
            "receiving_agency_id",
            "level_id",
            "theme_id",
            "stage_id",
        )
    )


def _protocol(partnership):
    protocol = Protocol.objects.filter(partnership=partnership).first()
    if protocol is None:
        return None, [], []
    stages = list(protocol.stages.order_by("sort_order", "pk"))
    themes = list(protocol.themes.order_by("sort_order", "pk"))
    return protocol, stages, themes


def _levels(partnership):
    from hub.decision_aids.queries import guide_for

    guide = guide_for(partnership)
    return list(guide.levels.order_by("sort_order", "pk")) if guide is not None else []


def overdue_as_at(periods, stages_by_id, as_at):
    """The stage periods still running at `as_at` (started by then, not ended by then) that
    have passed their stage's target by then."""
    found = []
    for period in periods:
        if period.started > as_at or (period.ended is not None and period.ended <= as_at):
            continue
        stage = stages_by_id.get(period.stage_id)
        if stage and working_days_between(period.started, as_at) > stage.target_working_days:
            found.append(period)
    return found


def picture(partnership, quarter, today):
    """The quarter's picture for `partnership`, every count suppressed."""
    start, end = quarter.start, quarter.end
    as_at = min(end, today)
    protocol, stages, themes = _protocol(partnership)
    agencies = list(Agency.objects.in_partnership(partnership).order_by("name"))
    levels = _levels(partnership)
    rows = _escalation_rows(partnership, start, end)
    raised_in = [row for row in rows if start <= row["raised_on"] <= end]
    good_practice_count = Escalation.objects.filter(
        partnership=partnership,
        entry_type=EntryType.GOOD_PRACTICE,
        raised_on__range=(start, end),
    ).count()
    stages_by_id = {stage.pk: stage for stage in stages}
    periods = _periods_for(rows, stages[0].pk if stages else None)

    tables = [
        _by_agency(agencies, raised_in),
        _stage_reached(stages, raised_in, as_at),
        _days_per_stage(stages, periods, start, end),
        _themes_by_level(themes, levels, raised_in),
        _overdue(stages, periods, stages_by_id, as_at),
    ]
    overdue_table = tables[-1]
    return Picture(
        partnership=partnership,
        quarter=quarter,
        as_at=as_at,
        has_protocol=protocol is not None,
        tables=tables,
        raised=suppress(len(raised_in)),
        good_practice=suppress(good_practice_count),
        overdue=overdue_table.column_totals[0] if overdue_table.column_totals else Figure(0),
    )


def _by_agency(agencies, raised_in):
    raised = defaultdict(int)
    received = defaultdict(int)
    for row in raised_in:
        raised[row["raising_agency_id"]] += 1
        received[row["receiving_agency_id"]] += 1
    # Each column is suppressed as a table of its own with its total: no row total is shown
    # (raised + received adds nothing up), so the rows need not hold across the columns.
    raised_cells, raised_total = _one_column(agencies, [raised[a.pk] for a in agencies])
    received_cells, received_total = _one_column(agencies, [received[a.pk] for a in agencies])
    return Table(
        "agencies",
        "By agency",
        "Escalations raised and received by agency",
        "Agency",
        ["Raised", "Received"],
        [
            (agency.name, [r, c], None)
            for agency, r, c in zip(agencies, raised_cells, received_cells, strict=True)
        ],
        column_totals=[raised_total, received_total] if agencies else None,
        total_label="All agencies",
        notes=[
            "Escalations raised in the quarter, by the agency that raised them and the "
            "agency whose decision they questioned."
        ],
    )


def _stage_reached(stages, raised_in, as_at):
    index = {stage.pk: number for number, stage in enumerate(stages)}
    counts = [[0, 0] for _ in stages]
    for row in raised_in:
        if row["stage_id"] in index:
            closed = row["closed_on"] is not None and row["closed_on"] <= as_at
            counts[index[row["stage_id"]]][1 if closed else 0] += 1
    return _crossed(
        "stages",
        "Stage reached",
        "Stage reached",
        "Stage",
        [stage.name for stage in stages],
        ["Still open", "Closed"],
        counts,
        notes=["Escalations raised in the quarter, by the furthest stage they have reached."],
    )


def _days_per_stage(stages, periods, start, end):
    index = {stage.pk: number for number, stage in enumerate(stages)}
    counts = [[0, 0] for _ in stages]
    days = [0 for _ in stages]
    for escalation_periods in periods.values():
        for period in escalation_periods:
            if period.ended is None or not (start <= period.ended <= end):
                continue
            if period.stage_id not in index:
                continue
            number = index[period.stage_id]
            taken = working_days_between(period.started, period.ended)
            counts[number][0 if taken <= stages[number].target_working_days else 1] += 1
            days[number] += taken
    table = _crossed(
        "days",
        "Days per stage",
        "Working days per stage against its target",
        "Stage",
        [stage.name for stage in stages],
        ["Within target", "Past target"],
        counts,
        total_heading="Stages completed",
        notes=[
            "Stages that ended in the quarter (by a move to the next stage or closing), "
            "in working days (Monday to Friday, less bank holidays in England and Wales). "
            "An average over fewer than 5 stages is not shown."
        ],
    )
    if stages:
        targets = [str(stage.target_working_days) for stage in stages]
        averages = []
        for (_, _, completed), total_days in zip(table.rows, days, strict=True):
            if completed.hidden or completed.value == 0:
                averages.append("not shown" if completed.hidden else "none completed")
            else:
                averages.append(f"{total_days / completed.value:.1f}")
        table.extra_columns = [
            ("Target (working days)", targets, ""),
            ("Average working days taken", averages, ""),
        ]
    return table


def _themes_by_level(themes, levels, raised_in):
    level_ids = [level.pk for level in levels]
    column_names = [level.name for level in levels]
    theme_ids = [theme.pk for theme in themes]
    row_names = [theme.name for theme in themes]
    if any(row["level_id"] not in level_ids for row in raised_in):
        level_ids.append(None)
        column_names.append(NOT_RECORDED)
    if any(row["theme_id"] not in theme_ids for row in raised_in):
        theme_ids.append(None)
        row_names.append(NOT_RECORDED)
    counts = [[0 for _ in level_ids] for _ in theme_ids]
    for row in raised_in:
        r = theme_ids.index(row["theme_id"] if row["theme_id"] in theme_ids else None)
        c = level_ids.index(row["level_id"] if row["level_id"] in level_ids else None)
        counts[r][c] += 1
    return _crossed(
        "themes",
        "Themes by level of need",
        "Themes by level of need",
        "Theme",
        row_names,
        column_names,
        counts,
        notes=[
            "Escalations raised in the quarter, by theme and the level of need of the "
            "child's circumstances they concern."
        ],
    )


def _overdue(stages, periods, stages_by_id, as_at):
    index = {stage.pk: number for number, stage in enumerate(stages)}
    counts = [0 for _ in stages]
    for escalation_periods in periods.values():
        for period in overdue_as_at(escalation_periods, stages_by_id, as_at):
            counts[index[period.stage_id]] += 1
    cells, total = _one_column(stages, counts)
    return Table(
        "overdue",
        "Open past target",
        "Still open past the stage's target",
        "Stage",
        ["Escalations"],
        [(stage.name, [cell], None) for stage, cell in zip(stages, cells, strict=True)],
        column_totals=[total] if stages else None,
        total_label="All stages",
        notes=[
            f"Escalations open on {as_at:%-d %B %Y} that had been at their stage longer "
            "than its target."
        ],
    )
