"""Render annual reports to PDF with typst.

The typst template (report.typ) reads everything from a data.json written here, and the
charts and maps from SVG files next to it, all in a temporary directory that is the
compilation root. Offline by construction: no ``@preview`` packages, system fonts ignored,
only the fonts embedded in the typst wheel (plus any in knutepunkt/static/fonts/).
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from knutepunkt.reports import labels
from knutepunkt.reports.builder import with_coverage
from knutepunkt.reports.maps import coverage_map_svg, map_caption, projected_outlines
from knutepunkt.reports.pdf.charts import bar_chart, column_chart
from knutepunkt.reports.types import (
    CONTRIBUTION_KINDS,
    MEDIA_KINDS,
    OWN_EVENT_KINDS,
    TEACHING_KINDS,
    ActivityRow,
    NationalReport,
    OfficeReport,
)

TEMPLATE = Path(__file__).with_name("report.typ")
FONT_DIR = Path(settings.BASE_DIR) / "knutepunkt" / "static" / "fonts"

Progress = Callable[[int], None]


class PdfUnavailable(RuntimeError):
    """typst is not installed (or failed to load) on this machine."""


def typst_available() -> bool:
    try:
        import typst  # noqa: F401
    except ImportError:
        return False
    return True


def _labels() -> dict[str, str]:
    return {
        "page": gettext("Page"),
        "of": gettext("of"),
        "contents": gettext("Contents"),
        "introduction": gettext("Introduction"),
        "national_figures": gettext("National figures"),
        "missing": gettext("Not yet approved"),
        "figures": gettext("Figures"),
        "figure": gettext("Figure"),
        "last_year": gettext("Last year"),
        "planning_group": gettext("Planning group"),
        "date": gettext("Date"),
        "activity": gettext("Activity"),
        "place": gettext("Place"),
        "participants": gettext("Participants"),
        "reached": gettext("Reached"),
        "none": gettext("None this year."),
        "empty": gettext("Not written yet."),
        "annex": gettext(
            "Activities listed in the sections above are not repeated here. Every activity "
            "of the year, in date order, is in the spreadsheet (XLSX) annex."
        ),
    }


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def _activity(row: ActivityRow, kinds: dict[str, str]) -> dict[str, str]:
    date = f"{row.date:%d.%m.%Y}"
    if row.end_date and row.end_date != row.date:
        date += f"–{row.end_date:%d.%m.}"
    return {
        "date": date,
        "title": row.title,
        "kind": kinds.get(row.kind, row.kind),
        "partners": ", ".join(row.partners),
        "place": row.municipality,
        "participants": _num(row.participants),
        "reached": _num(row.people_reached),
    }


def _chapter(report: OfficeReport, files: dict[str, str]) -> dict[str, Any]:
    """One office's chapter. Everything comes from ``report`` (an approved report's
    snapshot), the coverage map included; only the map's outlines are read."""
    slug = report.office_slug
    charts = []
    for breakdown in report.breakdowns:
        if breakdown.key == "month":
            path = f"charts/{slug}-month.svg"
            files[path] = column_chart(
                [label for label, _row in breakdown.labelled_rows],
                [r.value for r in breakdown.rows],
                title=breakdown.title,
            )
        elif breakdown.key == "kind" and breakdown.rows:
            path = f"charts/{slug}-kind.svg"
            files[path] = bar_chart(
                [label for label, _row in breakdown.labelled_rows],
                [r.value for r in breakdown.rows],
                [r.last_year for r in breakdown.rows],
                title=breakdown.title,
                legend=(str(report.year), gettext("Last year")),
            )
        else:
            continue
        charts.append({"path": path, "alt": breakdown.title, "caption": breakdown.title})

    map_data = None
    if report.coverage is not None and report.coverage.areas:
        path = f"maps/{slug}.svg"
        caption = map_caption(report.coverage)
        files[path] = coverage_map_svg(
            report.coverage, projected_outlines(report.coverage), label=report.office_name
        )
        map_data = {"path": path, "alt": caption, "caption": caption}

    contact_points = [
        {
            "name": cp.name,
            "kind": cp.kind_label,
            "place": cp.municipality,
            "status": cp.status_label,
            "history": "; ".join(
                f"{h.date:%d.%m.%Y}: {h.from_label or '–'} → {h.to_label}"
                + (f" ({h.note})" if h.note else "")
                for h in cp.history
            ),
            "group": "; ".join(cp.planning_group),
        }
        for cp in report.contact_points
    ]
    kinds = labels.activity_kind_labels()
    n = report.narrative_by_key

    def text(key: str) -> dict[str, Any]:
        return {"type": "text", "body": n[key].text}

    def activities(rows: list[ActivityRow]) -> dict[str, Any]:
        return {"type": "activities", "rows": [_activity(a, kinds) for a in rows]}

    # The sections in the order of the web page (reports/includes/office_report.html):
    # a test compares the two.
    sections: list[dict[str, Any]] = [
        {
            "title": gettext("Figures"),
            "blocks": [
                {
                    "type": "figures",
                    "rows": [[f.label, f.value, f.last_year] for f in report.figures],
                },
                {"type": "charts", "charts": charts},
            ],
        }
    ]
    if map_data is not None:
        sections.append({"title": gettext("Coverage"), "blocks": [{"type": "map", **map_data}]})
    planning_groups = [
        {"name": cp.name, "group": "; ".join(cp.planning_group)} for cp in report.planning_groups
    ]
    partners = [[p.label, p.count, ", ".join(p.names)] for p in report.partners_by_kind]
    sections += [
        {"title": n["status_of_work"].title, "blocks": [text("status_of_work")]},
        {
            "title": n["planning_groups_text"].title,
            "blocks": [
                {
                    "type": "planning_groups",
                    "rows": planning_groups,
                    "empty": gettext("No planning groups registered."),
                },
                text("planning_groups_text"),
            ],
        },
        {
            "title": n["partners_text"].title,
            "blocks": [
                {"type": "partners", "rows": partners, "empty": gettext("No partners registered.")},
                text("partners_text"),
            ],
        },
        {
            "title": gettext("Local contact points"),
            "blocks": [
                {
                    "type": "contact_points",
                    "rows": contact_points,
                    "empty": gettext("No contact points established or under work."),
                },
                {"type": "subheading", "title": n["contact_points_text"].title},
                text("contact_points_text"),
            ],
        },
        {"title": gettext("Own events"), "blocks": [activities(report.own_events)]},
        {
            "title": gettext("Contributions to others' events"),
            "blocks": [activities(report.contributions)],
        },
        {"title": n["larger_projects"].title, "blocks": [text("larger_projects")]},
        {
            "title": n["university_colleges_text"].title,
            "blocks": [activities(report.teaching), text("university_colleges_text")],
        },
        {
            "title": n["media_text"].title,
            "blocks": [activities(report.media), text("media_text")],
        },
        {"title": n["plans_next_year"].title, "blocks": [text("plans_next_year")]},
        # Each activity once: in its section above, or here (the web page's heading, so the
        # two stay in step). The whole year in date order is the spreadsheet annex's: a
        # second listing of every activity doubled the PDF's size.
        {
            "title": gettext("The year's activities in date order"),
            "blocks": [
                {"type": "note", "text": _labels()["annex"]},
                activities([a for a in report.activities if a.kind not in _LISTED]),
            ],
        },
    ]
    return {
        "heading": report.office_name,
        "status": report.status_label,
        "sections": sections,
    }


