"""Shared building blocks for the one-access-function-per-model habit.

Each scoped model's queryset has ``visible_to(user)``, written with :func:`office_scope`
so that the rule "head office sees all, district office staff see their office,
coordinators see their contact point, everyone else sees nothing" lives in one place.

Each scoped model also has exactly one access function, ``get_<thing>_for_user(user,
pk_or_slug)``, in ``<domain>/access.py`` beside the queryset (``access.py`` because the
queryset module cannot import the models that import it). Views, the admin and services
fetch one object through it, never with ``objects.get(pk=...)``; it answers with
:func:`one_or_404`, so an object outside the user's scope and one that does not exist
look the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

Q_T = TypeVar("Q_T", bound=QuerySet[Any])
M_T = TypeVar("M_T", bound=Model)


def office_scope(
    queryset: Q_T,
    user: User | Any,
    *,
    office_field: str | None = "office",
    contact_point_field: str | None = None,
) -> Q_T:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.is_head_office:
        return queryset
    if user.is_office_staff and office_field is not None:
        return queryset.filter(**{office_field: user.office_id})
    if user.is_coordinator and contact_point_field is not None:
        return queryset.filter(**{contact_point_field: user.contact_point_id})
    return queryset.none()


def one_or_404(queryset: QuerySet[M_T], *, message: str = "", **lookup: Any) -> M_T:
    """The row of ``queryset`` (already narrowed with ``visible_to``) that ``lookup``
    names, or :class:`~django.http.Http404` when there is none."""
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404(message)
    return found
