"""Writes for interests (health data, GDPR art. 9). Every write is audited without the
alias or contact data: audit entries name the interest by id only (``str(interest)`` is
``#<id>``) and record which fields changed, never their values.

Contact data lives only while an interest is waiting. Placing and expiry scrub it and keep
an anonymous row (topic, municipality, dates) for the demand figures; withdrawal and
deletion on request erase the row itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.core.audit import audit_log
from knutepunkt.interests import emails, tasks
from knutepunkt.interests.models import ContactMethod, Interest, InterestStatus
from knutepunkt.interests.routing import route_interest
from knutepunkt.operations.outbox import outbox_discard

PERSONAL_FIELDS = ("alias", "email", "phone")
_ENCRYPTED_FIELDS = ("topic_ref", "alias", "email", "phone")
_FORMAT_FIELDS = {
    "in_person": "accepts_in_person",
    "phone": "accepts_phone",
    "online": "accepts_online",
}


def _format_flags(formats: Iterable[str]) -> dict[str, bool]:
    chosen = set(formats)
    unknown = chosen - set(_FORMAT_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown group format."))
    return {field: fmt in chosen for fmt, field in _FORMAT_FIELDS.items()}


def _contact(contact_method: str, email: str, phone: str) -> dict[str, str]:
    """Only the chosen way to be reached is stored."""
    if contact_method == ContactMethod.EMAIL:
        return {"email": email.strip(), "phone": ""}
    return {"email": "", "phone": phone.strip()}


def _scrub(interest: Interest) -> list[str]:
    outbox_discard(f"interests.interest:{interest.pk}")
    for name in PERSONAL_FIELDS:
        setattr(interest, name, "")
    return list(PERSONAL_FIELDS)


def interest_register(
    *,
    topic: Any,
    municipality: Any,
    for_whom: str,
    formats: Iterable[str],
    contact_method: str,
    alias: str,
    email: str = "",
    phone: str = "",
    language: str = "nb",
    actor: Any = None,
) -> Interest:
    """Register a person's interest (consent is given now), routed to the contact point
    serving the municipality or else the district office; e-mail the status link."""
    contact_point, office = route_interest(municipality)
    now = timezone.now()
    interest = Interest(
        municipality=municipality,
        for_whom=for_whom,
        contact_method=contact_method,
        alias=alias.strip(),
        consent_at=now,
        language=language[:10] or "nb",
        contact_point=contact_point,
        office=office,
        created_at=now,
        renewed_at=now,
        **_format_flags(formats),
        **_contact(contact_method, email, phone),
    )
    interest.topic = topic
    interest.full_clean()
    with transaction.atomic():
        interest.save()
        audit_log(
            actor=actor,
            action="interests.interest.registered",
            target=interest,
            data={"contact_point": contact_point, "contact_method": contact_method},
        )
        if interest.email:
            emails.send_registered(interest.pk)
        # Group formation for the topic runs in the task worker, never in this request.
        transaction.on_commit(partial(tasks.form_groups_for_topic.enqueue, topic.pk))
    return interest


def interest_update(
    *,
    interest: Interest,
    topic: Any,
    municipality: Any,
    for_whom: str,
    formats: Iterable[str],
    contact_method: str,
    email: str = "",
    phone: str = "",
    actor: Any = None,
) -> Interest:
    """The person changes their registration (from the status link). A new municipality
    may route the interest elsewhere."""
    if interest.status != InterestStatus.WAITING:
        raise ValidationError(_("Only a waiting interest can be changed."))
    values: dict[str, Any] = {
        "topic": topic,
        "municipality": municipality,
        "for_whom": for_whom,
        "contact_method": contact_method,
        **_format_flags(formats),
        **_contact(contact_method, email, phone),
    }
    if municipality.pk != interest.municipality_id:
        values["contact_point"], values["office"] = route_interest(municipality)
    changed = sorted(name for name, value in values.items() if getattr(interest, name) != value)
    for name, value in values.items():
        setattr(interest, name, value)
    interest.full_clean()
    if not changed:
        return interest
    with transaction.atomic():
        interest.save(update_fields=changed)
        audit_log(
            actor=actor,
            action="interests.interest.changed",
            target=interest,
            data={"changed": changed},
        )
    return interest


def interest_keep_waiting(*, interest: Interest, actor: Any = None) -> Interest:
    """ "Keep me on the list": restart the retention clock."""
    if interest.status != InterestStatus.WAITING:
        raise ValidationError(_("Only a waiting interest can be kept on the list."))
    interest.renewed_at = timezone.now()
    interest.reminded_at = None
    with transaction.atomic():
        interest.save(update_fields=["renewed_at", "reminded_at"])
        audit_log(actor=actor, action="interests.interest.renewed", target=interest)
    return interest


def interest_erase(*, interest: Interest, actor: Any = None, reason: str = "withdrawn") -> None:
    """Delete the interest row itself: the person withdrew (``withdrawn``) or asked staff
    to delete their data (``deleted_on_request``). Nothing personal is left behind."""
    if reason not in {"withdrawn", "deleted_on_request"}:
        raise ValueError(f"Unknown reason: {reason!r}")
    with transaction.atomic():
        audit_log(actor=actor, action=f"interests.interest.{reason}", target=interest)
        outbox_discard(f"interests.interest:{interest.pk}")
        interest.delete()


def _farewell(interest: Interest, contact: Any = None) -> emails.Farewell | None:
    if not interest.email:
        return None
    return emails.Farewell(
        address=interest.email,
        language=interest.language,
        topic_id=interest.topic_id,
        contact_name=getattr(contact, "name", "") if contact else "",
        contact_email=getattr(contact, "email", "") if contact else "",
        contact_phone=getattr(contact, "phone", "") if contact else "",
    )


def interest_mark_placed(*, interest: Interest, group: Any, actor: Any) -> Interest:
    """The person has a place in ``group``: mark the interest placed and delete the contact
    data at once. An e-mail (if the person gave one) tells them whom to contact; the
    address is captured in memory first and sent after commit. Phone-only people must be
    called before they are marked placed: their number is gone afterwards."""
    if interest.status != InterestStatus.WAITING:
        raise ValidationError(_("Only a waiting interest can be placed in a group."))
    farewell = _farewell(interest, group.contact_point or group.office)
    interest.status = InterestStatus.PLACED
    interest.group = group
    interest.placed_at = timezone.now()
    fields = ["status", "group", "placed_at", *_scrub(interest)]
    with transaction.atomic():
        interest.save(update_fields=fields)
        audit_log(
            actor=actor,
            action="interests.interest.placed",
            target=interest,
            data={"group": group},
        )
        if farewell is not None:
            emails.send_placed(farewell)
    return interest


def interest_expire(*, interest: Interest, actor: Any = None) -> Interest:
    """The retention period ran out: delete the contact data, keep an anonymous row."""
    if interest.status != InterestStatus.WAITING:
        raise ValidationError(_("Only a waiting interest can expire."))
    farewell = _farewell(interest)
    interest.status = InterestStatus.EXPIRED
    with transaction.atomic():
        interest.save(update_fields=["status", *_scrub(interest)])
        audit_log(actor=actor, action="interests.interest.expired", target=interest)
        if farewell is not None:
            emails.send_expired(farewell)
    return interest


def interest_send_reminder(*, interest: Interest, days_left: int, actor: Any = None) -> None:
    """E-mail the "do you still want a group?" reminder (once per retention period)."""
    interest.reminded_at = timezone.now()
    with transaction.atomic():
        interest.save(update_fields=["reminded_at"])
        audit_log(actor=actor, action="interests.interest.reminded", target=interest)
        emails.send_reminder(interest.pk, days_left)


def interest_record_contact_view(*, interest: Interest, actor: Any, purpose: str) -> None:
    """Every time staff see an interest's contact data: who, which interest, why. Never
    the values."""
    audit_log(
        actor=actor,
        action="interests.interest.contact_viewed",
        target=interest,
        data={"purpose": purpose},
    )


@dataclass(frozen=True)
class PurgeResult:
    reminded: int
    expired: int


def purge_expired(*, now: datetime.datetime | None = None, actor: Any = None) -> PurgeResult:
    """Daily retention run: remind people whose waiting time ends within
    ``INTEREST_REMINDER_DAYS_BEFORE`` days, expire those past ``INTEREST_RETENTION_DAYS``."""
    now = now or timezone.now()
    retention = datetime.timedelta(days=settings.INTEREST_RETENTION_DAYS)
    before = datetime.timedelta(days=settings.INTEREST_REMINDER_DAYS_BEFORE)
    waiting = Interest.objects.waiting()
    expired = 0
    for interest in waiting.filter(renewed_at__lt=now - retention):
        interest_expire(interest=interest, actor=actor)
        expired += 1
    due = (
        waiting.filter(renewed_at__lt=now - retention + before)
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=F("renewed_at")))
        .exclude(email="")
    )
    reminded = 0
    for interest in due:
        left = max(1, (interest.renewed_at + retention - now).days)
        interest_send_reminder(interest=interest, days_left=left, actor=actor)
        reminded += 1
    return PurgeResult(reminded=reminded, expired=expired)


def interest_keys_rotate(*, actor: Any = None) -> int:
    """Re-encrypt every stored alias, contact value and topic with the first key of
    ``INTEREST_ENCRYPTION_KEYS`` and re-compute the keyed hashes with the key derived from
    it. Returns the number of rows rewritten."""
    count = 0
    with transaction.atomic():
        for interest in Interest.objects.order_by("pk").select_for_update():
            # Reading decrypted with any key; saving encrypts and hashes with the first.
            interest.save(update_fields=[*_ENCRYPTED_FIELDS, "topic_hash", "contact_hash"])
            count += 1
        audit_log(actor=actor, action="interests.keys.rotated", data={"rows": count})
    return count
