"""Benchmark of the national annual report: build + HTML render, and build + PDF.

1. (Re)creates the database ``knutepunkt_bench_report`` on the PostgreSQL server of
   DATABASE_URL, migrates and loads the geography.
2. Generates 7 district offices (the 2024 coverage), 5 partners and 3 contact points per
   office, and 2,000 activities per office in the year, each with 1–2 partners, office
   tasks and plan goals.
3. Times ``build_national_report`` + the staff template render (HTML) and
   ``build_national_report`` + ``national_report_pdf`` (PDF), best of 3 after a warm-up.

Prints ``BENCH report_national_html_s <s> s`` (target < 2),
``BENCH report_national_pdf_s <s> s`` (target < 15) and ``BENCH national_pdf_mb <MB> MB``
(14,000 activities, tagged; target ≤ 4). The database is left for inspection.
"""

from __future__ import annotations

import datetime
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_DB = os.environ.get("BENCH_REPORT_DATABASE_NAME", "knutepunkt_bench_report")
YEAR = 2024
PER_OFFICE = int(os.environ.get("BENCH_ACTIVITIES_PER_OFFICE", "2000"))
OFFICES = [
    ("oslo", "Oslo, Akershus og Østfold", "0301", ["03", "32", "31"]),
    ("midt", "Møre og Romsdal og Trøndelag", "1505", ["15", "50"]),
    ("nord", "Nordland, Troms og Finnmark", "5501", ["18", "55", "56"]),
    ("innlandet", "Innlandet", "3405", ["34"]),
    ("sor", "Rogaland og Agder", "1103", ["11", "42"]),
    ("vtb", "Vestfold, Telemark og Buskerud", "3905", ["39", "40", "33"]),
    ("vest", "Vestland", "4601", ["46"]),
]


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


def generate() -> None:
    from django.db import transaction

    from knutepunkt.activity.models import Activity, ActivityKind, OfficeTask, PlanGoal
    from knutepunkt.activity.reference import ensure_office_tasks_and_plan_goals
    from knutepunkt.geo.models import County, Municipality
    from knutepunkt.network.models import (
        ContactPoint,
        ContactPointStatus,
        DistrictOffice,
        OfficeCounty,
        Partner,
        PartnerKind,
    )

    rng = random.Random(2024)
    ensure_office_tasks_and_plan_goals(OfficeTask, PlanGoal)
    tasks = list(OfficeTask.objects.all())
    goals = list(PlanGoal.objects.all())
    kinds = [k for k, _ in ActivityKind.choices]
    with transaction.atomic():
        for slug, name, seat, counties in OFFICES:
            office = DistrictOffice.objects.create(
                slug=slug, name=name, seat=Municipality.objects.current().get(number=seat)
            )
            places = list(Municipality.objects.current().filter(county__number__in=counties))
            for number in counties:
                OfficeCounty.objects.create(
                    office=office, county=County.objects.current().get(number=number)
                )
            partners = [
                Partner.objects.create(
                    name=f"{name} partner {i} – frivilligsentral på Ørsta",
                    kind=PartnerKind.VOLUNTEER_CENTRE,
                    office=office,
                    municipality=rng.choice(places),
                )
                for i in range(5)
            ]
            for i in range(3):
                cp = ContactPoint.objects.create(
                    name=f"Kontaktpunkt {slug} {i}",
                    slug=f"kp-{slug}-{i}",
                    office=office,
                    host=partners[i],
                    municipality=rng.choice(places),
                    status=ContactPointStatus.ESTABLISHED,
                )
                cp.municipalities_served.add(cp.municipality)
            activities = Activity.objects.bulk_create(
                Activity(
                    office=office,
                    date=datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(366)),
                    kind=rng.choice(kinds),
                    title=f"Aktivitet {n} – informasjonsmøte om selvhjelp i {name}",
                    municipality=rng.choice(places),
                    participants=rng.randrange(5, 60),
                    people_reached=rng.randrange(10, 300),
                )
                for n in range(PER_OFFICE)
            )
            through_partners = Activity.partners.through
            through_tasks = Activity.office_tasks.through
            through_goals = Activity.plan_goals.through
            through_partners.objects.bulk_create(
                through_partners(activity_id=a.pk, partner_id=p.pk)
                for a in activities
                for p in rng.sample(partners, rng.randint(1, 2))
            )
            through_tasks.objects.bulk_create(
                through_tasks(activity_id=a.pk, officetask_id=rng.choice(tasks).pk)
                for a in activities
            )
            through_goals.objects.bulk_create(
                through_goals(activity_id=a.pk, plangoal_id=rng.choice(goals).pk)
                for a in activities
            )


def best_of(runs: int, func: object) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    url = recreate_database(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/knutepunkt")
    )
    # DEBUG off (no query log); KNUTEPUNKT_TESTING only so that {% static %} needs no
    # collected manifest: it does not change how reports are built or typeset.
    os.environ.update(
        DATABASE_URL=url,
        DEBUG="0",
        KNUTEPUNKT_TESTING="1",
        SECRET_KEY="bench-only-secret-" + "x" * 40,
        EMAIL_URL="locmem://",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "knutepunkt.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import translation

    from knutepunkt.geo.loading import load_geography
    from knutepunkt.reports.builder import build_national_report
    from knutepunkt.reports.pdf import national_report_pdf

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    load_geography()
    generate()
    log(f"data ready in {time.monotonic() - started:.1f} s: 7 offices × {PER_OFFICE} activities")

    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/arbeid/rapporter/2024/nasjonal/")
    request.user = AnonymousUser()

    def html() -> None:
        report = build_national_report(year=YEAR)
        page = render_to_string("reports/staff/national.html", {"national": report}, request)
        assert "Vestland" in page

    def pdf() -> None:
        national_report_pdf(build_national_report(year=YEAR))

    with translation.override("nb"):
        html()  # warm-up (templates, caches of the map geometry)
        html_s = best_of(3, html)
        build_s = best_of(3, lambda: build_national_report(year=YEAR))
        log(f"of which build_national_report alone: {build_s:.2f} s")
        pdf_s = best_of(2, pdf)
        content = national_report_pdf(build_national_report(year=YEAR))
    if os.environ.get("BENCH_PDF_OUT"):
        Path(os.environ["BENCH_PDF_OUT"]).write_bytes(content)
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    catalog = reader.trailer["/Root"]
    tagged = "/StructTreeRoot" in catalog and bool(catalog.get("/MarkInfo", {}).get("/Marked"))
    log(
        f"national PDF: {len(content) / 1e6:.2f} MB, {len(reader.pages)} pages, "
        f"{7 * PER_OFFICE} activities, {'tagged' if tagged else 'NOT tagged'}"
    )
    print(f"BENCH report_national_html_s {html_s:.2f} s", flush=True)
    print(f"BENCH report_national_pdf_s {pdf_s:.2f} s", flush=True)
    print(f"BENCH national_pdf_mb {len(content) / 1e6:.2f} MB", flush=True)
    if not tagged:
        print("BENCH FAILED national_pdf: the PDF is not tagged", flush=True)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
