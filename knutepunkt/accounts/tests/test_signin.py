"""Sign-in step one (password), step two (code), sign-out, lockout and the session."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from knutepunkt.accounts.testing import totp_code, totp_device

PASSWORD = "correct horse battery"
LOGIN = reverse("accounts:login")
VERIFY = reverse("accounts:verify")
DASHBOARD = reverse("staff:dashboard")


@pytest.fixture(autouse=True)
def _no_otp_throttle(settings):
    """django-otp's own 1-2-4 s back-off would refuse a right code right after a wrong
    one; the lockout tests count wrong codes without waiting."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def password_step(client, username, password=PASSWORD, next_url="", **extra):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(LOGIN, data, **extra)


def code_step(client, code, next_url="", backup=False):
    data = {"code": code}
    if next_url:
        data["next"] = next_url
    if backup:
        data["backup"] = "1"
    return client.post(VERIFY, data)


def test_sign_in_with_password_and_code_lands_on_the_dashboard(client, office_staff_midt):
    device = totp_device(office_staff_midt)
    response = password_step(client, "midt")
    assert response.status_code == 302
    assert response["Location"] == VERIFY
    # Signed in, but not verified: staff pages still send to the code step.
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)
    response = code_step(client, totp_code(device))
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_login_page_is_accessible_and_not_cached(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert '<label for="id_username"' in html
    assert '<label for="id_password"' in html


def test_code_page_asks_for_a_one_time_code(client, office_staff_midt):
    totp_device(office_staff_midt)
    password_step(client, "midt")
    html = client.get(VERIFY).content.decode()
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html


def test_wrong_password_is_refused_with_an_error_summary(client, office_staff_midt):
    response = password_step(client, "midt", "wrong password!")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'class="error-summary"' in response.content.decode()


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(client, office_staff_midt):
    unknown = password_step(client, "nobody-here", "wrong password!")
    wrong = password_step(Client(REMOTE_ADDR="10.9.9.9"), "midt", "wrong password!")
    assert unknown.status_code == wrong.status_code == 200
    assert unknown.context["form"].errors == wrong.context["form"].errors


def test_wrong_code_is_refused(client, office_staff_midt):
    device = totp_device(office_staff_midt)
    password_step(client, "midt")
    good = totp_code(device)
    bad = f"{(int(good) + 1) % 1000000:06d}"
    response = code_step(client, bad)
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


def test_code_must_be_six_digits(client, office_staff_midt):
    totp_device(office_staff_midt)
    password_step(client, "midt")
    response = code_step(client, "abc")
    assert response.status_code == 200
    assert response.context["form"].errors["code"]


def test_a_code_works_only_once(client, office_staff_midt):
    device = totp_device(office_staff_midt)
    password_step(client, "midt")
    code = totp_code(device)
    assert code_step(client, code).status_code == 302
    other = Client()
    password_step(other, "midt")
    assert code_step(other, code).status_code == 200


def test_user_without_authenticator_is_sent_to_set_one_up(client, office_staff_midt):
    response = password_step(client, "midt", next_url="/arbeid/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:totp_setup") + "?next=")


