import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from knutepunkt.reports import figures
from knutepunkt.reports.builder import build_national_report, build_office_report
from knutepunkt.reports.labels import FIGURE_LABELS
from knutepunkt.reports.tests.test_pdf import YEAR, logged_year  # noqa: F401 - the shared fixture
from knutepunkt.reports.xlsx import national_report_xlsx, office_report_xlsx

pytestmark = pytest.mark.django_db


def test_office_workbook_has_figures_equal_to_figures_module(logged_year):  # noqa: F811
    office_midt, _ = logged_year
    book = load_workbook(
        io.BytesIO(office_report_xlsx(build_office_report(office=office_midt, year=YEAR)))
    )
    sheet = book.worksheets[0]
    this_year = figures.all_figures([office_midt.pk], YEAR)[office_midt.pk]
    last_year = figures.all_figures([office_midt.pk], YEAR - 1)[office_midt.pk]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(figures.FIGURE_KEYS)
    by_label = {label: (value, last) for _office, label, value, last in rows}
    for key in figures.FIGURE_KEYS:
        label = str(FIGURE_LABELS[key])
        assert by_label[label] == (this_year[key], last_year[key])
    assert by_label[str(FIGURE_LABELS["participants_at_own_events"])][0] == sum(
        10 + m for m in range(1, 13)
    )


def test_activity_sheet_is_chronological_with_values(logged_year):  # noqa: F811
    book = load_workbook(io.BytesIO(national_report_xlsx(build_national_report(year=YEAR))))
    sheet = book.worksheets[1]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 13
    dates = [r[0] for r in rows]
    assert dates == sorted(dates)
    stand = next(r for r in rows if "Tromsø sjukehus" in r[4])
    assert stand[2] == "Nordland, Troms og Finnmark"
    assert stand[8] == 300
    first = rows[0]
    assert first[4] == "Informasjonsmøte på Årø nr. 1" and first[7] == 11
    assert first[9] == "Molde frivilligsentral"


def test_office_staff_download_own_xlsx_and_not_another(logged_year, login, office_staff_midt):  # noqa: F811
    client = login(office_staff_midt)
    ok = client.get(reverse("staff:reports:office_xlsx", args=[YEAR, "midt"]))
    assert ok.status_code == 200
    assert ok["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("staff:reports:office_xlsx", args=[YEAR, "nord"])).status_code == 404
    assert client.get(reverse("staff:reports:national_xlsx", args=[YEAR])).status_code == 403
