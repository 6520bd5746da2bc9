"""Health probes for load balancers and monitoring, answered before any other middleware
(no host check, no https redirect, no session, no language): a probe comes over plain
http to the node's own address.

- ``/healthz``: the process is alive and answers (no database).
- ``/readyz``: ready for traffic: the database answers, the cache answers, every
  migration is applied. It also reports the worker's heartbeat (a task the scheduler
  queues every minute); a stale worker is reported but does not take the web node out of
  rotation (the web serves fine without it) unless ``READYZ_REQUIRE_WORKER`` is set.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

WORKER_STALE_AFTER = datetime.timedelta(minutes=5)
_migrations_applied = False


def _database() -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    cache.set("readyz", "ok", 10)
    if cache.get("readyz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _migrations() -> None:
    """Every migration applied (checked until true once per process: it stays true)."""
    global _migrations_applied
    if _migrations_applied:
        return
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("migrations not applied")
    _migrations_applied = True


def _worker() -> dict[str, Any]:
    from knutepunkt.operations.services import last_heartbeat

    beat = last_heartbeat("worker")
    age = (timezone.now() - beat).total_seconds() if beat else None
    fresh = age is not None and age < WORKER_STALE_AFTER.total_seconds()
    return {"ok": fresh, "age_seconds": None if age is None else round(age)}


def readiness() -> tuple[bool, dict[str, Any]]:
    checks: dict[str, Any] = {}
    ready = True
    steps: list[tuple[str, Callable[[], None]]] = [
        ("database", _database),
        ("cache", _cache),
        ("migrations", _migrations),
    ]
    for name, check in steps:
        try:
            check()
            checks[name] = {"ok": True}
        except Exception as exc:
            checks[name] = {"ok": False, "error": type(exc).__name__}
            ready = False
    if checks["database"]["ok"]:
        try:
            checks["worker"] = _worker()
        except Exception as exc:
            checks["worker"] = {"ok": False, "error": type(exc).__name__}
        if getattr(settings, "READYZ_REQUIRE_WORKER", False) and not checks["worker"]["ok"]:
            ready = False
    return ready, checks


class HealthMiddleware:
    """First in MIDDLEWARE: answers the probes before anything else runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/healthz":
            return HttpResponse("ok\n", content_type="text/plain")
        if request.path == "/readyz":
            ready, checks = readiness()
            response = JsonResponse(
                {"status": "ready" if ready else "not ready", "checks": checks},
                status=200 if ready else 503,
            )
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
