"""Issue 12: a report names places as they were in its year and can be totalled on today's
map — on the report page (a plain GET switch), the national page and in the XLSX, for live
and approved reports alike (an approved one from its snapshot's rows)."""

from __future__ import annotations

import datetime
import html
import io
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.geo.models import Municipality
from knutepunkt.reports.builder import build_national_report, build_office_report, with_today_map
from knutepunkt.reports.services import (
    annual_report_approve,
    annual_report_get_or_create,
    annual_report_submit,
)
from knutepunkt.reports.xlsx import national_report_xlsx, office_report_xlsx

pytestmark = pytest.mark.django_db

YEAR = 2012
DAY = datetime.date(YEAR, 1, 19)
# Askim and Trøgstad became Indre Østfold (3118 since 2024); Skedsmo and Fet Lillestrøm
# (3205); Molde 1502 is Molde 1506.
PLACES_2012 = {"0124": 2, "0122": 1, "0231": 3, "0227": 1, "1502": 1}
# In the order of county and municipality numbers, as every report lists them.
AS_THEN = [
    ("Østfold – Trøgstad", 1),
    ("Østfold – Askim", 2),
    ("Akershus – Fet", 1),
    ("Akershus – Skedsmo", 3),
    ("Møre og Romsdal – Molde", 1),
]
TODAY = [
    ("Møre og Romsdal – Molde", 1),
    ("Østfold – Indre Østfold", 3),
    ("Akershus – Lillestrøm", 4),
]


@pytest.fixture
def year_2012(office_midt: Any) -> Any:
    for number, times in PLACES_2012.items():
        place = Municipality.objects.current(DAY).get(number=number)
        for i in range(times):
            Activity.objects.create(
                office=office_midt,
                date=DAY,
                kind=ActivityKind.OWN_EVENT,
                title=f"Møte {place.name} {i}",
                municipality=place,
                participants=5,
            )
    return office_midt


def _approve(office: Any, head: Any) -> None:
    report = annual_report_get_or_create(office=office, year=YEAR, actor=head)
    annual_report_submit(report=report, actor=head)
    annual_report_approve(report=report, actor=head)


def _detail(client: Any, query: str = "", language: str = "en") -> str:
    with translation.override(language):
        url = reverse("staff:reports:report_detail", kwargs={"year": YEAR, "slug": "midt"})
    response = client.get(url + query)
    assert response.status_code == 200
    return str(response.content.decode())


def _table(page: str) -> list[tuple[str, int]]:
    """The rows of the by-municipality table (the one inside the switch's box)."""
    box = page[page.index('id="office-midt-municipalities"') :]
    box = box[: box.index("</details>")]
    rows = re.findall(r'<th scope="row">([^<]*)</th><td class="num">(\d+)</td>', box)
    return [(html.unescape(label), int(n)) for label, n in rows]


def _switch(page: str) -> tuple[str, list[tuple[str, bool]]]:
    """The box's opening tag and the switch's links: (text, is current)."""
    start = page.index('id="office-midt-municipalities"')
    tag = page[page.rindex("<details", 0, start) : page.index(">", start) + 1]
    switch = page[page.index('id="office-midt-municipalities-switch"') :]
    switch = switch[: switch.index("</p>")]
    links = re.findall(r'<a href="([^"]*)"( aria-current="true")?>([^<]*)</a>', switch)
    return tag, [(html.unescape(text), bool(current)) for _href, current, text in links]


def test_report_lists_places_as_in_its_year_by_default(
    year_2012: Any, head_office_admin: Any, login: Any
) -> None:
    page = _detail(login(head_office_admin))
    assert _table(page) == AS_THEN
    tag, links = _switch(page)
    assert " open" not in tag  # a closed box, as the other breakdowns
    assert links == [("as in 2012", True), ("on today's map", False)]
    assert "Indre Østfold" not in page and "Lillestrøm" not in page


def test_todays_map_sums_the_places_that_merged(
    year_2012: Any, head_office_admin: Any, login: Any
) -> None:
    client = login(head_office_admin)
    page = _detail(client, "?kommuner=i-dag")
    assert _table(page) == TODAY
    assert sum(n for _l, n in _table(page)) == sum(PLACES_2012.values())
    tag, links = _switch(page)
    assert " open" in tag
    assert links == [("as in 2012", False), ("on today's map", True)]
    # The links are plain GET links back to this page, landing on the table.
    assert (
        'href="/en/arbeid/rapporter/2012/midt/?kommuner=i-dag#office-midt-municipalities"' in page
    )
    assert (
        'href="/en/arbeid/rapporter/2012/midt/?kommuner=som-den-gang#office-midt-municipalities"'
        in page
    )
    # Choosing "as in 2012" again opens the box on the year's names.
    page = _detail(client, "?kommuner=som-den-gang")
    assert _table(page) == AS_THEN
    assert " open" in _switch(page)[0]
    # An unknown value is the default view.
    assert _table(_detail(client, "?kommuner=x")) == AS_THEN


