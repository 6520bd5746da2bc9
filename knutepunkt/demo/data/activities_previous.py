"""Last year's activities for every office, so the public statistics (which show the last
whole year) and last year's annual reports have figures. Dates are a month and day in the
year before the load day. Invented, plausible content."""

from __future__ import annotations

from typing import Any


def _p(
    office: str,
    month: int,
    day: int,
    kind: str,
    title: str,
    municipality: str | None,
    *,
    participants: int | None = None,
    reached: int | None = None,
    contact_point: str | None = None,
) -> dict[str, Any]:
    return {
        "office": office,
        "month": month,
        "day": day,
        "kind": kind,
        "title": title,
        "municipality": municipality,
        "participants": participants,
        "people_reached": reached,
        "contact_point": contact_point,
    }


MIDT = "more-romsdal-trondelag"
OSLO = "oslo-akershus-ostfold"
NORD = "nord-norge"
INNLANDET = "innlandet"
SOR_VEST = "rogaland-agder"
VTB = "vestfold-telemark-buskerud"
VESTLAND = "vestland"

PREVIOUS_YEAR_ACTIVITIES: list[dict[str, Any]] = [
    _p(
        MIDT,
        2,
        12,
        "own_event",
        "Åpent møte om selvhjelp i Molde",
        "1506",
        participants=31,
        reached=31,
        contact_point="molde",
    ),
    _p(MIDT, 4, 22, "stand", "Stand på Helsekonferansen i Trondheim", "5001", reached=210),
    _p(
        MIDT,
        9,
        17,
        "starter_training",
        "Igangsetteropplæring i Ålesund",
        "1508",
        participants=11,
        contact_point="alesund-haram",
    ),
    _p(
        MIDT,
        11,
        5,
        "contribution",
        "Innlegg for frivilligsentralene i Trøndelag",
        "5006",
        reached=65,
    ),
    _p(
        OSLO,
        3,
        4,
        "own_event",
        "Åpent møte om selvhjelp på LINK Oslo",
        "0301",
        participants=44,
        reached=44,
        contact_point="link-oslo",
    ),
    _p(OSLO, 5, 27, "teaching", "Undervisning for sosionomstudenter i Oslo", "0301", reached=85),
    _p(
        OSLO,
        10,
        14,
        "own_event",
        "Informasjonsmøte om selvhjelp i Sarpsborg",
        "3105",
        participants=27,
        reached=27,
        contact_point="sarpsborg",
    ),
    _p(
        NORD,
        2,
        26,
        "own_event",
        "Informasjonsmøte om selvhjelp i Bodø",
        "1804",
        participants=29,
        reached=29,
    ),
    _p(
        NORD, 6, 10, "contribution", "Innlegg på folkehelsekonferanse i Tromsø", "5501", reached=120
    ),
    _p(
        NORD,
        10,
        2,
        "own_event",
        "Åpent møte om nettgrupper i Lyngen",
        "5536",
        participants=18,
        reached=18,
        contact_point="link-lyngen",
    ),
    _p(
        INNLANDET,
        3,
        19,
        "own_event",
        "Åpent møte om selvhjelp på Lillehammer",
        "3405",
        participants=33,
        reached=33,
        contact_point="link-lillehammer",
    ),
    _p(INNLANDET, 9, 24, "stand", "Stand på frivillighetsdagen på Hamar", "3403", reached=140),
    _p(
        SOR_VEST,
        4,
        8,
        "own_event",
        "Åpent møte om selvhjelp i Stavanger",
        "1103",
        participants=38,
        reached=38,
    ),
    _p(
        SOR_VEST,
        10,
        21,
        "contribution",
        "Innlegg på pårørendekonferanse i Kristiansand",
        "4204",
        reached=95,
    ),
    _p(
        VTB,
        3,
        11,
        "own_event",
        "Informasjonsmøte om selvhjelp i Drammen",
        "3301",
        participants=36,
        reached=36,
    ),
    _p(
        VTB,
        11,
        12,
        "teaching",
        "Undervisning for vernepleierstudenter i Porsgrunn",
        "4001",
        reached=48,
    ),
    _p(
        VESTLAND,
        5,
        6,
        "own_event",
        "Åpent møte om selvhjelp i Bergen",
        "4601",
        participants=52,
        reached=52,
    ),
    _p(VESTLAND, 9, 30, "stand", "Stand på helsemessa i Førde", "4647", reached=160),
]
