"""An approved report renders entirely from its snapshot, the coverage map included, in
HTML, PDF and XLSX; the snapshot holds data, not labels; old snapshots are converted."""

from __future__ import annotations

import copy
import datetime
import importlib
import io
from typing import Any

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from knutepunkt.activity.models import Activity
from knutepunkt.activity.services import activity_delete
from knutepunkt.conftest import municipality
from knutepunkt.network.models import ContactPoint, ContactPointKind, ContactPointStatus
from knutepunkt.reports.builder import build_office_report, with_coverage
from knutepunkt.reports.coverage import NOTHING, SERVED
from knutepunkt.reports.models import AnnualReport
from knutepunkt.reports.pdf import office_report_pdf
from knutepunkt.reports.services import (
    annual_report_approve,
    annual_report_get_or_create,
    annual_report_submit,
    annual_report_update,
)
from knutepunkt.reports.snapshot import (
    SNAPSHOT_VERSION,
    SnapshotError,
    report_from_snapshot,
    report_to_snapshot,
)
from knutepunkt.reports.tests.test_pdf import YEAR, logged_year  # noqa: F401 - the fixture
from knutepunkt.reports.xlsx import office_report_xlsx

pytestmark = pytest.mark.django_db

KRISTIANSUND, BODO = "1505", "1804"  # white spots in the two offices' areas


def _approve(office: Any, head: Any) -> AnnualReport:
    report = annual_report_get_or_create(office=office, year=YEAR, actor=head)
    annual_report_update(report=report, actor=head, status_of_work="Et godt år.")
    annual_report_submit(report=report, actor=head)
    return annual_report_approve(report=report, actor=head)


def _html(client: Any, office: Any) -> str:
    url = reverse("staff:reports:report_detail", kwargs={"year": YEAR, "slug": office.slug})
    page = client.get(url).content.decode()
    return page[page.index('class="report-status"') : page.index("</main>")]


def _pdf_text(office: Any) -> str:
    pdf = office_report_pdf(build_office_report(office=office, year=YEAR))
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def _xlsx(office: Any) -> list[list[Any]]:
    book = load_workbook(
        io.BytesIO(office_report_xlsx(build_office_report(office=office, year=YEAR)))
    )
    return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]


def _outputs(client: Any, office: Any) -> tuple[str, str, list[list[Any]]]:
    return _html(client, office), _pdf_text(office), _xlsx(office)


def _establish(number: str, office: Any, slug: str) -> None:
    cp = ContactPoint.objects.create(
        name=f"Nytt kontaktpunkt {slug}",
        slug=slug,
        office=office,
        municipality=municipality(number),
        status=ContactPointStatus.ESTABLISHED,
    )
    cp.municipalities_served.add(municipality(number))


def test_approved_report_is_unchanged_in_every_format_when_live_data_changes(
    logged_year: Any,  # noqa: F811
    head_office_admin: Any,
    login: Any,
) -> None:
    office_midt, office_nord = logged_year
    client = login(head_office_admin)
    with translation.override("en"):
        _approve(office_midt, head_office_admin)
        approved_before = _outputs(client, office_midt)
        draft_before = _outputs(client, office_nord)

        # The live data changes: a white spot in each office's area gets an established
        # contact point, and each office loses an activity of the year.
        _establish(KRISTIANSUND, office_midt, "kristiansund")
        _establish(BODO, office_nord, "bodo")
        for office in (office_midt, office_nord):
            activity = Activity.objects.filter(office=office, date__year=YEAR).first()
            assert activity is not None
            if office == office_midt:
                # The approved year is closed to the services: the row goes underneath.
                Activity.objects.filter(pk=activity.pk).delete()
            else:
                activity_delete(actor=head_office_admin, activity=activity)

        approved_after = _outputs(client, office_midt)
        draft_after = _outputs(client, office_nord)

    for before, after in zip(approved_before, approved_after, strict=True):
        assert after == before
    for before, after in zip(draft_before, draft_after, strict=True):
        assert after != before
    html, pdf_text, sheets = approved_after
    assert "Coverage on" in html and "Kristiansund" in html
    assert "Kartverket" in pdf_text and "Coverage on" in pdf_text
    coverage_sheet = {row[1]: row[4] for row in sheets[2][1:]}
    assert coverage_sheet[KRISTIANSUND] == "White spot: nothing yet"
    # The draft's map follows today's network: Bodø is served now.
    nord_sheet = {row[1]: row[4] for row in draft_after[2][2][1:]}
    assert nord_sheet[BODO] == "Served by a contact point or meeting place"
    assert {row[1]: row[4] for row in draft_before[2][2][1:]}[BODO] == "White spot: nothing yet"


