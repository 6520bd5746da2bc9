"""Partner organisations named in seed 003 (the 2012 report), per district office.

Keyed on (office slug, name). Municipalities are 2024 numbers. Organisation numbers are
left blank except for a few made-up ones in the 999 000 xxx range that pass the mod-11
check: they are marked as demo in the notes and belong to no real organisation.
"""

from __future__ import annotations

from typing import Any

DEMO_ORG_NUMBER_NOTE = "Organisasjonsnummeret er fiktivt (demodata)."

MIDT = "more-romsdal-trondelag"
OSLO = "oslo-akershus-ostfold"
NORD = "nord-norge"
INNLANDET = "innlandet"


def _p(
    office: str,
    name: str,
    kind: str,
    municipality: str | None,
    org: str = "",
    email: str = "",
) -> dict[str, Any]:
    return {
        "office": office,
        "name": name,
        "kind": kind,
        "municipality": municipality,
        "organisation_number": org,
        "email": email,
        "notes": DEMO_ORG_NUMBER_NOTE if org else "",
    }


PARTNERS: list[dict[str, Any]] = [
    # --- Møre og Romsdal og Trøndelag (section 4.4 of the report) -------------------------
    _p(
        MIDT,
        "Kristiansund frivilligsentral",
        "volunteer_centre",
        "1505",
        "999000010",
        "post@kristiansund-frivilligsentral.example.org",
    ),
    _p(
        MIDT,
        "Molde frivilligsentral",
        "volunteer_centre",
        "1506",
        "999000029",
        "post@molde-frivilligsentral.example.org",
    ),
    _p(
        MIDT,
        "Ålesund frivilligsentral",
        "volunteer_centre",
        "1508",
        "999000037",
        "post@alesund-frivilligsentral.example.org",
    ),
    _p(MIDT, "Haram frivilligsentral", "volunteer_centre", "1580"),
    _p(MIDT, "Sunndal frivilligsentral", "volunteer_centre", "1563"),
    _p(MIDT, "Frivilligsentralen i Samkommunen Innherred", "volunteer_centre", "5038"),
    _p(MIDT, "Frisklivssentralen i Værnesregionen", "healthy_life_centre", "5035"),
    _p(MIDT, "Frisklivssentralen i Molde", "healthy_life_centre", "1506"),
    _p(MIDT, "NAV Sunndal", "nav", "1563"),
    _p(MIDT, "NAV Kristiansund", "nav", "1505"),
    _p(MIDT, "Arbeidslivssenteret i Møre og Romsdal", "nav", "1506"),
    _p(MIDT, "Ålesund kommune, rådgiver psykisk helse", "municipal_unit", "1508"),
    _p(MIDT, "Molde kommune, barne- og familieenheten", "municipal_unit", "1506"),
    _p(MIDT, "Verdal kommune, barne- og familieenheten", "municipal_unit", "5038"),
    _p(MIDT, "Trondheim kommune, samhandlingsavdelingen", "municipal_unit", "5001"),
    _p(MIDT, "Stjørdal kommune, rus og psykisk helse", "municipal_unit", "5035"),
    _p(MIDT, "Kristiansund kommune, folkehelsekoordinator", "municipal_unit", "1505"),
    _p(
        MIDT,
        "Sunndal distriktsmedisinske senter",
        "municipal_unit",
        "1563",
        "",
        "selvhjelp@sunndal-dms.example.org",
    ),
    _p(MIDT, "Vårres regionalt brukerstyrt senter, Trondheim", "user_run_centre", "5001"),
    _p(MIDT, "Vårres brukerstyrte senter, Sunndal", "user_run_centre", "1563"),
    _p(
        MIDT,
        "Vårres brukerstyrte senter, Innherred",
        "user_run_centre",
        "5038",
        "",
        "innherred@vaarres.example.org",
    ),
    _p(MIDT, "Mental Helse Møre og Romsdal", "user_organisation", "1506"),
    _p(
        MIDT,
        "LPP Ålesund (Landsforeningen for pårørende innen psykisk helse)",
        "user_organisation",
        "1508",
    ),
    _p(MIDT, "Dysleksi Norge, Molde", "user_organisation", "1506"),
    _p(MIDT, "Foreningen for overvektige i Møre og Romsdal", "user_organisation", "1506"),
    _p(MIDT, "Personskadeforbundet LTN", "user_organisation", "5001"),
    _p(MIDT, "Anonyme Alkoholikere (AA), Trondheim", "user_organisation", "5001"),
    _p(MIDT, "Velferdsalliansen, Kirkens Bymisjon Trondheim", "other", "5001"),
    _p(MIDT, "Batteriet Midt-Norge", "other", "5001"),
    _p(MIDT, "Angstringen Trondheim", "user_organisation", "5001"),
    _p(MIDT, "SiT Råd (Studentene i Trondheim)", "other", "5001"),
    _p(MIDT, "FFO Sør-Trøndelag", "user_organisation", "5001"),
    _p(MIDT, "Kreftforeningen, Trondheim", "user_organisation", "5001"),
    _p(MIDT, "Bedriftshelsetjenesten, Hydro Aluminium Sunndal", "employer", "1563", "999000045"),
    _p(MIDT, "Lærings- og mestringssenteret i Helse Møre og Romsdal", "lms", "1508"),
    _p(MIDT, "Høgskulen i Volda", "university_college", "1577"),
    _p(MIDT, "Fylkesmannen i Møre og Romsdal", "county_governor", "1506"),
    _p(MIDT, "MS-foreningen for Ytre Nordmøre", "user_organisation", "1505"),
    _p(MIDT, "Betania Malvik", "health_trust", "5031"),
    _p(MIDT, "Nordlandet psykiatriske senter", "health_trust", "1505"),
    _p(MIDT, "Veiledningssenter for pårørende til rusavhengige, Molde", "other", "1506"),
    _p(MIDT, "NAPHA (Nasjonalt kompetansesenter for psykisk helsearbeid)", "other", "5001"),
    # --- Oslo, Akershus og Østfold (sections 3.3–3.4) --------------------------------------
    _p(
        OSLO,
        "LINK Oslo, senter for selvhjelp og mestring",
        "user_run_centre",
        "0301",
        "",
        "post@link-oslo.example.org",
    ),
    _p(
        OSLO,
        "Eidsvoll frivilligsentral",
        "volunteer_centre",
        "3240",
        "999000053",
        "post@eidsvoll-frivilligsentral.example.org",
    ),
    _p(OSLO, "Ullensaker frivilligsentral", "volunteer_centre", "3209"),
    _p(
        OSLO,
        "Bærum frivilligsentral",
        "volunteer_centre",
        "3201",
        "",
        "post@baerum-frivilligsentral.example.org",
    ),
    _p(
        OSLO,
        "Askim frivilligsentral",
        "volunteer_centre",
        "3118",
        "",
        "post@askim-frivilligsentral.example.org",
    ),
    _p(OSLO, "NaKuHel-senteret, Asker", "other", "3203", "", "post@nakuhel.example.org"),
    _p(
        OSLO,
        "Bærum frisklivs- og mestringssenter",
        "healthy_life_centre",
        "3201",
        "",
        "friskliv@baerum.example.org",
    ),
    _p(OSLO, "Moss frisklivssentral", "healthy_life_centre", "3103"),
    _p(OSLO, "Rygge frisklivssentral", "healthy_life_centre", "3103"),
    _p(OSLO, "NAV Akershus", "nav", None),
    _p(OSLO, "Mental Helse Akershus", "user_organisation", None),
    _p(OSLO, "Angstringen Oslo", "user_organisation", "0301"),
    _p(OSLO, "Kreftforeningen, Oslo", "user_organisation", "0301"),
    _p(OSLO, "Fylkesmannen i Oslo og Akershus", "county_governor", "0301"),
    _p(OSLO, "Fylkesmannen i Østfold", "county_governor", "3103"),
    _p(OSLO, "FriMot Askim", "other", "3118"),
    _p(
        OSLO,
        "Sarpsborg kommune, kompetansesenter rus og psykisk helse",
        "municipal_unit",
        "3105",
        "",
        "kompetansesenteret@sarpsborg.example.org",
    ),
    # --- Nordland, Troms og Finnmark -----------------------------------------------------
    _p(
        NORD,
        "LINK Lyngen, senter for selvhjelp og mestring",
        "user_run_centre",
        "5536",
        "",
        "post@link-lyngen.example.org",
    ),
    _p(NORD, "Mental Helse Troms", "user_organisation", "5501"),
    # --- Innlandet -------------------------------------------------------------------------
    _p(
        INNLANDET,
        "LINK Lillehammer, senter for selvhjelp og mestring",
        "user_run_centre",
        "3405",
        "",
        "post@link-lillehammer.example.org",
    ),
    _p(INNLANDET, "Fylkesmannen i Hedmark", "county_governor", "3403"),
]
