"""Public events. ``EVENTS`` are upcoming, for the calendar: dates are offsets in days from
the day the demo is loaded, so the calendar always has something ahead of it.
``PAST_EVENTS`` were held, with how many came: last year's (a month and day in the year
before the load day) fill the public statistics, which show the last whole year; this
year's (days before the load day, kept within the year) fill the dashboards and this
year's annual reports. Times are local (Europe/Oslo). Keyed on slug: a second load leaves
existing events untouched."""

from __future__ import annotations

from typing import Any

MIDT = "more-romsdal-trondelag"
OSLO = "oslo-akershus-ostfold"
NORD = "nord-norge"

EVENTS: list[dict[str, Any]] = [
    {
        "slug": "apent-mote-selvhjelp-molde",
        "title": "Åpent møte: Hva er selvhjelp?",
        "kind": "open_meeting",
        "office": MIDT,
        "contact_point": "molde",
        "organiser_partner": "Molde frivilligsentral",
        "municipality": "1506",
        "venue": "Molde frivilligsentral",
        "address": "Demogata 10, 6413 Molde",
        "in_days": 18,
        "start": "18:00",
        "hours": 2,
        "capacity": 40,
        "description": (
            "Et åpent møte for alle som vil vite mer om selvorganisert selvhjelp og om "
            "gruppene i Molde. Gratis, ingen påmelding nødvendig – men meld deg gjerne på så "
            "vi vet hvor mange som kommer."
        ),
    },
    {
        "slug": "informasjonsmote-sunndal",
        "title": "Informasjonsmøte om selvhjelpsgrupper på Sunndalsøra",
        "kind": "information_meeting",
        "office": MIDT,
        "contact_point": "sunndal",
        "organiser_partner": "Sunndal distriktsmedisinske senter",
        "municipality": "1563",
        "venue": "Sunndal kulturhus",
        "address": "Demovegen 5, 6600 Sunndalsøra",
        "in_days": 32,
        "start": "19:00",
        "hours": 2,
        "capacity": 80,
        "description": (
            "Arbeidsgruppa for selvhjelp i Sunndal inviterer til informasjonsmøte. Flere har "
            "meldt interesse for grupper om utbrenthet og kronisk smerte – kom og hør hvordan "
            "en gruppe kommer i gang."
        ),
    },
    {
        "slug": "igangsetteropplaering-kristiansund",
        "title": "Igangsetteropplæring i Kristiansund (to dager)",
        "kind": "starter_training",
        "office": MIDT,
        "contact_point": None,
        "organiser_partner": None,
        "municipality": "1505",
        "venue": "Kristiansund frivilligsentral",
        "address": "Demogata 3, 6509 Kristiansund",
        "in_days": 60,
        "start": "09:00",
        "hours": 31,  # two days, 09:00 day one to 16:00 day two
        "capacity": 16,
        "description": (
            "Opplæring for deg som vil starte en selvhjelpsgruppe og så tre ut av den. "
            "Opplæringen går over to dager."
        ),
    },
    {
        "slug": "fylkeskonferanse-trondelag",
        "title": "Fylkeskonferanse om selvhjelp i Trøndelag",
        "kind": "county_conference",
        "office": MIDT,
        "contact_point": None,
        "organiser_partner": None,
        "municipality": "5001",
        "venue": "Demo konferansesenter",
        "address": "Demokaia 1, 7010 Trondheim",
        "in_days": 95,
        "start": "09:30",
        "hours": 6.5,
        "capacity": 120,
        "description": (
            "En dag om selvorganisert selvhjelp i kommuner, frivilligsentraler og "
            "frisklivssentraler, med erfaringer fra kontaktpunktene i Midt-Norge."
        ),
    },
    {
        "slug": "apent-mote-link-oslo",
        "title": "Åpent møte på LINK Oslo: Selvhjelp for unge voksne",
        "kind": "open_meeting",
        "office": OSLO,
        "contact_point": "link-oslo",
        "organiser_partner": "LINK Oslo, senter for selvhjelp og mestring",
        "municipality": "0301",
        "venue": "LINK Oslo",
        "address": "Demogata 1, 0150 Oslo",
        "in_days": 10,
        "start": "17:30",
        "hours": 2,
        "capacity": None,
        "description": "Et åpent møte om selvhjelpsgrupper for unge voksne.",
    },
    {
        "slug": "informasjonsmote-nett-nord",
        "title": "Informasjonsmøte på nett: Selvhjelpsgrupper på telefon og video",
        "kind": "information_meeting",
        "office": NORD,
        "contact_point": None,
        "organiser_partner": None,
        "municipality": None,
        "online": True,
        "venue": "",
        "address": "",
        "in_days": 45,
        "start": "19:00",
        "hours": 1,
        "capacity": 50,
        "description": (
            "For deg som bor langt fra en møteplass: slik fungerer en selvhjelpsgruppe på "
            "telefon eller video."
        ),
    },
]


