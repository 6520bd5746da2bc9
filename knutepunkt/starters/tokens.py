"""The signed link in a starter's reminder e-mail: keep the record, or withdraw consent and
have it deleted. No account needed.

The token names the starter and its random access key and is signed with the site's
secret and a purpose-specific salt; deleting the record makes every link to it dead.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core import signing

STATUS_SALT = "knutepunkt.starters.starter.status"
# Longer than the time between the reminder and the deletion.
STATUS_MAX_AGE = datetime.timedelta(days=180)


class BadToken(Exception):
    """The token is forged, damaged, expired or for another purpose."""


def status_token(starter: Any) -> str:
    return signing.dumps({"s": starter.pk, "k": starter.access_key}, salt=STATUS_SALT)


def read_status_token(token: str) -> tuple[int, str]:
    """(starter id, access key) from a token, or :class:`BadToken`."""
    try:
        data = signing.loads(token, salt=STATUS_SALT, max_age=STATUS_MAX_AGE)
        return int(data["s"]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise BadToken from exc
