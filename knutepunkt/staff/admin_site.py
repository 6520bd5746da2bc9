"""The Django admin behind the same front door as the staff workspace.

Only an active staff user whose session passed the second factor gets in; everyone else
is sent to the staff sign-in (or straight to the code step) and comes back afterwards.
Installed through :class:`KnutepunktAdminConfig` (``INSTALLED_APPS``), so every
``admin.site.register`` in the project uses this site.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def _verified(user: Any) -> bool:
    check = getattr(user, "is_verified", None)
    return bool(check and check())


class KnutepunktAdminSite(AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        user: Any = request.user
        return bool(user.is_active and user.is_staff and _verified(user))

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        """No separate admin sign-in: hand over to the staff sign-in with ``next``."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.name)
        user: Any = request.user
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)
        if user.is_authenticated and user.is_active and user.is_staff:
            step = "accounts:verify"
        elif user.is_authenticated:
            # Signed in, but not someone the admin is for (a funder).
            raise PermissionDenied
        else:
            step = "accounts:login"
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': next_url})}")


class KnutepunktAdminConfig(AdminConfig):
    default_site = "knutepunkt.staff.admin_site.KnutepunktAdminSite"
