"""Benchmark of the group formation engine (issue 6).

1. Engine alone (pure Python, in memory): 100,000 waiting interests spread over all 357
   municipalities (their representative points read from the GeoJSON in geo/data) and 40
   topics, ~180 places, 600 starters. Best of 3.
   Prints ``BENCH formation_100k_s <s> s`` (target < 2).
2. The database-backed run: (re)creates ``knutepunkt_bench_formation`` on the PostgreSQL
   server of DATABASE_URL, migrates, loads the geography, generates offices, contact
   points, 40 topics, starters and 100,000 waiting interests (bulk, no contact data: the
   engine never reads it), then times ``run_formation()`` — load, engine, and storing
   every proposal with its members.
   Prints ``BENCH formation_100k_db_s <s> s`` (and the dry run as a comment).
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knutepunkt.geo.polygons import representative_point  # noqa: E402
from knutepunkt.interests.formation.engine import (  # noqa: E402
    IN_PERSON,
    ONLINE,
    PHONE,
    Place,
    StarterCandidate,
    StarterPoint,
    WaitingInterest,
    form_groups,
)

BENCH_DB = os.environ.get("BENCH_FORMATION_DATABASE_NAME", "knutepunkt_bench_formation")
INTERESTS = int(os.environ.get("BENCH_FORMATION_INTERESTS", "100000"))
TOPICS = 40
# What people accept, with weights: most want to meet in person, many also by phone.
FORMAT_MIX = [
    (frozenset({IN_PERSON}), 40),
    (frozenset({IN_PERSON, PHONE}), 20),
    (frozenset({IN_PERSON, ONLINE}), 10),
    (frozenset({IN_PERSON, PHONE, ONLINE}), 10),
    (frozenset({PHONE}), 10),
    (frozenset({ONLINE}), 5),
    (frozenset({PHONE, ONLINE}), 5),
]


def log(message: str) -> None:
    print(f"# {message}", flush=True)


def municipality_points() -> list[tuple[str, float, float]]:
    path = ROOT / "knutepunkt" / "geo" / "data" / "kommuner-2024.geojson"
    with path.open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    points = []
    for feature in features:
        lat, lon = representative_point(feature["geometry"])
        points.append((str(feature["properties"]["kommunenummer"]), round(lat, 5), round(lon, 5)))
    return points


def engine_input(seed: int = 6) -> tuple[list, list, list]:
    rng = random.Random(seed)
    points = municipality_points()
    formats, weights = zip(*FORMAT_MIX, strict=True)
    # Bigger municipalities (here: a random weight) get more people.
    weight = [rng.paretovariate(1.2) for _ in points]
    chosen = rng.choices(points, weights=weight, k=INTERESTS)
    kinds = rng.choices(formats, weights=weights, k=INTERESTS)
    interests = [
        WaitingInterest(
            i + 1,
            rng.randrange(TOPICS),
            number,
            lat,
            lon,
            number[:2],
            kinds[i],
            "relatives" if rng.random() < 0.2 else "affected",
        )
        for i, (number, lat, lon) in enumerate(chosen)
    ]
    places = [
        Place(i + 1, number, lat, lon, office=int(number[:2]))
        for i, (number, lat, lon) in enumerate(rng.sample(points, k=len(points) // 2))
    ]
    starters = [
        StarterCandidate(
            i + 1,
            frozenset(rng.sample(range(TOPICS), 3)),
            tuple(StarterPoint(*p) for p in rng.sample(points, 2)),
            consent=rng.random() < 0.8,
        )
        for i in range(600)
    ]
    return interests, places, starters


def bench_engine() -> None:
    interests, places, starters = engine_input()
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        proposals = form_groups(interests, places, starters)
        timings.append(time.perf_counter() - started)
    people = sum(len(p.members) for p in proposals)
    log(
        f"engine: {len(interests)} interests, {len(places)} places → {len(proposals)} "
        f"proposals for {people} people ({sum(p.format == IN_PERSON for p in proposals)} "
        "in person)"
    )
    print(f"BENCH formation_100k_s {min(timings):.3f} s", flush=True)


def recreate_database(url: str) -> str:
    import psycopg

    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise SystemExit("The DB benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return urlunparse(parsed._replace(path=f"/{BENCH_DB}"))


def generate_db(seed: int = 6) -> None:
    """Offices, contact points and topics as in the find benchmark, 15 topics more,
    starters and the waiting interests (written in bulk: a throwaway database)."""
    from bench.data import generate
    from knutepunkt.geo.models import Municipality
    from knutepunkt.groups.models import Topic
    from knutepunkt.interests.crypto import topic_hash
    from knutepunkt.interests.models import Interest
    from knutepunkt.network.models import OfficeCounty
    from knutepunkt.starters.models import Starter

    generate(groups=0, seed=seed)
    existing = Topic.objects.count()
    Topic.objects.bulk_create(
        Topic(slug=f"tema-{i}", name_nb=f"Tema {i}", name_en=f"Topic {i}")
        for i in range(existing, TOPICS)
    )
    rng = random.Random(seed)
    topics = list(Topic.objects.values_list("pk", flat=True))
    municipalities = list(Municipality.objects.current().values_list("pk", "county_id"))
    office_of = dict(OfficeCounty.objects.values_list("county_id", "office_id"))
    formats, weights = zip(*FORMAT_MIX, strict=True)
    weight = [rng.paretovariate(1.2) for _ in municipalities]
    chosen = rng.choices(municipalities, weights=weight, k=INTERESTS)
    kinds = rng.choices(formats, weights=weights, k=INTERESTS)
    # bulk_create skips Interest.save(), which keeps the keyed topic hash in step.
    hash_of = {topic: topic_hash(topic) for topic in topics}
    topic_choice = [rng.choice(topics) for _ in range(INTERESTS)]
    Interest.objects.bulk_create(
        (
            Interest(
                topic_id=topic_choice[i],
                topic_hash=hash_of[topic_choice[i]],
                municipality_id=municipality,
                office_id=office_of[county],
                for_whom="relatives" if rng.random() < 0.2 else "affected",
                accepts_in_person=IN_PERSON in kinds[i],
                accepts_phone=PHONE in kinds[i],
                accepts_online=ONLINE in kinds[i],
                contact_method="email",
            )
            for i, (municipality, county) in enumerate(chosen)
        ),
        batch_size=5000,
    )
    starters = Starter.objects.bulk_create(
        Starter(
            name=f"Igangsetter {i}",
            office_id=office_of[county],
            home_municipality_id=municipality,
            consent_to_contact=rng.random() < 0.8,
        )
        for i, (municipality, county) in enumerate(rng.sample(municipalities, k=300))
    )
    through = Starter.topics.through
    through.objects.bulk_create(
        through(starter_id=s.pk, topic_id=t) for s in starters for t in rng.sample(topics, 3)
    )


def bench_db() -> None:
    url = recreate_database(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/knutepunkt")
    )
    os.environ.update(
        DATABASE_URL=url,
        DEBUG="0",
        KNUTEPUNKT_TESTING="1",
        SECRET_KEY="bench-only-secret-" + "x" * 40,
        EMAIL_URL="locmem://",
        # For the staff crawl at the end (the test client's host, plain http).
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        AXES_ENABLED="0",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "knutepunkt.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from knutepunkt.geo.loading import load_geography
    from knutepunkt.interests.formation.proposals import run_formation
    from knutepunkt.interests.models import GroupProposalMember

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    load_geography()
    generate_db()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would have after a real year's sign-ups
    log(f"data ready in {time.monotonic() - started:.1f} s: {INTERESTS} waiting interests")

    started = time.perf_counter()
    planned = run_formation(dry_run=True)
    log(f"dry run (load + engine, nothing stored): {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    outcomes = run_formation()
    elapsed = time.perf_counter() - started
    members = GroupProposalMember.objects.count()
    log(f"stored {len(outcomes)} proposals ({len(planned)} planned) with {members} members")
    print(f"BENCH formation_100k_db_s {elapsed:.3f} s", flush=True)
    staff_pages_with_interests()


def staff_pages_with_interests() -> None:
    """Every staff page of the office with the most waiting interests (tens of thousands)
    and the proposals just stored, crawled by links (bench/staff_sweep.py)."""
    from django.db.models import Count

    from bench.common import signed_in_client
    from bench.staff_sweep import sweep
    from knutepunkt.accounts.models import Role, User
    from knutepunkt.interests.models import Interest
    from knutepunkt.network.models import DistrictOffice

    busiest = Interest.objects.values("office_id").annotate(n=Count("pk")).order_by("-n").first()
    assert busiest is not None
    office = DistrictOffice.objects.get(pk=busiest["office_id"])
    user = User.objects.create_user(
        username="bench-interests", password="bench", role=Role.OFFICE_STAFF, office=office
    )
    crawl = sweep(signed_in_client(user), who="office")
    log(crawl.summary(f"as {office.slug} with {busiest['n']} waiting interests"))
    print(f"BENCH staff_pages_interests_max_ms {crawl.slowest[1]:.1f} ms", flush=True)
    assert crawl.pages and not crawl.errors, crawl.errors or "no staff page answered"


def main() -> None:
    bench_engine()
    if os.environ.get("BENCH_FORMATION_SKIP_DB") != "1":
        bench_db()


if __name__ == "__main__":
    main()
