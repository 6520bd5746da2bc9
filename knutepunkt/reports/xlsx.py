"""Annual reports as Excel workbooks (openpyxl): a sheet of all figures, a sheet with the
year's activities in date order, a sheet with the coverage map's municipalities, and the
activities by municipality twice: as in the report's year and on today's map. Values are
the builder's, which come from figures.py (an approved report's from its snapshot); labels
come from labels.py."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.utils.translation import gettext, gettext_noop
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from knutepunkt.reports import labels
from knutepunkt.reports.builder import with_coverage, with_today_map
from knutepunkt.reports.types import CountRow, NationalReport, OfficeReport

FIGURES_SHEET = "Figures"
ACTIVITIES_SHEET = "Activities"
COVERAGE_SHEET = "Coverage"
# Marked for makemessages; translated when the workbook is written.
PLACES_SHEET = gettext_noop("By municipality")
PLACES_TODAY_SHEET = gettext_noop("By municipality today")


def _header(sheet: Worksheet, titles: list[str], widths: list[int]) -> None:
    sheet.append(titles)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width


def _workbook(chapters: Iterable[OfficeReport], year: int) -> bytes:
    chapters = with_today_map(with_coverage(list(chapters)))
    book = Workbook()
    figures = book.active
    assert figures is not None
    figures.title = gettext(FIGURES_SHEET)[:31]
    _header(
        figures,
        [gettext("Office"), gettext("Figure"), str(year), gettext("Last year")],
        [36, 60, 10, 10],
    )
    for chapter in chapters:
        for row in chapter.figures:
            figures.append([chapter.office_name, row.label, row.value, row.last_year])

    activities = book.create_sheet(gettext(ACTIVITIES_SHEET)[:31])
    _header(
        activities,
        [
            gettext("Date"),
            gettext("End date"),
            gettext("Office"),
            gettext("Type"),
            gettext("Title"),
            gettext("Municipality"),
            gettext("County"),
            gettext("Participants"),
            gettext("People reached"),
            gettext("Partners"),
        ],
        [12, 12, 30, 30, 50, 20, 20, 12, 12, 40],
    )
    rows = sorted(
        ((a, c.office_name) for c in chapters for a in c.activities),
        key=lambda item: (item[0].date, item[0].id),
    )
    kinds = labels.activity_kind_labels()
    for activity, office_name in rows:
        activities.append(
            [
                activity.date,
                activity.end_date,
                office_name,
                kinds.get(activity.kind, activity.kind),
                activity.title,
                activity.municipality,
                activity.county,
                activity.participants,
                activity.people_reached,
                ", ".join(activity.partners),
            ]
        )
    for column in ("A", "B"):
        for cell in activities[column][1:]:
            cell.number_format = "DD.MM.YYYY"

    coverage = book.create_sheet(gettext(COVERAGE_SHEET)[:31])
    _header(
        coverage,
        [
            gettext("Office"),
            gettext("Municipality number"),
            gettext("Municipality"),
            gettext("County"),
            gettext("Coverage"),
            gettext("As of"),
        ],
        [30, 12, 24, 24, 60, 12],
    )
    for chapter in chapters:
        if chapter.coverage is None:
            continue
        for area in chapter.coverage.areas:
            coverage.append(
                [
                    chapter.office_name,
                    area.number,
                    area.name,
                    area.county,
                    area.coverage_label,
                    chapter.coverage.as_of,
                ]
            )
    for cell in coverage["F"][1:]:
        cell.number_format = "DD.MM.YYYY"

    # Activities by municipality: as in the report's year, then totalled on today's map.
    places_titles = [
        gettext("Office"),
        gettext("Municipality number"),
        gettext("Municipality"),
        gettext("County"),
        str(year),
    ]
    places = book.create_sheet(gettext(PLACES_SHEET)[:31])
    _header(places, places_titles, [30, 12, 24, 24, 10])
    for chapter in chapters:
        breakdown = chapter.municipality_breakdown
        _place_rows(places, chapter.office_name, breakdown.rows if breakdown else [])
    today = book.create_sheet(gettext(PLACES_TODAY_SHEET)[:31])
    _header(today, [*places_titles, gettext("Map of")], [30, 12, 24, 24, 10, 12])
    for chapter in chapters:
        if chapter.municipalities_today is not None:
            as_of = chapter.municipalities_today.as_of
            _place_rows(today, chapter.office_name, chapter.municipalities_today.rows, as_of)
    for cell in today["F"][1:]:
        cell.number_format = "DD.MM.YYYY"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _place_rows(sheet: Worksheet, office_name: str, rows: list[CountRow], *extra: object) -> None:
    for row in rows:
        sheet.append([office_name, row.key, row.name, row.county, row.value, *extra])


def office_report_xlsx(report: OfficeReport) -> bytes:
    return _workbook([report], report.year)


def national_report_xlsx(report: NationalReport) -> bytes:
    return _workbook(report.chapters, report.year)
