"""select_related never drags the outlines of municipalities and counties along."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knutepunkt.conftest import municipality
from knutepunkt.geo.models import Municipality
from knutepunkt.network.models import ContactPoint, OfficeCounty

pytestmark = pytest.mark.django_db


def _selected(queryset) -> str:
    with CaptureQueriesContext(connection) as captured:
        rows = list(queryset)
    assert rows
    return captured.captured_queries[0]["sql"].split(" FROM ")[0]


def test_direct_and_nested_joins_leave_the_outline_out(contact_point_molde):
    head = _selected(ContactPoint.objects.select_related("municipality__county"))
    assert '"geo_municipality"."name"' in head and '"geo_county"."name"' in head
    assert '"outline"' not in head
    assert '"outline"' not in _selected(OfficeCounty.objects.select_related("county"))
    assert '"geo_county"."outline"' not in _selected(Municipality.objects.select_related("county"))


def test_the_outline_is_still_there_for_whoever_reads_it(contact_point_molde):
    point = ContactPoint.objects.select_related("municipality").get(pk=contact_point_molde.pk)
    assert point.municipality.outline == municipality("1506").outline  # loaded on access
    assert point.municipality.outline["type"] in ("Polygon", "MultiPolygon")
    # Clearing the related selection clears nothing it should not.
    assert '"outline"' not in _selected(ContactPoint.objects.select_related(None))
    # Municipalities read on their own keep their outline (the maps read them so).
    assert '"outline"' in _selected(Municipality.objects.filter(number="1506"))
