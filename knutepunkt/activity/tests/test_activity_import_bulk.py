"""The spreadsheet import written in bulk: the same activities, links and audit entries as
logging the rows one by one, a fixed number of queries, and the same file never twice."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knutepunkt.accounts.models import User
from knutepunkt.activity import imports
from knutepunkt.activity.models import Activity, ActivityImport, OfficeTask, PlanGoal
from knutepunkt.activity.services import activity_create, activity_import
from knutepunkt.activity.tests.test_activity_staff_import import (
    CONFIRM,
    GOOD_AND_BAD,
    IMPORT,
    csv_file,
    xlsx_file,
)
from knutepunkt.core.models import AuditEntry
from knutepunkt.network.models import DistrictOffice, Partner

DAY = datetime.date(2024, 3, 1)
_COMPARED = ("action", "actor_id", "office_id", "target_type", "target_repr", "data")


def _office(user: User) -> DistrictOffice:
    assert user.office is not None
    return user.office


def _rows(partner: Partner, count: int = 3) -> list[dict[str, Any]]:
    tasks = list(OfficeTask.objects.order_by("number").values_list("pk", flat=True))
    goal = PlanGoal.objects.order_by("number").values_list("pk", flat=True)[0]
    return [
        {
            "date": DAY + datetime.timedelta(days=i),
            "end_date": DAY + datetime.timedelta(days=i + 1) if i % 2 else None,
            "kind": "own_event" if i % 2 else "stand",
            "title": f"Møte {i}",
            "municipality": "1506" if i % 3 else None,
            "partners": [partner.pk] if i % 2 == 0 else [],
            "participants": 10 + i,
            "people_reached": None,
            "office_tasks": tasks[: 1 + i % 3],
            "plan_goals": [goal],
            "notes": f"Notat {i}",
            "url": "https://example.org/sak" if i == 1 else "",
        }
        for i in range(count)
    ]


def _entry(entry: AuditEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in _COMPARED}


def _activity(activity: Activity) -> dict[str, Any]:
    return {
        "fields": {
            name: getattr(activity, name)
            for name in (
                "office_id",
                "date",
                "end_date",
                "kind",
                "title",
                "municipality_id",
                "participants",
                "people_reached",
                "notes",
                "url",
                "created_by_id",
            )
        },
        "partners": sorted(activity.partners.values_list("pk", flat=True)),
        "tasks": sorted(activity.office_tasks.values_list("pk", flat=True)),
        "goals": sorted(activity.plan_goals.values_list("pk", flat=True)),
    }


def test_bulk_import_writes_what_logging_one_by_one_writes(
    office_staff_midt: User, partner_molde: Partner
) -> None:
    office = _office(office_staff_midt)
    assert office is not None
    rows = _rows(partner_molde)
    one_by_one = [activity_create(actor=office_staff_midt, **row) for row in rows]
    expected_entries = [
        _entry(e)
        for e in AuditEntry.objects.filter(action="activity.activity.created").order_by("id")
    ]
    expected = [_activity(a) for a in one_by_one]
    Activity.objects.all().delete()
    AuditEntry.objects.all().delete()

    imported = activity_import(actor=office_staff_midt, office=office, rows=rows)

    assert [_activity(a) for a in imported] == expected
    entries = AuditEntry.objects.filter(action="activity.activity.created").order_by("id")
    assert [e.target_id for e in entries] == [str(a.pk) for a in imported]
    assert [_entry(e) for e in entries] == expected_entries
    summary = AuditEntry.objects.get(action="activity.activity.imported")
    assert summary.data["count"] == 3


def test_bulk_import_runs_a_fixed_number_of_queries(
    office_staff_midt: User, partner_molde: Partner
) -> None:
    office = _office(office_staff_midt)
    counts = []
    for size in (5, 60):
        with CaptureQueriesContext(connection) as captured:
            activity_import(actor=office_staff_midt, office=office, rows=_rows(partner_molde, size))
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    assert Activity.objects.count() == 65


def test_new_partners_are_created_once_and_linked(office_staff_midt: User) -> None:
    rows = [
        {"date": datetime.date(2024, 5, i), "kind": "stand", "title": f"Stand {i}"}
        | {"new_partner_names": ["Ny  forening", "ny forening"] if i % 2 else ["Ny forening"]}
        for i in range(1, 5)
    ]
    imported = activity_import(
        actor=office_staff_midt,
        office=_office(office_staff_midt),
        rows=rows,
        new_partner_kind="user_organisation",
    )
    partner = Partner.objects.get(name="Ny forening")
    assert all(list(a.partners.all()) == [partner] for a in imported)
    assert AuditEntry.objects.filter(action="network.partner.created").count() == 1
    created = AuditEntry.objects.filter(action="activity.activity.created")
    assert all(e.data["partners"] == [partner.pk] for e in created)


def test_bad_rows_are_reported_by_line_and_nothing_is_saved(office_staff_midt: User) -> None:
    rows = [
        {"line": 2, "date": datetime.date(2024, 1, 2), "kind": "stand", "title": "Stand"},
        {"line": 3, "date": datetime.date(2024, 1, 2), "kind": "nonsense", "title": "X"},
        {"line": 4, "date": datetime.date(2024, 1, 2), "kind": "stand", "title": "Y"}
        | {"participants": -1},
    ]
    with pytest.raises(ValidationError) as excinfo:
        activity_import(actor=office_staff_midt, office=_office(office_staff_midt), rows=rows)
    messages = excinfo.value.messages
    assert [m.split(":")[0] for m in messages] == ["Row 3", "Row 4"]
    assert not Activity.objects.exists()
    assert not AuditEntry.objects.exists()


def test_another_offices_partner_is_refused(
    office_staff_nord: User, partner_molde: Partner
) -> None:
    rows = [{"date": datetime.date(2024, 1, 2), "kind": "stand", "title": "Stand"}]
    rows[0]["partners"] = [partner_molde.pk]
    with pytest.raises(ValidationError, match="another district office"):
        activity_import(actor=office_staff_nord, office=_office(office_staff_nord), rows=rows)
    assert not Activity.objects.exists()


# --- The fingerprint ----------------------------------------------------------------------


def _checked(upload: Any, partner: Partner) -> list[imports.ImportRow]:
    return imports.check_rows(
        imports.read_table(upload), imports.References.for_office(partner.office)
    )


def test_fingerprint_ignores_order_and_format_but_not_content(partner_molde: Partner) -> None:
    good = [row for row in GOOD_AND_BAD if row[2]]
    first = imports.fingerprint(_checked(xlsx_file(GOOD_AND_BAD), partner_molde))
    reordered = imports.fingerprint(_checked(xlsx_file(GOOD_AND_BAD[::-1]), partner_molde))
    shorter = imports.fingerprint(_checked(xlsx_file(good), partner_molde))
    changed = [list(row) for row in GOOD_AND_BAD]
    changed[0][4] = 21
    other = imports.fingerprint(_checked(xlsx_file(changed), partner_molde))
    assert first == reordered
    assert len({first, shorter, other}) == 3
    as_csv = "Dato;Type;Tittel;Kommunenummer\n2024-03-05;Own event;Møte;1506\n"
    as_xlsx = xlsx_file(
        [[datetime.datetime(2024, 3, 5), "own_event", "Møte", "1506"]],
        header=["Date", "Type", "Title", "Municipality number"],
    )
    assert imports.fingerprint(_checked(csv_file(as_csv), partner_molde)) == imports.fingerprint(
        _checked(as_xlsx, partner_molde)
    )


def test_the_same_file_is_refused_the_second_time(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    client = login(office_staff_midt)
    preview = client.post(IMPORT, {"file": xlsx_file(GOOD_AND_BAD)})
    token = preview.context["confirm"]["token"].value()
    assert client.post(CONFIRM, {"token": token}).context["imported"] == 2
    record = ActivityImport.objects.get()
    assert (record.office, record.imported_count) == (office_staff_midt.office, 2)
    assert record.file_name == "aktiviteter-2024.xlsx"
    assert record.imported_by == office_staff_midt

    again = client.post(IMPORT, {"file": xlsx_file(GOOD_AND_BAD[::-1])})
    assert again.status_code == 200
    assert "was imported on" in again.content.decode()
    assert again.context["form"].errors["file"]
    assert "activity_import" not in client.session
    assert Activity.objects.count() == 2


def test_a_preview_confirmed_after_the_same_file_was_imported_is_refused(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    """Two tabs with the same file: the second confirm imports nothing."""
    first, second = login(office_staff_midt), login(office_staff_midt)
    tokens = [
        c.post(IMPORT, {"file": xlsx_file(GOOD_AND_BAD)}).context["confirm"]["token"].value()
        for c in (first, second)
    ]
    first.post(CONFIRM, {"token": tokens[0]})
    response = second.post(CONFIRM, {"token": tokens[1]}, follow=True)
    assert "was imported on" in response.content.decode()
    assert Activity.objects.count() == 2
    assert ActivityImport.objects.count() == 1


def test_the_same_file_may_go_to_another_office(
    head_office_admin: User, office_midt: Any, office_nord: Any, login: Any
) -> None:
    client = login(head_office_admin)
    text = "Dato;Type;Tittel;Kommunenummer\n03.04.2024;stand;Stand;5501\n"
    for office in (office_midt, office_nord):
        response = client.post(IMPORT, {"file": csv_file(text), "office": office.pk})
        client.post(CONFIRM, {"token": response.context["confirm"]["token"].value()})
    assert sorted(Activity.objects.values_list("office__slug", flat=True)) == ["midt", "nord"]


def test_a_large_file_is_previewed_in_part_and_imported_whole(
    office_staff_midt: User, login: Any
) -> None:
    lines = ["Dato;Type;Tittel;Kommunenummer"]
    lines += [f"{1 + i % 28:02d}.0{1 + i % 9}.2024;stand;Stand {i};1506" for i in range(1500)]
    lines.append("01.01.2024;ukjent;Feil;1506")
    client = login(office_staff_midt)
    response = client.post(IMPORT, {"file": csv_file("\n".join(lines))})
    assert len(response.context["rows"]) == 1501
    shown = response.context["shown_rows"]
    assert len(shown) == imports.PREVIEW_ROWS
    assert shown[-1].line == 1502 and shown[-1].errors
    page = response.content.decode()
    assert f"{1501 - imports.PREVIEW_ROWS} more rows are not listed" in page
    done = client.post(CONFIRM, {"token": response.context["confirm"]["token"].value()})
    assert done.context["imported"] == 1500
    assert AuditEntry.objects.filter(action="activity.activity.created").count() == 1500
