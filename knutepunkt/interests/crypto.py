"""Encryption at rest for an interest (health data, GDPR art. 9): the alias, the contact
fields and the topic are Fernet tokens; a keyed hash of the topic and of the contact value
lets rows be grouped and found without decrypting anything.

Keys come from ``settings.INTEREST_ENCRYPTION_KEYS`` (Fernet keys): the first encrypts,
all of them decrypt, so a new key is rolled out by putting it first and then running
``manage.py rotate_interest_keys``, which re-encrypts every row with it. The hash keys are
derived from the same keys in the same way: new hashes use the first, lookups try every
key, and the rotation re-hashes each row with the first.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from knutepunkt.core.privacy import keyed_hash, normalise_contact

_HASH_KEY_LABEL = b"knutepunkt.interests.lookup-hash"
TOPIC_PURPOSE = "interest-topic"
CONTACT_PURPOSE = "interest-contact"


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


def _keys() -> list[str]:
    keys = list(getattr(settings, "INTEREST_ENCRYPTION_KEYS", []) or [])
    if not keys:
        raise ImproperlyConfigured("INTEREST_ENCRYPTION_KEYS is empty.")
    return keys


def _fernet() -> MultiFernet:
    keys = _keys()
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured("INTEREST_ENCRYPTION_KEYS holds an invalid key.") from exc


def encrypt(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        # Never include the token or any value: the message may reach an error report.
        raise DecryptionError("Stored contact data cannot be decrypted with the keys.") from exc


def rotate(token: str) -> str:
    """The same plaintext, encrypted with the first (newest) key."""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise DecryptionError("Stored contact data cannot be decrypted with the keys.") from exc


def hash_keys() -> list[bytes]:
    """One HMAC key per encryption key, in the same order (the first is current)."""
    derived = []
    for key in _keys():
        try:
            raw = base64.urlsafe_b64decode(key)
        except (binascii.Error, ValueError, TypeError) as exc:
            raise ImproperlyConfigured("INTEREST_ENCRYPTION_KEYS holds an invalid key.") from exc
        derived.append(hmac.new(raw, _HASH_KEY_LABEL, hashlib.sha256).digest())
    return derived


def topic_hash(topic_id: int) -> str:
    """The keyed hash stored with an interest for its topic (current key)."""
    return keyed_hash(hash_keys()[0], TOPIC_PURPOSE, str(int(topic_id)))


def topic_hashes(topic_ids: Iterable[int]) -> dict[str, int]:
    """Every hash a row about one of ``topic_ids`` may carry (one per configured key),
    mapped back to its topic id: for filtering (``topic_hash__in``) and grouping."""
    keys = hash_keys()
    return {
        keyed_hash(key, TOPIC_PURPOSE, str(int(topic_id))): int(topic_id)
        for topic_id in topic_ids
        for key in keys
    }


def contact_hash(kind: str, value: str) -> str:
    """The keyed hash of an e-mail address or phone number (``kind`` ``"email"`` or
    ``"phone"``), normalised first; ``""`` for an empty value."""
    normalised = normalise_contact(kind, value)
    if not normalised:
        return ""
    return keyed_hash(hash_keys()[0], f"{CONTACT_PURPOSE}:{kind}", normalised)


def contact_hashes(kind: str, value: str) -> list[str]:
    """Every hash a row holding this address or number may carry (one per key)."""
    normalised = normalise_contact(kind, value)
    if not normalised:
        return []
    return [keyed_hash(key, f"{CONTACT_PURPOSE}:{kind}", normalised) for key in hash_keys()]


class EncryptedTextField(models.TextField):
    """A text field stored as a Fernet token; empty stays empty (nothing to hide).

    Lookups on it are meaningless (each encryption differs): never filter by it.
    """

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value in (None, ""):
            return value
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(str(value))
