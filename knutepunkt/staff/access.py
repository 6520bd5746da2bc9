"""The staff workspace's front door: who may open a staff page.

Every staff view is wrapped in :func:`staff_view`, which demands a signed-in user with a
verified second factor and a role the view allows. The allowed roles are stored on the view
(``view.staff_roles``) so tests can list every staff URL from the resolver and check each
role against it. Roles are the ``Role`` choices of the accounts app, as
:func:`knutepunkt.accounts.roles.role_of` reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from knutepunkt.accounts.models import Role
from knutepunkt.accounts.roles import ALL_STAFF_ROLES, OFFICE_ROLES, role_of

__all__ = ["ALL_STAFF_ROLES", "OFFICE_ROLES", "is_verified", "staff_view"]


def is_verified(user: Any) -> bool:
    """True when the session passed the second factor (django-otp)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def _redirect_with_next(url_name: str, request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(
        f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}"
    )


def staff_view(
    view: Callable[..., HttpResponse] | None = None,
    *,
    roles: Iterable[Role] = ALL_STAFF_ROLES,
) -> Any:
    """Require sign-in, a verified second factor and one of ``roles``.

    Anonymous → the sign-in page; signed in without the second factor → the code page;
    a role the view does not allow → 403. Responses are never cached (they may hold
    personal data).
    """
    allowed = frozenset(roles)

    def decorator(func: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(func)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return _redirect_with_next("accounts:login", request)
            if not is_verified(user):
                return _redirect_with_next("accounts:verify", request)
            if role_of(user) not in allowed:
                raise PermissionDenied
            response = func(request, *args, **kwargs)
            response["Cache-Control"] = "no-store"
            return response

        wrapper.staff_roles = allowed  # type: ignore[attr-defined]
        return wrapper

    if view is not None:
        return decorator(view)
    return decorator
