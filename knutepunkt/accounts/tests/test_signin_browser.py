"""Signing in in a real browser: password, code, keyboard only, and a wrong code."""

import pytest
from django.urls import reverse

from knutepunkt.accounts.testing import sign_in, totp_code, totp_device
from knutepunkt.core.testing import axe_violations, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _no_otp_throttle(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_sign_in_lands_on_the_dashboard(reference_data, live_server, page, office_staff_midt):
    sign_in(page, live_server.url, office_staff_midt, PASSWORD)
    assert page.url == live_server.url + reverse("staff:dashboard")
    assert page.locator("h1").first.is_visible()
    assert page.locator("form.signout-form button:visible").count() == 1


def test_wrong_code_shows_an_error(reference_data, live_server, page, office_staff_midt):
    device = totp_device(office_staff_midt)
    page.goto(live_server.url + reverse("accounts:login"))
    page.fill("#id_username", "midt")
    page.fill("#id_password", PASSWORD)
    page.click("form.signin-form button[type=submit]")
    page.wait_for_url("**" + reverse("accounts:verify"))
    good = totp_code(device)
    page.fill("#id_code", f"{(int(good) + 5) % 1000000:06d}")
    page.click("form.signin-form button[type=submit]")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.locator("#id_code_errors").is_visible()
    assert page.url.endswith(reverse("accounts:verify"))
    page.fill("#id_code", totp_code(device))
    page.click("form.signin-form button[type=submit]")
    page.wait_for_url(live_server.url + reverse("staff:dashboard"))


def test_keyboard_only_sign_in(reference_data, live_server, page, office_staff_midt):
    device = totp_device(office_staff_midt)
    page.goto(live_server.url + reverse("accounts:login"))
    # From the top of the page, Tab reaches the user name field; Enter submits.
    page.locator("body").focus()
    for _press in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_username":
            break
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type("midt")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**" + reverse("accounts:verify"))
    for _press in range(30):
        if page.evaluate("document.activeElement.id") == "id_code":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_code"
    page.keyboard.type(totp_code(device))
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + reverse("staff:dashboard"))


def test_sign_in_pages_pass_axe(reference_data, live_server, page, office_staff_midt):
    page.goto(live_server.url + reverse("accounts:login"))
    assert axe_violations(page) == [], describe_violations(axe_violations(page))
    page.fill("#id_username", "midt")
    page.fill("#id_password", PASSWORD)
    page.click("form.signin-form button[type=submit]")
    # No authenticator yet: the setup page with its QR code.
    page.wait_for_url("**" + reverse("accounts:totp_setup") + "**")
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    assert page.locator("svg.qr-code").is_visible()
