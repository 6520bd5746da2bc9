"""Sign-in for staff under /arbeid/: password, then the second factor."""

from django.urls import URLPattern, URLResolver, path

from knutepunkt.staff.accounts.views import passkeys, password, setup, signin

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("logg-inn/", signin.login, name="login"),
    path("logg-inn/kode/", signin.verify, name="verify"),
    path(
        "logg-inn/passnokkel/start/",
        passkeys.AuthenticateBegin.as_view(),
        name="passkey_auth_begin",
    ),
    path(
        "logg-inn/passnokkel/fullfor/",
        passkeys.AuthenticateComplete.as_view(),
        name="passkey_auth_complete",
    ),
    path("logg-ut/", signin.logout, name="logout"),
    path("passnokler/", passkeys.passkeys, name="passkeys"),
    path("passnokler/ny/start/", passkeys.RegisterBegin.as_view(), name="passkey_register_begin"),
    path(
        "passnokler/ny/fullfor/",
        passkeys.RegisterComplete.as_view(),
        name="passkey_register_complete",
    ),
    path("totp/", setup.totp_setup, name="totp_setup"),
    path("totp/reservekoder/", setup.backup_codes, name="backup_codes"),
    path("passord/", password.password_reset, name="password_reset"),
    path("passord/sendt/", password.password_reset_done, name="password_reset_done"),
    path(
        "passord/ny/<uidb64>/<token>/",
        password.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("passord/ferdig/", password.password_reset_complete, name="password_reset_complete"),
]
