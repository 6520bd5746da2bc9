"""Statistical disclosure control: publishing counts about people without letting a
small count (1–4) be seen or worked out. Knows no domain: callers pass plain tables.

:func:`public_count` is the one small-count rule for single numbers;
:func:`suppress_together` applies it to tables published side by side, with their totals and
the equalities between them, and adds secondary suppression.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

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


# A position in one table: ("cell", r, c), ("row_total", r, 0), ("column_total", c, 0),
# ("grand", 0, 0). Across tables a position is prefixed with the table's index.
Pos = tuple[str, int, int]
Var = tuple[int, str, int, int]


@dataclass(frozen=True)
class Link:
    """An equality that holds between published tables: the sum of the ``left`` cells
    equals the sum of the ``right`` cells. A cell is ``(table index, row, column)``.

    Example: a column "groups open or forming" in one table equals the columns "open" and
    "forming" of another, row by row: ``Link(left=((0, r, 1),), right=((1, r, 0), (1, r, 1)))``.
    """

    left: tuple[tuple[int, int, int], ...]
    right: tuple[tuple[int, int, int], ...]


def suppress(table: Table) -> PublishedTable:
    """Publish one table; see :func:`suppress_together`."""
    return suppress_together([table])[0]


def suppress_together(tables: Sequence[Table], links: Sequence[Link] = ()) -> list[PublishedTable]:
    """Publish ``tables`` so that no small count (1–4) is shown or can be worked out from
    everything published together — cells, totals, and the equalities between tables.

    1. *Primary suppression*: every value from 1 to 4, a cell or a total, is shown as
       "under 5" (SMALL). Zeros and values of 5 or more are shown as they are.
    2. *Linear audit*: every line (the cells of a row or column and its total, the totals
       and the grand total) and every :class:`Link` is an equation. A hidden value can be
       worked out by some linear combination of published values exactly when its unit
       vector lies in the row space of the equations restricted to the hidden values. That
       is computed exactly (fractions, reduced row echelon form) across all tables at once.
    3. *Bounds*: an equation whose hidden values are all "under 5" and add up to the
       smallest or largest sum possible (two of them summing to 2 or 8) gives them away too.
    4. *Secondary suppression* (SECONDARY), until neither 2 nor 3 finds anything: in an
       equation that gives a small value away, hide the smallest non-zero published value
       of that equation (cells before totals).

    Shown values are always true: totals are sums of the full, unsuppressed tables.
    """
    value: dict[Var, int] = {}
    equations: list[dict[Var, int]] = []
    shapes: list[tuple[int, int, bool]] = []
    for t, table in enumerate(tables):
        n_rows, n_cols = len(table.rows), len(table.columns)
        cells = [list(map(int, row)) for row in table.cells]
        if len(cells) != n_rows or any(len(row) != n_cols for row in cells):
            raise ValueError("cells must have one row per row label and one value per column")
        if any(v < 0 for row in cells for v in row):
            raise ValueError("counts cannot be negative")
        grand = table.row_totals and table.column_totals
        shapes.append((n_rows, n_cols, grand))
        for r in range(n_rows):
            for c in range(n_cols):
                value[(t, "cell", r, c)] = cells[r][c]
        if table.row_totals:
            for r in range(n_rows):
                value[(t, "row_total", r, 0)] = sum(cells[r])
                equations.append(
                    _line([(t, "cell", r, c) for c in range(n_cols)], (t, "row_total", r, 0))
                )
        if table.column_totals:
            for c in range(n_cols):
                value[(t, "column_total", c, 0)] = sum(cells[r][c] for r in range(n_rows))
                equations.append(
                    _line([(t, "cell", r, c) for r in range(n_rows)], (t, "column_total", c, 0))
                )
        if grand:
            value[(t, "grand", 0, 0)] = sum(map(sum, cells))
            equations.append(
                _line([(t, "row_total", r, 0) for r in range(n_rows)], (t, "grand", 0, 0))
            )
            equations.append(
                _line([(t, "column_total", c, 0) for c in range(n_cols)], (t, "grand", 0, 0))
            )
    for link in links:
        equation: dict[Var, int] = {}
        for sign, side in ((1, link.left), (-1, link.right)):
            for t, r, c in side:
                key = (t, "cell", r, c)
                if key not in value:
                    raise ValueError(f"link refers to a cell that does not exist: {key}")
                equation[key] = equation.get(key, 0) + sign
        equations.append({k: v for k, v in equation.items() if v})

    hidden: dict[Var, str] = {v: SMALL for v, n in value.items() if SMALL_MIN <= n <= SMALL_MAX}
    while True:
        for leak in _leaks(equations, value, hidden):
            more = _next_to_hide(leak, equations, hidden, value)
            if more is not None:
                hidden[more] = SECONDARY
                break
        else:
            break
    published = []
    for t, table in enumerate(tables):
        n_rows, n_cols, grand = shapes[t]

        def shown_value(kind: str, r: int, c: int, t: int = t) -> Published:
            key = (t, kind, r, c)
            return hidden.get(key, value[key])

        published.append(
            PublishedTable(
                rows=tuple(table.rows),
                columns=tuple(table.columns),
                cells=tuple(
                    tuple(shown_value("cell", r, c) for c in range(n_cols)) for r in range(n_rows)
                ),
                row_totals=(
                    tuple(shown_value("row_total", r, 0) for r in range(n_rows))
                    if table.row_totals
                    else None
                ),
                column_totals=(
                    tuple(shown_value("column_total", c, 0) for c in range(n_cols))
                    if table.column_totals
                    else None
                ),
                grand_total=shown_value("grand", 0, 0) if grand else None,
            )
        )
    return published


def _next_to_hide(
    leak: tuple[Var | None, list[dict[Var, int]]],
    equations: list[dict[Var, int]],
    hidden: dict[Var, str],
    value: dict[Var, int],
) -> Var | None:
    """The published value to hide next.

    Candidates are the published values of the leaking equations, else of the equations
    sharing a hidden value with them, and so on outwards; with the next ring added, so a
    cell one step away can be chosen over a total. The first candidate (non-zero before
    zero, cells before totals, smallest first) whose hiding stops the leaked value from being
    worked out is taken; failing that, the first candidate. None when everything connected
    is hidden already: the equations are then homogeneous, and they can fix a hidden value
    only when it is zero (a total of zero published cells), which gives nothing away.
    """
    var, frontier = leak

    def key(v: Var) -> tuple[bool, bool, int, Var]:
        return (value[v] == 0, v[1] != "cell", value[v], v)

    seen_vars: set[Var] = set()
    seen_equations: set[int] = set()
    candidates: list[Var] = []
    rings_with_candidates = 0
    while frontier and rings_with_candidates < 2:
        shown = {v for eq in frontier for v in eq if v not in hidden}
        if shown:
            candidates.extend(sorted(shown - set(candidates), key=key))
            rings_with_candidates += 1
        new_vars = {v for eq in frontier for v in eq} - seen_vars
        seen_vars |= new_vars
        seen_equations |= {id(eq) for eq in frontier}
        frontier = [
            eq for eq in equations if id(eq) not in seen_equations and new_vars.intersection(eq)
        ]
    if not candidates:
        return None
    if var is not None:
        for candidate in sorted(candidates, key=key):
            trial = {**hidden, candidate: SECONDARY}
            if var not in _determined(equations, trial):
                return candidate
    return min(candidates, key=key)


def _line(parts: list[Var], total: Var) -> dict[Var, int]:
    equation = dict.fromkeys(parts, 1)
    equation[total] = -1
    return equation


def _leaks(
    equations: list[dict[Var, int]], value: dict[Var, int], hidden: dict[Var, str]
) -> Iterator[tuple[Var | None, list[dict[Var, int]]]]:
    """For each way a hidden value can be worked out, the equations to break it in."""
    # Bounds (rule 3): all hidden parts small, on one side, at the extreme sum.
    for equation in equations:
        parts = [v for v in equation if v in hidden]
        if not parts or any(hidden[v] != SMALL for v in parts):
            continue
        if len({equation[v] for v in parts}) != 1 or {abs(equation[v]) for v in parts} != {1}:
            continue
        total, k = sum(value[v] for v in parts), len(parts)
        if total in (SMALL_MIN * k, SMALL_MAX * k):
            yield None, [equation]
    # Linear combinations (rule 2), small values first.
    determined = _determined(equations, hidden)
    for var in sorted(determined, key=lambda v: (hidden[v] != SMALL, v)):
        # Every equation the value is part of is a way to it: widen from all of them.
        yield var, [equation for equation in equations if var in equation]


def _determined(
    equations: list[dict[Var, int]], hidden: dict[Var, str]
) -> dict[Var, dict[Var, int]]:
    """Hidden values fixed by the equations and the published values, each with one
    equation that involves it (the one to break by hiding more).

    Published values move to the right-hand side, so only the hidden part of each equation
    matters. In reduced row echelon form, a hidden value is determined exactly when some row
    has it as its only non-zero entry.
    """
    rows: list[dict[Var, Fraction]] = []
    origin: list[dict[Var, int]] = []
    for equation in equations:
        row = {v: Fraction(c) for v, c in equation.items() if v in hidden}
        if row:
            rows.append(row)
            origin.append(equation)
    pivots: list[tuple[Var, dict[Var, Fraction], dict[Var, int]]] = []
    for row, source in zip(rows, origin, strict=True):
        for pivot, prow, _ in pivots:
            factor = row.get(pivot)
            if factor:
                for v, c in prow.items():
                    new = row.get(v, Fraction(0)) - factor * c
                    if new:
                        row[v] = new
                    else:
                        row.pop(v, None)
        if not row:
            continue
        pivot = min(row)
        scale = row[pivot]
        row = {v: c / scale for v, c in row.items()}
        for i, (other_pivot, orow, osource) in enumerate(pivots):
            factor = orow.get(pivot)
            if factor:
                for v, c in row.items():
                    new = orow.get(v, Fraction(0)) - factor * c
                    if new:
                        orow[v] = new
                    else:
                        orow.pop(v, None)
                pivots[i] = (other_pivot, orow, osource)
        pivots.append((pivot, row, source))
    return {pivot: source for pivot, row, source in pivots if len(row) == 1}


# --- The figures ------------------------------------------------------------------------------


def public_count(count: int) -> Published:
    """A count fit for a public page or a dashboard shared beyond the office: 1–4 become
    "under 5" (``SMALL``)."""
    return SMALL if SMALL_MIN <= count <= SMALL_MAX else count
