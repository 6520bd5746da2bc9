"""The public "Find help" page: topics in both languages, places by name or position,
ranking by distance, and the contact paths it offers."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from knutepunkt.conftest import municipality
from knutepunkt.geo.places import place_by_number
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, Topic
from knutepunkt.groups.search import parse_query
from knutepunkt.groups.selectors import find_help
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.network.models import ContactPoint, DistrictOffice

with translation.override("nb"):
    URL = reverse("find:search")  # /finn-hjelp/, the default bokmål page
with translation.override("en"):
    EN_URL = reverse("find:search")  # /en/finn-hjelp/, for tests that assert English text


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def topics(db: Any) -> dict[str, Topic]:
    def make(slug: str, nb: str, en: str, synonyms: str) -> Topic:
        return topic_create(actor=None, slug=slug, name_nb=nb, name_en=en, synonyms=synonyms)

    return {
        "anxiety": make("angst", "Angst", "Anxiety", "panikkangst, sosial angst"),
        "grief": make("miste-noen", "Å miste noen", "Losing someone", "sorg, grief"),
        "addiction": make("rus", "Rusavhengighet", "Addiction", "rus, alkohol"),
        "depression": make("depresjon", "Depresjon", "Depression", "nedstemthet"),
    }


@pytest.fixture
def groups(
    topics: dict[str, Topic],
    office_midt: DistrictOffice,
    office_nord: DistrictOffice,
    contact_point_molde: ContactPoint,
    contact_point_tromso: ContactPoint,
) -> dict[str, Any]:
    def make(title: str, topic: str, office: DistrictOffice, **fields: Any) -> Any:
        return group_create(actor=None, topic=topics[topic], office=office, title=title, **fields)

    return {
        "molde": make(
            "Angstgruppe Molde",
            "anxiety",
            office_midt,
            contact_point=contact_point_molde,
            municipality="1506",
            status=GroupStatus.OPEN,
        ),
        "alesund": make("Angstgruppe Ålesund", "anxiety", office_midt, municipality="1508"),
        "tromso": make(
            "Angstgruppe Tromsø",
            "anxiety",
            office_nord,
            contact_point=contact_point_tromso,
            municipality="5501",
            status=GroupStatus.OPEN,
        ),
        "grief": make("Sorggruppe Tromsø", "grief", office_nord, municipality="5501"),
        "relatives": make(
            "Pårørendegruppe rus",
            "addiction",
            office_midt,
            municipality="1506",
            target=GroupTarget.RELATIVES,
        ),
        "addiction": make("Rusgruppe Molde", "addiction", office_midt, municipality="1506"),
        "phone": make("Angst på telefon", "anxiety", office_midt, format=GroupFormat.PHONE),
        "closed": make(
            "Lukket angstgruppe",
            "anxiety",
            office_midt,
            municipality="1506",
            status=GroupStatus.CLOSED,
        ),
        "ended": make(
            "Avsluttet angstgruppe",
            "anxiety",
            office_midt,
            municipality="1506",
            status=GroupStatus.ENDED,
        ),
    }


def page(client: Client, **params: str) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def english_page(client: Client, **params: str) -> str:
    response = client.get(EN_URL, params)
    assert response.status_code == 200
    return response.content.decode()


def titles(query: str, number: str | None) -> list[str]:
    place = place_by_number(number) if number else None
    results = find_help(query=parse_query(query), place=place)
    # In-person groups by distance (near, then far), then those by phone or online.
    return [str(g.title) for g in results.in_person + results.far_in_person + results.remote]


def test_anxiety_in_molde_lists_molde_group_first(client: Client, groups: dict[str, Any]) -> None:
    html = page(client, q="angst", sted="Molde")
    assert html.index("Angstgruppe Molde") < html.index("Angstgruppe Ålesund")
    assert html.index("Angstgruppe Ålesund") < html.index("Angstgruppe Tromsø")
    assert "Angst på telefon" in html
    assert "Kontaktpunkt for selvhjelp i Molde" in html
    assert "selvhjelp@molde.example" in html
    assert "Møre og Romsdal og Trøndelag" in html  # the Midt district office
    assert "Rusgruppe Molde" not in html


def test_anxiety_in_molde_ranks_by_distance(groups: dict[str, Any]) -> None:
    results = find_help(query=parse_query("angst"), place=place_by_number("1506"))
    assert [str(g.title) for g in results.in_person + results.far_in_person] == [
        "Angstgruppe Molde",
        "Angstgruppe Ålesund",
        "Angstgruppe Tromsø",
    ]
    assert results.in_person[0].distance_label == "In your municipality"
    assert results.far_in_person[0].distance_label.endswith("km away")
    assert [str(g.title) for g in results.remote] == ["Angst på telefon"]
    assert results.office is not None and results.office.name == "Møre og Romsdal og Trøndelag"
    assert [c.name for c in results.serving_contact_points] == [
        "Kontaktpunkt for selvhjelp i Molde"
    ]


@pytest.mark.parametrize("typed", ["molde", "MOLDE", " Molde ", "Molde (Møre og Romsdal)"])
def test_place_names_match_without_case_or_spacing(
    client: Client, groups: dict[str, Any], typed: str
) -> None:
    html = english_page(client, q="angst", sted=typed)
    assert "Results near Molde<" in html


@pytest.mark.parametrize("typed", ["tromso", "Tromsø", "TROMSØ"])
def test_place_names_match_without_diacritics(
    client: Client, groups: dict[str, Any], typed: str
) -> None:
    html = english_page(client, q="angst", sted=typed)
    assert "Results near Tromsø<" in html
    assert html.index("Angstgruppe Tromsø") < html.index("Angstgruppe Molde")


def test_near_me_position_resolves_to_tromso(client: Client, groups: dict[str, Any]) -> None:
    html = english_page(client, q="angst", lat="69.65", lon="18.96")
    assert "Results near Tromsø<" in html
    assert html.index("Angstgruppe Tromsø") < html.index("Angstgruppe Molde")
    assert "Selvhjelp Tromsø" in html
    assert "Nordland, Troms og Finnmark" in html


def test_position_outside_norway_asks_for_the_municipality(
    client: Client, groups: dict[str, Any]
) -> None:
    html = english_page(client, q="angst", lat="0", lon="0")
    assert "We could not find a Norwegian municipality at your position" in html


def test_municipality_number_from_typeahead_is_used(client: Client, groups: dict[str, Any]) -> None:
    html = english_page(client, q="angst", sted="Molde (Møre og Romsdal)", kommune="1506")
    assert "Results near Molde" in html


def test_sorg_finds_grief_topic_through_its_search_words(groups: dict[str, Any]) -> None:
    assert titles("sorg", "5501") == ["Sorggruppe Tromsø"]


def test_english_grief_words_find_the_grief_topic(groups: dict[str, Any]) -> None:
    assert titles("bereavement", None) == ["Sorggruppe Tromsø"]


def test_relatives_and_addiction_finds_only_relatives_groups(groups: dict[str, Any]) -> None:
    assert titles("pårørende rus", "1506") == ["Pårørendegruppe rus"]
    assert titles("parorende til rusavhengige", "1506") == ["Pårørendegruppe rus"]
    assert titles("relatives addiction", "1506") == ["Pårørendegruppe rus"]


def test_english_anxiety_query_works(client: Client, groups: dict[str, Any]) -> None:
    assert titles("anxiety", "1506")[0] == "Angstgruppe Molde"
    html = page(client, q="anxiety", sted="molde")
    assert "Angstgruppe Molde" in html


def test_word_forms_match(groups: dict[str, Any]) -> None:
    assert "Angstgruppe Molde" in titles("angsten", "1506")
    assert "Sorggruppe Tromsø" in titles("Sorgen", "5501")


def test_closed_and_ended_groups_never_appear(client: Client, groups: dict[str, Any]) -> None:
    for params in ({"q": "angst", "sted": "Molde"}, {"sted": "Molde"}, {"q": "angstgruppe"}):
        html = page(client, **params)
        assert "Lukket angstgruppe" not in html
        assert "Avsluttet angstgruppe" not in html


def test_ambiguous_place_offers_the_namesakes(client: Client, groups: dict[str, Any]) -> None:
    html = english_page(client, q="angst", sted="Herøy")
    assert "Several municipalities match" in html
    assert "Herøy (Møre og Romsdal)" in html
    assert "Herøy (Nordland" in html
    assert "kommune=1515" in html


def test_county_in_the_place_name_chooses_the_namesake(groups: dict[str, Any]) -> None:
    from knutepunkt.geo.places import current_places, resolve_place

    match = resolve_place("Herøy (Nordland)", current_places())
    assert match.place is not None and match.place.number == "1818"


def test_unknown_place_says_so_and_suggests_close_names(
    client: Client, groups: dict[str, Any]
) -> None:
    html = english_page(client, q="angst", sted="Moldee")
    assert "We found no municipality called" in html
    assert ">Molde</a>" in html
    html = english_page(client, q="angst", sted="Atlantis")
    assert "Please check the spelling" in html


def test_nothing_found_points_to_the_nearest_contact_point(
    client: Client, groups: dict[str, Any]
) -> None:
    html = english_page(client, q="spiseforstyrrelser", sted="Molde")
    assert "We found no group on this yet" in html
    assert (
        'Ask them to start a group: <span lang="nb">Kontaktpunkt for selvhjelp i Molde</span>'
        in html
    )


def test_nothing_found_without_contact_point_points_to_the_office(
    client: Client, groups: dict[str, Any]
) -> None:
    html = english_page(client, q="spiseforstyrrelser", sted="Kristiansund")
    # Molde's contact point is the nearest other one; the office is listed too.
    assert "We found no group on this yet" in html
    assert "Møre og Romsdal og Trøndelag" in html


def test_page_without_parameters_shows_the_form(client: Client, db: Any) -> None:
    html = page(client)
    assert 'method="get"' in html
    assert 'name="q"' in html and 'name="sted"' in html
    assert "Results" not in english_page(client)


def test_page_renders_in_english(client: Client, groups: dict[str, Any]) -> None:
    response = client.get("/en/finn-hjelp/", {"q": "anxiety", "sted": "Tromsø"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Anxiety" in html
    assert "Angstgruppe Tromsø" in html


def test_results_never_name_a_person(client: Client, groups: dict[str, Any]) -> None:
    html = english_page(client, q="angst", sted="Molde")
    assert 'Get in touch through <span lang="nb">Kontaktpunkt for selvhjelp i Molde</span>' in html
    assert "Get in touch through the district office" in html


def _queries_for_page(client: Client, params: dict[str, str]) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_results(
    client: Client,
    topics: dict[str, Topic],
    office_midt: DistrictOffice,
    contact_point_molde: ContactPoint,
) -> None:
    def add(count: int) -> None:
        for i in range(count):
            group_create(
                actor=None,
                topic=topics["anxiety"],
                office=office_midt,
                contact_point=contact_point_molde if i % 2 else None,
                municipality=municipality("1506" if i % 3 else "1508"),
                format=GroupFormat.PHONE if i % 5 == 0 else GroupFormat.IN_PERSON,
                title=f"Gruppe {i}",
            )

    params = {"q": "angst", "sted": "Molde"}
    add(3)
    few = _queries_for_page(client, params)
    add(27)
    many = _queries_for_page(client, params)
    assert "Gruppe 25" in client.get(URL, params).content.decode()
    assert many == few
    assert few <= 8


def test_repeated_search_is_served_from_the_cache(client: Client, groups: dict[str, Any]) -> None:
    client.get(URL, {"q": "angst", "sted": "Molde"})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, {"q": "ANGST ", "sted": "molde"})
    assert response.status_code == 200
    assert len(captured) == 0


def test_typeahead_lists_current_municipalities(client: Client, db: Any) -> None:
    response = client.get(reverse("find:municipalities"), {"q": "mol"})
    assert response.status_code == 200
    data = response.json()
    assert data[0] == {
        "number": "1506",
        "name": "Molde",
        "county": "Møre og Romsdal",
        "label": "Molde",
    }
    assert len(data) <= 10


def test_typeahead_matches_folded_names_and_caps_the_list(client: Client, db: Any) -> None:
    url = reverse("find:municipalities")
    assert [m["number"] for m in client.get(url, {"q": "troms"}).json()] == ["5501"]
    assert len(client.get(url, {"q": "s"}).json()) == 10
    assert client.get(url, {"q": ""}).json() == []


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")
def test_postgres_full_text_search_stems_norwegian_descriptions(
    topics: dict[str, Topic], office_midt: DistrictOffice
) -> None:
    group_create(
        actor=None,
        topic=topics["grief"],
        office=office_midt,
        municipality="1506",
        title="Foreldregruppe",
        description_nb="For foreldre som har mistet barnet sitt.",
    )
    assert titles("barna", "1506") == ["Foreldregruppe"]


def _csrf_input(html: str) -> str:
    import re

    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def test_cached_page_still_gives_each_visitor_a_working_csrf_token(
    groups: dict[str, Any],
) -> None:
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(URL, {"q": "angst", "sted": "Molde"})
    with CaptureQueriesContext(connection) as captured:
        html = second.get(URL, {"q": "angst", "sted": "Molde"}).content.decode()
    assert len(captured) == 0  # served from the page cache
    token = _csrf_input(html)
    assert "__knutepunkt" not in html
    response = second.post(
        "/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


# --- Far away: never above phone and online groups or registering interest ---------------


def test_a_far_in_person_group_comes_after_remote_groups_and_registering_interest(
    client: Client, groups: dict[str, Any]
) -> None:
    """Searching for anxiety in Oslo: the nearest in-person groups are in Ålesund and
    Molde, far beyond the travel distance. The phone group and the offer to register
    interest come first; the far groups last, under a heading that says how far."""
    results = find_help(query=parse_query("angst"), place=place_by_number("0301"))
    assert results.nothing_near
    assert results.in_person == []
    assert [str(g.title) for g in results.remote] == ["Angst på telefon"]
    far = [str(g.title) for g in results.far_in_person]
    assert far[:2] == ["Angstgruppe Molde", "Angstgruppe Ålesund"]
    html = english_page(client, q="angst", sted="Oslo")
    interest = html.index("No group on this meets within 50 km of you yet.")
    register = html.index('href="/en/interesse/?kommune=0301"')
    remote = html.index("Angst på telefon")
    far_heading = html.index("Groups that meet in person more than 50 km away")
    assert interest < register < remote < far_heading < html.index("Angstgruppe Molde")


def test_near_in_person_groups_still_come_first(client: Client, groups: dict[str, Any]) -> None:
    results = find_help(query=parse_query("angst"), place=place_by_number("1506"))
    assert not results.nothing_near
    assert [str(g.title) for g in results.in_person][:1] == ["Angstgruppe Molde"]
    assert "Angstgruppe Tromsø" in [str(g.title) for g in results.far_in_person]
    html = english_page(client, q="angst", sted="Molde")
    assert "No group on this meets within" not in html
    molde = html.index("Angstgruppe Molde")
    assert molde < html.index("Angst på telefon") < html.index("Angstgruppe Tromsø")


def test_the_travel_distance_setting_decides_what_is_far(
    groups: dict[str, Any], settings: Any
) -> None:
    settings.INTEREST_TRAVEL_KM = 2000
    results = find_help(query=parse_query("angst"), place=place_by_number("0301"))
    assert not results.nothing_near and results.far_in_person == []
    settings.INTEREST_TRAVEL_KM = 0  # only groups in the municipality itself are near
    results = find_help(query=parse_query("angst"), place=place_by_number("1506"))
    assert [str(g.title) for g in results.in_person] == ["Angstgruppe Molde"]
    assert "Angstgruppe Ålesund" in [str(g.title) for g in results.far_in_person]
