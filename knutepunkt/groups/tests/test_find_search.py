"""The finder's matching rules, without a database."""

from __future__ import annotations

import pytest

from knutepunkt.core.text import fold
from knutepunkt.geo.places import Place, resolve_place, suggest_places
from knutepunkt.groups.search import (
    TopicText,
    matching_topic_ids,
    parse_query,
    stem,
    text_matches,
)

TOPICS = [
    TopicText(1, "Angst", "Anxiety", "panikkangst"),
    TopicText(2, "Å miste noen", "Losing someone", "sorg, grief"),
    TopicText(3, "Rusavhengighet", "Addiction", "rus, alkohol"),
    TopicText(4, "Depresjon", "Depression", ""),
]

PLACES = [
    Place("1506", "Molde", "Møre og Romsdal", "15", 62.7, 7.2),
    Place("5501", "Tromsø", "Troms", "55", 69.6, 19.0),
    Place("1515", "Herøy", "Møre og Romsdal", "15", 62.3, 5.6, namesake=True),
    Place("1818", "Herøy", "Nordland", "18", 66.0, 12.3, namesake=True),
    Place("1875", "Hábmer - Hamarøy", "Nordland", "18", 68.1, 15.6),
    Place("1505", "Kristiansund", "Møre og Romsdal", "15", 63.1, 7.7),
    Place("4204", "Kristiansand", "Agder", "42", 58.1, 8.0),
]


@pytest.mark.parametrize(
    ("typed", "folded"),
    [("Tromsø", "tromso"), ("ÅLESUND", "alesund"), ("Evenášši", "evenassi"), ("Bærum", "baerum")],
)
def test_fold_removes_case_and_norwegian_letters(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_stem_strips_one_norwegian_ending() -> None:
    assert stem("gruppene") == stem("gruppe") == "grupp"
    assert stem("rus") == "rus"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("angst", {1}),
        ("Angsten", {1}),
        ("anxiety", {1}),
        ("panikk", {1}),
        ("sorg", {2}),
        ("grief", {2}),
        ("bereavement", {2}),
        ("rus", {3}),
        ("alcohol", {3}),
        ("deprimert", {4}),
    ],
)
def test_topics_match_word_forms_synonyms_and_both_languages(
    query: str, expected: set[int]
) -> None:
    assert matching_topic_ids(parse_query(query), TOPICS) == expected


def test_relatives_words_set_the_target_not_a_topic() -> None:
    query = parse_query("pårørende rus")
    assert query.relatives
    assert [t.typed for t in query.terms] == ["rus"]
    assert matching_topic_ids(query, TOPICS) == {3}
    assert parse_query("relatives").relatives
    assert parse_query("parorende").relatives


def test_stopwords_are_ignored_and_empty_query_matches_every_topic() -> None:
    query = parse_query("hjelp med en gruppe")
    assert query.is_empty
    assert matching_topic_ids(query, TOPICS) == {1, 2, 3, 4}


def test_when_no_topic_has_every_word_any_word_counts() -> None:
    assert matching_topic_ids(parse_query("angst depresjon"), TOPICS) == {1, 4}


def test_short_words_match_only_word_starts() -> None:
    assert not text_matches(parse_query("rus"), "Gruppe for krusedullere")
    assert text_matches(parse_query("rus"), "Rusavhengige og pårørende")
    assert text_matches(parse_query("angst"), "sosialangst")


def test_normalised_query_ignores_order_and_case() -> None:
    assert parse_query("Rus PÅRØRENDE").normalised == parse_query("pårørende rus").normalised


def test_query_is_bounded() -> None:
    query = parse_query(" ".join(f"ord{i}" for i in range(100)) + "x" * 10_000)
    assert len(query.terms) <= 8
    assert all(len(t.typed) <= 40 for t in query.terms)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("molde", "1506"),
        ("Tromsø", "5501"),
        ("tromso", "5501"),
        ("Hamarøy", "1875"),
        ("habmer", "1875"),
        ("Herøy (Nordland)", "1818"),
        ("Herøy, Møre og Romsdal", "1515"),
        ("kristiansu", "1505"),
        ("1506", "1506"),
    ],
)
def test_places_resolve(typed: str, number: str) -> None:
    match = resolve_place(typed, PLACES)
    assert match.status == "found"
    assert match.place is not None and match.place.number == number


def test_ambiguous_and_unknown_places() -> None:
    assert resolve_place("Herøy", PLACES).status == "ambiguous"
    assert len(resolve_place("Kristians", PLACES).candidates) == 2
    unknown = resolve_place("Moldee", PLACES)
    assert unknown.status == "unknown"
    assert [p.number for p in unknown.candidates] == ["1506"]
    assert resolve_place("", PLACES).status == "empty"
    assert resolve_place("!!!", PLACES).status == "unknown"


def test_suggestions_start_with_prefix_matches() -> None:
    assert [p.number for p in suggest_places("her", PLACES)] == ["1515", "1818"]
    assert [p.number for p in suggest_places("ham", PLACES)] == ["1875"]
    assert suggest_places("", PLACES) == []
    assert [p.number for p in suggest_places("Molde (Møre og Romsdal)", PLACES)] == ["1506"]
