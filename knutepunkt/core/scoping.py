"""Shared building blocks for the one-access-function-per-model habit.

Each scoped model's queryset has ``visible_to(user)``, written with :func:`office_scope`
so that the rule "head office sees all, district office staff see their office,
coordinators see their contact point, everyone else sees nothing" lives in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import QuerySet

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

Q_T = TypeVar("Q_T", bound=QuerySet[Any])


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
