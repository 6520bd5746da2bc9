"""The dated geography: the 2019 units that ended with the 2020 reform, the 2020 and 2024
vintages, and the successor tables between them, checked against known facts."""

from __future__ import annotations

import datetime

import pytest

from knutepunkt.geo.loading import DATA_DIR, EARLIEST
from knutepunkt.geo.models import County, CountySuccessor, Municipality, MunicipalitySuccessor
from knutepunkt.geo.successors import derive, read_csv, read_units

pytestmark = pytest.mark.django_db

DAY_2012 = datetime.date(2012, 1, 19)
LAST_2019 = datetime.date(2019, 12, 31)
FIRST_2020 = datetime.date(2020, 1, 1)
LAST_2023 = datetime.date(2023, 12, 31)
FIRST_2024 = datetime.date(2024, 1, 1)


def _on(day: datetime.date, number: str) -> Municipality:
    return Municipality.objects.current(day).select_related("county").get(number=number)


def _successors(row: Municipality | County) -> set[tuple[str, str]]:
    return {(link.successor.number, link.successor.name) for link in row.successor_links.all()}


def _predecessor_names(row: Municipality) -> set[str]:
    return {link.predecessor.name for link in row.predecessor_links.all()}


def test_each_day_has_the_structure_of_its_time() -> None:
    # 422 municipalities and 18 counties before 2020, 356 and 11 in 2020–2023, 357 and 15
    # from 2024 (Ålesund and Haram split again).
    for day, municipalities, counties in [
        (DAY_2012, 422, 18),
        (LAST_2019, 422, 18),
        (FIRST_2020, 356, 11),
        (LAST_2023, 356, 11),
        (FIRST_2024, 357, 15),
    ]:
        assert Municipality.objects.current(day).count() == municipalities, day
        assert County.objects.current(day).count() == counties, day


def test_the_three_counties_that_split_in_2024() -> None:
    expected = {
        "Viken": {"Østfold", "Akershus", "Buskerud"},
        "Vestfold og Telemark": {"Vestfold", "Telemark"},
        "Troms og Finnmark": {"Troms - Romsa - Tromssa", "Finnmark - Finnmárku - Finmarkku"},
    }
    for name, heirs in expected.items():
        county = County.objects.get(name=name)
        assert (county.valid_from, county.valid_to) == (FIRST_2020, LAST_2023)
        assert {n for _, n in _successors(county)} == heirs
        shares = [link.share for link in county.successor_links.all()]
        assert sum(s or 0 for s in shares) == pytest.approx(1, abs=0.01)
    # Buskerud is the largest part of Viken's area.
    viken = County.objects.get(name="Viken")
    largest = max(viken.successor_links.all(), key=lambda link: link.share or 0)
    assert largest.successor.name == "Buskerud"
    # Counties that went on through 2024 are one row, never ended.
    for number in ["03", "11", "15", "18", "34", "42", "46", "50"]:
        assert County.objects.filter(number=number).count() == 1
        assert County.objects.get(number=number).valid_to is None


def test_the_counties_before_2020_and_their_successors() -> None:
    facts = {
        "01": ("Østfold", "30"),
        "02": ("Akershus", "30"),
        "06": ("Buskerud", "30"),
        "04": ("Hedmark", "34"),
        "05": ("Oppland", "34"),
        "07": ("Vestfold", "38"),
        "08": ("Telemark", "38"),
        "09": ("Aust-Agder", "42"),
        "10": ("Vest-Agder", "42"),
        "12": ("Hordaland", "46"),
        "14": ("Sogn og Fjordane", "46"),
        "19": ("Troms", "54"),
        "20": ("Finnmark", "54"),
    }
    for number, (name, heir) in facts.items():
        county = County.objects.current(DAY_2012).get(number=number)
        assert county.name == name
        assert county.valid_to == LAST_2019
        assert {n for n, _ in _successors(county)} == {heir}
    # Oslo, Rogaland, Møre og Romsdal, Nordland, Trøndelag went on.
    assert set(County.objects.current(DAY_2012).values_list("number", flat=True)) == {
        *facts,
        "03",
        "11",
        "15",
        "18",
        "50",
    }


