"""One person's data across every domain, found by e-mail address or phone number: head
office shows it, exports it (the right of access, GDPR art. 15) and erases it (art. 17).

Each kind of personal data is a :class:`Source` below, backed by its domain's
``personal_data`` module (find, export, describe, erase through the domain's services).
A new table that holds personal data gets a source here, and the erasure test
(``knutepunkt/workflows/tests/test_erasure.py``) scans every table to prove nothing is
left.

Every look-up, export and erasure writes one audit entry that holds no personal data:
the kind of value (e-mail or phone), a keyed hash of it (the same HMAC the interests use,
so a later question "was this address erased?" can be answered by hashing it again) and
the number of rows per source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from knutepunkt.accounts import personal_data as accounts_data
from knutepunkt.core.audit import audit_log
from knutepunkt.core.privacy import contact_kind, normalise_contact
from knutepunkt.events import personal_data as events_data
from knutepunkt.interests import personal_data as interests_data
from knutepunkt.interests.crypto import contact_hash
from knutepunkt.network import personal_data as network_data
from knutepunkt.operations import personal_data as outbox_data
from knutepunkt.starters import personal_data as starters_data

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


def _always(_row: Any) -> bool:
    return True


@dataclass(frozen=True)
class Source:
    """One kind of personal data: how to find, export, describe and erase a person's rows."""

    key: str
    label: Promise
    find: Callable[[str, str], list[Any]]
    export: Callable[[list[Any]], list[dict[str, Any]]]
    describe: Callable[[Any], str]
    erase: Callable[[list[Any], str, User | None], int]
    # Rows found but not erased here (a staff account): shown and exported, then kept.
    erasable: Callable[[Any], bool] = _always
    kept_because: Promise | None = None


SOURCES: list[Source] = [
    Source(
        key="event_registrations",
        label=gettext_lazy("Event sign-ups"),
        find=events_data.find,
        export=events_data.export,
        describe=events_data.describe,
        erase=lambda rows, kind, actor: events_data.erase(rows, actor=actor),
    ),
    Source(
        key="interests",
        label=gettext_lazy("Interest in new groups"),
        find=interests_data.find,
        export=interests_data.export,
        describe=interests_data.describe,
        erase=lambda rows, kind, actor: interests_data.erase(rows, actor=actor),
    ),
    Source(
        key="starters",
        label=gettext_lazy("Starter register"),
        find=starters_data.find,
        export=starters_data.export,
        describe=starters_data.describe,
        erase=lambda rows, kind, actor: starters_data.erase(rows, actor=actor),
    ),
    Source(
        key="partner_contacts",
        label=gettext_lazy("Contact persons at partners"),
        find=network_data.find_contacts,
        export=network_data.export_contacts,
        describe=network_data.describe_contact,
        erase=lambda rows, kind, actor: network_data.erase_contacts(rows, actor=actor),
    ),
    Source(
        key="partner_details",
        label=gettext_lazy("A partner's own e-mail or phone"),
        find=network_data.find_partners,
        export=network_data.export_partners,
        describe=network_data.describe_partner,
        erase=lambda rows, kind, actor: network_data.erase_partners(rows, actor=actor, kind=kind),
    ),
    Source(
        key="user_accounts",
        label=gettext_lazy("User accounts"),
        find=accounts_data.find,
        export=accounts_data.export,
        describe=accounts_data.describe,
        erase=lambda rows, kind, actor: accounts_data.erase(rows, actor=actor),
        erasable=accounts_data.erasable,
        kept_because=gettext_lazy("A staff account is closed through user management."),
    ),
    # Last: e-mails queued or recently sent to the address (after the sources above, whose
    # erasure could queue one).
    Source(
        key="outbox_messages",
        label=gettext_lazy("E-mails waiting to be sent or recently sent"),
        find=outbox_data.find,
        export=outbox_data.export,
        describe=outbox_data.describe,
        erase=lambda rows, kind, actor: outbox_data.erase(rows),
    ),
]


@dataclass(frozen=True)
class Contact:
    """What head office typed, checked: an e-mail address or a phone number."""

    kind: str
    value: str

    @property
    def lookup_hash(self) -> str:
        return contact_hash(self.kind, self.value)


def parse_contact(text: str) -> Contact:
    """An e-mail address or phone number, or a ValidationError saying what is wrong."""
    kind = contact_kind(text)
    if not kind:
        raise ValidationError(
            _("Write one e-mail address (such as ola@example.no) or one phone number.")
        )
    return Contact(kind=kind, value=normalise_contact(kind, text))


@dataclass
class Holding:
    """The rows of one source found for the person."""

    source: Source
    rows: list[Any] = field(default_factory=list)

    @property
    def erasable(self) -> list[Any]:
        return [row for row in self.rows if self.source.erasable(row)]

    @property
    def kept(self) -> list[Any]:
        return [row for row in self.rows if not self.source.erasable(row)]

    @property
    def descriptions(self) -> list[str]:
        return [self.source.describe(row) for row in self.rows]


def _ensure_head_office(actor: User | None) -> None:
    if actor is not None and not actor.is_head_office:
        raise PermissionDenied(_("Only head office may do this."))


def _find(contact: Contact) -> list[Holding]:
    return [Holding(source, source.find(contact.kind, contact.value)) for source in SOURCES]


def _audit(actor: User | None, action: str, contact: Contact, counts: dict[str, int]) -> None:
    audit_log(
        actor=actor,
        action=action,
        data={"kind": contact.kind, "lookup_hash": contact.lookup_hash, "counts": counts},
    )


def person_find(*, contact: Contact, actor: User | None) -> list[Holding]:
    """Everything held about the person, per source (head office; the look-up is audited)."""
    _ensure_head_office(actor)
    holdings = _find(contact)
    _audit(
        actor, "privacy.person.looked_up", contact, {h.source.key: len(h.rows) for h in holdings}
    )
    return holdings


def person_export(*, contact: Contact, actor: User | None) -> dict[str, Any]:
    """The person's data as one document (JSON-ready), for a request to see it."""
    _ensure_head_office(actor)
    holdings = _find(contact)
    _audit(actor, "privacy.person.exported", contact, {h.source.key: len(h.rows) for h in holdings})
    return {
        "searched_for": {"kind": contact.kind, "value": contact.value},
        "exported_at": timezone.now().isoformat(),
        "data": {h.source.key: h.source.export(h.rows) for h in holdings},
    }


@dataclass(frozen=True)
class ErasureResult:
    erased: dict[str, int]
    kept: dict[str, int]


def person_erase(*, contact: Contact, actor: User | None) -> ErasureResult:
    """Delete everything held about the person in one transaction, through each domain's
    services (a sign-up for an event still ahead is cancelled, so its place moves on).
    Rows a source keeps (staff accounts) are counted, not touched."""
    _ensure_head_office(actor)
    with transaction.atomic():
        holdings = _find(contact)
        erased = {
            h.source.key: h.source.erase(h.erasable, contact.kind, actor) if h.erasable else 0
            for h in holdings
        }
        kept = {h.source.key: len(h.kept) for h in holdings if h.kept}
        audit_log(
            actor=actor,
            action="privacy.person.erased",
            data={
                "kind": contact.kind,
                "lookup_hash": contact.lookup_hash,
                "counts": erased,
                "kept": kept,
            },
        )
    return ErasureResult(erased=erased, kept=kept)
