"""verify_restore compares two PostgreSQL databases table by table: a faithful copy has 0
mismatches; a lost row, a changed value or a missing table is found."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

SERVER = os.environ.get("VERIFY_TEST_SERVER", "postgres://postgres@127.0.0.1:5432")
# Names of their own per test run: the suite runs on two workers at once, and two tests
# here dropping each other's databases failed CI.


def _available() -> bool:
    try:
        psycopg.connect(f"{SERVER}/postgres", connect_timeout=2).close()
    except psycopg.Error:
        return False
    return True


pytestmark = pytest.mark.skipif(not _available(), reason="needs a local PostgreSQL")


@pytest.fixture
def databases() -> Iterator[tuple[str, str]]:
    suffix = uuid.uuid4().hex[:12]
    names = (f"ops_verify_source_{suffix}", f"ops_verify_copy_{suffix}")
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    urls = tuple(f"{SERVER}/{name}" for name in names)
    for url in urls:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE TABLE item (id int primary key, title text)")
            connection.execute(
                "INSERT INTO item SELECT g, 'rad ' || g FROM generate_series(1, 50) g"
            )
            connection.execute("CREATE TABLE other (id int)")
    yield urls  # type: ignore[misc]
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _verify(source: str, target: str, capsys: pytest.CaptureFixture[str]) -> str:
    with contextlib.suppress(CommandError):
        call_command("verify_restore", source=source, target=target)
    return capsys.readouterr().out


def test_a_faithful_copy_has_no_mismatch(databases: tuple[str, str], capsys) -> None:
    source, target = databases
    with psycopg.connect(target, autocommit=True) as connection:
        # Row order on disk differs: the checksum does not care.
        connection.execute("DELETE FROM item WHERE id = 7")
        connection.execute("INSERT INTO item VALUES (7, 'rad 7')")
    out = _verify(source, target, capsys)
    assert "VERIFY tables 2" in out and "VERIFY mismatches 0" in out


def test_lost_rows_changed_values_and_missing_tables_are_found(
    databases: tuple[str, str], capsys
) -> None:
    source, target = databases
    with psycopg.connect(target, autocommit=True) as connection:
        connection.execute("UPDATE item SET title = 'endret' WHERE id = 3")
        connection.execute("DROP TABLE other")
    with pytest.raises(CommandError):
        call_command("verify_restore", source=source, target=target)
    out = capsys.readouterr().out
    assert "MISMATCH item: same number of rows, different content" in out
    assert "MISMATCH other: missing in the restored database" in out
    assert "VERIFY mismatches 2" in out
