"""The audit log: every service function that writes calls :func:`audit_log`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db import models

from knutepunkt.core.bulk import insert_instances
from knutepunkt.core.models import AuditEntry

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

# Field names whose values are personal data: they are recorded as changed, never by value.
PERSONAL_FIELDS = frozenset(
    {"name", "email", "phone", "first_name", "last_name", "alias", "contact", "password"}
)
MASK = "***"


def mask_personal(data: Mapping[str, Any], personal: frozenset[str] = PERSONAL_FIELDS) -> dict:
    masked: dict[str, Any] = {}
    for key, value in data.items():
        if key in personal and value not in (None, ""):
            masked[key] = MASK
        elif isinstance(value, Mapping):
            masked[key] = mask_personal(value, personal)
        else:
            masked[key] = _jsonable(value)
    return masked


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, models.Model):
        return value.pk
    return str(value)


def audit_entry(
    *,
    actor: User | None,
    action: str,
    target: models.Model | None = None,
    data: Mapping[str, Any] | None = None,
    office: Any = None,
    personal_fields: frozenset[str] = PERSONAL_FIELDS,
    target_repr: str | None = None,
) -> AuditEntry:
    """The entry :func:`audit_log` writes, unsaved: for writes in bulk, which save many
    with :func:`audit_log_many` (the same content, one insert)."""
    # Ids, not instances: cheaper by far when thousands are built, and ``actor`` is often
    # the request's lazy user.
    entry = AuditEntry(
        actor_id=actor.pk if (actor is not None and actor.is_authenticated) else None,
        action=action,
        data=mask_personal(data or {}, personal_fields),
    )
    if target is not None:
        entry.target_type = target._meta.label_lower
        entry.target_id = str(target.pk)
        entry.target_repr = (str(target) if target_repr is None else target_repr)[:255]
        if office is None:
            office = getattr(target, "office", None)
    entry.office_id = office.pk if isinstance(office, models.Model) else office
    return entry


def audit_log(
    *,
    actor: User | None,
    action: str,
    target: models.Model | None = None,
    data: Mapping[str, Any] | None = None,
    office: Any = None,
    personal_fields: frozenset[str] = PERSONAL_FIELDS,
    target_repr: str | None = None,
) -> AuditEntry:
    """Record one write. ``action`` is a dotted code such as ``network.partner.created``.

    ``target_repr`` replaces ``str(target)`` when that would be a person's name.
    """
    entry = audit_entry(
        actor=actor,
        action=action,
        target=target,
        data=data,
        office=office,
        personal_fields=personal_fields,
        target_repr=target_repr,
    )
    entry.save()
    return entry


def audit_log_many(entries: Iterable[AuditEntry]) -> None:
    """Save entries built by :func:`audit_entry` in bulk (an import of thousands of rows);
    their pks are not read back."""
    insert_instances(list(entries))


def changed_fields(instance: models.Model, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The subset of ``fields`` whose value differs from the instance's current value."""
    return {name: value for name, value in fields.items() if getattr(instance, name) != value}