def _past(
    slug: str,
    title: str,
    kind: str,
    office: str,
    municipality: str,
    venue: str,
    *,
    attended: int,
    last_year: tuple[int, int] | None = None,
    days_ago: int | None = None,
    contact_point: str | None = None,
    start: str = "18:00",
    hours: float = 2,
) -> dict[str, Any]:
    return {
        "slug": slug,
        "title": title,
        "kind": kind,
        "office": office,
        "contact_point": contact_point,
        "organiser_partner": None,
        "municipality": municipality,
        "venue": venue,
        "address": "",
        "last_year": last_year,
        "days_ago": days_ago,
        "start": start,
        "hours": hours,
        "capacity": None,
        "attended": attended,
        "description": "",
    }


PAST_EVENTS: list[dict[str, Any]] = [
    _past(
        "apent-mote-molde-i-fjor",
        "Åpent møte om selvhjelp i Molde",
        "open_meeting",
        MIDT,
        "1506",
        "Molde frivilligsentral",
        attended=31,
        last_year=(2, 12),
        contact_point="molde",
    ),
    _past(
        "igangsetteropplaering-alesund-i-fjor",
        "Igangsetteropplæring i Ålesund",
        "starter_training",
        MIDT,
        "1508",
        "Ålesund frivilligsentral",
        attended=11,
        last_year=(9, 17),
        start="09:00",
        hours=7,
        contact_point="alesund-haram",
    ),
    _past(
        "apent-mote-link-oslo-i-fjor",
        "Åpent møte om selvhjelp på LINK Oslo",
        "open_meeting",
        OSLO,
        "0301",
        "LINK Oslo",
        attended=44,
        last_year=(3, 4),
        contact_point="link-oslo",
    ),
    _past(
        "informasjonsmote-sarpsborg-i-fjor",
        "Informasjonsmøte om selvhjelp i Sarpsborg",
        "information_meeting",
        OSLO,
        "3105",
        "Sarpsborg frivilligsentral",
        attended=27,
        last_year=(10, 14),
        contact_point="sarpsborg",
    ),
    _past(
        "informasjonsmote-bodo-i-fjor",
        "Informasjonsmøte om selvhjelp i Bodø",
        "information_meeting",
        NORD,
        "1804",
        "Bodø bibliotek",
        attended=29,
        last_year=(2, 26),
    ),
    _past(
        "apent-mote-lyngen-i-fjor",
        "Åpent møte om nettgrupper i Lyngen",
        "open_meeting",
        NORD,
        "5536",
        "LINK Lyngen",
        attended=18,
        last_year=(10, 2),
        contact_point="link-lyngen",
    ),
    _past(
        "apent-mote-lillehammer-i-fjor",
        "Åpent møte om selvhjelp på Lillehammer",
        "open_meeting",
        "innlandet",
        "3405",
        "LINK Lillehammer",
        attended=33,
        last_year=(3, 19),
        contact_point="link-lillehammer",
    ),
    _past(
        "apent-mote-stavanger-i-fjor",
        "Åpent møte om selvhjelp i Stavanger",
        "open_meeting",
        "rogaland-agder",
        "1103",
        "Stavanger bibliotek",
        attended=38,
        last_year=(4, 8),
    ),
    _past(
        "informasjonsmote-drammen-i-fjor",
        "Informasjonsmøte om selvhjelp i Drammen",
        "information_meeting",
        "vestfold-telemark-buskerud",
        "3301",
        "Drammen bibliotek",
        attended=36,
        last_year=(3, 11),
    ),
    _past(
        "apent-mote-bergen-i-fjor",
        "Åpent møte om selvhjelp i Bergen",
        "open_meeting",
        "vestland",
        "4601",
        "Bergen frivilligsentral",
        attended=52,
        last_year=(5, 6),
    ),
    _past(
        "apent-mote-alesund",
        "Åpent møte om selvhjelp i Ålesund",
        "open_meeting",
        MIDT,
        "1508",
        "Ålesund frivilligsentral",
        attended=26,
        days_ago=200,
        contact_point="alesund-haram",
    ),
    _past(
        "igangsetteropplaering-molde",
        "Igangsetteropplæring i Molde",
        "starter_training",
        MIDT,
        "1506",
        "Molde frivilligsentral",
        attended=12,
        days_ago=120,
        start="09:00",
        hours=7,
        contact_point="molde",
    ),
    _past(
        "informasjonsmote-alta",
        "Informasjonsmøte om selvhjelp i Alta",
        "information_meeting",
        NORD,
        "5601",
        "Alta bibliotek",
        attended=22,
        days_ago=40,
    ),
    _past(
        "apent-mote-forde",
        "Åpent møte om selvhjelp i Førde",
        "open_meeting",
        "vestland",
        "4647",
        "Førde frivilligsentral",
        attended=28,
        days_ago=35,
    ),
]
