"""Topics and self-help groups. Groups are closed and confidential: nothing here ever
takes or stores who is in a group."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.core.audit import audit_log
from knutepunkt.core.services import (
    apply_changes,
    check_fields,
    delete_or_explain,
    ensure_head_office,
    ensure_same_office,
    resolve_office,
    snapshot,
    update_and_audit,
    update_fields_for,
)
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.services import municipality_from
from knutepunkt.groups.models import (
    GroupFormat,
    GroupStatus,
    GroupStatusChange,
    GroupTarget,
    SelfHelpGroup,
    Topic,
)

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.network.models import ContactPoint, DistrictOffice
    from knutepunkt.starters.models import Starter

TOPIC_FIELDS = frozenset({"slug", "name_nb", "name_nn", "name_en", "synonyms"})
# Status is absent: it changes only through group_set_status, which keeps the history.
GROUP_FIELDS = frozenset(
    {
        "topic",
        "title",
        "office",
        "contact_point",
        "municipality",
        "format",
        "target",
        "description_nb",
        "description_nn",
        "description_en",
        "meeting_time",
        "meeting_weekday",
        "meeting_starts",
        "meeting_ends",
        "started_on",
        "ended_on",
        "starter",
    }
)
# Topic and group texts are not personal data; the "name" of a topic is recorded in clear.
_NO_PERSONAL_FIELDS: frozenset[str] = frozenset()
_RUNNING = {GroupStatus.OPEN, GroupStatus.CLOSED}


def topic_create(
    *,
    actor: User | None,
    slug: str,
    name_nb: str,
    name_en: str,
    name_nn: str = "",
    synonyms: str = "",
) -> Topic:
    """Add a topic (head office keeps the national list)."""
    ensure_head_office(actor)
    topic = Topic(slug=slug, name_nb=name_nb, name_nn=name_nn, name_en=name_en, synonyms=synonyms)
    topic.full_clean()
    with transaction.atomic():
        topic.save()
        audit_log(
            actor=actor,
            action="groups.topic.created",
            target=topic,
            data=snapshot(topic, TOPIC_FIELDS),
            personal_fields=_NO_PERSONAL_FIELDS,
        )
    return topic


def topic_update(*, actor: User | None, topic: Topic, data: Mapping[str, Any]) -> Topic:
    ensure_head_office(actor)
    check_fields(data, TOPIC_FIELDS, "topic_update")
    update_and_audit(
        topic,
        data,
        actor=actor,
        action="groups.topic.updated",
        personal_fields=_NO_PERSONAL_FIELDS,
    )
    return topic


def ensure_group_access(actor: User | None, group: SelfHelpGroup) -> None:
    """Head office, the group's office, or the coordinator of the group's contact point."""
    if actor is None or actor.is_head_office:
        return
    if actor.is_office_staff and actor.office_id == group.office_id:
        return
    if (
        actor.is_coordinator
        and group.contact_point_id is not None
        and actor.contact_point_id == group.contact_point_id
    ):
        return
    raise PermissionDenied(_("You may not change this group."))


def _placement(
    actor: User | None,
    office: DistrictOffice | None,
    contact_point: ContactPoint | None,
    current: SelfHelpGroup | None = None,
) -> tuple[DistrictOffice, ContactPoint | None]:
    """Where a group belongs. A coordinator's groups are always at their contact point."""
    if actor is not None and actor.is_coordinator:
        own = actor.contact_point
        assert own is not None  # is_coordinator guarantees it
        if contact_point is not None and contact_point.pk != own.pk:
            raise PermissionDenied(_("You can only place groups at your own contact point."))
        if office is not None and office.pk != own.office_id:
            raise PermissionDenied(_("You cannot put a record in another district office."))
        return own.office, own
    if office is None and contact_point is not None and (actor is None or actor.is_head_office):
        office = contact_point.office
    chosen = resolve_office(actor, office, current=current.office if current else None)
    return chosen, contact_point


