"""Structured logs: one JSON object per line with the request id, and never personal data.

- ``RequestIdMiddleware`` takes the id nginx sends (``X-Request-ID``, checked) or makes
  one, keeps it for the log lines of the request and returns it as a response header.
- ``JsonFormatter`` writes time, level, logger, message, request id; paths in messages
  lose their long opaque segments (the signed tokens of cancel and status links).
- ``ClientErrorFilter`` drops the traceback from 4xx responses that Django logs (a 403
  is an answer, not an error); 5xx keep theirs.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Long opaque path segments (signed tokens) — and anything that looks like an address.
_TOKEN_SEGMENT = re.compile(r"/[A-Za-z0-9_:.\-]{24,}")
_EMAIL = re.compile(r"[^\s@/]+@[^\s@/]+\.[A-Za-z]{2,}")


def redact(text: str) -> str:
    return _EMAIL.sub("[email]", _TOKEN_SEGMENT.sub("/[token]", text))


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        value = given if _VALID_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(value)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = value
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class ClientErrorFilter(logging.Filter):
    """On ``django.request``/``django.security``: keep the line of a 4xx, drop its
    traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if int(getattr(record, "status_code", 500) or 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            entry["traceback"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """The same information as plain text (development, LOG_FORMAT=text)."""

    def format(self, record: logging.LogRecord) -> str:
        record.request_id = getattr(record, "request_id", request_id.get())
        return redact(super().format(record))
