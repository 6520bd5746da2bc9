from __future__ import annotations

import datetime
import json
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from knutepunkt.geo.distance import haversine_km, nearest_municipality
from knutepunkt.geo.loading import (
    COUNTIES_2024,
    MUNICIPALITIES_2024,
    VINTAGES,
    Vintage,
    load_geography,
    point_in_geometry,
)
from knutepunkt.geo.models import County, Municipality
from knutepunkt.geo.polygons import representative_point

pytestmark = pytest.mark.django_db

REFORM_DAY = datetime.date(2030, 1, 1)


def test_reference_geography_has_357_municipalities_and_15_counties() -> None:
    assert Municipality.objects.current().count() == 357
    assert County.objects.current().count() == 15
    assert County.objects.get(number="55").name == "Troms - Romsa - Tromssa"
    assert Municipality.objects.get(number="1506").name == "Molde"


def test_every_municipality_number_starts_with_its_county_number() -> None:
    for number, county_number in Municipality.objects.values_list("number", "county__number"):
        assert number[:2] == county_number


def test_every_representative_point_lies_inside_its_own_outline() -> None:
    outside = [
        m.number
        for m in Municipality.objects.exclude(outline=None)
        if not point_in_geometry(m.latitude, m.longitude, m.outline)
    ]
    assert outside == []


def test_point_in_geometry_respects_holes_and_multipolygons() -> None:
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    polygon = {"type": "Polygon", "coordinates": [square, hole]}
    assert point_in_geometry(2, 2, polygon)
    assert not point_in_geometry(5, 5, polygon)  # in the hole
    assert not point_in_geometry(11, 5, polygon)
    far = [[20, 20], [21, 20], [21, 21], [20, 20]]
    multi = {"type": "MultiPolygon", "coordinates": [[square], [far]]}
    assert point_in_geometry(20.2, 20.5, multi)  # lat 20.2, lon 20.5


def test_representative_point_of_a_u_shape_is_inside_although_its_centroid_is_not() -> None:
    # A "U": the centroid falls in the empty middle, above the bottom bar.
    u_shape = [[0, 0], [9, 0], [9, 9], [6, 9], [6, 3], [3, 3], [3, 9], [0, 9], [0, 0]]
    geometry = {"type": "Polygon", "coordinates": [u_shape]}
    assert not point_in_geometry(4.2, 4.5, geometry)  # roughly the centroid
    lat, lon = representative_point(geometry)
    assert point_in_geometry(lat, lon, geometry)


def test_representative_point_uses_the_largest_polygon() -> None:
    islet = [[0, 0], [0.1, 0], [0.1, 0.1], [0, 0], [0, 0]]
    mainland = [[10, 10], [14, 10], [14, 14], [10, 14], [10, 10]]
    geometry = {"type": "MultiPolygon", "coordinates": [[islet], [mainland]]}
    assert representative_point(geometry) == pytest.approx((12, 12))


def test_loading_twice_changes_nothing_and_keeps_primary_keys() -> None:
    before = dict(Municipality.objects.values_list("number", "pk"))
    counties_before = dict(County.objects.values_list("number", "pk"))
    assert load_geography() == (15, 357)
    assert dict(Municipality.objects.values_list("number", "pk")) == before
    assert dict(County.objects.values_list("number", "pk")) == counties_before


def test_reload_repairs_a_changed_name_in_place() -> None:
    molde = Municipality.objects.get(number="1506")
    Municipality.objects.filter(pk=molde.pk).update(name="Feil navn")
    load_geography()
    molde.refresh_from_db()
    assert molde.name == "Molde"


def test_load_geo_command_prints_counts(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_geo")
    assert "15 counties, 357 municipalities" in capsys.readouterr().out


def test_loading_on_a_fresh_database_is_fast() -> None:
    Municipality.objects.all().delete()
    County.objects.all().delete()
    started = time.perf_counter()
    assert load_geography() == (15, 357)
    assert time.perf_counter() - started < 2.0


def _write_reform(tmp_path: Path) -> tuple[Path, Path]:
    """A later vintage: the same structure except that Molde takes a new name."""
    municipalities = json.loads(MUNICIPALITIES_2024.read_text(encoding="utf-8"))
    for feature in municipalities["features"]:
        if feature["properties"]["kommunenummer"] == "1506":
            feature["properties"]["kommunenavn"] = "Molde og Omegn"
    m_path = tmp_path / "kommuner.geojson"
    m_path.write_text(json.dumps(municipalities), encoding="utf-8")
    return COUNTIES_2024, m_path


def test_a_later_reform_keeps_the_old_rows_as_history(tmp_path: Path) -> None:
    old_molde = Municipality.objects.get(number="1506", valid_from=datetime.date(2020, 1, 1))
    counties_path, municipalities_path = _write_reform(tmp_path)
    reform = Vintage(REFORM_DAY, counties_path, municipalities_path)
    load_geography(vintages=[*VINTAGES, reform])
    old_molde.refresh_from_db()
    assert old_molde.name == "Molde"
    assert old_molde.valid_to == REFORM_DAY - datetime.timedelta(days=1)
    assert Municipality.objects.filter(number="1506").count() == 2
    # Before the reform the old row is current, after it the new one.
    assert Municipality.objects.current(datetime.date(2029, 6, 1)).get(number="1506") == old_molde
    new_molde = Municipality.objects.current(REFORM_DAY).get(number="1506")
    assert new_molde.name == "Molde og Omegn"
    # The county did not change: the municipality's row points at the same county row.
    assert new_molde.county == old_molde.county
    assert Municipality.objects.current(REFORM_DAY).count() == 357
    # Nothing was recorded about the change: the number that goes on is the successor.
    assert [s.successor for s in old_molde.successor_links.all()] == [new_molde]
    # Re-running the same load changes nothing.
    load_geography(vintages=[*VINTAGES, reform])
    old_molde.refresh_from_db()
    assert old_molde.valid_to == REFORM_DAY - datetime.timedelta(days=1)
    assert Municipality.objects.filter(number="1506").count() == 2


def test_haversine_oslo_tromso_is_about_1150_km() -> None:
    assert haversine_km(59.9139, 10.7522, 69.6492, 18.9553) == pytest.approx(1150, abs=15)
    assert haversine_km(60.0, 10.0, 60.0, 10.0) == 0


def test_nearest_municipality_to_a_point_near_molde_is_molde() -> None:
    found = nearest_municipality(62.74, 7.16)
    assert found is not None
    assert found.number == "1506"


def test_nearest_municipality_in_tromso_city_is_tromso() -> None:
    found = nearest_municipality(69.6492, 18.9553)
    assert found is not None
    assert found.number == "5501"


def test_nearest_municipality_at_sea_is_the_nearest_coastal_one() -> None:
    found = nearest_municipality(61.0, 3.5)  # the North Sea, west of Vestland
    assert found is not None
    assert found.county.number == "46"


def test_nearest_municipality_without_geography_is_none() -> None:
    Municipality.objects.all().delete()
    assert nearest_municipality(62.74, 7.16) is None


def test_municipality_number_with_letters_is_a_clear_validation_error() -> None:
    county = County.objects.current().get(number="15")
    bad = Municipality(number="12a", name="X", county=county, latitude=62, longitude=7)
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "number" in error.value.message_dict


def test_municipality_in_the_wrong_county_is_a_clear_validation_error() -> None:
    oslo = County.objects.current().get(number="03")
    bad = Municipality(number="1599", name="X", county=oslo, latitude=62, longitude=7)
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "county" in error.value.message_dict
