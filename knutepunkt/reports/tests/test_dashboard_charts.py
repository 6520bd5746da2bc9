"""The dashboards' charts: this year against last year, drawn as SVG with a name and the
same figures in a table; counted independently here from what the test logs."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.utils import timezone

from knutepunkt.activity.services import activity_create
from knutepunkt.reports.charts import Chart, ChartRow, nice_max
from knutepunkt.reports.selectors import figures_by_office, national_charts, office_charts

pytestmark = pytest.mark.django_db


def _log(office: Any, date: datetime.date, kind: str, reached: int = 0) -> None:
    activity_create(
        actor=None,
        office=office,
        date=date,
        kind=kind,
        title=f"{kind} {date}",
        people_reached=reached or None,
    )


@pytest.fixture
def logged(office_midt: Any, office_nord: Any) -> int:
    """Midt: 3 talks and a stand in March of last year's following year, 1 media item in
    May; last year 2 talks in March. Nord: one talk this year."""
    year = timezone.localdate().year - 1  # a whole, closed-off year
    for day in (3, 10, 17):
        _log(office_midt, datetime.date(year, 3, day), "contribution")
    _log(office_midt, datetime.date(year, 3, 20), "stand")
    _log(office_midt, datetime.date(year, 5, 2), "media_coverage")
    for day in (4, 11):
        _log(office_midt, datetime.date(year - 1, 3, day), "contribution")
    _log(office_nord, datetime.date(year, 8, 1), "contribution", reached=40)
    return year


def test_office_charts_count_per_month_and_type(logged: int, office_midt: Any) -> None:
    months, kinds = office_charts(office_midt.pk, logged)
    assert [(r.this_year, r.last_year) for r in months.rows] == [
        (0, 0),
        (0, 0),
        (4, 2),
        (0, 0),
        (1, 0),
        *[(0, 0)] * 7,
    ]
    assert len(months.rows) == 12 and months.columns
    by_label = {r.label: (r.this_year, r.last_year) for r in kinds.rows}
    assert sorted(by_label.values()) == [(1, 0), (1, 0), (3, 2)]
    assert not kinds.is_empty


def test_national_charts_follow_the_figures_by_office(
    logged: int, office_midt: Any, office_nord: Any
) -> None:
    activities, informed = national_charts(figures_by_office(logged), logged)
    rows = {r.label: (r.this_year, r.last_year) for r in activities.rows}
    assert rows[office_midt.name] == (5, 2)
    assert rows[office_nord.name] == (1, 0)
    assert informed.slug == "people_informed"
    assert {r.label: r.this_year for r in informed.rows}[office_nord.name] == 40


def test_the_svg_is_a_named_image_with_every_bar() -> None:
    chart = Chart("x", "Tittel <b>", 2025, [ChartRow("A & B", 3, 1), ChartRow("C", 0, 7)])
    svg = str(chart.svg)
    assert 'role="img"' in svg and 'aria-labelledby="chart-x"' in svg
    assert '<title id="chart-x">Tittel &lt;b&gt;</title>' in svg
    assert "A &amp; B" in svg and "<b>" not in svg
    assert len(re.findall("<rect ", svg)) == 4
    widths = [float(w) for w in re.findall(r'<rect x="0" y="\d+" width="([\d.]+)"', svg)]
    peak = nice_max(7)
    assert widths == pytest.approx([306 * v / peak for v in (3, 1, 0, 7)], abs=0.06)


def test_nice_max_gives_a_round_top() -> None:
    assert [nice_max(v) for v in (0, 3, 4, 5, 9, 17, 41, 130)] == [4, 4, 4, 8, 20, 20, 80, 200]


def test_dashboards_show_charts_with_tables(
    logged: int, login: Any, office_staff_midt: Any, head_office_admin: Any
) -> None:
    page = login(office_staff_midt).get(f"/arbeid/?year={logged}").content.decode()
    assert page.count('role="img"') == 2
    assert page.count('<details class="chart-table">') == 2
    assert '<td class="num">4</td><td class="num">2</td>' in page  # March
    page = login(head_office_admin).get(f"/arbeid/?year={logged}").content.decode()
    assert page.count('role="img"') == 2
    assert "Personer informert per distriktskontor" in page
