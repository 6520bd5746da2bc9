"""Stable UUIDs for HSDS: HSDS wants a UUID for every object, and Knutepunkt's rows have
integer keys. Each id is a version-8 UUID (RFC 9562, vendor-defined) that carries a kind
and the row's key, so it can be read back without a lookup table:

    bytes 0–3  "knut"   bytes 4–5  kind   byte 6  0x80 (version 8)   byte 7  0
    byte 8     0x80 (RFC 4122 variant)    bytes 9–15  the key (56 bits)
"""

from __future__ import annotations

import enum
import uuid

MAGIC = b"knut"
MAX_KEY = 2**56 - 1


class Kind(enum.IntEnum):
    OFFICE = 1
    CONTACT_POINT = 2
    PARTNER = 3
    GROUP = 4
    SERVICE_AT_LOCATION = 5
    MUNICIPALITY_LOCATION = 6
    CONTACT_POINT_LOCATION = 7
    TAXONOMY = 8
    TOPIC_TERM = 9
    FORMAT_TERM = 10
    GROUP_PHONE = 11
    GROUP_SCHEDULE = 12
    TOPIC_ATTRIBUTE = 13
    FORMAT_ATTRIBUTE = 14
    SERVICE_AREA = 15
    OFFICE_PHONE = 16
    CONTACT_POINT_PHONE = 17
    ADDRESS = 18
    IDENTIFIER = 19


def make(kind: Kind, key: int) -> str:
    if not 0 <= key <= MAX_KEY:
        raise ValueError("key out of range")
    raw = MAGIC + int(kind).to_bytes(2, "big") + b"\x80\x00\x80" + key.to_bytes(7, "big")
    return str(uuid.UUID(bytes=raw))


def read(value: str, kind: Kind) -> int | None:
    """The key inside ``value`` when it is one of ours of ``kind``, else None."""
    try:
        raw = uuid.UUID(value).bytes
    except (ValueError, AttributeError, TypeError):
        return None
    if raw[:4] != MAGIC or raw[6:9] != b"\x80\x00\x80":
        return None
    if int.from_bytes(raw[4:6], "big") != int(kind):
        return None
    return int.from_bytes(raw[9:], "big")
