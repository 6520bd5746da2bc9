"""Passkeys as a second factor: who may enrol one, who may use one, and the page that
lists and removes them. The ceremonies themselves run in a real browser with a virtual
authenticator in ``test_passkeys_browser``."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential

from knutepunkt.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def passkey(user: Any, name: str = "Work laptop") -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(
        user=user,
        name=name,
        confirmed=True,
        credential_id=f"id-{user.pk}-{name}".encode(),
        public_key=b"key",
        sign_count=0,
    )


def test_a_password_alone_cannot_enrol_a_passkey(login: Any, office_staff_midt: Any) -> None:
    client = login(office_staff_midt, second_factor=False)
    response = client.post(
        reverse("accounts:passkey_register_begin"), content_type="application/json"
    )
    assert response.status_code in {401, 403}
    assert not client.session.get("otp_webauthn_register_state")


def test_a_new_account_without_any_factor_cannot_enrol_either(
    login: Any, office_staff_midt: Any
) -> None:
    """The library lets a user with no second factor enrol one (and counts it as passed);
    staff must set up the authenticator app first."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=office_staff_midt).delete()
    client = login(office_staff_midt, second_factor=False)
    response = client.post(
        reverse("accounts:passkey_register_begin"), content_type="application/json"
    )
    assert response.status_code in {401, 403}


def test_a_verified_session_gets_registration_options(login: Any, office_staff_midt: Any) -> None:
    client = login(office_staff_midt)
    response = client.post(
        reverse("accounts:passkey_register_begin"), content_type="application/json"
    )
    assert response.status_code == 200
    options = response.json()
    assert options["rp"]["name"] == "Knutepunkt"
    assert options["user"]["name"] == office_staff_midt.get_username()


def test_no_passwordless_sign_in(client: Any) -> None:
    response = client.post(reverse("accounts:passkey_auth_begin"), content_type="application/json")
    assert response.status_code in {401, 403}


def test_the_code_page_offers_a_passkey_only_to_who_has_one(
    login: Any, office_staff_midt: Any
) -> None:
    client = login(office_staff_midt, second_factor=False)
    page = client.get(reverse("accounts:verify")).content.decode()
    assert 'data-passkey="authenticate"' not in page
    passkey(office_staff_midt)
    page = client.get(reverse("accounts:verify")).content.decode()
    assert 'data-passkey="authenticate"' in page
    assert "passkeys.js" in page
    # The backup-code page does not.
    page = client.get(reverse("accounts:verify") + "?backup=1").content.decode()
    assert 'data-passkey="authenticate"' not in page


def test_the_passkeys_page_needs_the_second_factor(login: Any, office_staff_midt: Any) -> None:
    response = login(office_staff_midt, second_factor=False).get(reverse("accounts:passkeys"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))


def test_list_and_remove_own_passkeys_only(
    login: Any, office_staff_midt: Any, office_staff_nord: Any
) -> None:
    mine = passkey(office_staff_midt, "Work laptop")
    theirs = passkey(office_staff_nord, "Nord phone")
    client = login(office_staff_midt)
    page = client.get(reverse("accounts:passkeys")).content.decode()
    assert "Work laptop" in page and "Nord phone" not in page
    url = reverse("accounts:passkeys")
    assert client.post(url, {"remove": theirs.pk}).status_code == 404
    assert client.post(url, {"remove": "x"}).status_code == 404
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()
    response = client.post(url, {"remove": mine.pk})
    assert response.status_code == 302
    assert not WebAuthnCredential.objects.filter(pk=mine.pk).exists()
    entry = AuditEntry.objects.get(action="accounts.passkey.removed")
    assert entry.actor_id == office_staff_midt.pk and "Work laptop" not in str(entry.data)
