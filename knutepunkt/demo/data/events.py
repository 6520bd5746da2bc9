"""Upcoming public events for the calendar. Dates are offsets in days from the day the
demo is loaded, so the calendar always has something ahead of it; times are local
(Europe/Oslo). Keyed on slug: a second load leaves existing events untouched."""

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
