"""Contact points and meeting places: from idea to established, and their planning groups."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from knutepunkt.core.audit import PERSONAL_FIELDS, audit_log
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
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointKind,
    ContactPointStatus,
    ContactPointStatusChange,
    DistrictOffice,
    Partner,
    PlanningGroupMember,
)

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

# Status is deliberately absent: it changes only through contact_point_set_status,
# which keeps the dated history.
CONTACT_POINT_FIELDS = frozenset(
    {
        "name",
        "slug",
        "kind",
        "office",
        "host",
        "municipality",
        "municipalities_served",
        "description_nb",
        "description_nn",
        "description_en",
        "email",
        "phone",
        "address",
        "website",
        "opening_hours",
        "next_step",
        "follow_up_on",
    }
)
# What a contact point's own coordinator may change: its public face. Status, planning
# group, next step and follow-up are the district office's pipeline work.
COORDINATOR_CONTACT_POINT_FIELDS = frozenset(
    {
        "description_nb",
        "description_nn",
        "description_en",
        "email",
        "phone",
        "address",
        "website",
        "opening_hours",
    }
)
PLANNING_GROUP_MEMBER_FIELDS = frozenset({"partner", "person_name", "role"})
# A contact point's name is not personal; its public e-mail and phone are still masked.
# Planning group entries are recorded against the contact point, so that a member's name
# never lands in the audit log's target column.
_CONTACT_POINT_PERSONAL = PERSONAL_FIELDS - {"name"}
_MEMBER_PERSONAL = PERSONAL_FIELDS | {"person_name"}


_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def _unique_slug(name: str) -> str:
    base = slugify(name.translate(_NORWEGIAN_LETTERS))[:90] or "contact-point"
    slug, n = base, 2
    while ContactPoint.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def contact_point_create(
    *,
    actor: User | None,
    name: str,
    municipality: Municipality | str,
    office: DistrictOffice | None = None,
    slug: str = "",
    kind: str = ContactPointKind.CONTACT_POINT,
    host: Partner | None = None,
    status: str = ContactPointStatus.IDEA,
    municipalities_served: Iterable[Municipality] = (),
    description_nb: str = "",
    description_nn: str = "",
    description_en: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    website: str = "",
    opening_hours: str = "",
    next_step: str = "",
    follow_up_on: datetime.date | None = None,
) -> ContactPoint:
    """Register a contact point or meeting place; its first status is dated in the history."""
    office = resolve_office(actor, office)
    ensure_same_office(office, [host], "host")
    contact_point = ContactPoint(
        name=name,
        slug=slug or _unique_slug(name),
        kind=kind,
        office=office,
        host=host,
        municipality=municipality_from(municipality),
        status=status,
        description_nb=description_nb,
        description_nn=description_nn,
        description_en=description_en,
        email=email,
        phone=phone,
        address=address,
        website=website,
        opening_hours=opening_hours,
        next_step=next_step,
        follow_up_on=follow_up_on,
    )
    contact_point.full_clean()
    with transaction.atomic():
        contact_point.save()
        contact_point.municipalities_served.set(list(municipalities_served))
        ContactPointStatusChange.objects.create(
            contact_point=contact_point,
            to_status=status,
            changed_on=timezone.localdate(),
            changed_by=actor,
        )
        audit_log(
            actor=actor,
            action="network.contact_point.created",
            target=contact_point,
            data={**snapshot(contact_point, CONTACT_POINT_FIELDS), "status": status},
            personal_fields=_CONTACT_POINT_PERSONAL,
        )
    return contact_point


# The ways to get in touch with a contact point; the public pages show them.
CONTACT_FIELDS = ("email", "phone", "address", "website")


def _reachable(contact_point: ContactPoint) -> bool:
    return any(str(getattr(contact_point, field) or "").strip() for field in CONTACT_FIELDS)


def _check_reachable(contact_point: ContactPoint, *, was_reachable: bool, strict: bool) -> None:
    """Refuse an update that leaves a contact point with no way to get in touch.

    A way in, once given, is never removed entirely; an established contact point (shown
    on the public pages) and its own coordinator's edits always need one. An idea
    registered without any may still be updated otherwise."""
    if _reachable(contact_point):
        return
    if was_reachable or strict or contact_point.status == ContactPointStatus.ESTABLISHED:
        raise ValidationError(
            _("Give at least one way to get in touch: e-mail, phone, address or website.")
        )


def _is_own_coordinator(actor: User | None, contact_point: ContactPoint) -> bool:
    return bool(
        actor is not None and actor.is_coordinator and actor.contact_point_id == contact_point.pk
    )


def contact_point_update(
    *, actor: User | None, contact_point: ContactPoint, data: Mapping[str, Any]
) -> ContactPoint:
    """Change a contact point's details (not its status: see contact_point_set_status).

    The contact point's own coordinator may change its public details
    (COORDINATOR_CONTACT_POINT_FIELDS); everything else is the district office's."""
    check_fields(data, CONTACT_POINT_FIELDS, "contact_point_update")
    if (
        not _is_own_coordinator(actor, contact_point)
        or set(data) - COORDINATOR_CONTACT_POINT_FIELDS
    ):
        ensure_office_access(actor, contact_point.office_id)
    prepared = dict(data)
    served = prepared.pop("municipalities_served", None)
    if "office" in prepared:
        prepared["office"] = resolve_office(actor, prepared["office"], current=contact_point.office)
    if "municipality" in prepared:
        prepared["municipality"] = municipality_from(prepared["municipality"])
    with transaction.atomic():
        was_reachable = _reachable(contact_point)
        changes = apply_changes(contact_point, prepared)
        ensure_same_office(contact_point.office, [contact_point.host], "host")
        if set(changes) & set(CONTACT_FIELDS):
            _check_reachable(
                contact_point,
                was_reachable=was_reachable,
                strict=_is_own_coordinator(actor, contact_point),
            )
        if changes:
            contact_point.full_clean()
            contact_point.save(update_fields=update_fields_for(contact_point, changes))
        served_pks = set_m2m(contact_point, "municipalities_served", served)
        if served_pks is not None:
            changes["municipalities_served"] = served_pks
        if changes:
            audit_log(
                actor=actor,
                action="network.contact_point.updated",
                target=contact_point,
                data=changes,
                personal_fields=_CONTACT_POINT_PERSONAL,
            )
    return contact_point


