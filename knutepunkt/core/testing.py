"""Helpers for tests: the browser (Playwright in Debian's Chromium, axe-core from PyPI), and
`manage.py` run as production starts it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page for WCAG 2.0/2.1/2.2 A and AA rules; return the violations."""
    from axe_playwright_python.sync_playwright import Axe

    # resultTypes: only violations come back with every node (much faster on long pages).
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = Axe().run(page, options=options)
    return list(result.response["violations"])


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [node.get("target") for node in violation.get("nodes", [])][:3]
        lines.append(f"{violation['id']} ({violation.get('impact')}): {targets}")
    return "\n".join(lines)


class PageWatch:
    """Everything a page does that a visitor's browser would complain about: console
    errors (a Content-Security-Policy violation or an invalid policy is one), uncaught
    script errors, and requests to any other origin (aborted, so a test never reaches the
    internet). ``take()`` returns what happened since the last call and starts afresh."""

    def __init__(self, page: Any, origin: str) -> None:
        self.origin = origin.rstrip("/") + "/"
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.route("**/*", self._route)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _allowed(self, url: str) -> bool:
        return url.startswith((self.origin, "data:", "blob:", "about:"))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if self._allowed(url):
            route.continue_()
        else:
            self.problems.append(f"request to another origin: {url}")
            route.abort()

    def take(self) -> list[str]:
        problems, self.problems = self.problems, []
        return problems


def tables_containing(*needles: str) -> dict[str, list[str]]:
    """Every ``table.column`` of the database whose value holds one of ``needles``: text
    compared without case, and a needle of digits also against the digits of each value
    (so "48011223" is found in "+47 480 11 223"). Raw SQL over every table the database
    has, so nothing the models do (decryption, managers) can hide a value."""
    from django.db import connection

    lowered = [n.lower() for n in needles if n]
    digit_needles = [n for n in lowered if n.isdigit()]
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            # Table names come from the database itself, quoted.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if value is None:
                        continue
                    raw = bytes(value) if isinstance(value, bytes | memoryview) else None
                    text = raw.decode("utf-8", "replace") if raw is not None else str(value)
                    text = text.lower()
                    digits = "".join(ch for ch in text if ch.isdigit())
                    if any(n in text for n in lowered) or any(n in digits for n in digit_needles):
                        found.setdefault(table, []).append(column)
    return found


def run_manage(
    *args: str, env: dict[str, str], drop: frozenset[str] = frozenset()
) -> subprocess.CompletedProcess[str]:
    """``manage.py <args>`` in a new process with the test settings left out of its
    environment (and ``drop`` too), then ``env`` on top: how production starts."""
    left_out = {"DEBUG", "KNUTEPUNKT_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE", *drop}
    clean = {k: v for k, v in os.environ.items() if k not in left_out}
    clean.update(env)
    return subprocess.run(  # noqa: S603 - the test's own arguments
        [sys.executable, "manage.py", *args],
        cwd=Path(__file__).resolve().parents[2],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class OutlineJoins:
    """Records queries that drag municipality or county outlines (GeoJSON, kilobytes each)
    in through a join: ``select_related("municipality")`` on a queryset that is not a
    ``WithoutOutlinesQuerySet`` (knutepunkt.geo.querysets), or a many-to-many of
    municipalities read without ``.defer("outline")``. A list of 40 partners that does so
    moves megabytes from the database and decodes them, for nothing. Reading outlines from
    the geography tables themselves (maps, distances) is what they are for and is not
    recorded.

    Use as ``with connection.execute_wrapper(recorder := OutlineJoins()): ...``.
    """

    def __init__(self) -> None:
        self.queries: list[str] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        head, _, rest = sql.partition(" FROM ")
        # Outlines come along with other rows: a join from another table, or a prefetch of
        # a many-to-many (from the geography table, joined to the link table).
        tables = [rest.split(" ", 1)[0], *re.findall(r'JOIN ("\w+")', rest)]
        joined = any(not table.startswith('"geo_') for table in tables)
        if head.startswith("SELECT") and '"outline"' in head and joined:
            self.queries.append(sql[:300])
        return execute(sql, params, many, context)
