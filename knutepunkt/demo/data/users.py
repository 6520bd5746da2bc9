"""Demo staff users, one per role. DEMO ONLY: they all share the password below, which is
printed by ``manage.py demo_logins``. Never load the demo into a production database."""

from __future__ import annotations

from typing import Any

DEMO_PASSWORD = "knutepunkt-demo"  # noqa: S105 – a published demo password, by design

USERS: list[dict[str, Any]] = [
    {
        "username": "hovedkontor",
        "first_name": "Hanne",
        "last_name": "Hovedkontor (demo)",
        "role": "head_office",
        "is_staff": True,
    },
    {
        "username": "midt",
        "first_name": "Mari",
        "last_name": "Midt (demo)",
        "role": "office_staff",
        "office": "more-romsdal-trondelag",
        "is_staff": True,
    },
    {
        "username": "nord",
        "first_name": "Nils",
        "last_name": "Nord (demo)",
        "role": "office_staff",
        "office": "nord-norge",
        "is_staff": True,
    },
    {
        "username": "oslo",
        "first_name": "Oda",
        "last_name": "Oslo (demo)",
        "role": "office_staff",
        "office": "oslo-akershus-ostfold",
        "is_staff": True,
    },
    {
        "username": "molde",
        "first_name": "Morten",
        "last_name": "Molde (demo)",
        "role": "contact_point",
        "contact_point": "molde",
        "is_staff": True,
    },
    {
        "username": "helsedir",
        "first_name": "Helga",
        "last_name": "Helsedirektoratet (demo)",
        "role": "funder",
        "is_staff": False,
    },
]