def test_safe_next_url_is_followed(client, office_staff_midt):
    device = totp_device(office_staff_midt)
    response = password_step(client, "midt", next_url="/admin/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    response = code_step(client, totp_code(device), next_url="/admin/")
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize(
    "evil", ["https://evil.example/", "//evil.example/", "http://evil.example/arbeid/"]
)
def test_next_url_to_another_site_is_refused(client, office_staff_midt, evil):
    device = totp_device(office_staff_midt)
    response = password_step(client, "midt", next_url=evil)
    assert "evil" not in response["Location"]
    response = code_step(client, totp_code(device), next_url=evil)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


def test_funder_signs_in_with_two_factors_and_lands_on_the_dashboard(client, funder_viewer):
    device = totp_device(funder_viewer)
    password_step(client, "finansiering")
    response = code_step(client, totp_code(device))
    assert response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_backup_code_works_once(client, office_staff_midt):
    from knutepunkt.accounts.services import backup_codes_issue

    totp_device(office_staff_midt)
    codes = backup_codes_issue(actor=None, user=office_staff_midt)
    assert len(codes) == 10
    password_step(client, "midt")
    response = code_step(client, codes[0], backup=True)
    assert response.status_code == 302
    assert client.get(DASHBOARD).status_code == 200
    again = Client()
    password_step(again, "midt")
    response = code_step(again, codes[0], backup=True)
    assert response.status_code == 200
    assert response.context["form"].errors["code"]


def test_backup_code_is_not_accepted_as_an_app_code(client, office_staff_midt):
    from knutepunkt.accounts.services import backup_codes_issue

    totp_device(office_staff_midt)
    codes = backup_codes_issue(actor=None, user=office_staff_midt)
    password_step(client, "midt")
    assert code_step(client, codes[0]).status_code == 200


def test_logout_needs_post(login, office_staff_midt):
    client = login(office_staff_midt)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(DASHBOARD).status_code == 200
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(DASHBOARD)["Location"].startswith(LOGIN)


def test_signing_in_again_with_the_password_does_not_keep_the_second_factor(
    login, office_staff_midt
):
    client = login(office_staff_midt)
    password_step(client, "midt")
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


# --- Lockout ---------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_user_name_from_any_address(office_staff_midt):
    for attempt in range(5):
        client = Client(REMOTE_ADDR=f"10.0.0.{attempt + 1}")
        password_step(client, "midt", "wrong password!")
    response = password_step(Client(REMOTE_ADDR="10.0.1.1"), "midt")
    assert response.status_code == 429
    assert "Retry-After" in response
    assert "_auth_user_id" not in Client().session


def test_five_wrong_passwords_from_one_address_lock_that_address(
    office_staff_midt, office_staff_nord
):
    for attempt in range(5):
        password_step(Client(REMOTE_ADDR="10.1.1.1"), f"guess{attempt}", "wrong password!")
    response = password_step(Client(REMOTE_ADDR="10.1.1.1"), "nord")
    assert response.status_code == 429
    # Another address may still sign in with another user name.
    response = password_step(Client(REMOTE_ADDR="10.1.1.2"), "nord")
    assert response.status_code == 302


def test_four_wrong_passwords_do_not_lock(client, office_staff_midt):
    for _attempt in range(4):
        password_step(client, "midt", "wrong password!")
    assert password_step(client, "midt").status_code == 302


def test_lockout_page_says_when_to_try_again(client, office_staff_midt):
    for _attempt in range(5):
        password_step(client, "midt", "wrong password!")
    response = client.get(LOGIN)
    response = password_step(client, "midt")
    assert response.status_code == 429
    html = response.content.decode()
    assert "15" in html
    retry_at = timezone.localtime(timezone.now() + timedelta(minutes=15)).strftime("%H:")
    assert retry_at in html


def test_five_wrong_codes_lock_the_code_step(client, office_staff_midt):
    device = totp_device(office_staff_midt)
    password_step(client, "midt")
    for attempt in range(4):
        response = code_step(client, f"00000{attempt}")
        assert response.status_code == 200
    response = code_step(client, "000009")
    assert response.status_code == 429
    # The session is ended, and a new password sign-in cannot start a fresh count.
    assert client.get(DASHBOARD)["Location"].startswith(LOGIN)
    fresh = Client(REMOTE_ADDR="10.2.2.2")
    response = password_step(fresh, "midt")
    assert response.status_code == 429
    # Not even the right code gets through during the lockout.
    fresh.force_login(office_staff_midt)
    assert code_step(fresh, totp_code(device)).status_code == 429


def test_wrong_codes_count_per_user_not_per_session(office_staff_midt):
    totp_device(office_staff_midt)
    for attempt in range(5):
        client = Client(REMOTE_ADDR=f"10.3.3.{attempt + 1}")
        client.force_login(office_staff_midt)
        response = code_step(client, "123456")
    assert response.status_code == 429


def test_right_code_resets_the_wrong_code_count(client, office_staff_midt):
    device = totp_device(office_staff_midt)
    client.force_login(office_staff_midt)
    for _attempt in range(4):
        code_step(client, "000000")
    assert code_step(client, totp_code(device)).status_code == 302
    other = Client()
    other.force_login(office_staff_midt)
    assert code_step(other, "000000").status_code == 200


# --- Session timeout -------------------------------------------------------------------


def test_expired_session_sends_back_to_sign_in(login, office_staff_midt):
    client = login(office_staff_midt)
    assert client.get(DASHBOARD).status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN + "?next=")


def test_each_request_renews_the_session(login, office_staff_midt, settings):
    assert settings.SESSION_COOKIE_AGE == 3600
    client = login(office_staff_midt)
    key = client.session.session_key
    soon = timezone.now() + timedelta(minutes=5)
    Session.objects.filter(session_key=key).update(expire_date=soon)
    client.get(DASHBOARD)
    renewed = Session.objects.get(session_key=key).expire_date
    assert renewed > timezone.now() + timedelta(minutes=55)
