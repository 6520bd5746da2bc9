"""User management. Only head office creates and changes users; the role decides what a
user may see, and the admin flag follows from the role (funders never enter the admin)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from knutepunkt.accounts.models import Role, User
from knutepunkt.accounts.roles import ALL_STAFF_ROLES
from knutepunkt.core.audit import PERSONAL_FIELDS, audit_log
from knutepunkt.core.services import apply_changes, check_fields, ensure_head_office, snapshot

if TYPE_CHECKING:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from knutepunkt.network.models import ContactPoint, DistrictOffice

USER_FIELDS = frozenset(
    {"username", "email", "first_name", "last_name", "role", "office", "contact_point", "is_active"}
)
USER_PERSONAL_FIELDS = PERSONAL_FIELDS | {"username"}


def _validate_role(user: User) -> None:
    """Each role carries exactly the link it needs: an office, a contact point, or none."""
    errors: dict[str, str] = {}
    if not user.role and not user.is_superuser:
        errors["role"] = _("Choose a role.")
    if user.office_id is not None and user.role != Role.OFFICE_STAFF:
        errors["office"] = _("Only district office staff belong to an office.")
    if user.contact_point_id is not None and user.role != Role.CONTACT_POINT:
        errors["contact_point"] = _("Only coordinators belong to a contact point.")
    if errors:
        raise ValidationError(errors)


def _user_log_data(user: User, fields: Mapping[str, Any]) -> dict[str, Any]:
    data = dict(fields)
    data["is_staff"] = user.is_staff
    return data


def user_create(
    *,
    actor: User | None,
    username: str,
    role: str,
    office: DistrictOffice | None = None,
    contact_point: ContactPoint | None = None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    is_active: bool = True,
) -> User:
    """Create a user with a role. Without a password the user cannot sign in until one is
    set (e.g. through a password reset)."""
    ensure_head_office(actor)
    user = User(
        username=username,
        role=role,
        office=office,
        contact_point=contact_point,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_active=is_active,
        is_staff=role in ALL_STAFF_ROLES,
    )
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    _validate_role(user)
    user.full_clean()
    with transaction.atomic():
        user.save()
        audit_log(
            actor=actor,
            action="accounts.user.created",
            target=user,
            office=office,
            data=_user_log_data(user, snapshot(user, USER_FIELDS)),
            personal_fields=USER_PERSONAL_FIELDS,
        )
    return user


def user_update(*, actor: User | None, user: User, data: Mapping[str, Any]) -> User:
    """Change a user's details, role, office or contact point (head office)."""
    ensure_head_office(actor)
    check_fields(data, USER_FIELDS, "user_update")
    changes_own_access = data.get("is_active") is False or data.get("role", user.role) != user.role
    if actor is not None and user.pk == actor.pk and changes_own_access:
        raise ValidationError(_("You cannot deactivate yourself or change your own role."))
    with transaction.atomic():
        changes = apply_changes(user, data)
        if "role" in changes:
            user.is_staff = user.role in ALL_STAFF_ROLES
            changes["is_staff"] = user.is_staff
        if changes:
            _validate_role(user)
            user.full_clean()
            user.save(update_fields=[user._meta.get_field(name).name for name in changes])
            audit_log(
                actor=actor,
                action="accounts.user.updated",
                target=user,
                office=user.office,
                data=changes,
                personal_fields=USER_PERSONAL_FIELDS,
            )
    return user


def user_set_password(*, actor: User | None, user: User, password: str) -> User:
    """Set a user's password (head office, or the user themselves)."""
    if actor is None or actor.pk != user.pk:
        ensure_head_office(actor)
    validate_password(password, user)
    user.set_password(password)
    with transaction.atomic():
        user.save(update_fields=["password"])
        audit_log(
            actor=actor,
            action="accounts.user.password_set",
            target=user,
            office=user.office,
        )
    return user


# --- Second factor (TOTP authenticator and backup codes) -----------------------------------


def _audit_factor(*, actor: User | None, user: User, action: str, data: dict[str, Any]) -> None:
    """Audit a change to ``user``'s second factors (by id: the entry never names the person)."""
    audit_log(
        actor=actor,
        action=action,
        target=user,
        office=user.office,
        data=data,
        target_repr=f"user {user.pk}",
    )


BACKUP_CODE_COUNT = 10


def totp_device_start(*, user: User) -> TOTPDevice:
    """The user's pending (unconfirmed) authenticator, created on first use. Nothing is
    audited until the user proves the app works (:func:`totp_device_confirm`)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice(user=user, name="Authenticator app", confirmed=False)
            device.full_clean()
            device.save()
    return device


def totp_device_confirm(*, actor: User | None, device: TOTPDevice) -> list[str]:
    """Make ``device`` the user's one authenticator: confirm it, remove any older one and
    issue fresh backup codes, which are returned so they can be shown once."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = device.user
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        _audit_factor(
            actor=actor,
            user=user,
            action="accounts.totp_device.confirmed",
            data={"device": device.pk},
        )
        codes = backup_codes_issue(actor=actor, user=user)
    return codes


def backup_codes_issue(*, actor: User | None, user: User) -> list[str]:
    """Replace the user's backup codes with ``BACKUP_CODE_COUNT`` new single-use codes."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
        codes = [StaticToken.random_token() for _index in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
        _audit_factor(
            actor=actor,
            user=user,
            action="accounts.backup_codes.issued",
            data={"count": len(codes)},
        )
    return codes


def is_staff_account(user: User) -> bool:
    """An account of someone who works in the network (head office, a district office, a
    contact point) or may use the admin. Such accounts are closed through user management,
    not erased on a data request."""
    return bool(user.is_superuser or user.is_staff or user.role in ALL_STAFF_ROLES)


def user_erase(*, actor: User | None, user: User) -> None:
    """Delete an account that is not a staff account (a funder's, or one without a role) on
    the person's request. The audit entry names the account by id only."""
    ensure_head_office(actor)
    if is_staff_account(user):
        raise ValidationError(_("A staff account is closed through user management."))
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="accounts.user.erased",
            target=user,
            target_repr=f"user #{user.pk}",
        )
        user.delete()


# --- Passkeys (WebAuthn credentials, django-otp-webauthn) ------------------------------------


def passkeys_of(user: User) -> list[Any]:
    """The user's passkeys, newest first."""
    from django_otp_webauthn.models import WebAuthnCredential

    return list(WebAuthnCredential.objects.filter(user=user).order_by("-created_at"))


def passkey_registered(*, actor: User, credential: Any, name: str) -> None:
    """Name and audit a passkey the WebAuthn ceremony has just saved (the name is the
    user's own, such as "Work laptop", shown on their passkeys page)."""
    name = (name or "").strip()[:100] or _("Passkey")
    with transaction.atomic():
        credential.name = name
        credential.save(update_fields=["name"])
        _audit_factor(
            actor=actor,
            user=actor,
            action="accounts.passkey.registered",
            data={"device": credential.pk},
        )


def passkey_remove(*, actor: User, pk: int) -> bool:
    """Delete one of the actor's own passkeys; False when it is not theirs (or gone)."""
    from django_otp_webauthn.models import WebAuthnCredential

    with transaction.atomic():
        deleted, _rows = WebAuthnCredential.objects.filter(user=actor, pk=pk).delete()
        if deleted:
            _audit_factor(
                actor=actor, user=actor, action="accounts.passkey.removed", data={"device": pk}
            )
    return bool(deleted)
