"""The district offices' activity log. The annual report's figures come from these rows."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from knutepunkt.core.audit import audit_log
from knutepunkt.core.services import (
    apply_changes,
    check_fields,
    ensure_office_access,
    ensure_same_office,
    resolve_office,
    set_m2m,
    snapshot,
    update_fields_for,
)
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.services import municipality_from
from knutepunkt.network.models import Partner

from .models import Activity, OfficeTask, PlanGoal

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.events.models import Event
    from knutepunkt.network.models import ContactPoint, DistrictOffice

ACTIVITY_FIELDS = frozenset(
    {
        "office",
        "date",
        "end_date",
        "kind",
        "title",
        "municipality",
        "partners",
        "participants",
        "people_reached",
        "office_tasks",
        "plan_goals",
        "notes",
        "event",
        "contact_point",
        "url",
    }
)
_M2M = {"partners": Partner, "office_tasks": OfficeTask, "plan_goals": PlanGoal}
# Activity texts describe the office's work, not people; "name" does not occur.
_NO_PERSONAL_FIELDS: frozenset[str] = frozenset()


def _counts_not_negative(values: Mapping[str, Any]) -> None:
    errors = {
        name: _("The number cannot be negative.")
        for name in ("participants", "people_reached")
        if values.get(name) is not None and values[name] < 0
    }
    if errors:
        raise ValidationError(errors)


def _resolve_many(name: str, values: Iterable[Any] | None) -> list[Any] | None:
    """Objects or pks → objects; an unknown pk is a validation error, not a half-save."""
    if values is None:
        return None
    model = _M2M[name]
    try:
        pks = [v.pk if isinstance(v, Model) else int(v) for v in values]
        found = {obj.pk: obj for obj in model._default_manager.filter(pk__in=pks)}
    except (TypeError, ValueError) as exc:
        raise ValidationError({name: _("Choose valid entries.")}) from exc
    missing = [pk for pk in pks if pk not in found]
    if missing:
        raise ValidationError(
            {name: _("Unknown entries: %(ids)s.") % {"ids": ", ".join(map(str, missing))}}
        )
    return [found[pk] for pk in pks]


def _check_references(activity: Activity, partners: list[Partner] | None) -> None:
    ensure_same_office(activity.office, partners or [], "partners")
    ensure_same_office(activity.office, [activity.contact_point], "contact_point")
    ensure_same_office(activity.office, [activity.event], "event")


def activity_create(
    *,
    actor: User | None,
    date: datetime.date,
    kind: str,
    title: str,
    office: DistrictOffice | None = None,
    end_date: datetime.date | None = None,
    municipality: Municipality | str | None = None,
    partners: Iterable[Partner | int] = (),
    participants: int | None = None,
    people_reached: int | None = None,
    office_tasks: Iterable[OfficeTask | int] = (),
    plan_goals: Iterable[PlanGoal | int] = (),
    notes: str = "",
    event: Event | None = None,
    contact_point: ContactPoint | None = None,
    url: str = "",
) -> Activity:
    """Log an activity for an office, with the partners, tasks and plan goals it served.

    Everything is checked before anything is written: an unknown partner, task or goal
    leaves no activity behind.
    """
    _counts_not_negative({"participants": participants, "people_reached": people_reached})
    activity = Activity(
        office=resolve_office(actor, office),
        date=date,
        end_date=end_date,
        kind=kind,
        title=title,
        municipality=municipality_from(municipality),
        participants=participants,
        people_reached=people_reached,
        notes=notes,
        event=event,
        contact_point=contact_point,
        url=url,
        created_by=actor,
    )
    related = {
        "partners": _resolve_many("partners", partners),
        "office_tasks": _resolve_many("office_tasks", office_tasks),
        "plan_goals": _resolve_many("plan_goals", plan_goals),
    }
    _check_references(activity, related["partners"])
    activity.full_clean()
    with transaction.atomic():
        activity.save()
        for name, values in related.items():
            getattr(activity, name).set(values or [])
        audit_log(
            actor=actor,
            action="activity.activity.created",
            target=activity,
            data=snapshot(activity, ACTIVITY_FIELDS),
            personal_fields=_NO_PERSONAL_FIELDS,
        )
    return activity


def activity_update(*, actor: User | None, activity: Activity, data: Mapping[str, Any]) -> Activity:
    """Change a logged activity; only head office may move it to another office."""
    check_fields(data, ACTIVITY_FIELDS, "activity_update")
    ensure_office_access(actor, activity.office_id)
    prepared = dict(data)
    _counts_not_negative(prepared)
    related = {name: _resolve_many(name, prepared.pop(name)) for name in _M2M if name in prepared}
    if "office" in prepared:
        prepared["office"] = resolve_office(actor, prepared["office"], current=activity.office)
    if "municipality" in prepared:
        prepared["municipality"] = municipality_from(prepared["municipality"])
    with transaction.atomic():
        changes = apply_changes(activity, prepared)
        partners = related.get("partners")
        if partners is None and "office" in changes:
            partners = list(activity.partners.all())
        _check_references(activity, partners)
        if changes:
            activity.full_clean()
            activity.save(update_fields=update_fields_for(activity, changes))
        for name, values in related.items():
            pks = set_m2m(activity, name, values)
            if pks is not None:
                changes[name] = pks
        if changes:
            audit_log(
                actor=actor,
                action="activity.activity.updated",
                target=activity,
                data=changes,
                personal_fields=_NO_PERSONAL_FIELDS,
            )
    return activity


def activity_delete(*, actor: User | None, activity: Activity) -> None:
    ensure_office_access(actor, activity.office_id)
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="activity.activity.deleted",
            target=activity,
            data={"date": activity.date, "title": activity.title},
            personal_fields=_NO_PERSONAL_FIELDS,
        )
        activity.delete()
