"""In a real browser: office staff approve a pending sign-up for a two-day starter
training and record attendance for both sessions; axe-core finds nothing on the new
pages at 360 and 1280 px."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from knutepunkt.accounts.testing import sign_in
from knutepunkt.core.testing import describe_violations
from knutepunkt.events.models import EventKind, RegistrationStatus
from knutepunkt.events.services import SessionInput, registration_create
from knutepunkt.events.tests.conftest import in_days
from knutepunkt.events.tests.test_sessions import move_into_past
from knutepunkt.starters.models import Starter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"  # the personas' password (knutepunkt/conftest.py)
WIDTHS = (360, 1280)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def nb(text: str, **values: Any) -> str:
    with translation.override("nb"):
        translated = gettext(text)
    return translated % values if values else translated


def _axe_at_each_width(page: Any, url: str, what: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(url)
        violations = list(Axe().run(page, options=options).response["violations"])
        assert violations == [], f"{what} at {width} px:\n{describe_violations(violations)}"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_staff_approve_a_pending_signup_and_record_two_sessions(
    reference_data, live_server, page, office_staff_midt, make_event
):
    start = in_days(10, hour=10)
    second = start + datetime.timedelta(days=1)
    event = make_event(
        title="Igangsetteropplæring i Molde",
        kind=EventKind.STARTER_TRAINING,
        needs_approval=True,
        capacity=12,
        starts_at=start,
        sessions=[
            SessionInput(starts_at=start, ends_at=start + datetime.timedelta(hours=6)),
            SessionInput(
                starts_at=second,
                ends_at=second + datetime.timedelta(hours=6),
                venue_note="Møterom 2",
            ),
        ],
    )
    consent = event.questions.get()
    kari = registration_create(
        event=event, name="Kari Nordmann", email="kari@example.org", answers={consent.pk: True}
    )
    assert kari.status == RegistrationStatus.PENDING

    base = live_server.url
    _axe_at_each_width(page, base + event.get_absolute_url(), "public event page")

    detail = reverse("staff:events:event_detail", args=[event.pk])
    sign_in(page, base, office_staff_midt, PASSWORD, next_url=detail)
    _axe_at_each_width(page, base + detail, "staff event page with a pending sign-up")
    edit = reverse("staff:events:event_edit", args=[event.pk])
    _axe_at_each_width(page, base + edit, "event form with sessions")

    page.goto(base + detail)
    page.get_by_role("button", name=nb("Approve %(name)s", name="Kari Nordmann")).click()
    expect(page.get_by_role("status")).to_be_visible()
    kari.refresh_from_db()
    assert kari.status == RegistrationStatus.CONFIRMED

    move_into_past(event)
    attendance = reverse("staff:events:event_attendance", args=[event.pk])
    _axe_at_each_width(page, base + attendance, "attendance per session")
    page.goto(base + attendance)
    page.get_by_label(nb("Number who came")).fill("1")
    for number in (1, 2):
        page.get_by_label(
            nb("%(name)s came to session %(number)s", name="Kari Nordmann", number=number)
        ).check()
    page.get_by_role("button", name=nb("Save attendance")).click()
    expect(page.get_by_role("status")).to_be_visible()

    kari.refresh_from_db()
    assert kari.attended is True
    assert kari.attended_sessions.count() == 2
    assert Starter.objects.get().email == "kari@example.org"
