"""Setting up the authenticator app, backup codes, and the demo_totp command."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from knutepunkt.accounts.testing import totp_code, totp_device
from knutepunkt.core.models import AuditEntry

SETUP = reverse("accounts:totp_setup")
BACKUP = reverse("accounts:backup_codes")


@pytest.fixture
def password_only(office_staff_midt):
    client = Client()
    client.force_login(office_staff_midt)
    return client


def test_setup_shows_an_inline_qr_code_and_the_key(password_only, office_staff_midt):
    response = password_only.get(SETUP)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<svg class="qr-code" role="img"' in html
    assert "<title" in html
    assert "style=" not in html
    device = TOTPDevice.objects.get(user=office_staff_midt, confirmed=False)
    from knutepunkt.staff.accounts.views.setup import secret_of

    secret = secret_of(device)
    assert secret[:4] in html
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_setup_reuses_the_pending_device(password_only, office_staff_midt):
    password_only.get(SETUP)
    password_only.get(SETUP)
    assert TOTPDevice.objects.filter(user=office_staff_midt).count() == 1


def test_confirming_with_a_code_verifies_and_shows_backup_codes_once(
    password_only, office_staff_midt
):
    password_only.get(SETUP + "?next=/arbeid/")
    device = TOTPDevice.objects.get(user=office_staff_midt)
    response = password_only.post(SETUP, {"code": totp_code(device), "next": "/arbeid/"})
    assert response.status_code == 302
    assert response["Location"].startswith(BACKUP)
    device.refresh_from_db()
    assert device.confirmed
    page = password_only.get(response["Location"])
    codes = page.context["codes"]
    assert len(codes) == 10
    assert codes[0] in page.content.decode()
    assert StaticToken.objects.filter(device__user=office_staff_midt).count() == 10
    assert page.context["continue_url"] == "/arbeid/"
    # Shown once only.
    again = password_only.get(BACKUP)
    assert again.context["codes"] is None
    assert codes[0] not in again.content.decode()
    # And the session is verified.
    assert password_only.get(reverse("staff:dashboard")).status_code == 200
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"accounts.totp_device.confirmed", "accounts.backup_codes.issued"} <= actions


def test_a_wrong_code_does_not_confirm(password_only, office_staff_midt):
    password_only.get(SETUP)
    response = password_only.post(SETUP, {"code": "000000"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(user=office_staff_midt, confirmed=True).exists()


def test_an_existing_authenticator_cannot_be_replaced_with_the_password_alone(
    password_only, office_staff_midt
):
    totp_device(office_staff_midt)
    response = password_only.get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))
    assert password_only.post(SETUP, {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=office_staff_midt).count() == 1


def test_a_verified_user_can_replace_the_authenticator(login, office_staff_midt):
    old = totp_device(office_staff_midt)
    client = login(office_staff_midt)
    client.get(SETUP)
    new = TOTPDevice.objects.get(user=office_staff_midt, confirmed=False)
    assert client.post(SETUP, {"code": totp_code(new)}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=office_staff_midt)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()


def test_new_backup_codes_replace_the_old(login, office_staff_midt):
    from knutepunkt.accounts.services import backup_codes_issue

    old = backup_codes_issue(actor=None, user=office_staff_midt)
    client = login(office_staff_midt)
    response = client.post(BACKUP)
    assert response.status_code == 302
    new = client.get(response["Location"]).context["codes"]
    assert len(new) == 10
    tokens = set(StaticToken.objects.values_list("token", flat=True))
    assert tokens == set(new)
    assert not tokens & set(old)


def test_backup_codes_need_the_second_factor(password_only):
    assert password_only.post(BACKUP)["Location"].startswith(reverse("accounts:verify"))
    assert not StaticToken.objects.exists()


def test_demo_totp_prints_a_key_for_each_demo_user(db, office_midt):
    from knutepunkt.accounts.models import Role, User

    User.objects.create_user(username="hovedkontor", role=Role.HEAD_OFFICE)
    User.objects.create_user(username="midt", role=Role.OFFICE_STAFF, office=office_midt)
    out = StringIO()
    call_command("demo_totp", stdout=out)
    text = out.getvalue()
    assert text.count("otpauth://totp/") == 2
    assert TOTPDevice.objects.filter(confirmed=True).count() == 2
    # A second run prints the same keys and creates nothing.
    out2 = StringIO()
    call_command("demo_totp", stdout=out2)
    keys = [line for line in text.splitlines() if "key:" in line]
    assert keys == [line for line in out2.getvalue().splitlines() if "key:" in line]
    assert TOTPDevice.objects.count() == 2
