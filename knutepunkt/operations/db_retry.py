"""Run a view once more when its database connection was lost in the middle of it.

PostgreSQL ends connections for reasons that have nothing to do with the request: a
restart or failover, an operator's ``pg_terminate_backend``, a connection pooler
recycling. ``CONN_HEALTH_CHECKS`` catches a connection that died while idle, but not one
that dies while a view uses it: that request fails with an ``OperationalError`` (or
``InterfaceError``) and the person sees the error page. ``LostConnectionRetryMiddleware``
answers such a request by closing the broken connection and running the view once more,
on a new connection:

- only when the connection is really gone (``connection_lost``: PostgreSQL's SQLSTATE for
  it, or psycopg's own "server closed the connection"); a lock timeout, a deadlock, a
  constraint or an SQLite "database is locked" is not retried;
- only outside a transaction (the failed one was rolled back with the connection);
- only for GET, HEAD and OPTIONS, and for POSTs of views marked ``@idempotent_post``
  (e.g. the public sign-up form, whose submission key makes a repeated POST one sign-up);
  any other POST could repeat a write that was committed before the connection was lost;
- once: if the second run fails too, the error page is shown as before.

The log line names the view and the error class, never the request's data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
IDEMPOTENT_POST = "idempotent_post"

View = TypeVar("View", bound=Callable[..., Any])


def idempotent_post(view: View) -> View:
    """Mark a view whose POST may safely run twice (its form carries a key that makes a
    repeated submission one change), so a lost database connection is retried for it."""
    setattr(view, IDEMPOTENT_POST, True)
    return view


# SQLSTATEs that mean the connection is gone: class 08 (connection exception), and the
# server shutting the session down (57P01 admin shutdown, 57P02 crash, 57P03 starting up).
LOST_SQLSTATES = ("08", "57P01", "57P02", "57P03")
_NO_SQLSTATE = object()


def connection_lost(exc: BaseException, alias: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether ``exc`` is a database error because the connection itself is gone.

    psycopg says so in the error: a SQLSTATE above, or none at all (the client library's
    own "server closed the connection unexpectedly"; every server error has one). For a
    driver without SQLSTATEs (SQLite), the connection is asked instead. The connection
    state alone is not enough for psycopg: by the time the view has failed, Django may
    already have replaced the dropped connection with a working one."""
    if not isinstance(exc, OperationalError | InterfaceError):
        return False
    connection = connections[alias]
    if connection.in_atomic_block:
        return False
    sqlstate = getattr(exc.__cause__, "sqlstate", _NO_SQLSTATE)
    if sqlstate is _NO_SQLSTATE:
        return connection.connection is None or not connection.is_usable()
    return sqlstate is None or str(sqlstate).startswith(LOST_SQLSTATES)


def _may_retry(request: HttpRequest) -> bool:
    if request.method in SAFE_METHODS:
        return True
    match = request.resolver_match
    return (
        request.method == "POST"
        and match is not None
        and bool(getattr(match.func, IDEMPOTENT_POST, False))
    )


class LostConnectionRetryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> Any:
        match = request.resolver_match
        if match is None or getattr(request, "_lost_connection_retried", False):
            return None
        if not _may_retry(request) or not connection_lost(exception):
            return None
        request._lost_connection_retried = True  # type: ignore[attr-defined]
        connections[DEFAULT_DB_ALIAS].close()
        logger.warning(
            "database connection lost in %s (%s); running the view once more",
            match.view_name,
            type(exception).__name__,
        )
        return match.func(request, *match.args, **match.kwargs)