def test_approved_report_is_totalled_on_todays_map_from_its_snapshot(
    year_2012: Any, head_office_admin: Any, login: Any
) -> None:
    _approve(year_2012, head_office_admin)
    # The log changes underneath the approved year: the snapshot's counts still rule.
    Activity.objects.filter(municipality__number="0231").delete()
    client = login(head_office_admin)
    assert _table(_detail(client)) == AS_THEN
    page = _detail(client, "?kommuner=i-dag")
    assert _table(page) == TODAY
    report = with_today_map([build_office_report(office=year_2012, year=YEAR)])[0]
    assert report.locked and report.municipalities_today is not None
    assert report.municipalities_today.total == 8


def test_a_snapshot_row_whose_number_is_unknown_stays_as_it_was(
    year_2012: Any, head_office_admin: Any
) -> None:
    _approve(year_2012, head_office_admin)
    report = build_office_report(office=year_2012, year=YEAR)
    assert report.municipality_breakdown is not None
    fet = next(r for r in report.municipality_breakdown.rows if r.name == "Fet")
    fet.key = "9999"  # as if the snapshot held a number no row of 2012 has
    today = with_today_map([report])[0].municipalities_today
    assert today is not None
    assert [(r.name, r.value) for r in today.rows if r.key == "9999"] == [("Fet", 1)]
    assert today.total == 8


def test_national_page_has_the_switch_per_chapter(
    year_2012: Any, head_office_admin: Any, login: Any
) -> None:
    with translation.override("en"):
        url = reverse("staff:reports:national", kwargs={"year": YEAR})
    client = login(head_office_admin)
    page = client.get(url).content.decode()
    assert _table(page) == AS_THEN
    page = client.get(url + "?kommuner=i-dag").content.decode()
    assert _table(page) == TODAY
    assert _switch(page)[1] == [("as in 2012", False), ("on today's map", True)]
    assert f'href="{url}?kommuner=i-dag#office-midt-municipalities"' in page


def test_the_switch_in_bokmal_and_nynorsk(
    year_2012: Any, head_office_admin: Any, login: Any
) -> None:
    client = login(head_office_admin)
    page = _detail(client, "?kommuner=i-dag", language="nb")
    assert _switch(page)[1] == [("slik de var i 2012", False), ("på dagens kart", True)]
    assert "Aktiviteter i 2012 etter fylke og kommune på kartet per " in page
    page = _detail(client, "", language="nn")
    assert _switch(page)[1] == [("slik dei var i 2012", True), ("på dagens kart", False)]
    assert "Aktivitetar etter fylke og kommune slik dei var i 2012" in page


def _sheets(content: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(io.BytesIO(content))
    return {s.title: list(s.iter_rows(values_only=True)) for s in book.worksheets}


def test_xlsx_has_the_places_as_then_and_on_todays_map(
    year_2012: Any, head_office_admin: Any
) -> None:
    for approved in (False, True):
        if approved:
            _approve(year_2012, head_office_admin)
        sheets = _sheets(office_report_xlsx(build_office_report(office=year_2012, year=YEAR)))
        then = sheets["By municipality"]
        assert then[0] == ("Office", "Municipality number", "Municipality", "County", "2012")
        assert sorted((r[1], r[2], r[3], r[4]) for r in then[1:]) == [
            ("0122", "Trøgstad", "Østfold", 1),
            ("0124", "Askim", "Østfold", 2),
            ("0227", "Fet", "Akershus", 1),
            ("0231", "Skedsmo", "Akershus", 3),
            ("1502", "Molde", "Møre og Romsdal", 1),
        ]
        today = sheets["By municipality today"]
        assert today[0][-1] == "Map of"
        assert sorted((r[1], r[2], r[3], r[4]) for r in today[1:]) == [
            ("1506", "Molde", "Møre og Romsdal", 1),
            ("3118", "Indre Østfold", "Østfold", 3),
            ("3205", "Lillestrøm", "Akershus", 4),
        ]
        assert all(r[0] == "Møre og Romsdal og Trøndelag" for r in then[1:] + today[1:])
        assert all(isinstance(r[5], datetime.datetime) for r in today[1:])
    national = _sheets(national_report_xlsx(build_national_report(year=YEAR)))
    assert {r[2]: r[4] for r in national["By municipality today"][1:]}["Lillestrøm"] == 4
    with translation.override("nb"):
        sheets = _sheets(office_report_xlsx(build_office_report(office=year_2012, year=YEAR)))
    assert "Etter kommune" in sheets and "Etter kommune på dagens kart" in sheets
