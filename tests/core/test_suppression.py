"""Small-number suppression: counts under 5 hidden, and none worked out by subtraction."""

import random

from hub.core.suppression import FEWER_THAN, Figure, suppress, suppress_table


def _lines(table):
    """Every line of figures that adds up: each row and column with its total, and the totals."""
    rows = [[*row, total] for row, total in zip(table.cells, table.row_totals, strict=True)]
    columns = [
        [*(row[c] for row in table.cells), table.column_totals[c]]
        for c in range(len(table.column_totals))
    ]
    return [*rows, *columns, [*table.column_totals, table.total], [*table.row_totals, table.total]]


def test_a_count_under_five_reads_fewer_than_five_and_zero_and_five_are_shown():
    assert str(suppress(3)) == FEWER_THAN == "fewer than 5"
    assert suppress(3).shown is None
    assert str(suppress(0)) == "0"
    assert str(suppress(5)) == "5"
    assert str(Figure(1234)) == "1,234"


def test_a_lone_small_count_in_a_row_hides_the_next_smallest_beside_it():
    table = suppress_table([[12, 3, 9], [7, 9, 6]])
    assert table.cells[0][1].hidden
    # Otherwise 24 - 12 - 9 would give it away: the 9 beside it is hidden too.
    assert table.cells[0][2].hidden and not table.cells[0][0].hidden
    # And in their columns, a second figure each.
    assert table.cells[1][1].hidden and table.cells[1][2].hidden
    assert not table.row_totals[0].hidden and not table.total.hidden


def test_a_small_total_is_hidden_with_its_counts():
    table = suppress_table([[0, 3], [20, 30]])
    assert table.row_totals[0].hidden and table.cells[0][1].hidden
    assert not table.cells[0][0].hidden  # zero is shown


def test_no_hidden_count_can_be_worked_out_from_its_line_on_any_table():
    chooser = random.Random(24)
    for _ in range(500):
        rows = [
            [
                chooser.choice((0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30))
                for _ in range(chooser.randint(1, 5))
            ]
        ]
        rows += [
            [chooser.choice((0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30)) for _ in rows[0]]
            for _ in range(chooser.randint(0, 5))
        ]
        table = suppress_table(rows)
        for line in _lines(table):
            assert sum(figure.hidden for figure in line) != 1, (rows, line)
        every = [f for row in table.cells for f in row]
        every += [*table.row_totals, *table.column_totals, table.total]
        assert all(f.hidden for f in every if 0 < f.value < 5), rows
        assert not any(f.hidden for f in every if f.value == 0), rows
