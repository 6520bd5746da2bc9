"""User accounts held under one e-mail address. Staff accounts are listed but not erased
here (they are closed through user management); other accounts (a funder's, or one
without a role) are deleted on request. ``knutepunkt.workflows.erasure`` calls these."""

from __future__ import annotations

from typing import Any

from knutepunkt.accounts.models import User
from knutepunkt.accounts.services import is_staff_account, user_erase
from knutepunkt.core.privacy import EMAIL, normalise_email


def find(kind: str, value: str) -> list[User]:
    if kind != EMAIL or not normalise_email(value):
        return []
    return list(User.objects.filter(email__iexact=normalise_email(value)).order_by("pk"))


def export(rows: list[User]) -> list[dict[str, Any]]:
    return [
        {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "role": user.role,
            "active": user.is_active,
            "joined_at": user.date_joined.isoformat(),
            "last_login_at": user.last_login.isoformat() if user.last_login else None,
            "staff_account": is_staff_account(user),
        }
        for user in rows
    ]


def describe(user: User) -> str:
    return f"{user.username} ({user.get_role_display() or '–'})"


def erasable(user: User) -> bool:
    return not is_staff_account(user)


def erase(rows: list[User], *, actor: Any) -> int:
    for user in rows:
        user_erase(actor=actor, user=user)
    return len(rows)
