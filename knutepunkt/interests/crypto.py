"""Encryption at rest for the contact fields of an interest (health data, GDPR art. 9).

Keys come from ``settings.INTEREST_ENCRYPTION_KEYS`` (Fernet keys): the first encrypts,
all of them decrypt, so a new key is rolled out by putting it first and then running
``manage.py rotate_interest_keys``, which re-encrypts every row with it.
"""

from __future__ import annotations

from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


def _fernet() -> MultiFernet:
    keys = list(getattr(settings, "INTEREST_ENCRYPTION_KEYS", []) or [])
    if not keys:
        raise ImproperlyConfigured("INTEREST_ENCRYPTION_KEYS is empty.")
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
