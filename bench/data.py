"""Benchmark data: offices with their 2024 coverage, ~25 topics, contact points and 5,000
groups spread over the municipalities. Written in bulk on purpose (a throwaway database,
no audit trail wanted); the app itself writes through the services."""

from __future__ import annotations

import random
from typing import Any

OFFICES = [
    ("oslo", "Oslo, Akershus og Østfold", "0301", ["03", "32", "31"]),
    ("midt", "Møre og Romsdal og Trøndelag", "1505", ["15", "50"]),
    ("nord", "Nordland, Troms og Finnmark", "5501", ["18", "55", "56"]),
    ("innlandet", "Innlandet", "3403", ["34"]),
    ("sor", "Rogaland og Agder", "1103", ["11", "42"]),
    ("vtb", "Vestfold, Telemark og Buskerud", "3301", ["39", "40", "33"]),
    ("vest", "Vestland", "4601", ["46"]),
]

TOPICS = [
    ("angst", "Angst", "Anxiety", "panikkangst, sosial angst, fobi"),
    ("depresjon", "Depresjon", "Depression", "nedstemthet, tungsinn"),
    ("sorg", "Å miste noen", "Losing someone", "sorg, grief, etterlatte"),
    ("selvmord-etterlatte", "Etterlatte etter selvmord", "Bereaved by suicide", "sorg"),
    ("rus", "Rusavhengighet", "Addiction", "rus, alkohol, narkotika"),
    ("spill", "Spillavhengighet", "Gambling addiction", "pengespill, gambling"),
    ("skilsmisse", "Samlivsbrudd", "Divorce and separation", "skilsmisse"),
    ("kreft", "Kreft", "Cancer", "kreftsyk"),
    ("smerter", "Kroniske smerter", "Chronic pain", "smerte, fibromyalgi"),
    ("utbrent", "Utbrenthet", "Burnout", "utbrent, stress"),
    ("ensomhet", "Ensomhet", "Loneliness", "ensom"),
    ("spiseforstyrrelser", "Spiseforstyrrelser", "Eating disorders", "anoreksi, bulimi"),
    ("overgrep", "Seksuelle overgrep", "Sexual abuse", "incest"),
    ("vold", "Vold i nære relasjoner", "Domestic violence", "vold"),
    ("ufrivillig-barnloshet", "Ufrivillig barnløshet", "Involuntary childlessness", ""),
    ("adhd", "ADHD", "ADHD", "konsentrasjon"),
    ("autisme", "Autisme", "Autism", "asperger"),
    ("demens", "Demens", "Dementia", "alzheimer"),
    ("hjerneslag", "Hjerneslag", "Stroke", "slag"),
    ("ms", "Multippel sklerose", "Multiple sclerosis", "ms"),
    ("diabetes", "Diabetes", "Diabetes", "sukkersyke"),
    ("tinnitus", "Tinnitus", "Tinnitus", "øresus"),
    ("mobbing", "Mobbing", "Bullying", "utestengning"),
    ("arbeidsledig", "Arbeidsledighet", "Unemployment", "ledig, jobb"),
    ("alenefar", "Aleneforeldre", "Single parents", "alenemor, alenefar"),
]


