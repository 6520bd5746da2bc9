"""Writing thousands of rows at once, for rows nobody needs the primary key of afterwards
(audit entries, many-to-many links of an import).

On PostgreSQL the rows go in with ``COPY … FROM STDIN`` (no SQL text to build and parse
per value); elsewhere with ``bulk_create``. Either way inside the caller's transaction,
with the same values: each field's ``pre_save`` (``auto_now_add``) and database
preparation run as they do for ``save()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connections, models, router

BATCH_SIZE = 2000


def _fields(model: type[models.Model], *, with_pk: bool = False) -> list[Any]:
    pk = model._meta.pk
    return [f for f in model._meta.local_concrete_fields if with_pk or f is not pk]


def _copy_sql(connection: Any, model: type[models.Model], columns: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    return f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN"


def insert_instances(
    objs: Sequence[models.Model], *, with_pks: bool = False, batch_size: int = BATCH_SIZE
) -> None:
    """Insert unsaved instances of one model. With ``with_pks`` each gets its primary key
    (on PostgreSQL taken from the table's sequence first); otherwise the pks may stay
    None."""
    if not objs:
        return
    model = type(objs[0])
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs, batch_size=batch_size)
        return
    if with_pks:
        _allocate_pks(connection, objs)
    fields = _fields(model, with_pk=with_pks)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(_copy_sql(connection, model, [f.column for f in fields])) as copy,
    ):
        for obj in objs:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])


def _allocate_pks(connection: Any, objs: Sequence[models.Model]) -> None:
    """Take as many values from the primary key's sequence as there are rows."""
    meta = objs[0]._meta
    assert meta.pk is not None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objs)],
        )
        pks = sorted(row[0] for row in cursor.fetchall())
    for obj, pk in zip(objs, pks, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias


def insert_values(
    model: type[models.Model],
    attnames: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    batch_size: int = BATCH_SIZE,
) -> None:
    """Insert rows given as plain values ready for the database (ids, numbers, text) for
    the fields named by ``attnames`` (``activity_id`` …), without building instances."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(
            (model(**dict(zip(attnames, row, strict=True))) for row in rows),
            batch_size=batch_size,
        )
        return
    columns = [str(getattr(model._meta.get_field(name), "column", name)) for name in attnames]
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(_copy_sql(connection, model, columns)) as copy,
    ):
        for row in rows:
            copy.write_row(row)
