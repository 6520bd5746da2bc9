"""CSV and XLSX exports of a filtered activity list. The columns are also what the
import reads (see ``imports.py``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

from knutepunkt.activity.models import Activity

# (key, header): the header is translated; the import also knows these keys.
COLUMNS: list[tuple[str, Any]] = [
    ("date", _("Date")),
    ("end_date", _("End date")),
    ("kind", _("Type")),
    ("title", _("Title")),
    ("municipality_number", _("Municipality number")),
    ("municipality", _("Municipality")),
    ("partners", _("Partners")),
    ("participants", _("Participants")),
    ("people_reached", _("People reached")),
    ("office_tasks", _("Tasks")),
    ("plan_goals", _("Goals")),
    ("notes", _("Notes")),
    ("url", _("Link")),
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500


def headers() -> list[str]:
    return [str(header) for _key, header in COLUMNS]


def row_values(activity: Activity) -> list[Any]:
    """One line of the export; relations must be prefetched (see selectors)."""
    municipality = activity.municipality
    return [
        activity.date,
        activity.end_date,
        activity.get_kind_display(),
        activity.title,
        municipality.number if municipality else "",
        municipality.name if municipality else "",
        "; ".join(p.name for p in activity.partners.all()),
        activity.participants,
        activity.people_reached,
        "; ".join(str(t.number) for t in activity.office_tasks.all()),
        "; ".join(str(g.number) for g in activity.plan_goals.all()),
        activity.notes,
        activity.url,
    ]


def safe_text(value: Any) -> str:
    """A spreadsheet cell that cannot start a formula (CSV/formula injection)."""
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(activities: Iterable[Activity]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(headers())
    for activity in activities:
        yield writer.writerow([safe_text(v) for v in row_values(activity)])


def csv_response(activities: Iterable[Activity], filename: str) -> StreamingHttpResponse:
    """UTF-8 with a byte-order mark and semicolons, as Norwegian Excel opens it."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in _csv_lines(activities)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(activities: Iterable[Activity], filename: str) -> HttpResponse:
    """A workbook written in openpyxl's write-only mode (rows streamed, low memory)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(_("Activities")))
    bold = Font(bold=True)
    header_cells = []
    for header in headers():
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for activity in activities:
        values = row_values(activity)
        sheet.append(
            [
                value if isinstance(value, int) or hasattr(value, "strftime") else _cell_text(value)
                for value in values
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _cell_text(value: Any) -> Any:
    # openpyxl stores a string starting with "=" as a formula: keep it text.
    text = safe_text(value)
    return text if text else None