def test_snapshot_holds_data_and_no_labels(
    logged_year: Any,  # noqa: F811
    head_office_admin: Any,
) -> None:
    office_midt, _ = logged_year
    with translation.override("en"):
        stored = _approve(office_midt, head_office_admin).locked_snapshot
    assert stored["version"] == SNAPSHOT_VERSION
    assert stored["figures"][0] == {
        "key": "participants_at_own_events",
        "value": sum(10 + m for m in range(1, 13)),
        "last_year": 0,
    }
    assert stored["activities"][0]["kind"] == "own_event"
    assert "kind_label" not in stored["activities"][0]
    assert stored["contact_points"][0]["kind"] == ContactPointKind.CONTACT_POINT
    areas = {a["number"]: a["coverage"] for a in stored["coverage"]["areas"]}
    assert areas["1506"] == SERVED and areas[KRISTIANSUND] == NOTHING
    # Read in bokmål, the same snapshot speaks bokmål.
    with translation.override("nb"):
        report = build_office_report(office=office_midt, year=YEAR)
        assert report.locked
        assert (
            report.figure("participants_at_own_events").label
            == "Deltakere på kontorets egne arrangementer"
        )
        assert report.activities[0].kind_label == "Eget arrangement"


def test_snapshot_round_trip_gives_the_same_report(logged_year: Any) -> None:  # noqa: F811
    office_midt, _ = logged_year
    live = with_coverage([build_office_report(office=office_midt, year=YEAR)])[0]
    assert live.coverage is not None and live.coverage.areas
    common = {
        name: getattr(live, name)
        for name in ("office_id", "office_slug", "year", "status", "submitted_at",
                     "submitted_by", "approved_at", "approved_by", "report_id")
    }  # fmt: skip
    again = report_from_snapshot(report_to_snapshot(live), common)
    assert again.locked
    again.locked = False
    assert again == live


def test_a_snapshot_of_an_unknown_version_is_refused(logged_year: Any) -> None:  # noqa: F811
    office_midt, _ = logged_year
    data = report_to_snapshot(build_office_report(office=office_midt, year=YEAR))
    with pytest.raises(SnapshotError):
        report_from_snapshot({**data, "version": 1}, {})


# --- The data migration of version-1 snapshots --------------------------------------------

migration = importlib.import_module("knutepunkt.reports.migrations.0003_snapshot_data_only")

V1_CONTACT_POINT = {
    "id": 999999,
    "name": "Møteplass Haram",
    "kind_label": "Møteplass",
    "municipality": "Ålesund",
    "status": "planning",
    "status_label": "Planlegging",
    "history": [
        {
            "date": "2024-03-01",
            "from_status": "idea",
            "to_status": "planning",
            "from_label": "Idé",
            "to_label": "Planlegging",
            "note": "",
        }
    ],
    "planning_group": ["Haram frivilligsentral"],
}


def test_version_1_snapshots_are_converted_and_still_render(
    logged_year: Any,  # noqa: F811
    head_office_admin: Any,
) -> None:
    office_midt, _ = logged_year
    with translation.override("nb"):
        report = _approve(office_midt, head_office_admin)
        v2 = report.locked_snapshot
        # The version-1 shape, as the code before this change stored it (in bokmål).
        AnnualReport.objects.filter(pk=report.pk).update(locked_snapshot={"version": 2, **v2})
        migration.backwards(apps, None)
        v1 = AnnualReport.objects.get(pk=report.pk).locked_snapshot
        assert v1["version"] == 1 and v1["figures"][0]["label"]
        v1 = copy.deepcopy(v1)
        v1["contact_points"].append(V1_CONTACT_POINT)
        AnnualReport.objects.filter(pk=report.pk).update(locked_snapshot=v1)

        migration.forwards(apps, None)

    converted = AnnualReport.objects.get(pk=report.pk).locked_snapshot
    assert converted["version"] == SNAPSHOT_VERSION and converted["coverage"] is None
    expected = {**v2, "coverage": None, "contact_points": [*v2["contact_points"]]}
    expected["contact_points"].append(
        {
            "id": 999999,
            "name": "Møteplass Haram",
            "kind": "meeting_place",
            "municipality": "Ålesund",
            "status": "planning",
            "history": [
                {"date": "2024-03-01", "from_status": "idea", "to_status": "planning", "note": ""}
            ],
            "planning_group": ["Haram frivilligsentral"],
        }
    )
    assert converted == expected
    places = next(b for b in converted["breakdowns"] if b["key"] == "municipality")["rows"]
    assert places[0]["name"] == "Molde" and places[0]["county"] == "Møre og Romsdal"

    with translation.override("en"):
        locked = build_office_report(office=office_midt, year=YEAR)
        assert locked.locked and locked.coverage is None
        assert locked.contact_points[-1].kind_label == "Meeting place"
        assert locked.contact_points[-1].history[0].to_label == "Planning"
        pdf = office_report_pdf(locked)  # no map, but everything else
    assert "Møteplass Haram" in "".join(
        p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages
    )
    assert datetime.date.fromisoformat(converted["activities"][0]["date"]).year == YEAR
