"""Benchmark of the staff activity list with one office's 20,000 logged activities.

1. (Re)creates the database ``knutepunkt_bench_activity`` on the PostgreSQL server of
   DATABASE_URL, migrates, loads the geography, creates one office with 40 partners and
   20,000 activities (partners and office tasks linked) in bulk.
2. Signs in as that office's staff with the Django test Client (second factor passed as
   in ``knutepunkt.conftest.verify_second_factor``) and measures the list page in-process,
   production settings (DEBUG off): the first page and a filtered page, 40 requests each
   after a warm-up.
3. Counts SQL queries of the page at ``?per_page=25`` and ``?per_page=100``: they must be
   equal (no query per row).

Prints ``BENCH <name> <value> <unit>`` lines; exits non-zero when the query counts differ.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_DB = os.environ.get("BENCH_ACTIVITY_DATABASE_NAME", "knutepunkt_bench_activity")
ACTIVITIES = int(os.environ.get("BENCH_ACTIVITIES", "20000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))
TARGET_MS = 150
LIST_URL = "/arbeid/aktiviteter/"
FILTERED = {"year": "2022", "kind": "own_event", "q": "møte"}


def log(message: str) -> None:
    print(f"# {message}", flush=True)


def recreate_database(url: str) -> str:
    import psycopg

    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise SystemExit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return urlunparse(parsed._replace(path=f"/{BENCH_DB}"))


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "knutepunkt.settings")
    import django

    django.setup()


TITLES = [
    "Informasjonsmøte på frivilligsentralen",
    "Foredrag på fagdag",
    "Stand på sykehuset",
    "Igangsetteropplæring",
    "Møte i plangruppen",
    "Undervisning på høgskolen",
    "Avisoppslag",
    "Åpent møte om selvhjelp",
]


def generate(seed: int = 2012) -> Any:
    """One office, its staff member, 40 partners and the activities, written in bulk."""
    import datetime

    from knutepunkt.accounts.models import Role, User
    from knutepunkt.activity.models import Activity, ActivityKind, OfficeTask
    from knutepunkt.geo.models import County, Municipality
    from knutepunkt.network.models import DistrictOffice, OfficeCounty, Partner, PartnerKind

    rng = random.Random(seed)
    local = list(Municipality.objects.current().filter(number__regex=r"^(15|50)"))
    office = DistrictOffice.objects.create(
        slug="midt",
        name="Møre og Romsdal og Trøndelag",
        seat=next(m for m in local if m.number == "1505"),
        email="midt@selvhjelp.example",
    )
    for county in County.objects.current().filter(number__in=["15", "50"]):
        OfficeCounty.objects.create(office=office, county=county)
    user = User.objects.create_user(
        username="midt", password="bench", role=Role.OFFICE_STAFF, office=office, is_staff=True
    )
    partners = Partner.objects.bulk_create(
        Partner(
            name=f"{rng.choice(['Frivilligsentral', 'Frisklivssentral', 'NAV', 'LMS'])} {m.name}",
            kind=rng.choice(PartnerKind.values),
            office=office,
            municipality=m,
        )
        for m in rng.sample(local, 40)
    )
    kinds = ActivityKind.values
    start = datetime.date(2015, 1, 1)
    activities = Activity.objects.bulk_create(
        (
            Activity(
                office=office,
                date=start + datetime.timedelta(days=rng.randrange(4000)),
                kind=rng.choice(kinds),
                title=f"{rng.choice(TITLES)} {i}",
                municipality=rng.choice(local) if rng.random() < 0.9 else None,
                participants=rng.randrange(0, 60) if rng.random() < 0.7 else None,
                people_reached=rng.randrange(0, 400) if rng.random() < 0.7 else None,
                created_by=user,
            )
            for i in range(ACTIVITIES)
        ),
        batch_size=2000,
    )
    tasks = list(OfficeTask.objects.all())
    partner_links = Activity.partners.through
    task_links = Activity.office_tasks.through
    partner_links.objects.bulk_create(
        (
            partner_links(activity_id=a.pk, partner_id=p.pk)
            for a in activities
            for p in rng.sample(partners, rng.randrange(0, 4))
        ),
        batch_size=5000,
    )
    task_links.objects.bulk_create(
        (
            task_links(activity_id=a.pk, officetask_id=t.pk)
            for a in activities
            for t in rng.sample(tasks, rng.randrange(1, 3))
        ),
        batch_size=5000,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return user


def signed_in_client(user: Any) -> Any:
    """A test Client with the password and the TOTP step passed (as conftest does)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def timed(client: Any, params: dict[str, str]) -> list[float]:
    times = []
    for _ in range(5):  # warm-up
        assert client.get(LIST_URL, params).status_code == 200
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(LIST_URL, params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def query_count(client: Any, per_page: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST_URL, {"per_page": str(per_page)})
    assert response.status_code == 200
    shown = response.content.decode().count('<td><a href="/arbeid/aktiviteter/')
    log(f"per_page={per_page}: {len(captured)} queries, {shown} rows shown")
    return len(captured)


def main() -> int:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/knutepunkt")
    bench_url = recreate_database(url)
    var_dir = tempfile.mkdtemp(prefix="knutepunkt-bench-activity-")
    setup_django(
        {
            "DATABASE_URL": bench_url,
            "DEBUG": "0",
            "KNUTEPUNKT_TESTING": "0",
            "SECRET_KEY": "bench-" + os.urandom(24).hex(),
            "EMAIL_URL": "locmem://",
            "INTEREST_ENCRYPTION_KEYS": "u2mG3c1c1YdTSb2b0bqg5yq3Rr3J2n0C6sQ6m5s5Z3U=",
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "KNUTEPUNKT_VAR_DIR": var_dir,
            "LOG_LEVEL": "ERROR",
            "AXES_ENABLED": "0",
        }
    )
    from django.core.management import call_command

    from knutepunkt.activity.models import Activity
    from knutepunkt.geo.loading import load_geography

    try:
        started = time.monotonic()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        load_geography()
        user = generate()
        log(
            f"data ready in {time.monotonic() - started:.1f} s: "
            f"{Activity.objects.filter(office=user.office).count()} activities in one office"
        )
        client = signed_in_client(user)
        first = timed(client, {})
        filtered = timed(client, FILTERED)
        counts = [query_count(client, 25), query_count(client, 100)]
        # Every staff page this office's staff reaches by links, with the year's work in it
        # (reports and dashboards count 20,000 activities and 40 partners).
        from bench.staff_sweep import sweep

        crawl = sweep(client, who="office")
    finally:
        import shutil

        shutil.rmtree(var_dir, ignore_errors=True)

    first_ms, filtered_ms = statistics.median(first), statistics.median(filtered)
    log(
        f"first page: median {first_ms:.1f} ms, max {max(first):.1f} ms; filtered "
        f"({FILTERED}): median {filtered_ms:.1f} ms, max {max(filtered):.1f} ms; "
        f"{REQUESTS} requests each, in-process server time, target ≤ {TARGET_MS} ms"
    )
    worst = max(first_ms, filtered_ms)
    if worst > TARGET_MS:
        log(f"WARNING: activity list median {worst:.1f} ms is above the {TARGET_MS} ms target")
    print(f"BENCH activity_list_ms {worst:.1f} ms")
    print(f"BENCH activity_list_first_page_ms {first_ms:.1f} ms")
    print(f"BENCH activity_list_filtered_ms {filtered_ms:.1f} ms")
    print(f"BENCH activity_list_queries {max(counts)} queries")
    log(crawl.summary(f"with {ACTIVITIES} activities"))
    print(f"BENCH staff_pages_activity_max_ms {crawl.slowest[1]:.1f} ms")
    if crawl.errors:
        return 1
    if len(set(counts)) != 1:
        print(
            f"BENCH FAILED activity_list_queries: {counts[0]} queries at 25 rows but "
            f"{counts[1]} at 100 rows — a query per row crept in",
            flush=True,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