def test_the_2020_mergers_are_recorded() -> None:
    # (2020 number, name): the municipalities that ended 31.12.2019 and went into it.
    mergers = {
        ("3014", "Indre Østfold"): {"Askim", "Eidsberg", "Hobøl", "Spydeberg", "Trøgstad"},
        ("3030", "Lillestrøm"): {"Skedsmo", "Fet", "Sørum"},
        ("3020", "Nordre Follo"): {"Ski", "Oppegård"},
        ("3025", "Asker"): {"Asker", "Røyken", "Hurum"},
        ("3005", "Drammen"): {"Drammen", "Nedre Eiker", "Svelvik"},
        ("3002", "Moss"): {"Moss", "Rygge"},
        ("1103", "Stavanger"): {"Stavanger", "Finnøy", "Rennesøy"},
        ("1108", "Sandnes"): {"Sandnes", "Forsand"},
        ("1506", "Molde"): {"Molde", "Nesset", "Midsund"},
        ("1507", "Ålesund"): {"Ålesund", "Haram", "Sandøy", "Skodje", "Ørskog"},
        ("1577", "Volda"): {"Volda", "Hornindal"},
        ("4204", "Kristiansand"): {"Kristiansand", "Songdalen", "Søgne"},
        ("4205", "Lindesnes"): {"Mandal", "Marnardal", "Lindesnes"},
        ("4631", "Alver"): {"Lindås", "Meland", "Radøy"},
        ("4647", "Sunnfjord"): {"Førde", "Gaular", "Jølster", "Naustdal"},
        ("5001", "Trondheim"): {"Trondheim", "Klæbu"},
        ("5059", "Orkland"): {"Orkdal", "Agdenes", "Meldal", "Snillfjord"},
        ("5421", "Senja"): {"Lenvik", "Berg", "Torsken", "Tranøy"},
        ("5406", "Hammerfest"): {"Hammerfest", "Kvalsund"},
        ("1806", "Narvik"): {"Narvik", "Ballangen", "Tysfjord"},
    }
    for (number, name), predecessors in mergers.items():
        merged = _on(FIRST_2020, number)
        assert merged.name.startswith(name)
        assert _predecessor_names(merged) == predecessors, name
        assert merged.valid_from == FIRST_2020
    # Each ended unit is a name-only row (no outline) valid up to 31.12.2019, in the county
    # of its time, placed at its successor's point.
    askim = _on(DAY_2012, "0124")
    assert askim.name == "Askim"
    assert (askim.valid_from, askim.valid_to) == (EARLIEST, LAST_2019)
    assert askim.outline is None
    assert (askim.county.number, askim.county.name) == ("01", "Østfold")
    assert askim.point == _on(FIRST_2020, "3014").point
    skedsmo = _on(DAY_2012, "0231")
    assert (skedsmo.name, skedsmo.county.name) == ("Skedsmo", "Akershus")
    # Tysfjord and Snillfjord were split between several new municipalities.
    assert {n for n, _ in _successors(_on(DAY_2012, "1850"))} == {"1806", "1875"}
    assert {n for n, _ in _successors(_on(DAY_2012, "5012"))} == {"5055", "5056", "5059"}


def test_every_2020_municipality_in_a_merged_county_has_its_2019_predecessor() -> None:
    for county in ["30", "34", "38", "42", "46", "54"]:
        for municipality in Municipality.objects.current(FIRST_2020).filter(county__number=county):
            assert municipality.predecessor_links.exists(), municipality


def test_the_2024_renumbering_and_splits() -> None:
    # The 2024 structure renumbered every municipality of the split counties.
    indre = _on(LAST_2023, "3014")
    assert indre.valid_to == LAST_2023
    assert _successors(indre) == {("3118", "Indre Østfold")}
    assert _successors(_on(LAST_2023, "3030")) == {("3205", "Lillestrøm")}
    assert _successors(_on(LAST_2023, "5401")) == {("5501", "Tromsø")}
    assert _successors(_on(LAST_2023, "3801")) == {("3901", "Horten")}
    # Ålesund was split again: Ålesund and Haram, with their shares of the area.
    alesund = _on(LAST_2023, "1507")
    shares = {link.successor.name: link.share or 0.0 for link in alesund.successor_links.all()}
    assert set(shares) == {"Ålesund", "Haram"}
    assert sum(shares.values()) == pytest.approx(1)
    assert 0.2 < shares["Haram"] < 0.6
    # Every other 2020 municipality that ended has exactly one successor, of its own name.
    ended = Municipality.objects.filter(valid_to=LAST_2023).exclude(number="1507")
    assert ended.count() == 113
    for municipality in ended:
        heirs = list(municipality.successor_links.all())
        assert len(heirs) == 1, municipality
        assert municipality.name in heirs[0].successor.name.split(" - ")
    # A name that only gained its Sami form is the same row (Hamarøy, Trondheim, Røros).
    hamaroy = Municipality.objects.get(number="1875")
    assert hamaroy.name == "Hábmer - Hamarøy"
    assert (hamaroy.valid_from, hamaroy.valid_to) == (FIRST_2020, None)
    # Kvitsøy and Træna are missing from the 2020 file (islands lost in simplification)
    # but existed: their rows reach back.
    assert _on(FIRST_2020, "1144").name == "Kvitsøy"
    assert _on(DAY_2012, "1835").name == "Træna"
    # Unchanged municipalities are one row from before 2020 until today.
    oslo = Municipality.objects.get(number="0301")
    assert (oslo.valid_from, oslo.valid_to) == (EARLIEST, None)


def test_successor_links_only_join_consecutive_rows() -> None:
    for link in MunicipalitySuccessor.objects.select_related("predecessor", "successor"):
        assert link.predecessor.valid_to is not None
        assert link.successor.valid_from == link.predecessor.valid_to + datetime.timedelta(days=1)
    for county_link in CountySuccessor.objects.select_related("predecessor", "successor"):
        ended = county_link.predecessor.valid_to
        assert ended is not None
        assert county_link.successor.valid_from == ended + datetime.timedelta(days=1)


def test_the_stored_successor_tables_are_what_the_outlines_give() -> None:
    for kind, number_key, name_key in [
        ("kommuner", "kommunenummer", "kommunenavn"),
        ("fylker", "fylkesnummer", "fylkesnavn"),
    ]:
        old = read_units(DATA_DIR / f"{kind}-2020.geojson", number_key, name_key)
        new = read_units(DATA_DIR / f"{kind}-2024.geojson", number_key, name_key)
        derived = [c for c in derive(old, new) if not c.continues]
        stored_name = "municipality" if kind == "kommuner" else "county"
        stored = read_csv(DATA_DIR / f"{stored_name}-successors-2020-2024.csv")
        assert derived == stored
