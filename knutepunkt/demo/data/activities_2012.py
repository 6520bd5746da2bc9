"""The Møre og Romsdal og Trøndelag office's 2012 activity log, from the chronological list
("Kronologisk oversikt over aktivitet") in section 4 of seed 003, plus the media coverage and
the starter follow-up meeting the same section mentions.

Titles are the report's own words. Entries the report dates by month only ("februar:",
"sept.:") get the 1st of the month and a note saying the day is unknown.

FIGURES: the report gives only totals (section 4.1), not per-activity numbers. The split
below is INVENTED, except where the report names a figure (the open meeting in Ålesund: 30;
the information meeting in Sunndal: 80). It is chosen so that the logged activities give
back the report's totals:

* 133 took part in the events the office itself arranged ("Det har deltatt 133 på de
  ulike arrangementene Distriktskontoret har arrangert"; section 4.10 lists the county
  conference, the open meetings, two starter trainings and a follow-up meeting as the
  office's own): sum of ``participants`` of ``own_event``, ``starter_training`` and
  ``starter_follow_up``;
* 730 given information directly at the office's own events and at others' events where it
  gave a talk: those 133, plus the sum of ``people_reached`` of ``contribution``;
* 783 present at congresses where the office had a stand: sum of ``participants`` (people
  present) of ``stand``.

Teaching and meetings carry their own figures but are not part of these three totals.
"""

from __future__ import annotations

from typing import Any

YEAR = 2012
OFFICE = "more-romsdal-trondelag"
DAY_UNKNOWN = "Dagen er ukjent; rapporten oppgir bare måneden."

# Office tasks (1–6) and national-plan goals (1–4) by kind, unless an entry says otherwise.
TASKS_BY_KIND: dict[str, tuple[list[int], list[int]]] = {
    "own_event": ([1, 3], [1]),
    "contribution": ([1, 3], [1, 2]),
    "stand": ([1], [1]),
    "starter_training": ([4, 6], [2]),
    "starter_follow_up": ([4], [2]),
    "planning_group_meeting": ([2, 5], [2]),
    "partner_meeting": ([2], [2]),
    "teaching": ([3], [3]),
    "media_coverage": ([1], [1]),
    "other": ([2], []),
}


def _a(
    when: str,
    kind: str,
    title: str,
    municipality: str | None,
    *,
    end: str | None = None,
    partners: tuple[str, ...] = (),
    contact_point: str | None = None,
    participants: int | None = None,
    reached: int | None = None,
    notes: str = "",
) -> dict[str, Any]:
    """``when`` is "MM-DD", or "MM" when the report gives only the month."""
    month_only = len(when) == 2
    date = f"{YEAR}-{when}-01" if month_only else f"{YEAR}-{when}"
    if month_only:
        notes = f"{DAY_UNKNOWN} {notes}".strip()
    return {
        "date": date,
        "end_date": f"{YEAR}-{end}" if end else None,
        "kind": kind,
        "title": title,
        "municipality": municipality,
        "partners": list(partners),
        "contact_point": contact_point,
        "participants": participants,
        "people_reached": reached,
        "notes": notes,
    }


ALESUND_FRIVILLIG = "Ålesund frivilligsentral"
ARBEIDSLIVSSENTERET = "Arbeidslivssenteret i Møre og Romsdal"
LMS = "Lærings- og mestringssenteret i Helse Møre og Romsdal"

