"""The seven district offices of the 2012 report, with their 2024 county coverage
(DOMAIN.md). Contact details are demo values."""

from __future__ import annotations

from typing import Any

OFFICES: list[dict[str, Any]] = [
    {
        "slug": "oslo-akershus-ostfold",
        "name": "Oslo, Akershus og Østfold",
        "seat": "0301",
        "counties": ["03", "32", "31"],
        "email": "oslo-akershus-ostfold@selvhjelp.example.org",
        "phone": "+47 400 00 101",
        "address": "Demogata 1, 0150 Oslo",
        "description_nb": (
            "Distriktskontoret for Oslo, Akershus og Østfold holder til sammen med "
            "hovedkontoret og møteplassen LINK Oslo. Kontoret sprer kunnskap om selvorganisert "
            "selvhjelp og hjelper frivilligsentraler og frisklivssentraler med å bygge lokale "
            "kontaktpunkter."
        ),
        "description_en": (
            "The district office for Oslo, Akershus and Østfold shares premises with the head "
            "office and the LINK Oslo meeting place. It spreads knowledge of self-organised "
            "self-help and helps volunteer and healthy life centres build local contact points."
        ),
    },
    {
        "slug": "more-romsdal-trondelag",
        "name": "Møre og Romsdal og Trøndelag",
        "seat": "1505",
        "counties": ["15", "50"],
        "email": "midt@selvhjelp.example.org",
        "phone": "+47 400 00 102",
        "address": "Demovegen 2, 6509 Kristiansund",
        "description_nb": (
            "Distriktskontoret i Kristiansund dekker Møre og Romsdal og Trøndelag. Kontoret "
            "arbeider med lokale plangrupper i Ålesund, Molde, Sunndal og Innherred, og med "
            "en møteplass for selvhjelp i Trondheim."
        ),
        "description_en": (
            "The district office in Kristiansund covers Møre og Romsdal and Trøndelag. It works "
            "with local planning groups in Ålesund, Molde, Sunndal and Innherred, and towards a "
            "self-help meeting place in Trondheim."
        ),
    },
    {
        "slug": "nord-norge",
        "name": "Nordland, Troms og Finnmark",
        "seat": "5501",
        "counties": ["18", "55", "56"],
        "email": "nord@selvhjelp.example.org",
        "phone": "+47 400 00 103",
        "address": "Demoveien 3, 9008 Tromsø",
        "description_nb": (
            "Distriktskontoret i Tromsø dekker Nordland, Troms og Finnmark – et stort område "
            "der grupper på telefon og nett er viktige. Kontoret samarbeider tett med LINK "
            "Lyngen."
        ),
        "description_en": (
            "The district office in Tromsø covers Nordland, Troms and Finnmark – a vast area "
            "where phone and online groups matter. It works closely with LINK Lyngen."
        ),
    },
    {
        "slug": "innlandet",
        "name": "Innlandet",
        "seat": "3403",
        "counties": ["34"],
        "email": "innlandet@selvhjelp.example.org",
        "phone": "+47 400 00 104",
        "address": "Demogata 4, 2317 Hamar",
        "description_nb": (
            "Distriktskontoret på Hamar dekker Innlandet (tidligere Hedmark og Oppland) og "
            "samarbeider med møteplassen LINK Lillehammer."
        ),
        "description_en": (
            "The district office in Hamar covers Innlandet (formerly Hedmark and Oppland) and "
            "works with the LINK Lillehammer meeting place."
        ),
    },
    {
        "slug": "rogaland-agder",
        "name": "Rogaland og Agder",
        "seat": "1103",
        "counties": ["11", "42"],
        "email": "rogaland-agder@selvhjelp.example.org",
        "phone": "+47 400 00 105",
        "address": "Demogata 5, 4006 Stavanger",
        "description_nb": (
            "Distriktskontoret i Stavanger dekker Rogaland og Agder og gir informasjon om "
            "selvhjelp til kommuner, frivilligsentraler og høgskoler i regionen."
        ),
        "description_en": (
            "The district office in Stavanger covers Rogaland and Agder and informs "
            "municipalities, volunteer centres and university colleges about self-help."
        ),
    },
    {
        "slug": "vestfold-telemark-buskerud",
        "name": "Vestfold, Telemark og Buskerud",
        "seat": "3905",
        "counties": ["39", "40", "33"],
        "email": "vtb@selvhjelp.example.org",
        "phone": "+47 400 00 106",
        "address": "Demogata 6, 3110 Tønsberg",
        "description_nb": (
            "Distriktskontoret i Tønsberg dekker Vestfold, Telemark og Buskerud og har god "
            "erfaring med nettverkssamlinger for igangsettere og tilretteleggere."
        ),
        "description_en": (
            "The district office in Tønsberg covers Vestfold, Telemark and Buskerud and is "
            "known for its network gatherings for starters and facilitators."
        ),
    },
    {
        "slug": "vestland",
        "name": "Vestland",
        "seat": "4601",
        "counties": ["46"],
        "email": "vestland@selvhjelp.example.org",
        "phone": "+47 400 00 107",
        "address": "Demoallmenningen 7, 5014 Bergen",
        "description_nb": (
            "Distriktskontoret i Bergen dekker Vestland (tidligere Hordaland og Sogn og "
            "Fjordane). Kontoret ble opprettet i mai 2012 etter en idédugnad i Bergen."
        ),
        "description_en": (
            "The district office in Bergen covers Vestland (formerly Hordaland and Sogn og "
            "Fjordane). It opened in May 2012 after a brainstorming meeting in Bergen."
        ),
    },
]
