"""Self-help groups at the established contact points and a few national phone/online
groups, following what seed 003 says (Sunndal and Ålesund: waiting for enough people;
Molde: one group running in spring 2012 and a new one started in the autumn; FriMot Askim
started several groups for relatives). Groups never record who takes part.

``history`` lists (status, date) in order; the group's ``status`` is the last one.
"""

from __future__ import annotations

from typing import Any

MIDT = "more-romsdal-trondelag"
OSLO = "oslo-akershus-ostfold"
NORD = "nord-norge"
INNLANDET = "innlandet"
VESTLAND = "vestland"
VTB = "vestfold-telemark-buskerud"


def _g(
    office: str,
    topic: str,
    contact_point: str | None,
    municipality: str | None,
    history: list[tuple[str, str]],
    *,
    target: str = "affected",
    format: str = "in_person",
    meeting_time: str = "",
    description_nb: str = "",
    description_en: str = "",
) -> dict[str, Any]:
    return {
        "office": office,
        "topic": topic,
        "contact_point": contact_point,
        "municipality": municipality,
        "history": history,
        "target": target,
        "format": format,
        "meeting_time": meeting_time,
        "description_nb": description_nb,
        "description_en": description_en,
    }


GROUPS: list[dict[str, Any]] = [
    # Ålesund/Haram: people have called in; a group starts when there are enough.
    _g(
        MIDT,
        "sorg",
        "alesund-haram",
        "1508",
        [("forming", "2012-10-01")],
        description_nb="Gruppa startes når det er nok deltakere.",
        description_en="The group starts when enough people have signed up.",
    ),
    _g(
        MIDT,
        "parorende-demens",
        "alesund-haram",
        "1508",
        [("open", "2011-09-01")],
        target="relatives",
        meeting_time="Annenhver mandag kl. 18",
    ),
    # Molde: one group running in spring 2012, a new one started in the autumn.
    _g(
        MIDT,
        "samlivsbrudd",
        "molde",
        "1506",
        [("open", "2012-02-01")],
        meeting_time="Hver tirsdag kl. 19",
    ),
    _g(
        MIDT,
        "angst",
        "molde",
        "1506",
        [("forming", "2012-08-15"), ("open", "2012-10-01"), ("closed", "2012-11-15")],
        meeting_time="Hver torsdag kl. 18",
    ),
    # A second anxiety group in Molde, waiting for enough people (the closed one is full).
    _g(
        MIDT,
        "angst",
        "molde",
        "1506",
        [("forming", "2026-09-01")],
        description_nb="Ny gruppe for deg som strever med angst. Den starter når vi er nok.",
        description_en="A new group for people living with anxiety. It starts when enough "
        "people have joined.",
    ),
    # Sunndal: more people want to join, but not enough yet to start.
    _g(
        MIDT,
        "utbrenthet",
        "sunndal",
        "1563",
        [("forming", "2012-11-01")],
        description_nb="Vi venter på flere deltakere før oppstart.",
        description_en="Waiting for a few more people before starting.",
    ),
    _g(MIDT, "kronisk-smerte", "sunndal", "1563", [("forming", "2012-11-01")]),
    _g(MIDT, "depresjon", "innherred", "5038", [("forming", "2012-06-01")]),
    # Oslo, Akershus og Østfold
    _g(
        OSLO,
        "parorende-rus",
        "eidsvoll",
        "3240",
        [("open", "2012-11-01")],
        target="relatives",
        meeting_time="Annenhver onsdag kl. 18",
    ),
    _g(
        OSLO,
        "parorende-rus",
        "askim",
        "3118",
        [("forming", "2012-05-15"), ("open", "2012-06-01")],
        target="relatives",
    ),
    _g(
        OSLO,
        "parorende-psykisk-sykdom",
        "askim",
        "3118",
        [("open", "2012-06-01"), ("closed", "2012-09-01")],
        target="relatives",
    ),
    _g(OSLO, "parorende-rus", "sarpsborg", "3105", [("open", "2012-10-15")], target="relatives"),
    _g(
        OSLO,
        "kronisk-smerte",
        "baerum-frisklivs",
        "3201",
        [("open", "2012-05-01")],
        meeting_time="Hver mandag kl. 12",
    ),
    _g(
        OSLO,
        "depresjon",
        "baerum-frisklivs",
        "3201",
        [("open", "2012-05-01"), ("closed", "2012-08-01")],
    ),
    _g(OSLO, "ensomhet", "baerum-frivilligsentral", "3201", [("open", "2012-11-15")]),
    _g(OSLO, "utbrenthet", "nakuhel-asker", "3203", [("open", "2012-10-01")]),
    _g(
        OSLO,
        "sosial-angst",
        "link-oslo",
        "0301",
        [("open", "2011-01-15")],
        meeting_time="Hver onsdag kl. 18",
    ),
    _g(OSLO, "sorg", "link-oslo", "0301", [("open", "2011-09-01")]),
    _g(OSLO, "ung-voksen", "link-oslo", "0301", [("open", "2012-05-01")]),
    _g(OSLO, "spiseforstyrrelser", "link-oslo", "0301", [("forming", "2012-12-01")]),
    # Nord-Norge and Innlandet meeting places
    _g(NORD, "angst", "link-lyngen", "5536", [("open", "2010-03-01")]),
    _g(
        NORD,
        "etterlatte-selvmord",
        "link-lyngen",
        "5536",
        [("open", "2011-02-01"), ("closed", "2011-05-01")],
    ),
    _g(INNLANDET, "kreft", "link-lillehammer", "3405", [("open", "2011-09-01")]),
    _g(
        INNLANDET,
        "samlivsbrudd",
        "link-lillehammer",
        "3405",
        [("open", "2011-01-15"), ("closed", "2011-03-01"), ("ended", "2012-06-01")],
    ),
    # National groups by phone or online; contact goes through the hosting office.
    _g(
        NORD,
        "parorende-rus",
        None,
        None,
        [("open", "2012-09-01")],
        target="relatives",
        format="phone",
        meeting_time="Annenhver torsdag kl. 20",
        description_nb="Telefongruppe for pårørende i hele landet. Kontakt distriktskontoret.",
        description_en="Phone group for relatives anywhere in Norway. Contact the office.",
    ),
    _g(NORD, "sosial-angst", None, None, [("forming", "2012-11-01")], format="phone"),
    _g(
        VESTLAND,
        "me-utmattelse",
        None,
        None,
        [("open", "2012-10-01")],
        format="online",
        meeting_time="Hver mandag kl. 19 (video)",
        description_nb="Nettgruppe for dem som ikke orker å reise til et møte.",
        description_en="Online group for people who cannot manage to travel to a meeting.",
    ),
    _g(OSLO, "etterlatte-selvmord", None, None, [("open", "2012-03-01")], format="online"),
    _g(VTB, "kronisk-sykdom", None, None, [("forming", "2012-12-01")], format="online"),
]