ACTIVITIES_2012: list[dict[str, Any]] = [
    _a(
        "01",
        "planning_group_meeting",
        "Planleggingsmøte for etablering av møteplass for selvhjelpsgrupper i Ålesund",
        "1508",
        partners=(ALESUND_FRIVILLIG,),
        contact_point="alesund-haram",
    ),
    _a(
        "01-16",
        "stand",
        "Innlegg og stand på kongressen Rehab i Trondheim",
        "5001",
        end="01-17",
        participants=250,
    ),
    _a(
        "02",
        "other",
        "Idèdugnad i Bergen før etablering av distriktskontor i Hordaland og Sogn og Fjordane",
        "4601",
    ),
    _a(
        "02",
        "planning_group_meeting",
        "Planleggingsmøte for etablering av møteplass for selvhjelpsgrupper i Ålesund",
        "1508",
        partners=(ALESUND_FRIVILLIG,),
        contact_point="alesund-haram",
    ),
    _a(
        "02",
        "stand",
        "Stand på kongress psykisk helse og rus i Trondheim",
        "5001",
        participants=180,
    ),
    _a(
        "02",
        "media_coverage",
        "Innslag i NRK Møre og Romsdal om det åpne møtet om selvhjelp i Ålesund",
        "1508",
        partners=(ALESUND_FRIVILLIG,),
        contact_point="alesund-haram",
    ),
    _a(
        "02-09",
        "contribution",
        "Møte om selvhjelpsgrupper med Betania Malvik",
        "5031",
        partners=("Betania Malvik",),
        reached=35,
    ),
    _a(
        "02-13",
        "partner_meeting",
        "Møte med MS-foreninga for Ytre Nordmøre for å starte planlegging av et åpent møte i "
        "Kristiansund.",
        "1505",
        partners=("MS-foreningen for Ytre Nordmøre",),
    ),
    _a(
        "02-15",
        "planning_group_meeting",
        "Møte med arbeidsgruppe i Sunndal for å planlegge seminar og etablering av møteplass "
        "for selvhjelpsgrupper",
        "1563",
        contact_point="sunndal",
    ),
    _a(
        "02-24",
        "contribution",
        "Informasjonsmøte til ansatte og pasienter ved Nordlandet psykiatriske senter",
        "1505",
        partners=("Nordlandet psykiatriske senter",),
        reached=60,
    ),
    _a(
        "02-29",
        "own_event",
        "Åpent møte om selvhjelp og etablering av møteplass for selvhjelp i Ålesund i "
        "samarbeid med lokal arbeidsgruppe",
        "1508",
        partners=(
            ALESUND_FRIVILLIG,
            "Mental Helse Møre og Romsdal",
            "LPP Ålesund (Landsforeningen for pårørende innen psykisk helse)",
        ),
        contact_point="alesund-haram",
        participants=30,
    ),
    _a(
        "03-06",
        "starter_training",
        "Igangsetteropplæring Måløy",
        "4602",
        end="03-07",
        participants=9,
        notes="Måløy ligger i Kinn kommune (2024). Før Vestland-kontoret ble opprettet.",
    ),
    _a(
        "03-12",
        "partner_meeting",
        "Samarbeidsmøte med Lærings- og mestringssenteret i Helse Møre og Romsdal",
        None,
        partners=(LMS,),
    ),
    _a(
        "03-12",
        "own_event",
        "Åpent møte på Frivilligsentralen i Kristiansund",
        "1505",
        partners=("Kristiansund frivilligsentral", "MS-foreningen for Ytre Nordmøre"),
        participants=10,
    ),
    _a(
        "03-14",
        "starter_training",
        "Igangsetteropplæring i Trondheim",
        "5001",
        end="03-15",
        participants=14,
    ),
    _a(
        "03-20",
        "stand",
        "Stand på dialogkonferanse, Verdensdagen i Ålesund",
        "1508",
        participants=85,
    ),
    _a(
        "04-18",
        "contribution",
        "Informasjonsmøte om selvhjelp På Sunndalsøra i samarbeid med lokal plangruppe",
        "1563",
        partners=(
            "Sunndal distriktsmedisinske senter",
            "Bedriftshelsetjenesten, Hydro Aluminium Sunndal",
        ),
        contact_point="sunndal",
        reached=80,
    ),
    _a(
        "04-19",
        "contribution",
        "Åpent møte i Molde om selvhjelp i regi av lokal plangruppe",
        "1506",
        partners=("Molde frivilligsentral",),
        contact_point="molde",
        reached=52,
    ),
    _a(
        "04-26",
        "contribution",
        'Innlegg om selvorganisert selvhjelp på "Sees i morgen" (Arbeidslivssenteret i Møre '
        "og Romsdal) på Harøy",
        "1546",
        partners=(ARBEIDSLIVSSENTERET,),
        reached=58,
        notes="Harøy lå i Sandøy kommune i 2012; i dag i Ålesund kommune.",
    ),
    _a(
        "05-08",
        "own_event",
        "Fylkeskonferanse om selvhjelp i Møre og Romsdal arrangert i Kristiansund",
        "1505",
        partners=("Fylkesmannen i Møre og Romsdal",),
        participants=28,
    ),
    _a(
        "05-10",
        "contribution",
        'Innlegg om selvorganisert selvhjelp på "Sees i morgen" (Arbeidslivssenteret i Møre '
        "og Romsdal) på Åndalsnes",
        "1539",
        partners=(ARBEIDSLIVSSENTERET,),
        reached=62,
        notes="Åndalsnes ligger i Rauma kommune.",
    ),
    _a(
        "05-14",
        "teaching",
        "Undervisning på høgskolen i Volda for 2. års studenter sosionomer og barnevernpedagoger",
        "1577",
        partners=("Høgskulen i Volda",),
        reached=45,
    ),
    _a(
        "05-21",
        "planning_group_meeting",
        "Oppfølgingsmøte etter seminaret 18. april og planlegging av veien videre.",
        "1563",
        contact_point="sunndal",
    ),
    _a(
        "05-31",
        "stand",
        "Torgvert og stand på Samhandlingskongress i Trondheim",
        "5001",
        end="06-01",
        participants=200,
    ),
    _a(
        "06",
        "contribution",
        "Innlegg om selvhjelp på nasjonal samling for brukerstyrte senter arrangert i Kristiansund",
        "1505",
        reached=180,
    ),
    _a(
        "06-20",
        "own_event",
        "Idè-dugnad oppretting av møteplass for selvhjelp i Kristiansund. Oppfølging av "
        "fylkeskonferanse 8. mai.",
        "1505",
        partners=("Kristiansund frivilligsentral", "Kristiansund kommune, folkehelsekoordinator"),
        contact_point="kristiansund",
        participants=7,
    ),
    _a(
        "06-27",
        "contribution",
        "Åpning av avdelingskontor Veiledningssenter for pårørende rus i Molde",
        "1506",
        partners=("Veiledningssenter for pårørende til rusavhengige, Molde",),
        reached=70,
    ),
    _a(
        "09",
        "planning_group_meeting",
        "Møte med ressursgruppa selvhjelp i Sunndal",
        "1563",
        contact_point="sunndal",
    ),
    _a(
        "09-11",
        "partner_meeting",
        "Møte med Veiledningssenteret for pårørende til rusavhengige i Molde",
        "1506",
        partners=("Veiledningssenter for pårørende til rusavhengige, Molde",),
    ),
    _a(
        "09-12",
        "stand",
        "Regional konferanse for Frivilligsentraler i Ålesund",
        "1508",
        end="09-13",
        participants=68,
    ),
    _a(
        "09-19",
        "own_event",
        "Dialogmøter i Trondheim for å etablere et LINK Trondheim",
        "5001",
        end="09-20",
        contact_point="trondheim",
        participants=10,
    ),
    _a(
        "10",
        "starter_training",
        "Igangsetteropplæring i Sunndal",
        "1563",
        partners=("Bedriftshelsetjenesten, Hydro Aluminium Sunndal",),
        contact_point="sunndal",
        participants=11,
        notes="Igangsetterdag på Verket (Hydro Aluminium Sunndal).",
    ),
    _a("10-08", "starter_training", "Igangsetteropplæring Kristiansund", "1505", participants=8),
    _a(
        "10-16",
        "partner_meeting",
        "Møte med Trondheim kommune",
        "5001",
        partners=("Trondheim kommune, samhandlingsavdelingen",),
        contact_point="trondheim",
    ),
    _a(
        "10-17",
        "planning_group_meeting",
        "Møte i ressursgruppa i Trondheim",
        "5001",
        contact_point="trondheim",
    ),
    _a(
        "11",
        "starter_follow_up",
        "Oppfølgingsmøte for igangsettere",
        None,
        participants=6,
        notes="Rapporten (4.10) nevner møtet uten dato eller sted; måneden er en demo-antakelse.",
    ),
    _a("11-08", "partner_meeting", "Møte med LINK Lillehammer", "3405"),
    _a(
        "11-17",
        "media_coverage",
        "Oppslag i Aura Avis om selvhjelpsarbeidet i Sunndal",
        "1563",
        contact_point="sunndal",
    ),
    _a(
        "11-29",
        "planning_group_meeting",
        "Møte i Stjørdal om forankring av selvhjelpsarbeidet i Værnesregionen.",
        "5035",
        partners=("Stjørdal kommune, rus og psykisk helse", "Frisklivssentralen i Værnesregionen"),
        contact_point="varnesregionen",
    ),
    _a("12", "partner_meeting", "Møte med LMS, Helse Møre og Romsdal", None, partners=(LMS,)),
    _a(
        "12",
        "media_coverage",
        "Omtale av selvhjelp og kontaktpunktet i byavisa i Ålesund",
        "1508",
        contact_point="alesund-haram",
        notes="Rapporten oppgir ikke datoen; måneden er en demo-antakelse.",
    ),
]
