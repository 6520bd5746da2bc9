"""A passkey end to end in Chromium with a virtual authenticator (the DevTools WebAuthn
domain, a real WebAuthn ceremony in the browser): add one after signing in with the app's
code, sign out, sign in again with the password and the passkey instead of the code.
The pages pass axe-core at 360 and 1280 px."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential

from knutepunkt.accounts.testing import sign_in
from knutepunkt.core.testing import axe_violations, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


@pytest.fixture
def authenticator(page: Any) -> Any:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    created = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp, created["authenticatorId"]


@pytest.fixture(autouse=True)
def _origin(settings: Any, live_server: Any) -> None:
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _check_axe(page: Any) -> None:
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        assert violations == [], describe_violations(violations)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"scrolls sideways at {width}px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_add_a_passkey_and_sign_in_with_it(
    reference_data: None, live_server: Any, page: Any, authenticator: Any, office_staff_midt: Any
) -> None:
    url = live_server.url.replace("127.0.0.1", "localhost")
    sign_in(page, url, office_staff_midt, PASSWORD)
    page.goto(url + reverse("accounts:passkeys"))
    form = page.locator("form[data-passkey=register]")
    assert form.is_visible()
    assert not page.locator("[data-passkey-fallback]").is_visible()
    _check_axe(page)

    page.fill("#passkey-name", "Jobb-PC")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("text=Passnøkkelen er lagt til", timeout=15000)
    assert page.locator("table.data th[scope=row]", has_text="Jobb-PC").is_visible()
    credential = WebAuthnCredential.objects.get(user=office_staff_midt)
    assert credential.name == "Jobb-PC" and credential.last_used_at is None
    cdp, authenticator_id = authenticator
    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert len(stored["credentials"]) == 1
    _check_axe(page)

    page.locator("form.signout-form button:visible").click()
    page.goto(url + reverse("accounts:login"))
    page.fill("#id_username", office_staff_midt.get_username())
    page.fill("#id_password", PASSWORD)
    page.click("form.signin-form button[type=submit]")
    page.wait_for_url("**" + reverse("accounts:verify") + "**")
    passkey_button = page.locator("form[data-passkey=authenticate] button")
    assert passkey_button.is_visible()
    _check_axe(page)
    passkey_button.click()
    page.wait_for_url(url + reverse("staff:dashboard"), timeout=15000)
    credential.refresh_from_db()
    assert credential.last_used_at is not None


def test_without_javascript_the_page_explains_and_the_code_still_works(
    reference_data: None, live_server: Any, browser: Any, office_staff_midt: Any
) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nb-NO")
    page = context.new_page()
    try:
        sign_in(page, live_server.url, office_staff_midt, PASSWORD)
        page.goto(live_server.url + reverse("accounts:passkeys"))
        assert page.locator("[data-passkey-fallback]").is_visible()
        assert not page.locator("form[data-passkey=register]").is_visible()
    finally:
        context.close()
