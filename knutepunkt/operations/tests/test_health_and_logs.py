"""Probes for the load balancer, JSON logs with a request id and no personal data, 403s
without tracebacks, error pages without the static manifest."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory

from knutepunkt.operations.logs import ClientErrorFilter, JsonFormatter, RequestIdFilter
from knutepunkt.operations.services import heartbeat


@pytest.mark.django_db
def test_healthz_and_readyz_answer_any_host_over_plain_http(settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["knutepunkt.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    client = Client(HTTP_HOST="10.0.0.12:8000")  # the node's own address
    assert client.get("/healthz").content == b"ok\n"
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.content
    body = ready.json()
    assert body["status"] == "ready"
    assert {name for name, check in body["checks"].items() if check["ok"]} >= {
        "database",
        "cache",
        "migrations",
    }
    assert body["checks"]["worker"]["ok"] is False  # no heartbeat yet: reported only
    heartbeat("worker")
    assert client.get("/readyz").json()["checks"]["worker"]["ok"] is True
    settings.READYZ_REQUIRE_WORKER = True
    assert client.get("/readyz").status_code == 200


def test_readyz_is_503_without_the_cache(settings: Any) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nobody listens there
        }
    }
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}


@pytest.mark.django_db
def test_every_response_carries_a_request_id(client: Client) -> None:
    given = client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")
    assert given.status_code == 200
    page = client.get("/", HTTP_X_REQUEST_ID="abc-123")
    assert page["X-Request-ID"] == "abc-123"
    made = client.get("/", HTTP_X_REQUEST_ID="<script>")
    assert made["X-Request-ID"] != "<script>" and len(made["X-Request-ID"]) == 32


def _formatted(record: logging.LogRecord) -> dict[str, Any]:
    RequestIdFilter().filter(record)
    ClientErrorFilter().filter(record)
    return json.loads(JsonFormatter().format(record))


def test_json_lines_drop_tokens_addresses_and_403_tracebacks() -> None:
    try:
        raise PermissionDenied
    except PermissionDenied as exc:
        record = logging.LogRecord(
            "django.request",
            logging.WARNING,
            __file__,
            1,
            "Forbidden (Permission denied): %s",
            ("/arrangementer/avmelding/MTIzOjQ1Ng:1tWq2x:abcdefghijklmnop/",),
            (type(exc), exc, exc.__traceback__),
        )
    record.status_code = 403
    line = _formatted(record)
    assert line["status"] == 403 and "traceback" not in line
    assert line["message"] == "Forbidden (Permission denied): /arrangementer/avmelding/[token]/"
    mail = logging.LogRecord("x", logging.ERROR, __file__, 1, "to kari@example.org", (), None)
    assert _formatted(mail)["message"] == "to [email]"


@pytest.mark.django_db
def test_error_pages_work_without_the_static_manifest(settings: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"
    settings.DEBUG = False
    from knutepunkt.web.errors import page_not_found, server_error

    request = RequestFactory().get("/finnes-ikke/")
    missing = page_not_found(request)
    assert missing.status_code == 404 and b"<h1>" in missing.content
    failed = server_error(request)
    assert failed.status_code == 500 and b"<h1>" in failed.content
