"""In a real browser: log an activity with the keyboard only, then import a spreadsheet."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from knutepunkt.accounts.testing import sign_in
from knutepunkt.activity.models import Activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _workbook() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Dato", "Type", "Tittel", "Kommune", "Deltakere", "Nådd"])
    sheet.append(["02.09.2024", "stand", "Stand på Molde sjukehus", "Molde", None, 120])
    sheet.append(["31.09.2024", "stand", "Stand med feil dato", "Molde", None, 10])
    sheet.append([datetime.date(2024, 10, 3), "own_event", "Åpent møte i Ålesund", "1508", 14, 14])
    sheet.append(["04.10.2024", "own_event", "Møte i Atlantis", "Atlantis", -2, 0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    """This walk-through reads English labels, so it uses the English pages (/en/…)."""
    with translation.override("en"):
        yield


def test_keyboard_entry_then_import_with_preview(
    reference_data: None, office_staff_midt: Any, live_server: Any, page: Any
) -> None:
    create_url = reverse("staff:activity:activity_create")
    sign_in(page, live_server.url, office_staff_midt, "correct horse battery", create_url)
    page.wait_for_url("**" + create_url)

    # The date field has focus and today's date; Tab leaves it (through its parts).
    assert page.evaluate("document.activeElement.id") == "id_date"
    for _ in range(10):  # the date's parts, then the end date's beside it
        if page.evaluate("document.activeElement.id") == "id_kind":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_kind"
    page.keyboard.press("ArrowDown")
    kind = page.evaluate("document.activeElement.value")
    page.keyboard.press("Tab")
    page.keyboard.type("Informasjonsmøte på frivilligsentralen")
    page.keyboard.press("Tab")
    page.keyboard.type("Molde")
    page.keyboard.press("Tab")
    # A talk at another's event counts the people given information: the only number
    # field the form shows for it.
    assert kind == "contribution"
    assert page.evaluate("document.activeElement.id") == "id_people_reached"
    page.keyboard.type("25")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + reverse("staff:activity:activity_list"))

    logged = Activity.objects.get()
    assert logged.title == "Informasjonsmøte på frivilligsentralen"
    assert (logged.kind, logged.date) == (kind, timezone.localdate())
    assert logged.municipality is not None
    assert (logged.municipality.number, logged.participants, logged.people_reached) == (
        "1506",
        None,
        25,
    )
    assert "Informasjonsmøte på frivilligsentralen" in page.content()

    # Import: two bad rows are reported and nothing is saved before confirming.
    page.goto(live_server.url + reverse("staff:activity:activity_import"))
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "aktiviteter-2024.xlsx",
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": _workbook(),
            }
        ],
    )
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_selector("table.import-preview")
    assert page.locator("strong.rejected").count() == 2
    bad_date = page.locator("tr[data-line='3']").inner_text()
    assert "Bad date" in bad_date
    atlantis = page.locator("tr[data-line='5']").inner_text()
    assert "Unknown municipality" in atlantis and "negative" in atlantis
    assert Activity.objects.count() == 1

    page.get_by_role("button", name="Import the rows").click()
    page.wait_for_selector("[data-import-done]")
    assert "2 activities imported" in page.locator("[data-import-done]").inner_text()
    assert Activity.objects.count() == 3

    page.get_by_role("link", name="See the activity log").click()
    page.wait_for_selector("[data-totals]")
    listed = page.locator("table").inner_text()
    assert "Stand på Molde sjukehus" in listed
    assert "Åpent møte i Ålesund" in listed
    assert "Atlantis" not in listed
