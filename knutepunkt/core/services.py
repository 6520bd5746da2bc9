"""Building blocks shared by every app's services: who may write where, and how an
update is applied and recorded.

The rules, in one place:

* ``actor=None`` is the system (management commands, data loading): it may do anything.
* Head office may write everywhere and choose the district office of a record.
* District office staff write only in their own office; a record they create belongs to
  their office, and they can never move one into another office.
* Everyone else writes nothing unless a service says otherwise (coordinators and their
  contact point's groups, in ``groups.services``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from knutepunkt.core.audit import PERSONAL_FIELDS, audit_log

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.network.models import DistrictOffice


def is_system(actor: User | None) -> bool:
    return actor is None


def ensure_head_office(actor: User | None) -> None:
    """Only head office (or the system) may do this."""
    if actor is None or actor.is_head_office:
        return
    raise PermissionDenied(_("Only head office may do this."))


def ensure_office_access(actor: User | None, office: DistrictOffice | int | None) -> None:
    """The actor may write records that belong to ``office``."""
    if actor is None or actor.is_head_office:
        return
    office_id = office if isinstance(office, int) or office is None else office.pk
    if actor.is_office_staff and office_id is not None and actor.office_id == office_id:
        return
    raise PermissionDenied(_("You may only change your own district office's records."))


def resolve_office(
    actor: User | None, office: DistrictOffice | None, *, current: DistrictOffice | None = None
) -> DistrictOffice:
    """The office a new or moved record belongs to.

    Office staff always get their own office: passing another office is refused, never
    silently corrected. Head office (and the system) must choose one.
    """
    if actor is not None and not actor.is_head_office:
        if not actor.is_office_staff or actor.office is None:
            raise PermissionDenied(_("You may not create or move records of a district office."))
        if office is not None and office.pk != actor.office_id:
            raise PermissionDenied(_("You cannot put a record in another district office."))
        return actor.office
    chosen = office or current
    if chosen is None:
        raise ValidationError({"office": _("Choose a district office.")})
    return chosen


def ensure_same_office(
    office: DistrictOffice, related: Iterable[models.Model | None], field: str
) -> None:
    """References to office-owned records (partners, contact points) stay in one office."""
    for obj in related:
        if obj is None:
            continue
        if getattr(obj, "office_id", office.pk) != office.pk:
            raise ValidationError(
                {field: _("“%(name)s” belongs to another district office.") % {"name": str(obj)}}
            )


def check_fields(data: Mapping[str, Any], allowed: Iterable[str], service: str) -> None:
    """Callers pass only the fields a service knows; anything else is a programming error."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"{service}() got unexpected fields: {', '.join(sorted(unknown))}")


def apply_changes(instance: models.Model, data: Mapping[str, Any]) -> dict[str, Any]:
    """Set the fields of ``data`` that differ on ``instance``; return {field: new value}."""
    changes: dict[str, Any] = {}
    for name, value in data.items():
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        current = getattr(instance, attname)
        new = value.pk if isinstance(value, models.Model) else value
        if current != new:
            setattr(instance, name, value)
            changes[name] = value
    return changes


def update_fields_for(instance: models.Model, changes: Mapping[str, Any]) -> list[str]:
    return [instance._meta.get_field(name).name for name in changes]


def update_and_audit(
    instance: models.Model,
    data: Mapping[str, Any],
    *,
    actor: User | None,
    action: str,
    personal_fields: frozenset[str] | None = None,
) -> dict[str, Any]:
    """The common update: apply ``data``, validate, save only the changed fields and record
    the change in the audit log, all in one transaction. Returns the changes (empty when
    nothing differed, and then nothing is saved or logged)."""
    with transaction.atomic():
        changes = apply_changes(instance, data)
        if changes:
            instance.full_clean()
            instance.save(update_fields=update_fields_for(instance, changes))
            audit_log(
                actor=actor,
                action=action,
                target=instance,
                data=changes,
                personal_fields=PERSONAL_FIELDS if personal_fields is None else personal_fields,
            )
    return changes


def set_m2m(
    instance: models.Model, name: str, values: Iterable[models.Model] | None
) -> list[Any] | None:
    """Replace a many-to-many relation; return the new pks when it changed, else None."""
    if values is None:
        return None
    manager = getattr(instance, name)
    new = sorted(obj.pk for obj in values)
    old = sorted(manager.values_list("pk", flat=True))
    if new == old:
        return None
    manager.set(new)
    return new


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields' current values, for a ``created`` audit entry (FKs as pks)."""
    values: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            if instance.pk is not None:
                values[name] = sorted(getattr(instance, name).values_list("pk", flat=True))
            continue
        values[name] = getattr(instance, getattr(field, "attname", name))
    return values


def delete_or_explain(instance: models.Model) -> None:
    """Delete, turning "still in use" into a clear validation error."""
    try:
        instance.delete()
    except models.ProtectedError as exc:
        used_by = sorted({str(obj._meta.verbose_name) for obj in exc.protected_objects})
        raise ValidationError(
            _("“%(name)s” is still in use (%(used_by)s) and cannot be deleted.")
            % {"name": str(instance), "used_by": ", ".join(used_by)},
            code="protected",
        ) from exc
