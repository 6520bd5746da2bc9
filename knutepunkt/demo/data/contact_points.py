"""Contact points and meeting places named in seed 003, with host partner, municipalities
served, planning group (from the partner register) and a dated status history.

Where the report gives no exact date, the history uses the 1st of the month or season the
report mentions, and the status change's note says so. Contact details are demo values.
"""

from __future__ import annotations

from typing import Any

MIDT = "more-romsdal-trondelag"
OSLO = "oslo-akershus-ostfold"
NORD = "nord-norge"
INNLANDET = "innlandet"

DAY_UNKNOWN = "Dagen er ukjent; rapporten oppgir bare måneden."

# Indre Østfold: Indre Østfold (Askim since 2020), Skiptvet, Rakkestad, Marker, Aremark.
INDRE_OSTFOLD = ["3118", "3116", "3120", "3122", "3124"]
# Øvre Romerike: Eidsvoll, Hurdal, Nannestad, Ullensaker, Gjerdrum, Nes.
OVRE_ROMERIKE = ["3240", "3242", "3238", "3209", "3230", "3228"]
# Værnesregionen: Stjørdal, Meråker, Selbu, Tydal, Frosta.
VAERNESREGIONEN = ["5035", "5034", "5032", "5033", "5036"]

CONTACT_POINTS: list[dict[str, Any]] = [
    {
        "slug": "alesund-haram",
        "name": "Kontaktpunkt for selvhjelp Ålesund/Haram",
        "office": MIDT,
        "host": "Ålesund frivilligsentral",
        "municipality": "1508",
        "served": ["1508", "1580"],
        "status": "established",
        "email": "selvhjelp@alesund-frivilligsentral.example.org",
        "phone": "+47 400 01 508",
        "opening_hours": "Mandag–fredag 09–15",
        "description_nb": (
            "Frivilligsentralen i Ålesund er kontaktpunkt for selvhjelpsgrupper i Ålesund og "
            "Haram. Ta kontakt hvis du vil være med i en gruppe – en gruppe startes når det er "
            "nok deltakere."
        ),
        "description_en": (
            "Ålesund volunteer centre is the contact point for self-help groups in Ålesund "
            "and Haram. Get in touch if you want to join a group – a group starts when enough "
            "people have signed up."
        ),
        "planning_group": [
            ("Ålesund frivilligsentral", "Kontaktpunkt"),
            ("LPP Ålesund (Landsforeningen for pårørende innen psykisk helse)", ""),
            ("Mental Helse Møre og Romsdal", ""),
            ("Ålesund kommune, rådgiver psykisk helse", ""),
            ("Lærings- og mestringssenteret i Helse Møre og Romsdal", ""),
            ("Haram frivilligsentral", "Med fra høsten 2012"),
        ],
        "history": [
            ("idea", "2011-09-01", "Fylkeskonferanse for Sunnmørsregionen. " + DAY_UNKNOWN),
            ("planning", "2011-10-01", "Arbeidsgruppe etablert. " + DAY_UNKNOWN),
            ("established", "2012-02-29", "Åpent møte om selvhjelp med 30 deltakere."),
        ],
    },
    {
        "slug": "molde",
        "name": "Kontaktpunkt for selvhjelp i Molde",
        "office": MIDT,
        "host": "Molde frivilligsentral",
        "municipality": "1506",
        "served": ["1506"],
        "status": "established",
        "email": "selvhjelp@molde-frivilligsentral.example.org",
        "phone": "+47 400 01 506",
        "opening_hours": "Tirsdag og torsdag 10–14",
        "description_nb": (
            "Frivilligsentralen i Molde er kontaktpunkt for selvhjelp. Selvhjelpsnettverket "
            "arrangerer informasjonsmøter flere ganger i året."
        ),
        "description_en": (
            "Molde volunteer centre is the contact point for self-help. The local self-help "
            "network holds information meetings several times a year."
        ),
        "planning_group": [
            ("Molde frivilligsentral", "Kontaktpunkt"),
            ("Mental Helse Møre og Romsdal", ""),
            ("Dysleksi Norge, Molde", ""),
            ("Foreningen for overvektige i Møre og Romsdal", ""),
            ("Molde kommune, barne- og familieenheten", "Virksomhetsleder"),
            ("Frisklivssentralen i Molde", "Prosjekt frisklivssentral"),
        ],
        "history": [
            ("planning", "2011-05-01", "Etter fylkeskonferansen i Møre og Romsdal. " + DAY_UNKNOWN),
            ("established", "2011-11-01", "Igangsetterdager med 15 deltakere. " + DAY_UNKNOWN),
        ],
    },
    {
        "slug": "sunndal",
        "name": "Kontaktpunkt for selvhjelp i Sunndal",
        "office": MIDT,
        "host": "Sunndal distriktsmedisinske senter",
        "municipality": "1563",
        "served": ["1563"],
        "status": "established",
        "email": "selvhjelp@sunndal-dms.example.org",
        "phone": "+47 400 01 563",
        "description_nb": (
            "Distriktsmedisinsk senter i Sunndal er kontaktadresse for dem som vil være med i "
            "en selvhjelpsgruppe. Arbeidsgruppa har deltakere fra kommunen, frivilligheten, "
            "NAV og bedriftshelsetjenesten ved Hydro Aluminium Sunndal."
        ),
        "description_en": (
            "The district medical centre in Sunndal is the contact address for anyone who "
            "wants to join a self-help group. Its working group includes the municipality, "
            "volunteers, NAV and Hydro Aluminium Sunndal's occupational health service."
        ),
        "planning_group": [
            ("Bedriftshelsetjenesten, Hydro Aluminium Sunndal", ""),
            ("Sunndal distriktsmedisinske senter", "Leder"),
            ("Vårres brukerstyrte senter, Sunndal", ""),
            ("Sunndal frivilligsentral", ""),
            ("NAV Sunndal", ""),
        ],
        "history": [
            ("planning", "2012-02-15", "Første møte i arbeidsgruppa."),
            ("established", "2012-04-18", "Informasjonsmøte med 80 deltakere."),
        ],
    },
    {
        "slug": "innherred",
        "name": "Kontaktpunkt for selvhjelp i Samkommunen Innherred",
        "office": MIDT,
        "host": "Vårres brukerstyrte senter, Innherred",
        "municipality": "5038",
        "served": ["5038", "5037"],
        "status": "established",
        "email": "innherred@vaarres.example.org",
        "phone": "+47 400 05 038",
        "description_nb": (
            "Vårres brukerstyrte senter er kontaktadresse for selvhjelpsgrupper i Verdal og "
            "Levanger."
        ),
        "description_en": (
            "Vårres user-run centre is the contact address for self-help groups in Verdal "
            "and Levanger."
        ),
        "planning_group": [
            ("Frivilligsentralen i Samkommunen Innherred", ""),
            ("Vårres brukerstyrte senter, Innherred", "Kontaktadresse"),
            ("Verdal kommune, barne- og familieenheten", ""),
        ],
        "history": [
            ("established", "2011-11-01", "Etter informasjonsmøte i Verdal. " + DAY_UNKNOWN),
        ],
    },
    {
        "slug": "varnesregionen",
        "name": "Kontaktpunkt for selvhjelp i Værnesregionen",
        "office": MIDT,
        "host": "Stjørdal kommune, rus og psykisk helse",
        "municipality": "5035",
        "served": VAERNESREGIONEN,
        "status": "planning",
        "next_step": "Invitere organisasjoner og kommunalt ansatte til samarbeidsmøte",
        "description_nb": "Arbeidet med et kontaktpunkt i Værnesregionen er i gang.",
        "description_en": "Work on a contact point for the Værnes region has started.",
        "planning_group": [
            ("Stjørdal kommune, rus og psykisk helse", "Initiativtaker"),
            ("Frisklivssentralen i Værnesregionen", "Prosjektleder"),
            ("NAPHA (Nasjonalt kompetansesenter for psykisk helsearbeid)", ""),
        ],
        "history": [
            ("planning", "2012-11-29", "Møte i Stjørdal om forankring av selvhjelpsarbeidet."),
        ],
    },
    {
        "slug": "kristiansund",
        "name": "Kontaktpunkt for selvhjelp i Kristiansund",
        "office": MIDT,
        "host": "Kristiansund frivilligsentral",
        "municipality": "1505",
        "served": ["1505"],
        "status": "planning",
        "next_step": "Folkehelsekoordinator inviterer til møte om veien videre",
        "description_nb": (
            "Frivilligsentralen har sagt seg villig til å være kontaktpunkt; arbeidet ses i "
            "sammenheng med etableringen av en frisklivssentral."
        ),
        "description_en": (
            "The volunteer centre has offered to be the contact point; the work is tied to the "
            "planned healthy life centre."
        ),
        "planning_group": [
            ("Kristiansund frivilligsentral", ""),
            ("Kristiansund kommune, folkehelsekoordinator", ""),
            ("NAV Kristiansund", ""),
        ],
        "history": [
            ("idea", "2012-05-08", "Fylkeskonferansen i Kristiansund."),
            ("planning", "2012-06-20", "Idédugnad om møteplass for selvhjelp."),
        ],
    },
    {
        "slug": "trondheim",
        "name": "LINK Trondheim (under planlegging)",
        "kind": "meeting_place",
        "office": MIDT,
        "host": None,
        "municipality": "5001",
        "served": ["5001"],
        "status": "planning",
        "next_step": "Workshop i slutten av januar; avklare stiftelse og finansiering",
        "description_nb": (
            "En ressursgruppe arbeider for en møteplass for selvorganisert selvhjelp i "
            "Trondheimsregionen etter modell av LINK Oslo, LINK Lyngen og LINK Lillehammer."
        ),
        "description_en": (
            "A resource group is working towards a self-help meeting place for the Trondheim "
            "region, modelled on LINK Oslo, LINK Lyngen and LINK Lillehammer."
        ),
        "planning_group": [
            ("Batteriet Midt-Norge", ""),
            ("Velferdsalliansen, Kirkens Bymisjon Trondheim", ""),
            ("Trondheim kommune, samhandlingsavdelingen", ""),
            ("Angstringen Trondheim", ""),
            ("Personskadeforbundet LTN", ""),
            ("Anonyme Alkoholikere (AA), Trondheim", ""),
            ("FFO Sør-Trøndelag", ""),
            ("Kreftforeningen, Trondheim", ""),
            ("Vårres regionalt brukerstyrt senter, Trondheim", ""),
            ("SiT Råd (Studentene i Trondheim)", ""),
        ],
        "history": [
            ("idea", "2012-09-19", "Dialogmøter i Trondheim."),
            ("planning", "2012-10-17", "Første møte i ressursgruppa."),
        ],
    },
    {
        "slug": "eidsvoll",
        "name": "Kontaktpunkt for selvhjelp på øvre Romerike",
        "office": OSLO,
        "host": "Eidsvoll frivilligsentral",
        "municipality": "3240",
        "served": OVRE_ROMERIKE,
        "status": "established",
        "email": "selvhjelp@eidsvoll-frivilligsentral.example.org",
        "phone": "+47 400 03 240",
        "description_nb": (
            "Eidsvoll frivilligsentral er kontaktpunkt og møteplass for selvhjelpsgrupper på "
            "øvre Romerike."
        ),
        "description_en": (
            "Eidsvoll volunteer centre is the contact point and meeting place for self-help "
            "groups in upper Romerike."
        ),
        "planning_group": [
            ("Eidsvoll frivilligsentral", "Kontaktpunkt"),
            ("Ullensaker frivilligsentral", ""),
        ],
        "history": [
            ("planning", "2012-03-01", "Informasjonsseminar i Eidsvoll. " + DAY_UNKNOWN),
            ("established", "2012-10-01", "Igangsetteropplæring høsten 2012. " + DAY_UNKNOWN),
        ],
    },
    {
        "slug": "nakuhel-asker",
        "name": "NaKuHel-senteret Asker – kontaktpunkt for selvhjelp",
        "office": OSLO,
        "host": "NaKuHel-senteret, Asker",
        "municipality": "3203",
        "served": ["3203"],
        "status": "established",
        "email": "post@nakuhel.example.org",
        "planning_group": [("NaKuHel-senteret, Asker", "Kontaktpunkt")],
        "history": [
            ("established", "2012-09-01", "Seminar om selvorganisert selvhjelp. " + DAY_UNKNOWN),
        ],
    },
    {
        "slug": "baerum-frisklivs",
        "name": "Bærum frisklivs- og mestringssenter",
        "office": OSLO,
        "host": "Bærum frisklivs- og mestringssenter",
        "municipality": "3201",
        "served": ["3201"],
        "status": "established",
        "email": "friskliv@baerum.example.org",
        "phone": "+47 400 03 201",
        "planning_group": [("Bærum frisklivs- og mestringssenter", "Prosjektleder")],
        "history": [
            ("established", "2012-04-01", "Seminar våren 2012. " + DAY_UNKNOWN),
        ],
    },
    {
        "slug": "baerum-frivilligsentral",
        "name": "Bærum frivilligsentral – møteplass for selvhjelp",
        "office": OSLO,
        "host": "Bærum frivilligsentral",
        "municipality": "3201",
        "served": ["3201"],
        "status": "established",
        "email": "post@baerum-frivilligsentral.example.org",
        "planning_group": [("Bærum frivilligsentral", "Kontaktpunkt")],
        "history": [("established", "2012-11-01", DAY_UNKNOWN)],
    },
    {
        "slug": "askim",
        "name": "Kontaktpunkt for selvhjelp i indre Østfold",
        "office": OSLO,
        "host": "Askim frivilligsentral",
        "municipality": "3118",
        "served": INDRE_OSTFOLD,
        "status": "established",
        "email": "post@askim-frivilligsentral.example.org",
        "phone": "+47 400 03 118",
        "planning_group": [
            ("Askim frivilligsentral", "Kontaktpunkt"),
            ("FriMot Askim", "Prosjektleder"),
        ],
        "history": [
            ("planning", "2012-01-01", "Seminar om selvhjelpsgrupper. " + DAY_UNKNOWN),
            ("established", "2012-05-01", "Igangsetteropplæring våren 2012. " + DAY_UNKNOWN),
        ],
    },
    {
        "slug": "sarpsborg",
        "name": "Kompetansesenteret rus og psykisk helse, Sarpsborg",
        "office": OSLO,
        "host": "Sarpsborg kommune, kompetansesenter rus og psykisk helse",
        "municipality": "3105",
        "served": ["3105"],
        "status": "established",
        "email": "kompetansesenteret@sarpsborg.example.org",
        "planning_group": [("Sarpsborg kommune, kompetansesenter rus og psykisk helse", "")],
        "history": [
            ("planning", "2012-04-01", "Seminar våren 2012. " + DAY_UNKNOWN),
            ("established", "2012-10-01", "Etter igangsetteropplæring. " + DAY_UNKNOWN),
        ],
    },
    {
        "slug": "link-oslo",
        "name": "LINK Oslo, senter for selvhjelp og mestring",
        "kind": "meeting_place",
        "office": OSLO,
        "host": "LINK Oslo, senter for selvhjelp og mestring",
        "municipality": "0301",
        "served": ["0301"],
        "status": "established",
        "email": "post@link-oslo.example.org",
        "phone": "+47 400 00 301",
        "opening_hours": "Mandag–torsdag 10–20",
        "description_nb": (
            "Møteplass for selvhjelpsgrupper i Oslo, i samme bygg som Selvhjelp Norges hovedkontor."
        ),
        "description_en": (
            "A meeting place for self-help groups in Oslo, in the same building as Selvhjelp "
            "Norge's head office."
        ),
        "planning_group": [],
        "history": [("established", "2010-01-01", "Etablert før 2012 (demodato).")],
    },
    {
        "slug": "link-lyngen",
        "name": "LINK Lyngen, senter for selvhjelp og mestring",
        "kind": "meeting_place",
        "office": NORD,
        "host": "LINK Lyngen, senter for selvhjelp og mestring",
        "municipality": "5536",
        "served": ["5536"],
        "status": "established",
        "email": "post@link-lyngen.example.org",
        "phone": "+47 400 05 536",
        "description_nb": (
            "Møteplass for selvhjelpsarbeid i Lyngen, etablert som stiftelse. Sprer kunnskap "
            "om selvhjelp i samarbeid med Selvhjelp Norge."
        ),
        "description_en": (
            "A meeting place for self-help in Lyngen, set up as a foundation. Spreads "
            "knowledge of self-help together with Selvhjelp Norge."
        ),
        "planning_group": [],
        "history": [("established", "2006-01-01", "Prosjekt LINK Lyngen (demodato).")],
    },
    {
        "slug": "link-lillehammer",
        "name": "LINK Lillehammer, senter for selvhjelp og mestring",
        "kind": "meeting_place",
        "office": INNLANDET,
        "host": "LINK Lillehammer, senter for selvhjelp og mestring",
        "municipality": "3405",
        "served": ["3405"],
        "status": "established",
        "email": "post@link-lillehammer.example.org",
        "phone": "+47 400 03 405",
        "planning_group": [],
        "history": [("established", "2011-01-01", "Etablert før 2012 (demodato).")],
    },
]
