"""Reading a year's activity spreadsheet (XLSX or CSV) into rows that are checked one by
one before anything is saved. The columns are those of the export; Norwegian headers,
Norwegian dates and type names in either language are understood."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from knutepunkt.activity import selectors
from knutepunkt.activity.exports import COLUMNS
from knutepunkt.activity.models import ActivityKind, OfficeTask, PlanGoal
from knutepunkt.geo.models import Municipality
from knutepunkt.network.models import Partner

if TYPE_CHECKING:
    from knutepunkt.network.models import DistrictOffice

MAX_MEGABYTES = 2
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
# The rows are checked once and written in bulk (activity_import): 10,000 rows take a few
# seconds from upload to confirm, so a busy office's year (or several) fits in one file.
MAX_ROWS = 20000
# The preview lists every row of a small file; of a large one, the rows that need
# attention first, then the others up to this many.
PREVIEW_ROWS = 300
MAX_COLUMNS = 40
REQUIRED = ("date", "kind", "title")

# Header spellings people use, beyond the export's own (translated) headers.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("dato", "date", "startdato", "fra dato"),
    "end_date": ("sluttdato", "til dato", "end date", "enddate", "end_date"),
    "kind": ("type", "aktivitetstype", "kind", "activity type"),
    "title": ("tittel", "title", "aktivitet", "navn"),
    "municipality_number": (
        "kommunenummer",
        "kommunenr",
        "kommune nr",
        "municipality number",
        "municipality no",
    ),
    "municipality": ("kommune", "kommunenavn", "municipality", "sted"),
    "partners": ("samarbeidspartnere", "samarbeidspartner", "partnere", "partners", "partner"),
    "participants": ("deltakere", "antall deltakere", "participants"),
    "people_reached": ("nådd", "antall nådd", "personer nådd", "people reached", "reached"),
    "office_tasks": ("oppgaver", "oppgave", "tasks", "office tasks"),
    "plan_goals": ("mål", "planmål", "goals", "plan goals"),
    "notes": ("notater", "merknader", "kommentar", "notes"),
    "url": ("lenke", "url", "link", "nettadresse"),
}
# Norwegian names of the activity types that people write in their own sheets.
KIND_ALIASES: dict[str, str] = {
    "eget arrangement": "own_event",
    "foredrag": "contribution",
    "bidrag": "contribution",
    "innlegg": "contribution",
    "stand": "stand",
    "igangsettertrening": "starter_training",
    "igangsetteropplæring": "starter_training",
    "oppfølgingsmøte": "starter_follow_up",
    "plangruppemøte": "planning_group_meeting",
    "møte med samarbeidspartner": "partner_meeting",
    "partnermøte": "partner_meeting",
    "undervisning": "teaching",
    "medieomtale": "media_coverage",
    "media": "media_coverage",
    "annonse": "advertisement",
    "henvendelse": "inquiry",
    "annet": "other",
}


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


def too_large_message() -> str:
    return _("The file is larger than %(size)d MB. Split it into smaller files.") % {
        "size": MAX_MEGABYTES
    }


def _key(text: Any) -> str:
    text = str(text or "").replace("_", " ").replace("-", " ").strip().rstrip(":*").casefold()
    return " ".join(text.split())


def _header_map() -> dict[str, str]:
    known: dict[str, str] = {}
    for key, header in COLUMNS:
        for language in ("en", "nb"):
            with translation.override(language):
                known[_key(str(header))] = key
    for key, aliases in HEADER_ALIASES.items():
        for alias in aliases:
            known[_key(alias)] = key
    return known


def _kind_map() -> dict[str, str]:
    known = {_key(alias): code for alias, code in KIND_ALIASES.items()}
    for code, label in ActivityKind.choices:
        known[_key(code)] = code
        for language in ("en", "nb"):
            with translation.override(language):
                known[_key(str(label))] = code
    return known


# --- Reading the file ---------------------------------------------------------------------


def read_table(upload: Any) -> list[tuple[int, dict[str, Any]]]:
    """(line number, {column key: raw value}) for every non-empty data row."""
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportFileError(too_large_message())
    if not data:
        raise ImportFileError(_("The file is empty."))
    name = (getattr(upload, "name", "") or "").lower()
    if name.endswith(".xlsx") or data[:2] == b"PK":
        raw_rows = _xlsx_rows(data)
    elif name.endswith((".csv", ".txt")):
        raw_rows = _csv_rows(data)
    else:
        raise ImportFileError(_("Upload a spreadsheet as .xlsx or .csv."))
    try:
        return _rows_by_header(raw_rows)
    except ImportFileError:
        raise
    except Exception as exc:  # a damaged workbook fails while its rows are read
        raise ImportFileError(_("The file could not be read. Is it a valid .xlsx file?")) from exc


def _xlsx_rows(data: bytes) -> Iterator[tuple[Any, ...]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as exc:  # zip, XML and openpyxl errors alike: the file is damaged
        raise ImportFileError(_("The file could not be read. Is it a valid .xlsx file?")) from exc
    try:
        yield from sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
    finally:
        workbook.close()


def _csv_rows(data: bytes) -> Iterator[tuple[Any, ...]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ImportFileError(_("The file could not be read. Is it a valid .csv file?"))
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        yield tuple(row[:MAX_COLUMNS])


def _rows_by_header(raw_rows: Iterable[tuple[Any, ...]]) -> list[tuple[int, dict[str, Any]]]:
    known = _header_map()
    columns: dict[int, str] | None = None
    rows: list[tuple[int, dict[str, Any]]] = []
    for line, raw in enumerate(raw_rows, start=1):
        if not any(_present(v) for v in raw):
            continue
        if columns is None:
            columns = {i: known[_key(v)] for i, v in enumerate(raw) if _key(v) in known}
            missing = [k for k in REQUIRED if k not in columns.values()]
            if missing:
                raise ImportFileError(
                    _("The first row must name the columns; missing: %(columns)s.")
                    % {"columns": ", ".join(str(dict(COLUMNS)[k]) for k in missing)}
                )
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(max)d rows. Split it into smaller files.")
                % {"max": MAX_ROWS}
            )
        rows.append((line, {key: raw[i] for i, key in columns.items() if i < len(raw)}))
    if columns is None:
        raise ImportFileError(_("The file is empty."))
    return rows


def _present(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


# --- Checking the rows --------------------------------------------------------------------


@dataclass
class ImportRow:
    line: int
    shown: dict[str, str]
    errors: list[str] = field(default_factory=list)
    unknown_partners: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    # The row's content independent of how the sheet spells it (for the fingerprint).
    normal: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unknown_partners


@dataclass
class References:
    """The office's partners, the tasks and goals, the municipalities: read once."""

    partners: dict[str, int]
    tasks: dict[int, int]
    goals: dict[int, int]
    municipalities: dict[str, str]
    kinds: dict[str, str]

    @classmethod
    def for_office(cls, office: DistrictOffice) -> References:
        return cls(
            partners={
                name.casefold(): pk
                for pk, name in Partner.objects.filter(office=office).values_list("pk", "name")
            },
            tasks=dict(OfficeTask.objects.values_list("number", "pk")),
            goals=dict(PlanGoal.objects.values_list("number", "pk")),
            # Every number of any time: the import checks each against the row's date.
            municipalities=dict(Municipality.objects.values_list("number", "name")),
            kinds=_kind_map(),
        )


