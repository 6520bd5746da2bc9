"""The demo's texts in nynorsk (and the events' English descriptions), by the key of the
row they belong to: office and contact point slug, a group's (topic, contact point), an
event's slug. Kept apart from the bokmål and English data so those lists stay readable."""

from __future__ import annotations

OFFICES: dict[str, str] = {
    "oslo-akershus-ostfold": (
        "Distriktskontoret for Oslo, Akershus og Østfold held til saman med hovudkontoret og "
        "møteplassen LINK Oslo. Kontoret spreier kunnskap om sjølvorganisert sjølvhjelp og "
        "hjelper frivilligsentralar og frisklivssentralar med å byggje lokale kontaktpunkt."
    ),
    "more-romsdal-trondelag": (
        "Distriktskontoret i Kristiansund dekkjer Møre og Romsdal og Trøndelag. Kontoret "
        "arbeider med lokale plangrupper i Ålesund, Molde, Sunndal og Innherred, og med ein "
        "møteplass for sjølvhjelp i Trondheim."
    ),
    "nord-norge": (
        "Distriktskontoret i Tromsø dekkjer Nordland, Troms og Finnmark – eit stort område "
        "der grupper på telefon og nett er viktige. Kontoret samarbeider tett med LINK Lyngen."
    ),
    "innlandet": (
        "Distriktskontoret på Hamar dekkjer Innlandet (tidlegare Hedmark og Oppland) og "
        "samarbeider med møteplassen LINK Lillehammer."
    ),
    "rogaland-agder": (
        "Distriktskontoret i Stavanger dekkjer Rogaland og Agder og gir informasjon om "
        "sjølvhjelp til kommunar, frivilligsentralar og høgskular i regionen."
    ),
    "vestfold-telemark-buskerud": (
        "Distriktskontoret i Tønsberg dekkjer Vestfold, Telemark og Buskerud og har god "
        "erfaring med nettverkssamlingar for igangsetjarar og tilretteleggjarar."
    ),
    "vestland": (
        "Distriktskontoret i Bergen dekkjer Vestland (tidlegare Hordaland og Sogn og "
        "Fjordane). Kontoret vart oppretta i mai 2012 etter ein idédugnad i Bergen."
    ),
}

CONTACT_POINTS: dict[str, str] = {
    "alesund-haram": (
        "Frivilligsentralen i Ålesund er kontaktpunkt for sjølvhjelpsgrupper i Ålesund og "
        "Haram. Ta kontakt om du vil vere med i ei gruppe – ei gruppe blir starta når det er "
        "nok deltakarar."
    ),
    "molde": (
        "Frivilligsentralen i Molde er kontaktpunkt for sjølvhjelp. Sjølvhjelpsnettverket "
        "arrangerer informasjonsmøte fleire gonger i året."
    ),
    "sunndal": (
        "Distriktsmedisinsk senter i Sunndal er kontaktadresse for dei som vil vere med i ei "
        "sjølvhjelpsgruppe. Arbeidsgruppa har deltakarar frå kommunen, frivilligheita, NAV og "
        "bedriftshelsetenesta ved Hydro Aluminium Sunndal."
    ),
    "innherred": (
        "Vårres brukarstyrte senter er kontaktadresse for sjølvhjelpsgrupper i Verdal og Levanger."
    ),
    "varnesregionen": "Arbeidet med eit kontaktpunkt i Værnesregionen er i gang.",
    "kristiansund": (
        "Frivilligsentralen har sagt seg villig til å vere kontaktpunkt; arbeidet blir sett i "
        "samanheng med etableringa av ein frisklivssentral."
    ),
    "trondheim": (
        "Ei ressursgruppe arbeider for ein møteplass for sjølvorganisert sjølvhjelp i "
        "Trondheimsregionen etter modell av LINK Oslo, LINK Lyngen og LINK Lillehammer."
    ),
    "eidsvoll": (
        "Eidsvoll frivilligsentral er kontaktpunkt og møteplass for sjølvhjelpsgrupper på øvre "
        "Romerike."
    ),
    "link-oslo": (
        "Møteplass for sjølvhjelpsgrupper i Oslo, i same bygg som hovudkontoret til "
        "Selvhjelp Norge."
    ),
    "link-lyngen": (
        "Møteplass for sjølvhjelpsarbeid i Lyngen, etablert som stifting. Spreier kunnskap om "
        "sjølvhjelp i samarbeid med Selvhjelp Norge."
    ),
}

# (topic slug, contact point slug or None) -> description
GROUPS: dict[tuple[str, str | None], str] = {
    ("sorg", "alesund-haram"): "Gruppa blir starta når det er nok deltakarar.",
    ("angst", "molde"): ("Ny gruppe for deg som slit med angst. Ho startar når vi er mange nok."),
    ("utbrenthet", "sunndal"): "Vi ventar på fleire deltakarar før oppstart.",
    ("parorende-rus", None): (
        "Telefongruppe for pårørande i heile landet. Kontakt distriktskontoret."
    ),
    ("me-utmattelse", None): "Nettgruppe for dei som ikkje orkar å reise til eit møte.",
}

# event slug -> (nynorsk, English)
EVENTS: dict[str, tuple[str, str]] = {
    "apent-mote-selvhjelp-molde": (
        "Eit ope møte for alle som vil vite meir om sjølvorganisert sjølvhjelp og om gruppene "
        "i Molde. Gratis, inga påmelding naudsynt – men meld deg gjerne på, så vi veit kor "
        "mange som kjem.",
        "An open meeting for anyone who wants to know more about self-organised self-help "
        "and the groups in Molde. Free, no sign-up needed – but please sign up so we know "
        "how many are coming.",
    ),
    "informasjonsmote-sunndal": (
        "Arbeidsgruppa for sjølvhjelp i Sunndal inviterer til informasjonsmøte. Fleire har "
        "meldt interesse for grupper om utbrentheit og kronisk smerte – kom og høyr korleis "
        "ei gruppe kjem i gang.",
        "The self-help working group in Sunndal invites you to an information meeting. "
        "Several people have asked for groups on burnout and chronic pain – come and hear "
        "how a group gets started.",
    ),
    "igangsetteropplaering-kristiansund": (
        "Opplæring for deg som vil starte ei sjølvhjelpsgruppe og så tre ut av henne. "
        "Opplæringa går over to dagar.",
        "Training for people who want to start a self-help group and then step out of it. "
        "The training takes two days.",
    ),
    "fylkeskonferanse-trondelag": (
        "Ein dag om sjølvorganisert sjølvhjelp i kommunar, frivilligsentralar og "
        "frisklivssentralar, med erfaringar frå kontaktpunkta i Midt-Noreg.",
        "A day on self-organised self-help in municipalities, volunteer centres and healthy "
        "life centres, with experience from the contact points in Central Norway.",
    ),
    "apent-mote-link-oslo": (
        "Eit ope møte om sjølvhjelpsgrupper for unge vaksne.",
        "An open meeting about self-help groups for young adults.",
    ),
    "informasjonsmote-nett-nord": (
        "For deg som bur langt frå ein møteplass: slik fungerer ei sjølvhjelpsgruppe på "
        "telefon eller video.",
        "For people who live far from a meeting place: how a self-help group works by phone "
        "or video.",
    ),
}
