"""Statistical disclosure control: publishing counts about people without letting a
small count (1–4) be seen or worked out. Knows no domain: callers pass plain tables.

:func:`public_count` is the one small-count rule for single numbers; :func:`suppress`
applies it to a table with totals and adds secondary suppression.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SMALL_MIN, SMALL_MAX = 1, 4


# Why a published value is missing: SMALL (1–4, shown as "under 5") or SECONDARY (hidden
# so that a small number cannot be worked out from the totals).
SMALL = "small"
SECONDARY = "secondary"
Published = int | str  # an int, or SMALL / SECONDARY


@dataclass(frozen=True)
class Table:
    """A table of non-negative counts, with optional row and column totals."""

    rows: Sequence[str]
    columns: Sequence[str]
    cells: Sequence[Sequence[int]]
    row_totals: bool = True
    column_totals: bool = True


@dataclass(frozen=True)
class PublishedTable:
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Published, ...], ...]
    row_totals: tuple[Published, ...] | None
    column_totals: tuple[Published, ...] | None
    # Only when both row and column totals are shown.
    grand_total: Published | None


# A position in the table: ("cell", r, c), ("row_total", r, 0), ("column_total", c, 0),
# ("grand", 0, 0).
Pos = tuple[str, int, int]


def suppress(table: Table) -> PublishedTable:
    """Publish ``table`` so that no small count (1–4) is shown or can be recovered.

    Rules, applied until nothing changes:

    1. *Primary suppression*: every value from 1 to 4 — a cell or a total — is shown as
       "under 5" (SMALL). Zeros and values of 5 or more are shown as they are.
    2. *Lines*: each row (its cells, summing to the row total), each column (its cells,
       summing to the column total), the column of row totals and the row of column totals
       (both summing to the grand total) is a line. A line whose total is shown must have
       either no hidden part or at least two: with exactly one, that part would be the total
       minus the others.
    3. *Secondary suppression*: in a line with exactly one hidden part and a shown total,
       hide one more part (SECONDARY): the smallest shown part that is not zero (a hidden
       zero next to one hidden small count would reveal it), preferring a part that also
       completes another line with a single hidden part. If no such part exists, hide the
       line's total instead (which may in turn require rule 2 for the line of totals).
    4. Two hidden parts whose sum forces both values (e.g. two "under 5" summing to 2
       or 8) also count as recoverable: a third part is hidden then.

    Shown totals are always the true sums of the full, unsuppressed table; shown cells
    their true values. Rules 2–4 stop the arithmetic recovery of a single hidden value
    within a line and the obvious bound cases; they are not a full linear-programming
    audit across lines (not needed at the sizes published here).
    """
    n_rows, n_cols = len(table.rows), len(table.columns)
    cells = [list(map(int, row)) for row in table.cells]
    if len(cells) != n_rows or any(len(row) != n_cols for row in cells):
        raise ValueError("cells must have one row per row label and one value per column")
    if any(v < 0 for row in cells for v in row):
        raise ValueError("counts cannot be negative")

    value: dict[Pos, int] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            value[("cell", r, c)] = cells[r][c]
    if table.row_totals:
        for r in range(n_rows):
            value[("row_total", r, 0)] = sum(cells[r])
    if table.column_totals:
        for c in range(n_cols):
            value[("column_total", c, 0)] = sum(cells[r][c] for r in range(n_rows))
    grand = table.row_totals and table.column_totals
    if grand:
        value[("grand", 0, 0)] = sum(map(sum, cells))

    # Lines: (parts, total position).
    lines: list[tuple[list[Pos], Pos]] = []
    if table.row_totals:
        for r in range(n_rows):
            lines.append(([("cell", r, c) for c in range(n_cols)], ("row_total", r, 0)))
        if grand:
            lines.append(([("row_total", r, 0) for r in range(n_rows)], ("grand", 0, 0)))
    if table.column_totals:
        for c in range(n_cols):
            lines.append(([("cell", r, c) for r in range(n_rows)], ("column_total", c, 0)))
        if grand:
            lines.append(([("column_total", c, 0) for c in range(n_cols)], ("grand", 0, 0)))

    hidden: dict[Pos, str] = {pos: SMALL for pos, v in value.items() if SMALL_MIN <= v <= SMALL_MAX}

    def exposed(parts: list[Pos]) -> bool:
        hidden_parts = [p for p in parts if p in hidden]
        if len(hidden_parts) == 1:
            return True
        # Rule 4: all hidden parts small and their sum at the extreme of what is possible.
        if hidden_parts and all(hidden[p] == SMALL for p in hidden_parts):
            total = sum(value[p] for p in hidden_parts)
            k = len(hidden_parts)
            return total in (SMALL_MIN * k, SMALL_MAX * k)
        return False

    changed = True
    while changed:
        changed = False
        for parts, total in lines:
            if total in hidden or not exposed(parts):
                continue
            candidates = [p for p in parts if p not in hidden and value[p] > 0]
            if candidates:

                def preference(p: Pos) -> tuple[int, int, Pos]:
                    singles = sum(
                        1
                        for other_parts, other_total in lines
                        if p in other_parts
                        and other_total not in hidden
                        and sum(1 for q in other_parts if q in hidden) == 1
                    )
                    return (-singles, value[p], p)

                hidden[min(candidates, key=preference)] = SECONDARY
            else:
                hidden[total] = SECONDARY
            changed = True

    def shown(pos: Pos) -> Published:
        return hidden.get(pos, value[pos])

    return PublishedTable(
        rows=tuple(table.rows),
        columns=tuple(table.columns),
        cells=tuple(tuple(shown(("cell", r, c)) for c in range(n_cols)) for r in range(n_rows)),
        row_totals=(
            tuple(shown(("row_total", r, 0)) for r in range(n_rows)) if table.row_totals else None
        ),
        column_totals=(
            tuple(shown(("column_total", c, 0)) for c in range(n_cols))
            if table.column_totals
            else None
        ),
        grand_total=shown(("grand", 0, 0)) if grand else None,
    )


# --- The figures ------------------------------------------------------------------------------


def public_count(count: int) -> Published:
    """A count fit for a public page or a dashboard shared beyond the office: 1–4 become
    "under 5" (``SMALL``)."""
    return SMALL if SMALL_MIN <= count <= SMALL_MAX else count