def check_rows(rows: list[tuple[int, dict[str, Any]]], refs: References) -> list[ImportRow]:
    url = URLValidator()
    return [check_row(line, raw, refs, url_validator=url) for line, raw in rows]


def fingerprint(rows: Iterable[ImportRow]) -> str:
    """sha256 of the file's normalised rows, in any order: the same activities read again
    (the same file, re-sorted or saved as .csv) give the same fingerprint."""
    lines = sorted(
        json.dumps(row.normal, sort_keys=True, ensure_ascii=False, default=str) for row in rows
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def preview_rows(rows: list[ImportRow], limit: int = PREVIEW_ROWS) -> list[ImportRow]:
    """The rows the preview lists: all of a small file; of a large one, those that will be
    rejected or name unknown partners first, then the others, up to ``limit``, in file
    order."""
    if len(rows) <= limit:
        return rows
    shown = [row for row in rows if not row.ok][:limit]
    shown += [row for row in rows if row.ok][: limit - len(shown)]
    return sorted(shown, key=lambda row: row.line)


def check_row(
    line: int,
    raw: dict[str, Any],
    refs: References,
    *,
    url_validator: URLValidator | None = None,
) -> ImportRow:
    shown = {key: _show(raw.get(key)) for key, _header in COLUMNS}
    row = ImportRow(line=line, shown=shown)
    values = row.values
    values["date"] = _date(raw.get("date"), _("date"), row.errors, required=True)
    values["end_date"] = _date(raw.get("end_date"), _("end date"), row.errors, required=False)
    if values["date"] and values["end_date"] and values["end_date"] < values["date"]:
        row.errors.append(_("The end date is before the date."))
    kind_text = _text(raw.get("kind"))
    values["kind"] = refs.kinds.get(_key(kind_text), "")
    if not values["kind"]:
        row.errors.append(
            _("Unknown type: “%(text)s”.") % {"text": kind_text} if kind_text else _("No type.")
        )
    values["title"] = _text(raw.get("title"))
    if not values["title"]:
        row.errors.append(_("No title."))
    elif len(values["title"]) > 255:
        row.errors.append(_("The title is longer than 255 characters."))
    values["municipality"] = _municipality(raw, refs, row.errors)
    for name, label in (("participants", _("participants")), ("people_reached", _("reached"))):
        values[name] = _count(raw.get(name), label, row.errors)
    values["office_tasks"] = _numbers(raw.get("office_tasks"), refs.tasks, _("task"), row.errors)
    values["plan_goals"] = _numbers(raw.get("plan_goals"), refs.goals, _("goal"), row.errors)
    values["partners"] = []
    for name in _split(raw.get("partners")):
        pk = refs.partners.get(name.casefold())
        if pk is None:
            row.unknown_partners.append(name)
        else:
            values["partners"].append(pk)
    values["notes"] = _text(raw.get("notes"))
    values["url"] = _text(raw.get("url"))
    if values["url"]:
        try:
            (url_validator or URLValidator())(values["url"])
        except ValidationError:
            row.errors.append(_("Not a web address: “%(text)s”.") % {"text": values["url"]})
    row.normal = _normal(shown, values)
    return row


def _normal(shown: dict[str, str], values: dict[str, Any]) -> dict[str, Any]:
    """What the row says, whatever the spelling: parsed values where they do not depend
    on the database (dates, type, counts, municipality number), folded text otherwise."""
    normal: dict[str, Any] = {key: " ".join(text.split()) for key, text in shown.items()}
    for name in ("date", "end_date", "participants", "people_reached"):
        if values.get(name) is not None:
            normal[name] = values[name]
    if values.get("kind"):
        normal["kind"] = values["kind"]
    if values.get("municipality"):
        normal["municipality"] = values["municipality"]
        normal.pop("municipality_number", None)
    normal["partners"] = sorted(name.casefold() for name in _split(shown.get("partners")))
    for name in ("office_tasks", "plan_goals"):
        normal[name] = sorted(p for p in re.split(r"[;,\s]+", shown.get(name, "")) if p)
    return normal


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _show(value: Any) -> str:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d.%m.%Y")
    return _text(value)[:200]


_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")


def _date(value: Any, label: str, errors: list[str], *, required: bool) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        if required:
            errors.append(_("No date."))
        return None
    try:
        if isinstance(value, int | float) or text.isdigit():
            from openpyxl.utils.datetime import from_excel

            serial = float(text)
            if not 1 <= serial <= 100000:
                raise ValueError
            return from_excel(serial).date()
        found = _DMY.match(text)
        if found:
            day, month, year = (int(part) for part in found.groups())
            return datetime.date(year + 2000 if year < 100 else year, month, day)
        return datetime.date.fromisoformat(text[:10])
    except (ValueError, TypeError, OverflowError):
        errors.append(
            _("Bad %(label)s: “%(text)s” (use dd.mm.yyyy).") % {"label": label, "text": text}
        )
        return None


def _count(value: Any, label: str, errors: list[str]) -> int | None:
    text = _text(value).replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    try:
        number = int(text)
    except ValueError:
        errors.append(
            _("The number of %(label)s is not a whole number: “%(text)s”.")
            % {"label": label, "text": text}
        )
        return None
    if number < 0:
        errors.append(_("The number of %(label)s is negative.") % {"label": label})
        return None
    return number


def _split(value: Any) -> list[str]:
    return [part for part in (" ".join(p.split()) for p in _text(value).split(";")) if part]


def _numbers(value: Any, known: dict[int, int], label: str, errors: list[str]) -> list[int]:
    pks = []
    for part in re.split(r"[;,\s]+", _text(value)):
        if not part:
            continue
        number = int(part) if part.isdigit() else None
        if number is None or number not in known:
            errors.append(_("Unknown %(label)s: “%(text)s”.") % {"label": label, "text": part})
            continue
        pks.append(known[number])
    return pks


def _municipality(raw: dict[str, Any], refs: References, errors: list[str]) -> str | None:
    number = _text(raw.get("municipality_number"))
    if number:
        number = number.zfill(4) if number.isdigit() else number
        if number in refs.municipalities:
            return number
        errors.append(_("Unknown municipality: “%(text)s”.") % {"text": number})
        return None
    name = _text(raw.get("municipality"))
    if not name:
        return None
    try:
        return selectors.municipality_number_for(name)
    except ValidationError as exc:
        errors.extend(exc.messages)
        return None


# --- Between preview and confirm ----------------------------------------------------------


def stored_row(row: ImportRow) -> dict[str, Any]:
    """A checked row as plain JSON for the session (server side: never the browser)."""
    values = dict(row.values)
    for name in ("date", "end_date"):
        values[name] = values[name].isoformat() if values[name] else None
    values["new_partner_names"] = list(row.unknown_partners)
    values["line"] = row.line
    return values


def service_row(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored row as :func:`activity_import` expects it."""
    values = dict(stored)
    for name in ("date", "end_date"):
        values[name] = datetime.date.fromisoformat(values[name]) if values[name] else None
    return values
