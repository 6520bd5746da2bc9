"""Demo starters ("igangsettere") trained at the Molde, Trondheim and Sunndal starter
trainings of the report. Names are invented and marked "(demo)"; e-mails use example.org.
All gave consent to be contacted about starting groups."""

from __future__ import annotations

from typing import Any

MIDT = "more-romsdal-trondelag"

STARTERS: list[dict[str, Any]] = [
    {
        "name": "Ingrid Demo Aasen",
        "email": "ingrid.aasen@example.org",
        "phone": "+47 400 10 001",
        "office": MIDT,
        "home": "1506",
        "trained_on": "2011-11-01",
        "training": "Igangsetterdager i Molde",
        "topics": ["angst", "samlivsbrudd"],
        "places": ["1506", "1579"],
    },
    {
        "name": "Per Demo Hoel",
        "email": "per.hoel@example.org",
        "phone": "",
        "office": MIDT,
        "home": "1506",
        "trained_on": "2011-11-01",
        "training": "Igangsetterdager i Molde",
        "topics": ["sorg", "depresjon"],
        "places": ["1506"],
    },
    {
        "name": "Sigrid Demo Lian",
        "email": "sigrid.lian@example.org",
        "phone": "+47 400 10 003",
        "office": MIDT,
        "home": "5001",
        "trained_on": "2012-03-14",
        "training": "Igangsetteropplæring i Trondheim 14. og 15. mars 2012",
        "topics": ["parorende-rus", "parorende-psykisk-sykdom"],
        "places": ["5001", "5031"],
    },
    {
        "name": "Ola Demo Brekken",
        "email": "ola.brekken@example.org",
        "phone": "",
        "office": MIDT,
        "home": "5001",
        "trained_on": "2012-03-14",
        "training": "Igangsetteropplæring i Trondheim 14. og 15. mars 2012",
        "topics": ["ung-voksen", "sosial-angst"],
        "places": ["5001"],
    },
    {
        "name": "Marit Demo Sande",
        "email": "marit.sande@example.org",
        "phone": "+47 400 10 005",
        "office": MIDT,
        "home": "1563",
        "trained_on": "2012-10-01",
        "training": "Igangsetterdag på Verket, Hydro Aluminium Sunndal, oktober 2012",
        "topics": ["utbrenthet", "kronisk-smerte"],
        "places": ["1563"],
    },
]
