"""The staff workspace in a real browser at 360 and 1280 px: a compact header with a menu
that works by keyboard and without JavaScript, tables that scroll instead of breaking
words, and axe-core (WCAG 2.0/2.1/2.2 A and AA) on every page type."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from knutepunkt.accounts.testing import sign_in
from knutepunkt.core.testing import describe_violations
from knutepunkt.reports.tests.conftest import MIDT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"
WIDTHS = (360, 1280)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Every word of every visible table cell must sit on one line. A word here is a run of
# characters without white space or hyphen (a break after a hyphen is an ordinary line
# break); "01.11.2026", "3/0/0" and "Kommune" are single words.
BROKEN_WORDS_JS = """
() => {
  const broken = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const words = /[^\\s\\-\u2010\u2013]+/g;
      let m;
      while ((m = words.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(
          [...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))
        );
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}
"""


@pytest.fixture(autouse=True)
def _no_otp_throttle(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _signed_in(page: Any, url: str, user: Any) -> None:
    user.set_password(PASSWORD)
    user.save()
    sign_in(page, url, user, PASSWORD)


def _check_axe(page: Any, what: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    violations = list(Axe().run(page, options=options).response["violations"])
    assert violations == [], f"{what}:\n{describe_violations(violations)}"


def _each_width(page: Any, url: str, what: str, *, tables: bool = False) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(url)
        if tables:
            assert page.locator("main table").count() > 0, what
            broken = page.evaluate(BROKEN_WORDS_JS)
            assert broken == [], f"{what} at {width} px breaks inside: {broken[:10]}"
            # Every table scrolls inside a keyboard-focusable, labelled region.
            for wrap in page.locator("main table").all():
                parent = wrap.locator("xpath=..")
                assert parent.get_attribute("tabindex") == "0", what
                assert parent.get_attribute("role") == "region", what
        _check_axe(page, f"{what} at {width} px")


def test_office_staff_pages(live_server, page, demo):
    base = live_server.url
    _signed_in(page, base, demo.staff)
    report = reverse("staff:reports:report_detail", kwargs={"year": 2012, "slug": MIDT})
    _each_width(page, base + report, "annual report", tables=True)
    _each_width(
        page, base + reverse("staff:activity:activity_list") + "?year=2012", "log", tables=True
    )
    _each_width(page, base + reverse("statistics:index"), "statistics", tables=True)
    _each_width(page, base + reverse("staff:dashboard"), "dashboard")
    _each_width(page, base + reverse("staff:network:partner_list"), "partners")
    # The report page links its outputs.
    page.goto(base + report)
    assert page.locator(
        f'a[href="{reverse("staff:reports:office_pdf", kwargs={"year": 2012, "slug": MIDT})}"]'
    ).is_visible()
    assert page.locator(
        f'a[href="{reverse("staff:reports:office_xlsx", kwargs={"year": 2012, "slug": MIDT})}"]'
    ).is_visible()


def test_small_screen_header_is_compact_and_its_menu_works_by_keyboard(live_server, page, demo):
    base = live_server.url
    _signed_in(page, base, demo.staff)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base + reverse("staff:dashboard"))
    header = page.locator("header.site-header").bounding_box()
    assert header is not None and header["height"] < 100, header
    menu = page.locator(".staff-menu")
    assert menu.is_visible() and not page.locator(".staff-menu-wide").is_visible()
    activities = menu.get_by_role("link", name="Aktiviteter")
    assert not activities.is_visible()
    page.locator(".staff-menu summary").focus()
    page.keyboard.press("Enter")
    assert activities.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Mitt kontor"
    _check_axe(page, "open menu at 360 px")
    activities.click()
    page.wait_for_url("**" + reverse("staff:activity:activity_list"))


def test_error_forms_and_sign_in(live_server, page, demo):
    base = live_server.url
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(base + reverse("accounts:login"))
        _check_axe(page, f"sign-in at {width} px")
        page.fill("#id_username", "nobody")
        page.fill("#id_password", "wrong")
        page.click("form.signin-form button[type=submit]")
        page.wait_for_load_state()
        _check_axe(page, f"sign-in with errors at {width} px")
    _signed_in(page, base, demo.coordinator)
    edit = reverse(
        "staff:network:contact_point_edit", kwargs={"pk": demo.coordinator.contact_point_id}
    )
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(base + edit)
        for name in ("email", "phone", "address", "website"):
            page.fill(f"#id_{name}", "")
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()
        assert page.locator(".error-summary, #error-summary").first.is_visible()
        _check_axe(page, f"contact point form with errors at {width} px")


def test_funder_pages(live_server, page, demo):
    base = live_server.url
    _signed_in(page, base, demo.funder)
    _each_width(page, base + reverse("staff:dashboard"), "funder dashboard")
    header = page.locator("header.site-header").inner_text()
    assert "Mitt kontor" not in header and "(Finansiør" not in header, header
    national = reverse("staff:reports:national", kwargs={"year": 2012})
    _each_width(page, base + national, "national report", tables=True)
    page.goto(base + national)
    assert page.locator(
        f'a[href="{reverse("staff:reports:national_pdf", kwargs={"year": 2012})}"]'
    ).is_visible()
    assert page.locator(
        f'a[href="{reverse("staff:reports:national_xlsx", kwargs={"year": 2012})}"]'
    ).is_visible()
    # The by-office table is reachable by keyboard and no longer thousands of pixels wide.
    wrap = page.locator(".table-wrap:has(table.by-office)")
    wrap.focus()
    assert page.evaluate("document.activeElement.matches('.table-wrap')")
    width = page.evaluate("document.querySelector('table.by-office').scrollWidth")
    assert width < 2000, width
