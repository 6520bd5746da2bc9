"""A view whose database connection is lost mid-request runs once more, on a new
connection: GET/HEAD always, POST only where the view is marked idempotent. Tests with a
connection really terminated by PostgreSQL (``pg_terminate_backend``) need PostgreSQL;
the decision logic is also checked on SQLite."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from knutepunkt.operations.db_retry import connection_lost, idempotent_post

calls: list[str] = []


def _terminate_own_backend_once() -> None:
    """The first call kills this request's PostgreSQL backend under it."""
    calls.append("run")
    with connection.cursor() as cursor:
        if len(calls) == 1:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        cursor.execute("SELECT 1")


@csrf_exempt
def plain_view(request: HttpRequest) -> HttpResponse:
    _terminate_own_backend_once()
    return HttpResponse("ok")


@csrf_exempt
@idempotent_post
def idempotent_view(request: HttpRequest) -> HttpResponse:
    _terminate_own_backend_once()
    return HttpResponse("ok")


@csrf_exempt
def dropped_view(request: HttpRequest) -> HttpResponse:
    """Portable (SQLite too): the connection no longer answers (``gone`` below)."""
    calls.append("run")
    if len(calls) == 1:
        raise OperationalError("server closed the connection unexpectedly")
    return HttpResponse("ok")


@csrf_exempt
@idempotent_post
def busy_view(request: HttpRequest) -> HttpResponse:
    """An OperationalError on a working connection (a lock timeout, a locked SQLite file)."""
    calls.append("run")
    connection.ensure_connection()
    raise OperationalError("database is locked")


@csrf_exempt
def always_view(request: HttpRequest) -> HttpResponse:
    calls.append("run")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
    return HttpResponse("never")


@csrf_exempt
def timeout_view(request: HttpRequest) -> HttpResponse:
    """A statement timeout (SQLSTATE 57014): an OperationalError, the connection fine."""
    calls.append("run")
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 1")
        try:
            cursor.execute("SELECT pg_sleep(1)")
        finally:
            cursor.execute("SET statement_timeout = 0")
    return HttpResponse("never")


urlpatterns = [
    path("timeout/", timeout_view, name="timeout"),
    path("always/", always_view, name="always"),
    path("plain/", plain_view, name="plain"),
    path("idempotent/", idempotent_view, name="idempotent"),
    path("dropped/", dropped_view, name="dropped"),
    path("busy/", busy_view, name="busy"),
]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls(__name__),
]
needs_postgres = pytest.mark.skipif(
    not settings.IS_POSTGRES, reason="terminates a PostgreSQL backend"
)


@pytest.fixture(autouse=True)
def _fresh_calls() -> None:
    calls.clear()


@pytest.fixture
def gone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection does not answer any more (an in-memory SQLite one cannot be cut)."""
    monkeypatch.setattr(type(connections["default"]), "is_usable", lambda self: False)


def test_a_get_whose_connection_is_lost_runs_once_more(gone: None) -> None:
    response = Client().get("/dropped/")
    assert response.status_code == 200
    assert calls == ["run", "run"]


def test_a_post_of_an_unmarked_view_is_not_run_twice(gone: None) -> None:
    with pytest.raises(OperationalError):
        Client().post("/dropped/")
    assert calls == ["run"]


def test_an_error_on_a_working_connection_is_not_retried() -> None:
    with pytest.raises(OperationalError):
        Client().get("/busy/")
    assert calls == ["run"]
    assert not connection_lost(OperationalError("database is locked"))


def test_the_log_line_names_the_view_not_the_data(
    gone: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="knutepunkt.operations.db_retry"):
        Client().get("/dropped/?email=someone@example.org")
    (record,) = [r for r in caplog.records if r.name == "knutepunkt.operations.db_retry"]
    assert "dropped" in record.getMessage()
    assert "OperationalError" in record.getMessage()
    assert "example.org" not in record.getMessage()


@needs_postgres
def test_get_survives_pg_terminate_backend() -> None:
    response = Client().get("/plain/")
    assert response.status_code == 200
    assert calls == ["run", "run"]


@needs_postgres
def test_idempotent_post_survives_pg_terminate_backend() -> None:
    response = Client().post("/idempotent/", {"submission_key": "k"})
    assert response.status_code == 200
    assert calls == ["run", "run"]


@needs_postgres
def test_other_post_fails_as_before_after_pg_terminate_backend() -> None:
    with pytest.raises(OperationalError):
        Client().post("/plain/", {"x": "1"})
    connection.close()  # as Django does at the end of a real request (the test client does not)
    assert calls == ["run"]


@needs_postgres
def test_fails_as_before_when_the_second_run_loses_its_connection_too() -> None:
    with pytest.raises(OperationalError):
        Client().get("/always/")
    connection.close()  # as Django does at the end of a real request (the test client does not)
    assert calls == ["run", "run"]


@needs_postgres
def test_a_statement_timeout_is_not_retried() -> None:
    with pytest.raises(OperationalError):
        Client().get("/timeout/")
    assert calls == ["run"]
