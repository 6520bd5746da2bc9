import datetime
from fractions import Fraction

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.conftest import municipality
from knutepunkt.core.disclosure import SECONDARY, SMALL, Link, Table, suppress, suppress_together
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup, Topic


def _tables():
    return st.tuples(st.integers(1, 6), st.integers(1, 5), st.booleans(), st.booleans()).flatmap(
        lambda shape: st.builds(
            lambda cells: Table(
                rows=[f"r{i}" for i in range(shape[0])],
                columns=[f"c{j}" for j in range(shape[1])],
                cells=cells,
                row_totals=shape[2],
                column_totals=shape[3],
            ),
            st.lists(
                st.lists(
                    st.one_of(st.integers(0, 6), st.integers(0, 500)),
                    min_size=shape[1],
                    max_size=shape[1],
                ),
                min_size=shape[0],
                max_size=shape[0],
            ),
        )
    )


def _lines(table, published):
    """(true parts, published parts, published total) for every line that has a total."""
    rows, cols = len(table.rows), len(table.columns)
    lines = []
    if published.row_totals is not None:
        for r in range(rows):
            lines.append((table.cells[r], published.cells[r], published.row_totals[r]))
    if published.column_totals is not None:
        for c in range(cols):
            lines.append(
                (
                    [table.cells[r][c] for r in range(rows)],
                    [published.cells[r][c] for r in range(rows)],
                    published.column_totals[c],
                )
            )
    if published.grand_total is not None:
        lines.append(
            ([sum(row) for row in table.cells], published.row_totals, published.grand_total)
        )
        col_sums = [sum(table.cells[r][c] for r in range(rows)) for c in range(cols)]
        lines.append((col_sums, published.column_totals, published.grand_total))
    return lines


def _hidden(value):
    return value in (SMALL, SECONDARY)


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_no_published_value_is_between_one_and_four(table):
    published = suppress(table)
    values = [v for row in published.cells for v in row]
    values += list(published.row_totals or ()) + list(published.column_totals or ())
    values += [published.grand_total] if published.grand_total is not None else []
    assert not any(isinstance(v, int) and 1 <= v <= 4 for v in values)


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_no_suppressed_value_can_be_recovered_from_a_line(table):
    published = suppress(table)
    for _true, shown_parts, shown_total in _lines(table, published):
        hidden = sum(1 for v in shown_parts if _hidden(v))
        assert _hidden(shown_total) or hidden == 0 or hidden >= 2


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_published_values_and_totals_are_true(table):
    published = suppress(table)
    for true_parts, shown_parts, shown_total in _lines(table, published):
        if not _hidden(shown_total):
            assert shown_total == sum(true_parts)
        for true, shown in zip(true_parts, shown_parts, strict=True):
            assert _hidden(shown) or shown == true
    for r, row in enumerate(published.cells):
        for c, value in enumerate(row):
            assert _hidden(value) or value == table.cells[r][c]
            if table.cells[r][c] in range(1, 5):
                assert value == SMALL


def test_single_small_cell_in_a_row_hides_another_cell():
    published = suppress(Table(rows=["a", "b"], columns=["x", "y"], cells=[[3, 10], [20, 30]]))
    assert published.cells[0][0] == SMALL
    assert published.cells[0][1] == SECONDARY
    assert published.row_totals == (13, 50)
    assert published.grand_total == 63


def test_two_small_cells_whose_sum_forces_both_values_hide_a_third():
    published = suppress(
        Table(rows=["a"], columns=["x", "y", "z"], cells=[[1, 1, 40]], column_totals=False)
    )
    assert published.cells[0] == (SMALL, SMALL, SECONDARY)


def test_zeros_and_large_counts_are_shown():
    published = suppress(Table(rows=["a"], columns=["x", "y"], cells=[[0, 7]]))
    assert published.cells == ((0, 7),)


