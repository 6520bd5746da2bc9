"""The one place-name parser and the one places cache: what typed text resolves to, what
a form says when it does not, and that a change through the geo services is seen at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from knutepunkt.accounts.models import User
from knutepunkt.geo.models import County, Municipality
from knutepunkt.geo.places import (
    Place,
    current_places,
    match_place,
    municipality_named,
    place_by_number,
    place_error,
    places_changed,
    places_version,
    resolve_place,
)
from knutepunkt.geo.services import county_update, municipality_update

PLACES = [
    Place("1506", "Molde", "Møre og Romsdal", "15", 62.7, 7.2),
    Place("1515", "Herøy", "Møre og Romsdal", "15", 62.3, 5.6, namesake=True),
    Place("1818", "Herøy", "Nordland", "18", 66.0, 12.3, namesake=True),
    Place("5001", "Trondheim - Tråante", "Trøndelag - Trööndelage", "50", 63.4, 10.4),
]


def _datalist() -> str:
    return Template("{% load municipalities %}{% municipality_datalist %}").render(Context())


# --- The parser, without a database ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("Molde", "1506"),
        (" molde ", "1506"),
        ("MOLDE", "1506"),
        ("1506", "1506"),
        ("1506 Molde", "1506"),  # the old event form's format
        ("Molde (1506)", "1506"),
        ("Molde (Møre og Romsdal)", "1506"),
        ("Herøy (Nordland)", "1818"),
        ("Herøy, Møre og Romsdal", "1515"),
        ("heroy (nordland)", "1818"),
        ("Herøy (18)", "1818"),  # the county number
        ("Herøy (1515)", "1515"),  # the municipality number
        ("(1818)", "1818"),
        ("tråante", "5001"),  # one language's part of a multilingual name
        ("trondh", "5001"),  # a unique start
    ],
)
def test_typed_text_resolves_to_one_place(typed: str, number: str) -> None:
    match = resolve_place(typed, PLACES)
    assert match.status == "found", match
    assert match.place is not None and match.place.number == number


def test_namesakes_without_a_hint_are_ambiguous() -> None:
    match = resolve_place("Herøy", PLACES)
    assert match.status == "ambiguous"
    assert [p.number for p in match.candidates] == ["1515", "1818"]


def test_a_name_and_a_number_that_disagree_are_ambiguous() -> None:
    match = resolve_place("Molde (5001)", PLACES)
    assert match.status == "ambiguous"
    assert {p.number for p in match.candidates} == {"1506", "5001"}


def test_unknown_number_and_unknown_name() -> None:
    by_number = resolve_place("9999", PLACES)
    assert (by_number.status, by_number.number, by_number.candidates) == ("unknown", "9999", ())
    assert resolve_place("9999 Molde", PLACES).number == "9999"  # the number decides
    close = resolve_place("Mollde", PLACES)
    assert close.status == "unknown" and [p.number for p in close.candidates] == ["1506"]
    assert resolve_place("Atlantis", PLACES).candidates == ()
    assert resolve_place("", PLACES).status == "empty"
    assert resolve_place("!!!", PLACES).status == "unknown"


@pytest.mark.parametrize(
    ("typed", "code", "message"),
    [
        ("9999", "unknown", "No municipality has the number 9999."),
        ("Herøy", "ambiguous", "Several municipalities match “Herøy”: Herøy (Møre og Romsdal)"),
        ("Mollde", "unknown", "Did you mean: Molde?"),
        ("Atlantis", "unknown", "We do not know the municipality “Atlantis”. Type its name"),
    ],
)
def test_place_error_says_what_went_wrong(typed: str, code: str, message: str) -> None:
    error = place_error(resolve_place(typed, PLACES), typed)
    assert error.code == code
    assert message in error.messages[0]


def test_place_error_messages_can_be_reworded() -> None:
    reworded = {"unknown": "Unknown municipality: “%(text)s”."}
    error = place_error(resolve_place("Atlantis", PLACES), "Atlantis", reworded)
    assert error.messages == ["Unknown municipality: “Atlantis”."]
    # Keys that are not reworded keep the shared wording.
    error = place_error(resolve_place("9999", PLACES), "9999", reworded)
    assert error.messages == ["No municipality has the number 9999."]


# --- The cache -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_cache_holds_every_current_municipality_and_answers_without_queries() -> None:
    places = current_places()
    assert len(places) == 357
    assert place_by_number("1506") == Place(
        "1506", "Molde", "Møre og Romsdal", "15", *Municipality.objects.get(number="1506").point
    )
    with CaptureQueriesContext(connection) as captured:
        assert match_place("Herøy (Nordland)").place == place_by_number("1818")
        assert match_place("kristiansu").place == place_by_number("1505")
        _datalist()
    assert len(captured) == 0


@pytest.mark.django_db
def test_filling_the_cache_and_the_datalist_never_reads_outlines() -> None:
    with CaptureQueriesContext(connection) as captured:
        _datalist()
        match_place("Molde")
    assert captured, "the places are loaded once"
    assert not any("outline" in query["sql"] for query in captured)


@pytest.mark.django_db
def test_renaming_a_municipality_is_seen_at_once_by_the_parser_and_the_datalist(
    head_office_admin: User,
) -> None:
    assert match_place("Molde").place == place_by_number("1506")
    assert 'value="Molde"' in _datalist()
    molde = Municipality.objects.current().get(number="1506")

    municipality_update(actor=head_office_admin, municipality=molde, data={"name": "Romsdalsby"})

    renamed = match_place("Romsdalsby")
    assert renamed.place is not None and renamed.place.number == "1506"
    assert match_place("Molde").place is None
    html = _datalist()
    assert 'value="Romsdalsby"' in html
    assert 'value="Molde"' not in html
    assert municipality_named("Romsdalsby").pk == molde.pk


@pytest.mark.django_db
def test_renaming_a_county_is_seen_at_once_in_the_labels(head_office_admin: User) -> None:
    assert place_by_number("1515").label == "Herøy (Møre og Romsdal)"  # type: ignore[union-attr]
    county = County.objects.current().get(number="15")

    county_update(actor=head_office_admin, county=county, data={"name": "Nordvestlandet"})

    assert place_by_number("1515").label == "Herøy (Nordvestlandet)"  # type: ignore[union-attr]
    assert match_place("Herøy (Nordvestlandet)").place == place_by_number("1515")
    assert 'value="Herøy (Nordvestlandet)"' in _datalist()


@pytest.mark.django_db
def test_the_version_is_shared_through_the_django_cache_and_bumped_again_on_commit(
    head_office_admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    """Another process knows of a change only through the Django cache: the version there
    changes with every write, once at once and once more when the transaction commits."""
    before = places_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        municipality_update(
            actor=head_office_admin,
            municipality=Municipality.objects.current().get(number="1506"),
            data={"name": "Romsdalsby"},
        )
    after_write = places_version()
    assert after_write != before
    assert callbacks, "a second bump waits for the commit"
    for callback in callbacks:
        callback()
    assert places_version() not in {before, after_write}


@pytest.mark.django_db
def test_a_change_made_elsewhere_is_seen_once_the_shared_version_changes() -> None:
    """This process keeps its copy while the shared version stands (a write that bypasses
    the services is not seen), and reloads as soon as the version in the Django cache
    changes or is gone."""
    assert match_place("Molde").place is not None
    Municipality.objects.current().filter(number="1506").update(name="Romsdalsby")
    assert match_place("Romsdalsby").place is None  # the copy in memory, no query
    cache.clear()  # as when the shared cache restarts: the version is gone
    assert match_place("Romsdalsby").place == place_by_number("1506")
    Municipality.objects.current().filter(number="1506").update(name="Molde")
    places_changed()
    assert match_place("Molde").place == place_by_number("1506")


@pytest.mark.django_db
def test_a_place_is_labelled_by_its_name_and_namesakes_by_their_county_too() -> None:
    """ "Oslo", not "Oslo (Oslo)"; the two Herøys tell themselves apart; every label parses
    back to its own municipality."""
    assert place_by_number("0301").label == "Oslo"  # type: ignore[union-attr]
    assert place_by_number("1506").label == "Molde"  # type: ignore[union-attr]
    assert place_by_number("1515").label == "Herøy (Møre og Romsdal)"  # type: ignore[union-attr]
    assert place_by_number("1818").label == "Herøy (Nordland - Nordlánnda)"  # type: ignore[union-attr]
    for place in current_places():
        assert match_place(place.label).place == place, place.label
