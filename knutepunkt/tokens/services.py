"""API tokens: made for an office, shown once, checked by hash, revoked; every step audited."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.core.audit import audit_log
from knutepunkt.core.services import ensure_office_access
from knutepunkt.tokens.models import ApiToken, TokenScope

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.network.models import DistrictOffice

KEY_PREFIX = "kp_"
# Writing "last used" on every request would turn each read into a write.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


def hash_key(key: str) -> str:
    """The stored form of a key. Keys are 256 random bits, so a plain SHA-256 is enough:
    there is nothing to guess that a slow hash would protect."""
    return hashlib.sha256(key.encode()).hexdigest()


def _check_scopes(scopes: Iterable[str]) -> list[str]:
    chosen = sorted(set(scopes))
    unknown = [s for s in chosen if s not in TokenScope.values]
    if unknown:
        raise ValidationError({"scopes": _("Unknown scope: %(s)s.") % {"s": ", ".join(unknown)}})
    if not chosen:
        raise ValidationError({"scopes": _("Choose at least one thing the token may do.")})
    return chosen


def api_token_create(
    *,
    actor: User | None,
    office: DistrictOffice,
    name: str,
    scopes: Iterable[str],
    expires_on: datetime.date | None = None,
) -> tuple[ApiToken, str]:
    """Make a token for ``office``; returns the token and its key, which is never stored
    and cannot be shown again. Head office, or the office's own staff."""
    if actor is None or not (actor.is_head_office or actor.is_office_staff):
        raise PermissionDenied(_("Only district office staff and head office make API tokens."))
    ensure_office_access(actor, office)
    if expires_on is not None and expires_on < timezone.localdate():
        raise ValidationError({"expires_on": _("The expiry date cannot be in the past.")})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        office=office,
        name=name.strip(),
        prefix=key[:10],
        key_hash=hash_key(key),
        scopes=_check_scopes(scopes),
        created_by=actor,
        expires_on=expires_on,
    )
    token.full_clean()
    with transaction.atomic():
        token.save()
        audit_log(
            actor=actor,
            action="tokens.token.created",
            target=token,
            data={"name": token.name, "scopes": token.scopes, "expires_on": expires_on},
            personal_fields=frozenset(),
        )
    return token, key


def api_token_revoke(*, actor: User | None, token: ApiToken) -> ApiToken:
    """Stop a token from working, at once and for good."""
    ensure_office_access(actor, token.office_id)
    if token.revoked_at is not None:
        return token
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.revoked_by = actor
        token.save(update_fields=["revoked_at", "revoked_by"])
        audit_log(actor=actor, action="tokens.token.revoked", target=token)
    return token


def _acts_for_office(token: ApiToken) -> bool:
    """The maker must still be allowed to act for the token's office."""
    user = token.created_by
    if user is None or not user.is_active:
        return False
    return bool(user.is_head_office or (user.is_office_staff and user.office_id == token.office_id))


def api_token_authenticate(key: str) -> ApiToken | None:
    """The active token with this key, or None. Notes when it was last used (at most every
    few minutes, so reads stay reads)."""
    if not key.startswith(KEY_PREFIX) or len(key) > 100:
        return None
    token = (
        ApiToken.objects.active()
        .select_related("office", "created_by")
        .filter(key_hash=hash_key(key))
        .first()
    )
    if token is None or not _acts_for_office(token):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def api_token_record_write(*, token: ApiToken, action: str, target: models.Model) -> None:
    """Note in the audit log that a write came through this token (the write itself is
    audited by its own service, with the token's maker as the actor)."""
    audit_log(
        actor=token.created_by,
        action="tokens.token.used",
        target=token,
        office=token.office,
        data={"write": action, "target_type": target._meta.label_lower, "target_id": target.pk},
        personal_fields=frozenset(),
    )
