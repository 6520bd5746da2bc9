"""Signing in (password, then the code from the authenticator app) and signing out."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login

from knutepunkt.staff.access import is_verified
from knutepunkt.staff.accounts import second_factor
from knutepunkt.staff.accounts.forms import CodeForm, LoginForm
from knutepunkt.staff.accounts.views.common import redirect_with_next, requested_next
from knutepunkt.staff.navigation import landing_url


def _after_password(user: Any, next_url: str) -> HttpResponseRedirect:
    if second_factor.has_confirmed_device(user):
        return redirect_with_next("accounts:verify", next_url)
    return redirect_with_next("accounts:totp_setup", next_url)


@never_cache
@sensitive_post_parameters("password")
def login(request: HttpRequest) -> HttpResponse:
    """Step one: user name and password (django-axes counts the failures)."""
    next_url = requested_next(request)
    user: Any = request.user
    if request.method != "POST" and user.is_authenticated and is_verified(user):
        return HttpResponseRedirect(next_url or landing_url(user))
    form = LoginForm(request.POST or None, initial={"next": next_url})
    if request.method == "POST" and form.is_valid():
        signed_in = authenticate(
            request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        if signed_in is None:
            form.add_error(None, _("The user name or the password is wrong."))
        else:
            auth_login(request, signed_in)
            # The password alone never counts as the second factor.
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            return _after_password(signed_in, next_url)
    return render(request, "accounts/login.html", {"form": form})


@never_cache
@sensitive_post_parameters("code")
def verify(request: HttpRequest) -> HttpResponse:
    """Step two: the six-digit code, or a backup code."""
    next_url = requested_next(request)
    user: Any = request.user
    if not user.is_authenticated:
        return redirect_with_next("accounts:login", next_url)
    if is_verified(user):
        return HttpResponseRedirect(next_url or landing_url(user))
    if not second_factor.has_confirmed_device(user):
        return redirect_with_next("accounts:totp_setup", next_url)
    if second_factor.is_locked(user):
        auth_logout(request)
        return locked_out_page(request)
    backup = (request.POST.get("backup") or request.GET.get("backup")) == "1"
    form = CodeForm(request.POST or None, backup=backup, initial={"next": next_url})
    if request.method == "POST" and form.is_valid():
        result = second_factor.check_code(user, form.cleaned_data["code"], backup=backup)
        if result.device is not None:
            second_factor.clear_failures(user)
            otp_login(request, result.device)
            if backup:
                messages.warning(
                    request,
                    _("You used a backup code. It cannot be used again."),
                )
            return HttpResponseRedirect(next_url or landing_url(user))
        if result.throttled:
            form.add_error("code", _("Wait a few seconds, then try again."))
        else:
            if second_factor.record_failure(request, user) >= settings.AXES_FAILURE_LIMIT:
                auth_logout(request)
                return locked_out_page(request)
            form.add_error("code", _("The code is wrong or has expired. Try the newest code."))
    context = {
        "form": form,
        "backup": backup,
        "next": next_url,
        "has_passkey": second_factor.has_passkey(user),
    }
    return render(request, "accounts/verify.html", context)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    """Sign out (POST only, so a link or an image cannot sign anyone out)."""
    auth_logout(request)
    messages.success(request, _("You are signed out."))
    return HttpResponseRedirect(resolve_url(settings.LOGOUT_REDIRECT_URL))


def locked_out_page(request: HttpRequest) -> HttpResponse:
    cool_off = second_factor.cool_off()
    minutes = max(1, round(cool_off.total_seconds() / 60))
    response = render(
        request,
        "accounts/locked_out.html",
        {"retry_at": timezone.localtime(timezone.now() + cool_off), "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' AXES_LOCKOUT_CALLABLE: the friendly 429 page."""
    return locked_out_page(request)
