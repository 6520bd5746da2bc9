"""Finding a person's data without keeping it readable: normalised contact values and
keyed hashes of them.

A keyed hash (HMAC-SHA256) lets a column be matched ("is this e-mail address stored?",
"which rows are about topic 7?") without the value itself being in the database: without
the key, nobody can compute the hash of a guessed address or topic. The callers own their
keys (``knutepunkt.interests.crypto`` derives them from its encryption keys).
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

EMAIL = "email"
PHONE = "phone"
# A Norwegian number has 8 digits; a phone number anywhere has at most 15 (E.164).
_MIN_PHONE_DIGITS = 8
_MAX_PHONE_DIGITS = 15


def normalise_email(value: str) -> str:
    """The form in which addresses are compared: trimmed, lower case."""
    return (value or "").strip().lower()


def normalise_phone(value: str) -> str:
    """Digits only, without the Norwegian country code, so that "+47 913 57 246",
    "0047 91357246" and "913 57 246" are the same number."""
    digits = "".join(ch for ch in (value or "") if ch.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) == _MIN_PHONE_DIGITS + 2 and digits.startswith("47"):
        digits = digits[2:]
    return digits


def contact_kind(value: str) -> str:
    """``"email"`` or ``"phone"`` for what a person typed, or ``""`` when it is neither."""
    text = (value or "").strip()
    if "@" in text:
        local, _sep, domain = text.rpartition("@")
        return EMAIL if local and "." in domain and " " not in text else ""
    allowed = set("0123456789 +-().")
    digits = normalise_phone(text)
    if text and set(text) <= allowed and _MIN_PHONE_DIGITS <= len(digits) <= _MAX_PHONE_DIGITS:
        return PHONE
    return ""


def normalise_contact(kind: str, value: str) -> str:
    if kind == EMAIL:
        return normalise_email(value)
    if kind == PHONE:
        return normalise_phone(value)
    raise ValueError(f"Unknown kind of contact: {kind!r}")


def keyed_hash(key: bytes, purpose: str, value: str) -> str:
    """HMAC-SHA256 of ``value`` under ``key``, separated by ``purpose`` (so a topic's hash
    can never equal an address's). 64 hexadecimal characters."""
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def rows_with_contact(
    queryset: Any, kind: str, value: str, *, email_field: str = "email", phone_field: str = "phone"
) -> list[Any]:
    """The rows of ``queryset`` that hold this e-mail address or phone number in clear
    (addresses compared without case, numbers by their digits: a number can be written
    in many ways, so those rows are compared one by one)."""
    if kind == EMAIL:
        address = normalise_email(value)
        if not address:
            return []
        return list(queryset.filter(**{f"{email_field}__iexact": address}).order_by("pk"))
    number = normalise_phone(value)
    if not number:
        return []
    candidates = queryset.exclude(**{phone_field: ""}).order_by("pk")
    return [row for row in candidates if normalise_phone(getattr(row, phone_field)) == number]
