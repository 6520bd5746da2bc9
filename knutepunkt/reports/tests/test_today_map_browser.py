"""The by-municipality switch in a real browser: reached and followed by keyboard alone,
the chosen view marked with aria-current, the table open, axe-core clean at both widths."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from knutepunkt.reports.tests.conftest import MIDT
from knutepunkt.reports.tests.test_staff_layout_browser import (
    _each_width,
    _no_otp_throttle,  # noqa: F401 - the autouse fixture
    _signed_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switch_to_todays_map_by_keyboard(live_server: Any, page: Any, demo: Any) -> None:
    base = live_server.url
    _signed_in(page, base, demo.staff)
    report = reverse("staff:reports:report_detail", kwargs={"year": 2012, "slug": MIDT})
    page.set_viewport_size({"width": 1280, "height": 740})
    page.goto(base + report)
    box = page.locator(f"#office-{MIDT}-municipalities")
    assert box.get_attribute("open") is None
    box.locator("summary").focus()
    page.keyboard.press("Enter")
    today = box.get_by_role("link", name="på dagens kart")
    assert today.is_visible()
    assert box.get_by_role("link", name="slik de var i 2012").get_attribute("aria-current")
    # Tab from the summary reaches the two links in order; Enter follows the second.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "på dagens kart"
    page.keyboard.press("Enter")
    page.wait_for_url("**?kommuner=i-dag*")
    box = page.locator(f"#office-{MIDT}-municipalities")
    assert box.get_attribute("open") is not None
    assert box.get_by_role("link", name="på dagens kart").get_attribute("aria-current") == "true"
    assert "på kartet per" in box.locator("caption").inner_text()
    _each_width(page, base + report + "?kommuner=i-dag", "report on today's map", tables=True)


def test_national_page_on_todays_map(live_server: Any, page: Any, demo: Any) -> None:
    base = live_server.url
    _signed_in(page, base, demo.head)
    national = reverse("staff:reports:national", kwargs={"year": 2012})
    _each_width(page, base + national + "?kommuner=i-dag", "national on today's map", tables=True)
    box = page.locator(f"#office-{MIDT}-municipalities")
    assert box.get_attribute("open") is not None
    assert box.get_by_role("link", name="på dagens kart").get_attribute("aria-current") == "true"
