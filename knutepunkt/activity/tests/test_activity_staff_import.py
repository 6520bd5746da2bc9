"""Spreadsheet import: preview of every row, nothing saved before confirm, good rows only."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from knutepunkt.accounts.models import User
from knutepunkt.activity import imports
from knutepunkt.activity.models import Activity
from knutepunkt.core.models import AuditEntry
from knutepunkt.network.models import Partner

# Module constants are built at import, outside the autouse English activation: ask for
# the English (/en/) pages explicitly, since the tests assert English text.
with translation.override("en"):
    IMPORT = reverse("staff:activity:activity_import")
    CONFIRM = reverse("staff:activity:activity_import_confirm")
HEADER = [
    "Dato",
    "Type",
    "Tittel",
    "Kommune",
    "Deltakere",
    "Nådd",
    "Samarbeidspartnere",
    "Oppgaver",
]
GOOD_AND_BAD = [
    [
        "05.03.2024",
        "Own event",
        "Åpent møte i Molde",
        "Molde",
        20,
        30,
        "molde frivilligsentral",
        "1; 3",
    ],
    [datetime.datetime(2024, 4, 2), "stand", "Stand på Ålesund sjukehus", 1508, None, 150, "", ""],
    ["31.02.2024", "Eget arrangement", "Møte i Atlantis", "Atlantis", 5, 5, "", ""],
    ["2024-04-01", "Bursdag", "", "Molde", -4, 10, "", ""],
    [
        "2024-06-12",
        "foredrag",
        "Foredrag for Ny forening",
        "Kristiansund",
        40,
        40,
        "Ny forening",
        "2",
    ],
]


def xlsx_file(rows: list[list[Any]], header: list[str] = HEADER) -> SimpleUploadedFile:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("aktiviteter-2024.xlsx", buffer.getvalue())


def csv_file(text: str, name: str = "aktiviteter.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8-sig"))


def _preview(client: Any, upload: SimpleUploadedFile) -> Any:
    response = client.post(IMPORT, {"file": upload})
    assert response.status_code == 200
    return response


def _rows(response: Any) -> dict[int, Any]:
    return {row.line: row for row in response.context["rows"]}


def test_preview_reports_bad_rows_with_reasons_and_saves_nothing(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    response = _preview(login(office_staff_midt), xlsx_file(GOOD_AND_BAD))
    assert response.templates[0].name == "activity/staff/import_preview.html"
    rows = _rows(response)
    assert rows[2].ok and rows[3].ok
    assert rows[2].values["partners"] == [partner_molde.pk]
    assert rows[3].values["date"] == datetime.date(2024, 4, 2)
    assert rows[3].values["municipality"] == "1508"
    assert any("Bad date" in e for e in rows[4].errors)
    assert any("Unknown municipality" in e for e in rows[4].errors)
    assert any("Unknown type" in e for e in rows[5].errors)
    assert "No title." in rows[5].errors
    assert any("negative" in e for e in rows[5].errors)
    assert rows[6].unknown_partners == ["Ny forening"] and not rows[6].errors
    page = response.content.decode()
    assert page.count("Will be rejected:") == 2
    assert "Ny forening" in page
    assert not Activity.objects.exists()
    assert not Partner.objects.exclude(pk=partner_molde.pk).exists()
    assert not AuditEntry.objects.exists()


def test_confirm_saves_only_the_good_rows(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    client = login(office_staff_midt)
    token = _preview(client, xlsx_file(GOOD_AND_BAD)).context["confirm"]["token"].value()
    response = client.post(CONFIRM, {"token": token})
    assert response.status_code == 200
    assert response.context["imported"] == 2
    assert response.context["skipped"] == 3
    assert sorted(Activity.objects.values_list("title", flat=True)) == [
        "Stand på Ålesund sjukehus",
        "Åpent møte i Molde",
    ]
    molde = Activity.objects.get(title="Åpent møte i Molde")
    assert list(molde.partners.all()) == [partner_molde]
    assert sorted(molde.office_tasks.values_list("number", flat=True)) == [1, 3]
    assert molde.office == office_staff_midt.office
    assert AuditEntry.objects.filter(action="activity.activity.created").count() == 2
    assert not Partner.objects.filter(name="Ny forening").exists()
    # The preview is used up: a second confirm imports nothing more.
    client.post(CONFIRM, {"token": token})
    assert Activity.objects.count() == 2


def test_confirm_can_create_unknown_partners(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    client = login(office_staff_midt)
    token = _preview(client, xlsx_file(GOOD_AND_BAD)).context["confirm"]["token"].value()
    without_kind = client.post(CONFIRM, {"token": token, "create_partners": "on"})
    assert "new_partner_kind" in without_kind.context["confirm"].errors
    assert not Activity.objects.exists()
    response = client.post(
        CONFIRM, {"token": token, "create_partners": "on", "new_partner_kind": "user_organisation"}
    )
    assert response.context["imported"] == 3
    new = Partner.objects.get(name="Ny forening")
    assert (new.office, new.kind) == (office_staff_midt.office, "user_organisation")
    assert list(Activity.objects.get(title="Foredrag for Ny forening").partners.all()) == [new]


def test_wrong_token_imports_nothing(office_staff_midt: User, login: Any) -> None:
    client = login(office_staff_midt)
    _preview(client, xlsx_file(GOOD_AND_BAD))
    response = client.post(CONFIRM, {"token": "forged"})
    assert response.status_code == 302
    assert not Activity.objects.exists()


def test_csv_with_semicolons_and_iso_dates(office_staff_midt: User, login: Any) -> None:
    text = (
        "Date;End date;Type;Title;Municipality number;People reached\n"
        "2024-09-01;2024-09-02;starter_training;Igangsetteropplæring;1505;12\n"
        "2024-09-10;2024-09-01;stand;Stand;0301;12\n"
    )
    client = login(office_staff_midt)
    rows = _rows(_preview(client, csv_file(text)))
    assert rows[2].ok
    assert rows[2].values["end_date"] == datetime.date(2024, 9, 2)
    assert "The end date is before the date." in rows[3].errors


def test_corrupt_xlsx_gives_a_message(office_staff_midt: User, login: Any) -> None:
    broken = SimpleUploadedFile("aktiviteter.xlsx", b"PK\x03\x04 this is not a workbook")
    response = login(office_staff_midt).post(IMPORT, {"file": broken})
    assert response.status_code == 200
    assert "could not be read" in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("notat.docx", b"hello"), "Upload a spreadsheet"),
        (SimpleUploadedFile("tom.csv", b""), ""),
        (SimpleUploadedFile("blank.csv", b"\n;;\n"), "The file is empty."),
        (SimpleUploadedFile("x.csv", b"Navn;Alder\nOla;3\n"), "must name the columns"),
        (SimpleUploadedFile("stor.csv", b"x" * (imports.MAX_BYTES + 1)), "larger than 2 MB"),
    ],
)
def test_unusable_files_give_clear_messages(
    office_staff_midt: User, login: Any, upload: SimpleUploadedFile, message: str
) -> None:
    response = login(office_staff_midt).post(IMPORT, {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert message in response.content.decode()


def test_too_many_rows_is_refused(office_staff_midt: User, login: Any) -> None:
    lines = ["Dato;Type;Tittel"] + ["01.01.2024;stand;Stand"] * (imports.MAX_ROWS + 1)
    response = login(office_staff_midt).post(IMPORT, {"file": csv_file("\n".join(lines))})
    assert f"more than {imports.MAX_ROWS} rows" in response.content.decode()
    assert "activity_import" not in login(office_staff_midt).session


def test_head_office_imports_into_the_chosen_office(
    head_office_admin: User, office_nord: Any, login: Any
) -> None:
    client = login(head_office_admin)
    upload = csv_file("Dato;Type;Tittel;Kommunenummer\n03.04.2024;stand;Stand i Tromsø;5501\n")
    response = client.post(IMPORT, {"file": upload, "office": office_nord.pk})
    token = response.context["confirm"]["token"].value()
    client.post(CONFIRM, {"token": token})
    assert Activity.objects.get().office == office_nord


def test_staff_upload_form_has_no_office_choice(office_staff_midt: User, login: Any) -> None:
    response = login(office_staff_midt).get(IMPORT)
    assert "office" not in response.context["form"].fields
