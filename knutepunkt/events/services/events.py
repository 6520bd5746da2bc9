"""Creating, changing and cancelling events."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log, changed_fields
from knutepunkt.core.services import ensure_same_office
from knutepunkt.events import emails
from knutepunkt.events.caching import bump_calendar_version
from knutepunkt.events.models import Event, EventKind, EventQuestion, QuestionKind
from knutepunkt.events.services.access import check_can_manage
from knutepunkt.events.services.registrations import fill_places
from knutepunkt.events.services.sessions import (
    SessionInput,
    clean_sessions,
    session_span,
    store_sessions,
)

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.geo.models import Municipality
    from knutepunkt.network.models import ContactPoint, DistrictOffice, Partner

# Fields event_update may change (the rest are set once or derived).
EVENT_EDITABLE_FIELDS = frozenset(
    {
        "title",
        "slug",
        "kind",
        "description",
        "description_nn",
        "description_en",
        "target_group",
        "starts_at",
        "ends_at",
        "venue",
        "address",
        "municipality",
        "online",
        "office",
        "contact_point",
        "organiser_partner",
        "is_public",
        "capacity",
        "has_waiting_list",
        "needs_approval",
        "signup_opens_at",
        "signup_closes_at",
        "attended_count",
    }
)


# slugify() drops letters it cannot turn into ASCII; spell the Norwegian ones out.
_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title.translate(_NORWEGIAN_LETTERS))[:100] or "arrangement"
    slug, n = base, 1
    others = Event.objects.exclude(pk=exclude_pk) if exclude_pk else Event.objects.all()
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _check_references(event: Event, partners: list[Partner] | None) -> None:
    """Contact point and partners come from the event's own office's register."""
    ensure_same_office(event.office, [event.contact_point], "contact_point")
    ensure_same_office(event.office, [event.organiser_partner], "organiser_partner")
    ensure_same_office(event.office, partners or [], "partners")


def _ensure_starter_consent_question(event: Event) -> None:
    """A starter training always asks for consent to be registered as a starter: only
    those who agree become starters when attendance is recorded."""
    if event.kind != EventKind.STARTER_TRAINING:
        return
    if event.questions.filter(kind=QuestionKind.STARTER_CONSENT).exists():
        return
    EventQuestion.objects.create(
        event=event,
        text=str(QuestionKind.STARTER_CONSENT.label),
        kind=QuestionKind.STARTER_CONSENT,
        required=False,
        position=0,
    )


def event_create(
    *,
    actor: User | None,
    title: str,
    kind: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    office: DistrictOffice,
    slug: str = "",
    description: str = "",
    description_nn: str = "",
    description_en: str = "",
    target_group: str = "",
    venue: str = "",
    address: str = "",
    municipality: Municipality | None = None,
    online: bool = False,
    contact_point: ContactPoint | None = None,
    organiser_partner: Partner | None = None,
    partners: Iterable[Partner] = (),
    is_public: bool = True,
    capacity: int | None = None,
    has_waiting_list: bool = True,
    signup_opens_at: datetime.datetime | None = None,
    signup_closes_at: datetime.datetime | None = None,
    attended_count: int | None = None,
    needs_approval: bool = False,
    sessions: Sequence[SessionInput] | None = None,
) -> Event:
    """Create an event; the slug is made from the title when not given. A starter
    training gets its consent question automatically. ``sessions`` (two or more) make it
    an event over several dated sessions; its start and end then span them."""
    check_can_manage(actor, office, contact_point)
    ordered = clean_sessions(sessions) if sessions else []
    if ordered:
        starts_at, ends_at = session_span(ordered)
    event = Event(
        title=title,
        slug=slug or _unique_slug(title),
        kind=kind,
        description=description,
        description_nn=description_nn,
        description_en=description_en,
        target_group=target_group,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        address=address,
        municipality=municipality,
        online=online,
        office=office,
        contact_point=contact_point,
        organiser_partner=organiser_partner,
        is_public=is_public,
        capacity=capacity,
        has_waiting_list=has_waiting_list,
        signup_opens_at=signup_opens_at,
        signup_closes_at=signup_closes_at,
        attended_count=attended_count,
        needs_approval=needs_approval,
    )
    partner_list = list(partners)
    event.full_clean()
    _check_references(event, partner_list)
    with transaction.atomic():
        event.save()
        if partner_list:
            event.partners.set(partner_list)
        if len(ordered) > 1:
            store_sessions(event, ordered)
        _ensure_starter_consent_question(event)
        audit_log(
            actor=actor,
            action="events.event.created",
            target=event,
            data={
                "title": title,
                "kind": kind,
                "starts_at": starts_at,
                "public": is_public,
                "sessions": max(len(ordered), 1),
            },
        )
        transaction.on_commit(bump_calendar_version)
    return event


def event_update(
    *,
    event: Event,
    actor: User | None,
    partners: Iterable[Partner] | None = None,
    sessions: Sequence[SessionInput] | None = None,
    **changes: Any,
) -> Event:
    """Change an event. Raising the capacity moves people up from the waiting list.
    ``sessions``, when given, is the whole new list of sessions (one: an event without
    sessions of its own); the event's start and end follow them."""
    unknown = set(changes) - EVENT_EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"event_update cannot change: {', '.join(sorted(unknown))}")
    check_can_manage(actor, event.office, event.contact_point)
    ordered = clean_sessions(sessions) if sessions is not None else None
    if ordered:
        changes["starts_at"], changes["ends_at"] = session_span(ordered)
    changes = changed_fields(event, changes)
    if ordered is None and {"starts_at", "ends_at"} & set(changes) and event.sessions.exists():
        raise ValidationError(
            {"starts_at": _("This event has several sessions: change the times of the sessions.")}
        )
    for name, value in changes.items():
        setattr(event, name, value)
    if "office" in changes or "contact_point" in changes:
        check_can_manage(actor, event.office, event.contact_point)
    event.full_clean()
    partner_list = list(partners) if partners is not None else None
    _check_references(
        event, partner_list if partner_list is not None else list(event.partners.all())
    )
    with transaction.atomic():
        if changes:
            event.save(update_fields=list(changes))
        if partner_list is not None:
            event.partners.set(partner_list)
        if ordered is not None:
            store_sessions(event, ordered)
        if "kind" in changes:
            _ensure_starter_consent_question(event)
        audit_log(
            actor=actor,
            action="events.event.updated",
            target=event,
            data={
                "changed": sorted(changes)
                + (["partners"] if partner_list is not None else [])
                + (["sessions"] if ordered is not None else [])
            },
        )
        if {"capacity", "has_waiting_list"} & set(changes):
            locked = Event.objects.select_for_update().get(pk=event.pk)
            fill_places(locked, actor=actor)
        transaction.on_commit(bump_calendar_version)
    return event


def event_cancel(*, event: Event, actor: User | None, notify: bool = True) -> Event:
    """Cancel an event. It stays visible (as cancelled) and everyone signed up is told."""
    check_can_manage(actor, event.office, event.contact_point)
    if event.is_cancelled:
        return event
    with transaction.atomic():
        event.is_cancelled = True
        event.save(update_fields=["is_cancelled"])
        audit_log(actor=actor, action="events.event.cancelled", target=event)
        if notify:
            ids = list(event.registrations.active().values_list("pk", flat=True))
            if ids:
                emails.send_event_cancelled(ids)
        transaction.on_commit(bump_calendar_version)
    return event
