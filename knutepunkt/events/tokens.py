"""Signed tokens for the links a person gets after signing up: no login needed.

The token names the registration (and its event) and is signed with the site's secret
and a purpose-specific salt, so a token for one purpose cannot be used for another.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core import signing

CANCEL_SALT = "knutepunkt.events.registration.cancel"
RESULT_SALT = "knutepunkt.events.registration.result"
# A cancel link works for as long as an event could reasonably be ahead.
CANCEL_MAX_AGE = datetime.timedelta(days=400)
# The "you are signed up" page is only for the moment right after signing up.
RESULT_MAX_AGE = datetime.timedelta(days=1)


class BadToken(Exception):
    """The token is forged, damaged, expired or for another purpose."""


def _dumps(registration: Any, salt: str) -> str:
    return signing.dumps({"r": registration.pk, "e": registration.event_id}, salt=salt)


def _loads(token: str, salt: str, max_age: datetime.timedelta) -> tuple[int, int]:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
        return int(data["r"]), int(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise BadToken from exc


def cancel_token(registration: Any) -> str:
    return _dumps(registration, CANCEL_SALT)


def read_cancel_token(token: str) -> tuple[int, int]:
    """(registration id, event id) from a cancel token, or :class:`BadToken`."""
    return _loads(token, CANCEL_SALT, CANCEL_MAX_AGE)


def result_token(registration: Any) -> str:
    return _dumps(registration, RESULT_SALT)


def read_result_token(token: str) -> tuple[int, int]:
    return _loads(token, RESULT_SALT, RESULT_MAX_AGE)
