"""In a real browser, as office staff: log an activity of every type through the form (each
type's own number field), log direct inquiries with the quick form, open every entry from
the log, edit one, and check the annual report's figures against a count made here, in the
test, from what was typed (not through reports/figures.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from knutepunkt.accounts.testing import sign_in
from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.reports.labels import FIGURE_LABELS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass
class Entry:
    kind: str
    title: str
    field: str | None = None  # the number field the form shows for the type
    label: str = ""  # that field's label for the type
    number: int | None = None
    channel: str = ""


ENTRIES = [
    Entry("own_event", "Åpent møte om selvhjelp", "participants", "Participants", 20),
    Entry(
        "contribution",
        "Innlegg på fagdag i Molde",
        "people_reached",
        "People given information",
        45,
    ),
    Entry("stand", "Stand på Rehab-kongressen", "participants", "People present", 300),
    Entry(
        "starter_training",
        "Igangsetteropplæring i Sunndal",
        "participants",
        "Participants (people trained)",
        9,
    ),
    Entry("starter_follow_up", "Oppfølgingsmøte for igangsettere", "participants", "", 5),
    Entry("planning_group_meeting", "Møte i plangruppa"),
    Entry("partner_meeting", "Møte med frivilligsentralen"),
    Entry("teaching", "Undervisning på høgskolen", "people_reached", "Students taught", 30),
    Entry("media_coverage", "Oppslag i lokalavisa"),
    Entry("advertisement", "Annonse i lokalavisa"),
    Entry(
        "inquiry",
        "Telefoner om selvhjelpsgrupper",
        "participants",
        "Number of people who got in touch",
        3,
        "phone",
    ),
    Entry("other", "Annet arbeid"),
]
QUICK_INQUIRIES = [("email", 2)]
STAND_AFTER_EDIT = 350


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    with translation.override("en"):
        yield


def _expected(entries: list[Entry], quick: list[tuple[str, int]]) -> dict[str, int]:
    """The figures as seed 003 defines them (docs/figures.md), counted from the entries."""

    def total(field: str, kinds: set[str]) -> int:
        return sum(e.number or 0 for e in entries if e.kind in kinds and e.field == field)

    own = {"own_event", "starter_training", "starter_follow_up"}
    return {
        "participants_at_own_events": total("participants", own),
        "people_informed": total("participants", own) + total("people_reached", {"contribution"}),
        "people_at_stands": total("participants", {"stand"}),
        "direct_inquiries": total("participants", {"inquiry"}) + sum(n for _c, n in quick),
        "starter_trainings": sum(1 for e in entries if e.kind == "starter_training"),
        "people_trained": total("participants", {"starter_training"}),
        "students_taught": total("people_reached", {"teaching"}),
        "media_items": sum(1 for e in entries if e.kind in {"media_coverage", "advertisement"}),
        "activities_total": len(entries) + len(quick),
    }


def _log(page: Any, entry: Entry, *, another: bool) -> None:
    page.select_option("#id_kind", entry.kind)
    page.fill("#id_title", entry.title)
    for name in ("participants", "people_reached"):
        visible = page.locator(f"[data-field={name}]").is_visible()
        assert visible == (name == entry.field or (entry.kind == "other")), (entry.kind, name)
    if entry.field:
        if entry.label:
            label = page.locator(f"label[for=id_{entry.field}]").inner_text()
            assert label.strip() == entry.label, entry.kind
        page.fill(f"#id_{entry.field}", str(entry.number))
    assert page.locator("[data-field=channel]").is_visible() == (entry.kind == "inquiry")
    if entry.channel:
        page.check(f"input[name=channel][value={entry.channel}]")
    button = "Save and add another" if another else "Save"
    page.get_by_role("button", name=button, exact=True).first.click()
    page.wait_for_load_state()


def test_every_type_logged_opened_edited_and_counted_in_the_report(
    reference_data: None, office_staff_midt: Any, live_server: Any, page: Any
) -> None:
    create_url = reverse("staff:activity:activity_create")
    list_url = reverse("staff:activity:activity_list")
    sign_in(page, live_server.url, office_staff_midt, "correct horse battery", create_url)
    page.wait_for_url("**" + create_url)

    # "Save and add another" comes right after the type's own fields, before partners.
    assert page.evaluate(
        "document.querySelector('[name=save_another]')"
        ".compareDocumentPosition(document.querySelector('#id_notes'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )

    for i, entry in enumerate(ENTRIES):
        _log(page, entry, another=i < len(ENTRIES) - 1)
    page.wait_for_url("**" + list_url)
    assert Activity.objects.count() == len(ENTRIES)

    # A future date is refused for an inquiry and focus goes to the error summary.
    page.goto(live_server.url + create_url)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.fill("#id_date", tomorrow.isoformat())
    page.select_option("#id_kind", "inquiry")
    page.fill("#id_title", "Fremtidig henvendelse")
    page.check("input[name=channel][value=email]")
    page.get_by_role("button", name="Save", exact=True).first.click()
    page.wait_for_selector(".error-summary")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert "cannot be after today" in page.locator(".error-summary").inner_text()
    assert Activity.objects.count() == len(ENTRIES)

    # Direct inquiries from the log's quick form: date today, channel, number of people.
    page.goto(live_server.url + list_url)
    for channel, count in QUICK_INQUIRIES:
        page.check(f"input[name=inquiry-channel][value={channel}]")
        page.fill("#id_inquiry-count", str(count))
        page.get_by_role("button", name="Log the inquiry").click()
        page.wait_for_url("**" + list_url)

    # Every title in the log opens its own activity.
    titles = [e.title for e in ENTRIES]
    for title in titles:
        page.goto(live_server.url + list_url)
        page.get_by_role("link", name=title, exact=True).click()
        page.wait_for_selector("#id_title")
        assert page.input_value("#id_title") == title
        assert "/endre/" in page.url

    # Edit the stand: the people present change.
    stand = next(e for e in ENTRIES if e.kind == "stand")
    page.goto(live_server.url + list_url)
    page.get_by_role("link", name=stand.title, exact=True).click()
    page.wait_for_selector("#id_participants")
    assert page.locator("label[for=id_participants]").inner_text().strip() == "People present"
    page.fill("#id_participants", str(STAND_AFTER_EDIT))
    page.get_by_role("button", name="Save", exact=True).first.click()
    page.wait_for_url("**" + list_url)
    stand.number = STAND_AFTER_EDIT

    year = timezone.localdate().year
    report_url = reverse("staff:reports:report_detail", args=[year, office_staff_midt.office.slug])
    page.goto(live_server.url + report_url)
    page.wait_for_selector("table.figures")
    shown: dict[str, int] = {}
    for row in page.locator("table.figures tbody tr").all():
        label = row.locator("th").inner_text().strip()
        value = row.locator("td").first.inner_text().strip()
        shown[label] = int(value.replace("\u00a0", "").replace(" ", "") or 0)
    expected = _expected(ENTRIES, QUICK_INQUIRIES)
    got = {key: shown[str(FIGURE_LABELS[key])] for key in expected}
    assert got == expected
    assert expected["people_at_stands"] == STAND_AFTER_EDIT
    assert ActivityKind.INQUIRY in {a.kind for a in Activity.objects.all()}

    # The inquiries by channel, in the report's breakdown.
    breakdown = page.locator("details.breakdown", has_text="by channel")
    breakdown.locator("summary").click()
    text = breakdown.inner_text()
    assert "Phone" in text and "E-mail" in text