def generate(*, groups: int = 5000, seed: int = 2024) -> dict[str, int]:
    from knutepunkt.geo.models import County, Municipality
    from knutepunkt.groups.models import SelfHelpGroup, Topic
    from knutepunkt.network.models import ContactPoint, DistrictOffice, OfficeCounty

    rng = random.Random(seed)
    municipalities = list(Municipality.objects.current().only("id", "number", "county_id"))
    by_number = {m.number: m for m in municipalities}
    counties = {c.number: c for c in County.objects.current()}

    offices: dict[str, Any] = {}
    office_by_county: dict[int, Any] = {}
    for slug, name, seat, county_numbers in OFFICES:
        office = DistrictOffice.objects.create(
            slug=slug,
            name=name,
            seat=by_number.get(seat) or municipalities[0],
            email=f"{slug}@selvhjelp.example",
            phone="22 00 00 00",
        )
        offices[slug] = office
        for number in county_numbers:
            OfficeCounty.objects.create(office=office, county=counties[number])
            office_by_county[counties[number].pk] = office

    topics = Topic.objects.bulk_create(
        Topic(slug=slug, name_nb=nb, name_en=en, synonyms=syn) for slug, nb, en, syn in TOPICS
    )

    # About one contact point per two municipalities, each serving its own and neighbours.
    points = []
    hosts = rng.sample(municipalities, k=len(municipalities) // 2)
    for i, municipality in enumerate(hosts):
        points.append(
            ContactPoint(
                name=f"Selvhjelp kontaktpunkt {i + 1}",
                slug=f"kp-{i + 1}",
                kind="meeting_place" if i % 7 == 0 else "contact_point",
                office=office_by_county[municipality.county_id],
                municipality=municipality,
                status="established" if i % 5 else "planning",
                email=f"kp{i + 1}@frivillig.example",
                phone="70 00 00 00",
            )
        )
    points = ContactPoint.objects.bulk_create(points)
    served = ContactPoint.municipalities_served.through
    served.objects.bulk_create(
        served(contactpoint_id=p.pk, municipality_id=p.municipality_id) for p in points
    )
    points_by_municipality = {p.municipality_id: p for p in points}

    rows = []
    for i in range(groups):
        topic = rng.choice(topics)
        kind = rng.random()
        group_format = "in_person" if kind < 0.85 else ("phone" if kind < 0.95 else "online")
        status = rng.choices(["open", "forming", "closed", "ended"], [40, 20, 30, 10])[0]
        municipality = rng.choice(municipalities)
        point = points_by_municipality.get(municipality.pk)
        rows.append(
            SelfHelpGroup(
                topic=topic,
                title=f"{topic.name_nb} {i + 1}",
                office=office_by_county[municipality.county_id],
                contact_point=point if group_format == "in_person" else None,
                municipality=municipality if group_format == "in_person" else None,
                format=group_format,
                target="relatives" if rng.random() < 0.2 else "affected",
                status=status,
                description_nb=f"En selvhjelpsgruppe om {topic.name_nb.lower()}.",
                description_en=f"A self-help group on {topic.name_en.lower()}.",
                meeting_time="Annenhver tirsdag kl. 18" if i % 3 else "",
            )
        )
    SelfHelpGroup.objects.bulk_create(rows, batch_size=1000)
    return {"groups": len(rows), "topics": len(topics), "contact_points": len(points)}


# ~50 topic/place combinations people might type, in both languages and spellings.
QUERIES = [
    ("angst", "Molde"),
    ("angst", "Oslo"),
    ("angst", "tromso"),
    ("anxiety", "Bergen"),
    ("sorg", "Trondheim"),
    ("sorg", "Bodø"),
    ("grief", "Stavanger"),
    ("pårørende rus", "Molde"),
    ("pårørende rus", "Kristiansand"),
    ("relatives addiction", "Oslo"),
    ("rus", "Drammen"),
    ("alkohol", "Hamar"),
    ("depresjon", "Ålesund"),
    ("depression", "alesund"),
    ("deprimert", "Lillehammer"),
    ("skilsmisse", "Fredrikstad"),
    ("samlivsbrudd", "Sandnes"),
    ("kreft", "Tønsberg"),
    ("cancer", "Skien"),
    ("kroniske smerter", "Arendal"),
    ("smerter", "Gjøvik"),
    ("utbrent", "Harstad"),
    ("burnout", "Alta"),
    ("ensomhet", "Narvik"),
    ("lonely", "Kristiansund"),
    ("spiseforstyrrelser", "Haugesund"),
    ("eating disorders", "Bærum"),
    ("overgrep", "Larvik"),
    ("vold", "Sarpsborg"),
    ("barnløshet", "Asker"),
    ("adhd", "Lørenskog"),
    ("autisme", "Steinkjer"),
    ("demens pårørende", "Levanger"),
    ("hjerneslag", "Namsos"),
    ("ms", "Førde"),
    ("diabetes", "Voss"),
    ("tinnitus", "Kongsberg"),
    ("mobbing", "Porsgrunn"),
    ("arbeidsledig", "Horten"),
    ("alenemor", "Elverum"),
    ("gambling", "Moss"),
    ("pengespill", "Halden"),
    ("angsten", "Ski"),
    ("", "Tromsø"),
    ("", "Molde"),
    ("angst", ""),
    ("sorg", ""),
    ("panikk", "Vadsø"),
    ("etterlatte", "Hammerfest"),
    ("selvmord", "Kirkenes"),
]