_LISTED = frozenset({*OWN_EVENT_KINDS, *CONTRIBUTION_KINDS, *TEACHING_KINDS, *MEDIA_KINDS})


def _compile(data: dict[str, Any], files: dict[str, str]) -> bytes:
    try:
        import typst
    except ImportError as exc:  # pragma: no cover - typst is a base requirement
        raise PdfUnavailable(str(exc)) from exc
    with tempfile.TemporaryDirectory(prefix="kp-report-") as tmp:
        root = Path(tmp)
        (root / "report.typ").write_bytes(TEMPLATE.read_bytes())
        (root / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for name, content in files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        fonts = [str(FONT_DIR)] if FONT_DIR.is_dir() else []
        result = typst.compile(
            str(root / "report.typ"),
            root=str(root),
            font_paths=fonts,
            ignore_system_fonts=True,
            pdf_tags=True,
            timestamp=int(timezone.now().timestamp()),
        )
    assert isinstance(result, bytes)
    return _compact(result)


def _compact(pdf: bytes) -> bytes:
    """The same PDF with its objects packed into compressed object streams (PDF 1.5).

    typst writes every node of the structure tree (the tags that make the PDF
    accessible: a table cell is one) as a plain, uncompressed object; a report with
    thousands of activities is mostly those. qpdf keeps every object, tags included."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        out = io.BytesIO()
        document.save(
            out,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
            recompress_flate=False,
            deterministic_id=True,
        )
    return out.getvalue()


def _document(title: str, subtitle: str, year: int) -> dict[str, Any]:
    return {
        "year": year,
        "lang": (get_language() or settings.LANGUAGE_CODE)[:2],
        "title": title,
        "subtitle": subtitle,
        "generated": gettext("Generated %(date)s")
        % {"date": date_format(timezone.localdate(), "DATE_FORMAT")},
        "labels": _labels(),
        "introduction": None,
        "national_figures": None,
        "missing": [],
    }


def office_report_pdf(report: OfficeReport) -> bytes:
    """One office's annual report as a PDF."""
    files: dict[str, str] = {}
    data = _document(
        gettext("Annual report %(year)s") % {"year": report.year},
        report.office_name,
        report.year,
    )
    data["chapters"] = [_chapter(with_coverage([report])[0], files)]
    return _compile(data, files)


def national_report_pdf(report: NationalReport, *, progress: Progress | None = None) -> bytes:
    """The national compilation as a PDF: introduction, national figures, one chapter per
    office. ``progress(percent)`` is called as chapters are prepared and when done."""
    files: dict[str, str] = {}
    data = _document(
        gettext("Annual report %(year)s") % {"year": report.year},
        gettext("Selvhjelp Norge – the national compilation of the district offices' reports"),
        report.year,
    )
    data["introduction"] = report.introduction
    data["national_figures"] = [[f.label, f.value, f.last_year] for f in report.figures]
    data["missing"] = report.missing_offices
    chapters = []
    total = max(len(report.chapters), 1)
    for index, chapter in enumerate(with_coverage(report.chapters), start=1):
        chapters.append(_chapter(chapter, files))
        if progress:
            progress(10 + 50 * index // total)
    data["chapters"] = chapters
    pdf = _compile(data, files)
    if progress:
        progress(95)
    return pdf
