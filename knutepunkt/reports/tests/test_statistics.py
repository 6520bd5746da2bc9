import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.conftest import municipality
from knutepunkt.core.disclosure import SECONDARY, SMALL, Table, suppress
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