@pytest.mark.django_db
def test_statistics_page_is_public_and_shows_under_5(client, office_midt, contact_point_molde):
    topic = Topic.objects.create(slug="angst", name_nb="Angst", name_en="Anxiety")
    for _ in range(2):
        SelfHelpGroup.objects.create(
            topic=topic,
            office=office_midt,
            municipality=municipality("1506"),
            status=GroupStatus.OPEN,
        )
    year = timezone.localdate().year - 1
    Activity.objects.create(
        office=office_midt,
        date=datetime.date(year, 5, 2),
        kind=ActivityKind.OWN_EVENT,
        title="Fagdag",
        municipality=municipality("1506"),
        people_reached=120,
    )
    response = client.get(reverse("statistics:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "under 5" in html
    assert "<caption>" in html and 'scope="col"' in html and 'scope="row"' in html
    assert "Møre og Romsdal" in html
    assert ">120<" in html  # the people reached in Møre og Romsdal and nationally
    assert "public" in response["Cache-Control"]


@pytest.mark.django_db
def test_statistics_page_never_shows_a_small_count(client, office_midt):
    topic = Topic.objects.create(slug="sorg", name_nb="Sorg", name_en="Grief")
    SelfHelpGroup.objects.create(
        topic=topic,
        office=office_midt,
        municipality=municipality("1506"),
        status=GroupStatus.FORMING,
    )
    html = client.get(reverse("statistics:index")).content.decode()
    assert 'class="num">1<' not in html


# --- Published together: no cell can be worked out across both tables ------------------------


def _rank(rows: list[list[Fraction]]) -> int:
    """Rank by plain Gaussian elimination over the rationals (dense; independent of the
    sparse elimination in core.disclosure)."""
    matrix = [row[:] for row in rows]
    rank, n_cols = 0, len(matrix[0]) if matrix else 0
    for col in range(n_cols):
        pivot = next((i for i in range(rank, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for i in range(len(matrix)):
            if i != rank and matrix[i][col] != 0:
                factor = matrix[i][col] / matrix[rank][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[rank], strict=True)]
        rank += 1
    return rank


def _linked_tables():
    """Two tables shaped like /statistikk/: per county, a column "open or forming" in the
    first (with column totals only), and open / forming / closed in the second (all totals)."""
    return st.integers(1, 5).flatmap(
        lambda n: st.lists(
            st.tuples(*(st.one_of(st.integers(0, 6), st.integers(0, 60)) for _ in range(4))),
            min_size=n,
            max_size=n,
        )
    )


@settings(max_examples=150, deadline=None)
@given(_linked_tables())
def test_no_hidden_value_is_a_linear_combination_of_published_values_across_tables(rows):
    """Every linear combination of published values (cells, totals, both tables, and the
    equality between them) is tried at once: a hidden value can be worked out exactly when
    its unit vector lies in the row space of the equations restricted to hidden values,
    i.e. when adding it does not raise the rank."""
    n = len(rows)
    first = Table(
        rows=[f"r{i}" for i in range(n)],
        columns=["other", "open or forming"],
        cells=[[other, o + f] for other, o, f, _c in rows],
        row_totals=False,
        column_totals=True,
    )
    second = Table(
        rows=[f"r{i}" for i in range(n)],
        columns=["open", "forming", "closed"],
        cells=[[o, f, c] for _other, o, f, c in rows],
    )
    links = [Link(left=((0, r, 1),), right=((1, r, 0), (1, r, 1))) for r in range(n)]
    pub_first, pub_second = suppress_together([first, second], links)
    assert pub_first.column_totals is not None
    assert pub_second.row_totals is not None and pub_second.column_totals is not None

    # The variables and equations, written out again here from the table shapes.
    true, shown, names = [], [], []

    def var(name, true_value, published_value):
        names.append(name)
        true.append(true_value)
        shown.append(published_value)
        return len(names) - 1

    a = [
        [var(("a", r, c), first.cells[r][c], pub_first.cells[r][c]) for c in range(2)]
        for r in range(n)
    ]
    a_col = [
        var(("a_col", c), sum(first.cells[r][c] for r in range(n)), pub_first.column_totals[c])
        for c in range(2)
    ]
    b = [
        [var(("b", r, c), second.cells[r][c], pub_second.cells[r][c]) for c in range(3)]
        for r in range(n)
    ]
    b_row = [var(("b_row", r), sum(second.cells[r]), pub_second.row_totals[r]) for r in range(n)]
    b_col = [
        var(("b_col", c), sum(second.cells[r][c] for r in range(n)), pub_second.column_totals[c])
        for c in range(3)
    ]
    b_all = var(("b_all",), sum(map(sum, second.cells)), pub_second.grand_total)
    equations = []

    def equation(plus, minus):
        row = [Fraction(0)] * len(names)
        for i in plus:
            row[i] += 1
        for i in minus:
            row[i] -= 1
        equations.append(row)

    for c in range(2):
        equation([a[r][c] for r in range(n)], [a_col[c]])
    for r in range(n):
        equation(b[r], [b_row[r]])
        equation([a[r][1]], [b[r][0], b[r][1]])
    for c in range(3):
        equation([b[r][c] for r in range(n)], [b_col[c]])
    equation(b_row, [b_all])
    equation(b_col, [b_all])

    hidden = [i for i, value in enumerate(shown) if _hidden(value)]
    for i, value in enumerate(shown):
        # Shown values are true; no small count is shown.
        assert _hidden(value) or value == true[i]
        assert not (isinstance(value, int) and 1 <= value <= 4)
    restricted = [[row[i] for i in hidden] for row in equations]
    base = _rank(restricted) if hidden else 0
    for position, i in enumerate(hidden):
        if true[i] == 0:
            continue  # a hidden zero fixed by zeros around it gives nothing away
        unit = [Fraction(int(k == position)) for k in range(len(hidden))]
        assert _rank([*restricted, unit]) > base, f"{names[i]} can be worked out"


def test_statistics_pages_figure_from_the_issue_cannot_be_worked_out():
    """Møre og Romsdal: 6 open or forming, 5 open, 1 forming (under 5) — the first table's
    6 and the second's 5 must not both be shown."""
    first = Table(rows=["m"], columns=["open or forming"], cells=[[6]], row_totals=False)
    second = Table(rows=["m"], columns=["open", "forming", "closed"], cells=[[5, 1, 0]])
    links = [Link(left=((0, 0, 0),), right=((1, 0, 0), (1, 0, 1)))]
    pub_first, pub_second = suppress_together([first, second], links)
    assert pub_second.cells[0][1] == SMALL
    assert SECONDARY in (pub_first.cells[0][0], pub_second.cells[0][0])
