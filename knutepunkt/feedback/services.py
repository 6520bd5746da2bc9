"""Listing corrections: a visitor reports, the responsible office accepts (the listing is
changed through its usual service) or dismisses; either way the sender's address goes."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.core.audit import audit_log
from knutepunkt.core.services import ensure_office_access
from knutepunkt.feedback import emails
from knutepunkt.feedback.models import (
    MESSAGE_MAX_LENGTH,
    ChangeRequest,
    ChangeRequestStatus,
    ListingKind,
)
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.groups.services import group_set_status, group_update
from knutepunkt.network.models import ContactPoint, DistrictOffice
from knutepunkt.network.services import (
    contact_point_set_status,
    contact_point_update,
    office_update,
)

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

# What an accepted correction may change, per kind of listing: the public face only.
# "status" goes through the status service, which keeps the dated history.
EDITABLE_FIELDS: dict[str, tuple[str, ...]] = {
    ListingKind.GROUP: (
        "title",
        "format",
        "target",
        "meeting_time",
        "meeting_weekday",
        "meeting_starts",
        "meeting_ends",
        "description_nb",
        "description_en",
        "status",
    ),
    ListingKind.CONTACT_POINT: (
        "name",
        "email",
        "phone",
        "address",
        "website",
        "opening_hours",
        "description_nb",
        "description_en",
        "status",
    ),
    ListingKind.OFFICE: ("email", "phone", "address", "description_nb", "description_en"),
}
_MESSAGE_MIN_LENGTH = 5


def listing_of(request: ChangeRequest) -> models.Model:
    """The group, contact point or office the request is about."""
    if request.kind == ListingKind.GROUP:
        assert request.group is not None
        return request.group
    if request.kind == ListingKind.CONTACT_POINT:
        assert request.contact_point is not None
        return request.contact_point
    return request.office


def change_request_submit(
    *,
    listing: SelfHelpGroup | ContactPoint | DistrictOffice,
    message: str,
    email: str = "",
    language: str = "nb",
) -> ChangeRequest:
    """A visitor's report about a public listing; it lands in the queue of the office
    responsible for the listing. Only public listings can be reported."""
    message = message.strip()
    if len(message) < _MESSAGE_MIN_LENGTH:
        raise ValidationError({"message": _("Please tell us what is wrong.")})
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            {"message": _("Please keep it under %(n)d characters.") % {"n": MESSAGE_MAX_LENGTH}}
        )
    request = ChangeRequest(message=message, email=email.strip().lower(), language=language[:2])
    if isinstance(listing, SelfHelpGroup):
        request.kind = ListingKind.GROUP
        request.group = listing
        request.office_id = listing.office_id
        request.listing_name = str(listing)[:200]
    elif isinstance(listing, ContactPoint):
        request.kind = ListingKind.CONTACT_POINT
        request.contact_point = listing
        request.office_id = listing.office_id
        request.listing_name = listing.name[:200]
    else:
        request.kind = ListingKind.OFFICE
        request.office = listing
        request.listing_name = listing.name[:200]
    if request.language not in {code for code, _name in settings.LANGUAGES}:
        request.language = settings.LANGUAGE_CODE
    request.full_clean()
    with transaction.atomic():
        request.save()
        audit_log(
            actor=None,
            action="feedback.change_request.created",
            target=request,
            office=request.office,
            data={"kind": request.kind, "email": request.email},
        )
    return request


def _close(
    request: ChangeRequest,
    *,
    actor: User | None,
    status: str,
    reply: str,
    changed: list[str],
) -> None:
    """Close the request, forget the sender's address and send the answer, if any."""
    address = request.email
    request.status = status
    request.closed_at = timezone.now()
    request.closed_by = actor
    request.changed_fields = changed
    request.email = ""
    request.replied = bool(address)
    request.save(
        update_fields=["status", "closed_at", "closed_by", "changed_fields", "email", "replied"]
    )
    audit_log(
        actor=actor,
        action=f"feedback.change_request.{status}",
        target=request,
        data={"changed": changed, "replied": request.replied},
    )
    if address:
        emails.send_answer(
            address=address,
            language=request.language,
            listing_name=request.listing_name,
            accepted=status == ChangeRequestStatus.ACCEPTED,
            reply=reply.strip(),
        )


def _ensure_open(request: ChangeRequest) -> None:
    if not request.is_open:
        raise ValidationError(_("This request has already been handled."), code="closed")


def _differences(listing: models.Model, kind: str, values: Mapping[str, Any]) -> dict[str, Any]:
    allowed = EDITABLE_FIELDS[kind]
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Fields not editable here: {', '.join(sorted(unknown))}")
    return {name: value for name, value in values.items() if getattr(listing, name) != value}


def change_request_accept(
    *,
    actor: User | None,
    request: ChangeRequest,
    values: Mapping[str, Any],
    reply: str = "",
    on: datetime.date | None = None,
) -> list[str]:
    """Correct the listing as the request asks, through the listing's own services (their
    checks, history and audit entries apply), then close the request. ``values`` holds the
    listing's public fields as staff corrected them; at least one must differ. Returns the
    names of the changed fields."""
    ensure_office_access(actor, request.office_id)
    _ensure_open(request)
    listing = listing_of(request)
    changes = _differences(listing, request.kind, values)
    if not changes:
        raise ValidationError(
            _("Nothing was changed. Correct the listing, or dismiss the request."),
            code="unchanged",
        )
    status = changes.pop("status", None)
    with transaction.atomic():
        if isinstance(listing, SelfHelpGroup):
            if changes:
                group_update(actor=actor, group=listing, data=changes)
            if status is not None:
                group_set_status(actor=actor, group=listing, status=status, on=on)
        elif isinstance(listing, ContactPoint):
            if changes:
                contact_point_update(actor=actor, contact_point=listing, data=changes)
            if status is not None:
                contact_point_set_status(actor=actor, contact_point=listing, status=status, on=on)
        else:
            assert isinstance(listing, DistrictOffice)
            office_update(actor=actor, office=listing, data=changes)
        changed = sorted([*changes, *(["status"] if status is not None else [])])
        _close(
            request,
            actor=actor,
            status=ChangeRequestStatus.ACCEPTED,
            reply=reply,
            changed=changed,
        )
    return changed


def change_request_dismiss(*, actor: User | None, request: ChangeRequest, reply: str = "") -> None:
    """Close the request without changing the listing."""
    ensure_office_access(actor, request.office_id)
    _ensure_open(request)
    with transaction.atomic():
        _close(request, actor=actor, status=ChangeRequestStatus.DISMISSED, reply=reply, changed=[])


def change_requests_purge(*, older_than_days: int | None = None) -> int:
    """Delete closed requests (their text may mention people) after the retention time."""
    days = (
        settings.KNUTEPUNKT["CHANGE_REQUEST_RETENTION_DAYS"]
        if older_than_days is None
        else older_than_days
    )
    cutoff = timezone.now() - datetime.timedelta(days=days)
    old = ChangeRequest.objects.exclude(status=ChangeRequestStatus.NEW).filter(closed_at__lt=cutoff)
    with transaction.atomic():
        count = old.count()
        if count:
            old.delete()
            audit_log(
                actor=None,
                action="feedback.change_request.purged",
                data={"count": count, "days": days},
            )
    return count