def group_create(
    *,
    actor: User | None,
    topic: Topic,
    office: DistrictOffice | None = None,
    contact_point: ContactPoint | None = None,
    municipality: Municipality | str | None = None,
    format: str = GroupFormat.IN_PERSON,
    target: str = GroupTarget.AFFECTED,
    status: str = GroupStatus.FORMING,
    title: str = "",
    description_nb: str = "",
    description_nn: str = "",
    description_en: str = "",
    meeting_time: str = "",
    meeting_weekday: int | None = None,
    meeting_starts: datetime.time | None = None,
    meeting_ends: datetime.time | None = None,
    started_on: datetime.date | None = None,
    ended_on: datetime.date | None = None,
    starter: Starter | None = None,
) -> SelfHelpGroup:
    """Register a group (its existence only); the first status is dated in the history."""
    office, contact_point = _placement(actor, office, contact_point)
    ensure_same_office(office, [contact_point], "contact_point")
    ensure_same_office(office, [starter], "starter")
    group = SelfHelpGroup(
        topic=topic,
        office=office,
        contact_point=contact_point,
        municipality=municipality_from(municipality),
        format=format,
        target=target,
        status=status,
        title=title,
        description_nb=description_nb,
        description_nn=description_nn,
        description_en=description_en,
        meeting_time=meeting_time,
        meeting_weekday=meeting_weekday,
        meeting_starts=meeting_starts,
        meeting_ends=meeting_ends,
        started_on=started_on,
        ended_on=ended_on,
        starter=starter,
    )
    group.full_clean()
    with transaction.atomic():
        group.save()
        GroupStatusChange.objects.create(
            group=group, to_status=status, changed_on=timezone.localdate(), changed_by=actor
        )
        audit_log(
            actor=actor,
            action="groups.group.created",
            target=group,
            data={**snapshot(group, GROUP_FIELDS), "status": status},
            personal_fields=_NO_PERSONAL_FIELDS,
        )
    return group


def group_update(
    *, actor: User | None, group: SelfHelpGroup, data: Mapping[str, Any]
) -> SelfHelpGroup:
    """Change a group's details (not its status: see group_set_status)."""
    check_fields(data, GROUP_FIELDS, "group_update")
    ensure_group_access(actor, group)
    prepared = dict(data)
    if "office" in prepared or "contact_point" in prepared:
        office, contact_point = _placement(
            actor,
            prepared.get("office", group.office),
            prepared.get("contact_point", group.contact_point),
            current=group,
        )
        prepared["office"], prepared["contact_point"] = office, contact_point
    if "municipality" in prepared:
        prepared["municipality"] = municipality_from(prepared["municipality"])
    with transaction.atomic():
        changes = apply_changes(group, prepared)
        ensure_same_office(group.office, [group.contact_point], "contact_point")
        ensure_same_office(group.office, [group.starter], "starter")
        if changes:
            group.full_clean()
            group.save(update_fields=update_fields_for(group, changes))
            audit_log(
                actor=actor,
                action="groups.group.updated",
                target=group,
                data=changes,
                personal_fields=_NO_PERSONAL_FIELDS,
            )
    return group


def group_set_status(
    *,
    actor: User | None,
    group: SelfHelpGroup,
    status: str,
    on: datetime.date | None = None,
) -> GroupStatusChange | None:
    """Forming → running (open or closed) → ended, dated. A group that starts running gets
    its start date, an ended group its end date, unless they are already set."""
    ensure_group_access(actor, group)
    if status not in GroupStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    previous = group.status
    if status == previous:
        return None
    day = on or timezone.localdate()
    update_fields = ["status"]
    group.status = status
    if status in _RUNNING and group.started_on is None:
        group.started_on = day
        update_fields.append("started_on")
    if status == GroupStatus.ENDED and group.ended_on is None:
        group.ended_on = day
        update_fields.append("ended_on")
    try:
        group.full_clean()
    except ValidationError:
        group.refresh_from_db(fields=update_fields)
        raise
    with transaction.atomic():
        group.save(update_fields=update_fields)
        change = GroupStatusChange.objects.create(
            group=group, from_status=previous, to_status=status, changed_on=day, changed_by=actor
        )
        audit_log(
            actor=actor,
            action="groups.group.status_changed",
            target=group,
            data={"from": previous, "to": status, "on": day},
        )
    return change


def group_delete(*, actor: User | None, group: SelfHelpGroup) -> None:
    """Remove a group registered by mistake (an ended group is kept: set it to ended)."""
    ensure_group_access(actor, group)
    with transaction.atomic():
        audit_log(actor=actor, action="groups.group.deleted", target=group)
        delete_or_explain(group)
