"""Every write to events and registrations goes through these functions.

Views, the admin and management commands call them; none of them saves a model itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log, changed_fields

from . import emails
from .caching import bump_calendar_version
from .models import Event, Registration, RegistrationStatus

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
        "signup_opens_at",
        "signup_closes_at",
        "attended_count",
    }
)


# --- Events --------------------------------------------------------------------------------


def _check_can_manage(
    actor: User | None, office: DistrictOffice, contact_point: ContactPoint | None
) -> None:
    """The organiser may write: head office, the office's staff, or the contact point's
    coordinator for its own events. ``None`` is the system (commands, data loading)."""
    if actor is None or actor.is_head_office:
        return
    if actor.is_office_staff and actor.office_id == office.pk:
        return
    if (
        actor.is_coordinator
        and contact_point is not None
        and actor.contact_point_id == contact_point.pk
        and contact_point.office_id == office.pk
    ):
        return
    raise PermissionDenied(_("You may not manage events for this organiser."))


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
) -> Event:
    """Create an event; the slug is made from the title when not given."""
    _check_can_manage(actor, office, contact_point)
    event = Event(
        title=title,
        slug=slug or _unique_slug(title),
        kind=kind,
        description=description,
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
    )
    event.full_clean()
    with transaction.atomic():
        event.save()
        partner_list = list(partners)
        if partner_list:
            event.partners.set(partner_list)
        audit_log(
            actor=actor,
            action="events.event.created",
            target=event,
            data={"title": title, "kind": kind, "starts_at": starts_at, "public": is_public},
        )
        transaction.on_commit(bump_calendar_version)
    return event


def event_update(
    *,
    event: Event,
    actor: User | None,
    partners: Iterable[Partner] | None = None,
    **changes: Any,
) -> Event:
    """Change an event. Raising the capacity moves people up from the waiting list."""
    unknown = set(changes) - EVENT_EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"event_update cannot change: {', '.join(sorted(unknown))}")
    _check_can_manage(actor, event.office, event.contact_point)
    changes = changed_fields(event, changes)
    for name, value in changes.items():
        setattr(event, name, value)
    if "office" in changes or "contact_point" in changes:
        _check_can_manage(actor, event.office, event.contact_point)
    event.full_clean()
    with transaction.atomic():
        if changes:
            event.save(update_fields=list(changes))
        partner_list = list(partners) if partners is not None else None
        if partner_list is not None:
            event.partners.set(partner_list)
        audit_log(
            actor=actor,
            action="events.event.updated",
            target=event,
            data={"changed": sorted(changes) + (["partners"] if partner_list is not None else [])},
        )
        if {"capacity", "has_waiting_list"} & set(changes):
            locked = Event.objects.select_for_update().get(pk=event.pk)
            _fill_places(locked, actor=actor)
        transaction.on_commit(bump_calendar_version)
    return event


def event_cancel(*, event: Event, actor: User | None, notify: bool = True) -> Event:
    """Cancel an event. It stays visible (as cancelled) and everyone signed up is told."""
    _check_can_manage(actor, event.office, event.contact_point)
    if event.is_cancelled:
        return event
    with transaction.atomic():
        event.is_cancelled = True
        event.save(update_fields=["is_cancelled"])
        audit_log(actor=actor, action="events.event.cancelled", target=event)
        if notify:
            ids = list(event.registrations.active().values_list("pk", flat=True))
            if ids:
                transaction.on_commit(partial(emails.send_event_cancelled, ids))
        transaction.on_commit(bump_calendar_version)
    return event


# --- Registrations -------------------------------------------------------------------------


def _check_open_for_signup(event: Event, now: datetime.datetime) -> None:
    if not event.is_public:
        raise ValidationError(_("This event does not take sign-ups."), code="not_public")
    if event.is_cancelled:
        raise ValidationError(_("This event has been cancelled."), code="cancelled")
    if event.ends_at <= now:
        raise ValidationError(_("This event is over."), code="past")
    if event.signup_opens_at and now < event.signup_opens_at:
        raise ValidationError(_("Sign-up has not opened yet."), code="not_open")
    closes_at = event.signup_closes_at or event.starts_at
    if now >= closes_at:
        raise ValidationError(_("Sign-up for this event has closed."), code="closed")


def _language(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    language = language.split("-")[0].lower()
    return language if language in codes else settings.LANGUAGE_CODE


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    phone: str = "",
    language: str | None = None,
    actor: User | None = None,
) -> Registration:
    """Sign a person up: confirmed while places remain, then on the waiting list.

    The event row is locked before the confirmed sign-ups are counted, so simultaneous
    sign-ups are placed one after the other and never overfill the event.
    """
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        _check_open_for_signup(locked, now)
        if locked.registrations.active().filter(email=email).exists():
            raise ValidationError(
                {"email": _("This e-mail address is already signed up for this event.")},
                code="duplicate",
            )
        status = RegistrationStatus.CONFIRMED
        full = (
            locked.capacity is not None
            and locked.registrations.confirmed().count() >= locked.capacity
        )
        if full:
            if not locked.has_waiting_list:
                raise ValidationError(_("This event is full."), code="full")
            status = RegistrationStatus.WAITING
        registration = Registration(
            event=locked,
            name=name.strip(),
            email=email,
            phone=phone.strip(),
            status=status,
            language=_language(language),
        )
        registration.full_clean()
        registration.save()
        audit_log(
            actor=actor,
            action="events.registration.created",
            target=registration,
            data={"status": status, "name": name, "email": email, "phone": phone},
        )
        transaction.on_commit(partial(emails.send_registration_received, registration.pk))
    return registration


def _fill_places(event: Event, *, actor: User | None) -> list[Registration]:
    """Move the longest-waiting people up while places are free. ``event`` must be locked."""
    if event.is_cancelled or event.ends_at <= timezone.now():
        return []
    waiting = event.registrations.waiting().order_by("created_at", "id")
    if event.capacity is not None:
        free = event.capacity - event.registrations.confirmed().count()
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status"])
        audit_log(actor=actor, action="events.registration.promoted", target=registration)
        transaction.on_commit(partial(emails.send_promoted, registration.pk))
    return promoted


def registration_cancel(*, registration: Registration, actor: User | None = None) -> Registration:
    """Cancel a sign-up; a freed place goes to the person who has waited longest.

    Cancelling twice is harmless: the second call changes nothing.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            return current
        was_confirmed = current.status == RegistrationStatus.CONFIRMED
        previous = current.status
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        audit_log(
            actor=actor,
            action="events.registration.cancelled",
            target=current,
            data={"previous_status": previous},
        )
        if was_confirmed:
            _fill_places(event, actor=actor)
    registration.status = current.status
    registration.cancelled_at = current.cancelled_at
    return current


def registration_purge_for_past_events(
    *, older_than_days: int = 30, actor: User | None = None
) -> int:
    """Delete the sign-ups of events that ended more than ``older_than_days`` ago.

    Their purpose has ended; the event keeps its ``attended_count`` for the figures.
    Returns the number of registrations deleted.
    """
    if older_than_days < 0:
        raise ValueError("older_than_days must not be negative")
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    with transaction.atomic():
        _total, per_model = Registration.objects.filter(event__ends_at__lt=cutoff).delete()
        deleted = per_model.get(Registration._meta.label, 0)
        audit_log(
            actor=actor,
            action="events.registration.purged",
            data={"count": deleted, "older_than_days": older_than_days},
        )
    return deleted
