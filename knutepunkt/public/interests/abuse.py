"""Abuse protection for the public form, without any third party.

* A honeypot field that people never see; a filled one is silently dropped.
* A rate limit per IP address (``knutepunkt.web.abuse``: cache-based, the address itself
  is never stored). ``RATE_LIMIT`` registrations per hour.
* A proof of work: the form carries a signed challenge (random nonce, difficulty,
  time); a small script (``static/interests/pow.js``) finds a counter so that
  sha256(nonce + counter) starts with ``POW_BITS`` zero bits. The server checks the work,
  the signature and the age, and accepts each nonce once (remembered in the cache).
* Without JavaScript (or without Web Crypto, e.g. plain http) the script cannot do the
  work; the form then asks a simple question instead, and those submissions get a
  stricter limit (``FALLBACK_RATE_LIMIT`` per hour).

Nonce reuse and rate limits live in the cache: production must use a shared cache
(``REDIS_URL``) when it runs more than one process.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

from knutepunkt.web import abuse as shared

RATE_LIMIT = 5
FALLBACK_RATE_LIMIT = 2
RATE_WINDOW_SECONDS = 60 * 60
POW_BITS = 14
POW_SALT = "knutepunkt.interests.pow"
POW_MAX_AGE_SECONDS = 2 * 60 * 60
# "Write the number seven in digits."
FALLBACK_ANSWER = "7"


def rate_exceeded(request: HttpRequest, bucket: str, limit: int) -> bool:
    """True when this address already used up ``limit`` in the current window."""
    return shared.rate_exceeded(request, "interests", bucket, limit)


def rate_count(request: HttpRequest, bucket: str) -> None:
    shared.rate_count(request, "interests", bucket, RATE_WINDOW_SECONDS)


@dataclass(frozen=True)
class Challenge:
    token: str
    nonce: str
    bits: int


def issue_challenge(bits: int = POW_BITS) -> Challenge:
    nonce = secrets.token_hex(16)
    token = signing.dumps({"n": nonce, "d": bits, "t": int(time.time())}, salt=POW_SALT)
    return Challenge(token=token, nonce=nonce, bits=bits)


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def solve(nonce: str, bits: int) -> str:
    """What the script does, in Python (for tests and the command line)."""
    counter = 0
    while leading_zero_bits(hashlib.sha256(f"{nonce}{counter}".encode()).digest()) < bits:
        counter += 1
    return str(counter)


def check_work(token: str, solution: str) -> str:
    """``"ok"``, or why not: ``"invalid"``, ``"expired"`` or ``"reused"``."""
    try:
        data = signing.loads(token, salt=POW_SALT, max_age=POW_MAX_AGE_SECONDS)
        nonce, bits = str(data["n"]), int(data["d"])
    except signing.SignatureExpired:
        return "expired"
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return "invalid"
    if not (solution.isascii() and solution.isdigit() and len(solution) <= 12):
        return "invalid"
    if bits < POW_BITS or time.time() - int(data.get("t", 0)) > POW_MAX_AGE_SECONDS:
        return "invalid" if bits < POW_BITS else "expired"
    digest = hashlib.sha256(f"{nonce}{solution}".encode()).digest()
    if leading_zero_bits(digest) < bits:
        return "invalid"
    if not cache.add(f"interests:pow:{nonce}", 1, POW_MAX_AGE_SECONDS):
        return "reused"
    return "ok"
