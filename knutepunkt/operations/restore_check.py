"""Compare two PostgreSQL databases table by table (row count and a checksum of every
row): proves that a restored backup holds what the original held. Reads only; prints
table names and numbers, never row content."""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql


@dataclass(frozen=True)
class TableState:
    rows: int
    checksum: str


def table_states(url: str) -> dict[str, TableState]:
    """Every table of the ``public`` schema: its row count and an order-independent md5
    over the text form of each row."""
    states: dict[str, TableState] = {}
    with psycopg.connect(url, autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        for (table,) in cursor.fetchall():
            query = sql.SQL(
                "SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') "
                "FROM (SELECT md5(t::text) AS h FROM {} AS t) AS rows"
            ).format(sql.Identifier(table))
            cursor.execute(query)
            count, checksum = cursor.fetchone() or (0, "")
            states[table] = TableState(rows=int(count), checksum=str(checksum))
    return states


@dataclass(frozen=True)
class Mismatch:
    table: str
    problem: str


def compare(source_url: str, target_url: str) -> tuple[int, list[Mismatch]]:
    source, target = table_states(source_url), table_states(target_url)
    mismatches = []
    for table in sorted(set(source) | set(target)):
        if table not in target:
            mismatches.append(Mismatch(table, "missing in the restored database"))
        elif table not in source:
            mismatches.append(Mismatch(table, "only in the restored database"))
        elif source[table].rows != target[table].rows:
            mismatches.append(Mismatch(table, f"rows {source[table].rows} != {target[table].rows}"))
        elif source[table].checksum != target[table].checksum:
            mismatches.append(Mismatch(table, "same number of rows, different content"))
    return len(source), mismatches
