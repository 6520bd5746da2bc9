"""Writes to information pages. The admin and any script call these, never ``save()``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from knutepunkt.core.audit import audit_log, changed_fields
from knutepunkt.pages.models import InfoPage

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

EDITABLE_FIELDS = frozenset(
    {
        "slug",
        "title_nb",
        "title_nn",
        "title_en",
        "summary_nb",
        "summary_nn",
        "summary_en",
        "body_nb",
        "body_nn",
        "body_en",
        "menu_order",
        "is_published",
    }
)


def _require_head_office(actor: User | None) -> None:
    # actor None is the system (data migrations, management commands).
    if actor is not None and not actor.is_head_office:
        raise PermissionDenied("Only head office edits information pages.")


def info_page_create(*, actor: User | None, **fields: Any) -> InfoPage:
    """Create an information page (head office only)."""
    _require_head_office(actor)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    page = InfoPage(**fields)
    page.full_clean()
    with transaction.atomic():
        page.save()
        audit_log(
            actor=actor,
            action="pages.info_page.created",
            target=page,
            data={"slug": page.slug, "is_published": page.is_published},
        )
    return page


def info_page_update(*, page: InfoPage, actor: User | None, **fields: Any) -> InfoPage:
    """Change an information page's text, order or published state (head office only).

    Only the fields that really changed are saved and recorded in the audit log (their
    names, not the text itself)."""
    _require_head_office(actor)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    changes = changed_fields(page, fields)
    if not changes:
        return page
    for name, value in changes.items():
        setattr(page, name, value)
    page.full_clean()
    with transaction.atomic():
        page.save(update_fields=[*changes, "updated_at"])
        data: dict[str, Any] = {"changed": sorted(changes)}
        if "is_published" in changes:
            data["is_published"] = page.is_published
        audit_log(actor=actor, action="pages.info_page.updated", target=page, data=data)
    return page
