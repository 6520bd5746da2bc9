"""The activity list: filters, totals, constant queries; CSV and XLSX export."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from knutepunkt.accounts.models import User
from knutepunkt.activity.models import Activity, OfficeTask
from knutepunkt.activity.services import activity_create
from knutepunkt.network.models import Partner, PartnerKind

# Module constants are built at import, outside the autouse English activation: ask for
# the English (/en/) pages explicitly, since the tests assert English text.
with translation.override("en"):
    LIST = reverse("staff:activity:activity_list")
    EXPORT = reverse("staff:activity:activity_export")


def _log(user: User, day: str, title: str, **fields: Any) -> Activity:
    values: dict[str, Any] = {"kind": "own_event"}
    values.update(fields)
    return activity_create(actor=user, date=datetime.date.fromisoformat(day), title=title, **values)


@pytest.fixture
def log_midt(office_staff_midt: User, partner_molde: Partner) -> list[Activity]:
    return [
        _log(
            office_staff_midt,
            "2023-11-02",
            "Stand på Molde sjukehus",
            kind="stand",
            municipality="1506",
            people_reached=200,
            partners=[partner_molde],
        ),
        _log(
            office_staff_midt,
            "2024-02-10",
            "Informasjonsmøte Kristiansund",
            municipality="1505",
            participants=15,
            people_reached=15,
        ),
        _log(
            office_staff_midt,
            "2024-05-20",
            "Igangsetteropplæring",
            kind="starter_training",
            municipality="1506",
            participants=8,
            partners=[partner_molde],
            office_tasks=OfficeTask.objects.filter(number=4),
        ),
    ]


def _titles(response: Any) -> list[str]:
    return [row["title"] for row in response.context["rows"]]


def test_list_is_newest_first_with_totals(
    office_staff_midt: User, log_midt: list[Activity], login: Any
) -> None:
    response = login(office_staff_midt).get(LIST)
    assert response.status_code == 200
    assert _titles(response) == [
        "Igangsetteropplæring",
        "Informasjonsmøte Kristiansund",
        "Stand på Molde sjukehus",
    ]
    totals = response.context["totals"]
    assert (totals.count, totals.participants, totals.people_reached) == (3, 23, 215)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": "2024"}, ["Igangsetteropplæring", "Informasjonsmøte Kristiansund"]),
        ({"date_from": "2024-01-01", "date_to": "2024-03-01"}, ["Informasjonsmøte Kristiansund"]),
        ({"kind": "stand"}, ["Stand på Molde sjukehus"]),
        ({"municipality": "Kristiansund"}, ["Informasjonsmøte Kristiansund"]),
        ({"municipality": "1506", "year": "2024"}, ["Igangsetteropplæring"]),
        ({"q": "molde"}, ["Stand på Molde sjukehus"]),
    ],
)
def test_list_filters(
    office_staff_midt: User,
    log_midt: list[Activity],
    login: Any,
    params: dict[str, str],
    expected: list[str],
) -> None:
    response = login(office_staff_midt).get(LIST, params)
    assert _titles(response) == expected
    assert response.context["totals"].count == len(expected)


def test_partner_filter(
    office_staff_midt: User, log_midt: list[Activity], partner_molde: Partner, login: Any
) -> None:
    response = login(office_staff_midt).get(LIST, {"partner": partner_molde.pk})
    assert _titles(response) == ["Igangsetteropplæring", "Stand på Molde sjukehus"]


@pytest.mark.parametrize(
    "params",
    [
        {"year": "tjue"},
        {"date_from": "31.02.2024"},
        {"kind": "party"},
        {"municipality": "Atlantis"},
        {"partner": "999999"},
        {"partner": "abc"},
        {"page": "-4"},
        {"per_page": "100000"},
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(
    office_staff_midt: User, log_midt: list[Activity], login: Any, params: dict[str, str]
) -> None:
    response = login(office_staff_midt).get(LIST, params)
    assert response.status_code == 200
    if "page" not in params:
        assert response.context["filter_errors"]
        assert "Filter ignored" in response.content.decode()
    assert response.context["totals"].count == 3


def test_period_ending_before_it_starts_keeps_only_the_start(
    office_staff_midt: User, log_midt: list[Activity], login: Any
) -> None:
    response = login(office_staff_midt).get(
        LIST, {"date_from": "2024-05-01", "date_to": "2024-01-01"}
    )
    assert "cannot be before its start" in response.content.decode()
    assert _titles(response) == ["Igangsetteropplæring"]


def test_other_office_partner_is_not_a_filter_choice(
    office_staff_nord: User, log_midt: list[Activity], partner_molde: Partner, login: Any
) -> None:
    response = login(office_staff_nord).get(LIST, {"partner": partner_molde.pk})
    assert response.context["filter_errors"]
    assert response.context["totals"].count == 0
    assert "Stand på Molde" not in response.content.decode()


def test_head_office_filters_by_office(
    head_office_admin: User,
    office_staff_nord: User,
    log_midt: list[Activity],
    login: Any,
) -> None:
    _log(office_staff_nord, "2024-06-01", "Tromsø-møte", municipality="5501")
    client = login(head_office_admin)
    assert client.get(LIST).context["totals"].count == 4
    response = client.get(LIST, {"office": office_staff_nord.office_id})
    assert _titles(response) == ["Tromsø-møte"]


def _fill(user: User, count: int) -> None:
    office = user.office
    assert office is not None
    partners = [
        Partner.objects.create(name=f"Partner {i}", kind=PartnerKind.OTHER, office=office)
        for i in range(3)
    ]
    tasks = list(OfficeTask.objects.all()[:2])
    for i in range(count):
        activity = Activity.objects.create(
            office=office,
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
            kind="own_event",
            title=f"Aktivitet {i}",
            participants=i,
        )
        activity.partners.set(partners[: 1 + i % 3])
        activity.office_tasks.set(tasks)


def _queries(client: Any, per_page: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST, {"per_page": per_page})
    assert response.status_code == 200
    assert len(response.context["rows"]) == per_page
    return len(captured)


def test_list_query_count_is_constant(office_staff_midt: User, login: Any) -> None:
    _fill(office_staff_midt, 60)
    client = login(office_staff_midt)
    client.get(LIST)
    assert _queries(client, 10) == _queries(client, 60)


def test_csv_export_content_and_formula_safety(
    office_staff_midt: User, log_midt: list[Activity], login: Any
) -> None:
    _log(
        office_staff_midt,
        "2024-06-01",
        '=HYPERLINK("http://evil")',
        notes="+1 ringte",
        kind="media_coverage",
        url="https://example.org/a",
    )
    response = login(office_staff_midt).get(EXPORT, {"format": "csv", "year": "2024"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4
    header, first, *_rest = rows
    assert len(header) == 13
    assert first[3] == '\'=HYPERLINK("http://evil")'
    assert first[11] == "'+1 ringte"
    training = rows[2]
    assert training[0] == "20.05.2024"
    assert training[3] == "Igangsetteropplæring"
    assert training[4:7] == ["1506", "Molde", "Molde frivilligsentral"]
    assert training[7] == "8"
    assert training[9] == "4"


def test_xlsx_export_content(office_staff_midt: User, log_midt: list[Activity], login: Any) -> None:
    from openpyxl import load_workbook

    response = login(office_staff_midt).get(EXPORT, {"format": "xlsx", "kind": "stand"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    row = rows[1]
    assert row[0].date() == datetime.date(2023, 11, 2)
    assert row[3] == "Stand på Molde sjukehus"
    assert row[4:7] == ("1506", "Molde", "Molde frivilligsentral")
    assert row[8] == 200


def test_export_respects_office_scope(
    office_staff_nord: User, log_midt: list[Activity], login: Any
) -> None:
    response = login(office_staff_nord).get(EXPORT, {"format": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert len(body.strip().splitlines()) == 1


def test_every_link_on_the_list_opens(
    office_staff_midt: User, log_midt: list[Activity], login: Any
) -> None:
    """Follow every link the list renders: each activity's title opens that activity."""
    import html
    import re

    client = login(office_staff_midt)
    page = client.get(LIST).content.decode()
    hrefs = {html.unescape(h) for h in re.findall(r'href="([^"#]+)"', page)}
    internal = sorted(h for h in hrefs if h.startswith("/") and not h.startswith("/static/"))
    assert internal
    for href in internal:
        assert client.get(href).status_code in (200, 302), href
    for activity in log_midt:
        edit = reverse("staff:activity:activity_edit", args=[activity.pk])
        assert f'href="{edit}"' in page
        response = client.get(edit)
        assert response.status_code == 200
        assert activity.title in response.content.decode()
