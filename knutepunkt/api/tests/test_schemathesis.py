"""Property-based conformance of /api/v1/ to its own OpenAPI 3.1 document (schemathesis).

Every operation, every built-in check (status codes, content types, response schemas,
headers, rejecting invalid data, accepting valid data, auth enforcement, unsupported
methods …), a bounded number of generated requests each, against the WSGI app in-process
(no server, no network). Runs with the rest of the suite in `make test`."""

from __future__ import annotations

from typing import Any

import hypothesis
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler

from knutepunkt.tokens.services import api_token_create

# Enough to reach every parameter's boundaries (the coverage phase adds its own cases)
# while keeping the run under a minute on two cores.
MAX_EXAMPLES = 25


def _load_schema() -> Any:
    """The document as the app serves it (generating it reads no database)."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Any:
    """The WSGI app is called directly, not through Django's test client, so its request
    signals would close the test's database connection after every request (on
    PostgreSQL the test transaction makes it look obsolete). Do what the test client does:
    leave the connection alone while the test runs."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def read_token(office_staff_midt: Any, directory: dict[str, Any], settings: Any) -> str:
    """A token that may read but not write: writing with it must be refused (403), which
    keeps generated bodies from filling the log while every read runs for real."""
    _token, key = api_token_create(
        actor=office_staff_midt,
        office=office_staff_midt.office,
        name="schemathesis",
        scopes=["activities:read", "events:read"],
    )
    settings.KNUTEPUNKT = {**settings.KNUTEPUNKT, "API_RATE_LIMIT_PER_MINUTE": 0}
    _KEY["read"] = key
    return key


schema = _load_schema()
# The read-only key of the current test (the database, and so the key, is per test).
_KEY: dict[str, str] = {}


@schema.auth(refresh_interval=None)
class OfficeToken:
    """Schemathesis applies this where the document asks for the token, and leaves it out
    where it tests what happens without one."""

    def get(self, case: Any, ctx: Any) -> str:
        return _KEY.get("read", "kp_none")

    def set(self, case: Any, data: str, ctx: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.mark.django_db
@schema.parametrize()
@hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_api_conforms_to_its_openapi_document(case: Any, read_token: str) -> None:
    from schemathesis.checks import CHECKS, load_all_checks

    load_all_checks()
    case.call_and_validate(checks=CHECKS.get_all())
