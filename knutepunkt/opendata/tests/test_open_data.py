"""The open data files and pages: CSV and XLSX of the public directory, the data page that
explains the fields, and the listing criteria."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from knutepunkt.groups.models import GroupStatus
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.opendata.files import TABLES

pytestmark = pytest.mark.django_db
SECRET = "Skjultgata 7"


@pytest.fixture
def groups(contact_point_molde: Any) -> dict[str, Any]:
    contact_point_molde.address = SECRET
    contact_point_molde.save(update_fields=["address"])
    topic = topic_create(actor=None, slug="sorg", name_nb="Sorg", name_en="Grief")
    return {
        "open": group_create(
            actor=None,
            topic=topic,
            contact_point=contact_point_molde,
            status=GroupStatus.OPEN,
            title="=HYPERLINK(1)",
        ),
        "closed": group_create(
            actor=None,
            topic=topic,
            contact_point=contact_point_molde,
            status=GroupStatus.CLOSED,
            title="Lukket",
        ),
    }


def rows(client: Client, name: str) -> list[dict[str, str]]:
    response = client.get(f"/apne-data/{name}.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_files(client: Client, groups: dict[str, Any]) -> None:
    group_rows = rows(client, "grupper")
    assert [r["id"] for r in group_rows] == [str(groups["open"].pk)]
    row = group_rows[0]
    assert row["title"] == "'=HYPERLINK(1)"  # never run as a formula
    assert row["municipality_number"] == "1506"
    assert row["contact_name"] == "Kontaktpunkt for selvhjelp i Molde"
    assert list(row) == [c.key for c in TABLES["groups"].columns]
    group_text = "".join(str(r) for r in group_rows)
    assert SECRET not in group_text
    points = rows(client, "kontaktpunkter")
    assert points[0]["address"] == SECRET  # the contact point's own public address
    offices = rows(client, "kontorer")
    assert offices[0]["slug"] == "midt"
    assert client.get("/apne-data/annet.csv").status_code == 404


def test_xlsx_has_a_sheet_per_table_and_the_licence(client: Client, groups: dict[str, Any]) -> None:
    response = client.get("/apne-data/katalog.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["about", "groups", "contact_points", "offices"]
    assert "NLOD" in str(workbook["about"]["B2"].value)
    header = [cell.value for cell in workbook["groups"][1]]
    assert header == [c.key for c in TABLES["groups"].columns]
    assert workbook["groups"].max_row == 2


def test_data_page_explains_every_field(client: Client, db: Any) -> None:
    html = client.get("/en/apne-data/").content.decode()
    for table in TABLES.values():
        for column in table.columns:
            assert f"<code>{column.key}</code>" in html
    assert "NLOD 2.0" in html
    assert "/api/v1/" not in html or "/en/api/" in html


def test_footer_links_to_the_data_page(client: Client, db: Any) -> None:
    assert 'href="/apne-data/"' in client.get("/").content.decode()


def test_criteria_page(client: Client, db: Any) -> None:
    html = client.get("/en/apne-data/kriterier/").content.decode()
    assert "What is never published" in html
    assert "Who takes part in a group" in html
