"""The data migration that encrypts the alias and the topic of the rows that exist when it
runs (interests 0003–0005), and that going back restores them."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from knutepunkt.conftest import municipality
from knutepunkt.groups.models import Topic
from knutepunkt.interests.models import Interest
from knutepunkt.network.models import DistrictOffice

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("interests", "0002_group_proposals")]
ALIAS = "Zqxalias"
EMAIL = "zqx.before.migration@example.org"


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def _raw_rows() -> tuple[list[str], list[tuple[Any, ...]]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM interests_interest")
        return [c[0] for c in cursor.description], cursor.fetchall()


def test_existing_rows_are_encrypted_and_hashed_and_going_back_restores_them(
    reference_data: None,
) -> None:
    topic = Topic.objects.create(pk=876_543, slug="zqx-tema", name_nb="Zqxtema", name_en="Zqx")
    office = DistrictOffice.objects.create(name="Zqx kontor", slug="zqx", seat=municipality("1506"))
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        executor = _migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("interests", "Interest")
        old.objects.create(
            topic_id=topic.pk,
            municipality_id=municipality("1506").pk,
            office_id=office.pk,
            contact_method="email",
            alias=ALIAS,
            email=EMAIL,
            accepts_in_person=True,
            access_key="zqx-key",
        )
        columns, rows = _raw_rows()
        assert ALIAS in repr(rows) and "topic_id" in columns  # clear before the migration

        _migrate(leaves)
        columns, rows = _raw_rows()
        assert "topic_id" not in columns
        for secret in (ALIAS, EMAIL, str(topic.pk), topic.slug, topic.name_nb):
            assert secret not in repr(rows), secret
        interest = Interest.objects.get()
        assert (interest.alias, interest.email, interest.topic) == (ALIAS, EMAIL, topic)
        assert list(Interest.objects.for_topic(topic)) == [interest]
        assert list(Interest.objects.with_contact("email", EMAIL)) == [interest]

        _migrate(BEFORE)
        columns, rows = _raw_rows()
        record = dict(zip(columns, rows[0], strict=True))
        assert (record["alias"], record["topic_id"]) == (ALIAS, topic.pk)
    finally:
        _migrate(leaves)
