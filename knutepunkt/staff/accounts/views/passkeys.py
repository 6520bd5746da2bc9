"""Passkeys (WebAuthn) as a second factor beside the authenticator app.

The ceremonies are django-otp-webauthn's JSON views, narrowed for staff sign-in: a passkey
is added only by someone who has already passed the second factor in this session (so a
password alone can never enrol one), and signing in with a passkey still needs the
password first (no passwordless sign-in). The page that lists, adds and removes passkeys
works by keyboard; adding and using one needs JavaScript and a browser with passkey
support, and the authenticator app keeps working without either.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from knutepunkt.accounts.models import Role
from knutepunkt.accounts.services import passkey_registered, passkey_remove, passkeys_of
from knutepunkt.staff.access import ALL_STAFF_ROLES, is_verified, staff_view
from knutepunkt.staff.accounts import second_factor
from knutepunkt.staff.navigation import landing_url

NAME_MAX = 100


class _OnlyAfterSecondFactor:
    """Registration only in a session that has passed the second factor already."""

    request: HttpRequest

    def check_can_register(self) -> None:
        if not is_verified(self.request.user):
            raise exceptions.NotVerified()


@method_decorator(never_cache, name="dispatch")
class RegisterBegin(_OnlyAfterSecondFactor, BeginCredentialRegistrationView):
    pass


@method_decorator(never_cache, name="dispatch")
class RegisterComplete(_OnlyAfterSecondFactor, CompleteCredentialRegistrationView):
    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(*args, **kwargs)
        credential = WebAuthnCredential.objects.get(
            pk=json.loads(response.content)["id"], user=self.request.user
        )
        passkey_registered(
            actor=self.request.user,  # type: ignore[arg-type]
            credential=credential,
            name=self.request.GET.get("name", "")[:NAME_MAX],
        )
        messages.success(
            self.request, _("The passkey was added. You can use it the next time you sign in.")
        )
        return response


class _AfterPassword:
    """A passkey stands in for the code, never for the password, and not while the code
    step is locked after wrong codes."""

    request: HttpRequest

    def check_can_authenticate(self) -> None:
        user: Any = self.request.user
        if not user.is_authenticated:
            raise exceptions.PasswordlessLoginDisabled()
        if not user.is_active or second_factor.is_locked(user):
            raise exceptions.UserDisabled()


@method_decorator(never_cache, name="dispatch")
class AuthenticateBegin(_AfterPassword, BeginCredentialAuthenticationView):
    pass


@method_decorator(never_cache, name="dispatch")
class AuthenticateComplete(_AfterPassword, CompleteCredentialAuthenticationView):
    def complete_auth(self, device: Any) -> Any:
        result = super().complete_auth(device)
        second_factor.clear_failures(self.request.user)
        return result

    def get_success_url(self) -> str:
        return self.get_redirect_url() or landing_url(self.request.user)


@never_cache
@staff_view(roles=ALL_STAFF_ROLES | {Role.FUNDER})
def passkeys(request: HttpRequest) -> HttpResponse:
    """The signed-in user's passkeys: list, add (with JavaScript), remove."""
    user: Any = request.user
    if request.method == "POST":
        try:
            pk = int(request.POST.get("remove", ""))
        except ValueError:
            raise Http404 from None
        if not passkey_remove(actor=user, pk=pk):
            raise Http404
        messages.success(request, _("The passkey was removed."))
        return HttpResponseRedirect(reverse("accounts:passkeys"))
    return render(
        request,
        "accounts/passkeys.html",
        {"passkeys": passkeys_of(user), "name_max": NAME_MAX},
    )