def contact_point_set_status(
    *,
    actor: User | None,
    contact_point: ContactPoint,
    status: str,
    on: datetime.date | None = None,
    note: str = "",
) -> ContactPointStatusChange | None:
    """Move a contact point along idea → planning → established (→ inactive), dated.

    Returns the new history row, or None when the status is already ``status``.
    """
    ensure_office_access(actor, contact_point.office_id)
    if status not in ContactPointStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    previous = contact_point.status
    if status == previous:
        return None
    change = ContactPointStatusChange(
        contact_point=contact_point,
        from_status=previous,
        to_status=status,
        changed_on=on or timezone.localdate(),
        changed_by=actor,
        note=note,
    )
    change.full_clean()
    with transaction.atomic():
        contact_point.status = status
        contact_point.save(update_fields=["status"])
        change.save()
        audit_log(
            actor=actor,
            action="network.contact_point.status_changed",
            target=contact_point,
            data={"from": previous, "to": status, "on": change.changed_on, "note": note},
        )
    return change


def _member_checks(member: PlanningGroupMember) -> None:
    if not member.partner_id and not member.person_name.strip():
        raise ValidationError(_("A planning group member needs a partner or a person's name."))
    ensure_same_office(member.contact_point.office, [member.partner], "partner")


def planning_group_member_add(
    *,
    actor: User | None,
    contact_point: ContactPoint,
    partner: Partner | None = None,
    person_name: str = "",
    role: str = "",
) -> PlanningGroupMember:
    """Add a member (a partner, a person, or a person from a partner) to the planning group."""
    ensure_office_access(actor, contact_point.office_id)
    member = PlanningGroupMember(
        contact_point=contact_point, partner=partner, person_name=person_name, role=role
    )
    _member_checks(member)
    member.full_clean()
    with transaction.atomic():
        member.save()
        audit_log(
            actor=actor,
            action="network.planning_group_member.added",
            target=contact_point,
            data={"member": member.pk, **snapshot(member, ("partner", "person_name", "role"))},
            personal_fields=_MEMBER_PERSONAL,
        )
    return member


def planning_group_member_update(
    *, actor: User | None, member: PlanningGroupMember, data: Mapping[str, Any]
) -> PlanningGroupMember:
    check_fields(data, PLANNING_GROUP_MEMBER_FIELDS, "planning_group_member_update")
    ensure_office_access(actor, member.contact_point.office_id)
    with transaction.atomic():
        changes = apply_changes(member, data)
        if changes:
            _member_checks(member)
            member.full_clean()
            member.save(update_fields=update_fields_for(member, changes))
            audit_log(
                actor=actor,
                action="network.planning_group_member.updated",
                target=member.contact_point,
                data={"member": member.pk, **changes},
                personal_fields=_MEMBER_PERSONAL,
            )
    return member


def planning_group_member_remove(*, actor: User | None, member: PlanningGroupMember) -> None:
    ensure_office_access(actor, member.contact_point.office_id)
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="network.planning_group_member.removed",
            target=member.contact_point,
            data={"member": member.pk},
        )
        member.delete()
