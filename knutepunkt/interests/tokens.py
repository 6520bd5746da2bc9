"""The signed status link a person gets after registering interest: no account needed.

The token names the interest and its random access key and is signed with the site's
secret and a purpose-specific salt. It is long-lived (the person may wait a year or more);
erasing the row makes every link to it dead.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core import signing

STATUS_SALT = "knutepunkt.interests.interest.status"
# Longer than any retention period plus a renewal: the link in the first e-mail keeps working.
STATUS_MAX_AGE = datetime.timedelta(days=3 * 365)


class BadToken(Exception):
    """The token is forged, damaged, expired or for another purpose."""


def status_token(interest: Any) -> str:
    return signing.dumps({"i": interest.pk, "k": interest.access_key}, salt=STATUS_SALT)


def read_status_token(token: str) -> tuple[int, str]:
    """(interest id, access key) from a status token, or :class:`BadToken`."""
    try:
        data = signing.loads(token, salt=STATUS_SALT, max_age=STATUS_MAX_AGE)
        return int(data["i"]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise BadToken from exc
