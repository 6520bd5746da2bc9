"""Benchmark of the activity import: a 10,000-row spreadsheet, preview and confirm.

1. (Re)creates the database ``knutepunkt_bench_import`` on the PostgreSQL server of
   DATABASE_URL, migrates, loads the geography, creates one office (Møre og Romsdal and
   Trøndelag) with 40 partners and a staff member.
2. Writes an XLSX of 10,000 activity rows as an office would keep it (Norwegian headers
   and type names, municipality names or numbers, partners, tasks, goals, notes).
3. Signs in with the Django test Client (second factor passed) and times, production
   settings (DEBUG off), the upload with its preview and the confirm; checks that every
   row was imported with its audit entry, and that the same file is refused afterwards.

Prints ``BENCH import_10k_s`` (preview + confirm), ``import_preview_s`` and
``import_confirm_s``. The database is left for inspection.
"""

from __future__ import annotations

import datetime
import io
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    bench,
    log,
    production_env,
    recreate_database,
    setup_django,
    signed_in_client,
)

BENCH_DB = os.environ.get("BENCH_IMPORT_DATABASE_NAME", "knutepunkt_bench_import")
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "10000"))
KINDS = [
    "Eget arrangement",
    "Foredrag",
    "Stand",
    "Igangsetteropplæring",
    "Plangruppemøte",
    "Møte med samarbeidspartner",
    "Undervisning",
    "Medieomtale",
    "Henvendelse",
]
TITLES = [
    "Informasjonsmøte på frivilligsentralen",
    "Foredrag på fagdag",
    "Stand på sykehuset",
    "Igangsetteropplæring",
    "Møte i plangruppen",
    "Åpent møte om selvhjelp",
]


def prepare() -> tuple[Any, list[str], list[tuple[str, str]]]:
    """The office's staff member, its partners' names and (number, name) of its
    municipalities whose name is unique in the country."""
    from collections import Counter

    from knutepunkt.accounts.models import Role, User
    from knutepunkt.activity.models import OfficeTask, PlanGoal
    from knutepunkt.activity.reference import ensure_office_tasks_and_plan_goals
    from knutepunkt.geo.models import County, Municipality
    from knutepunkt.network.models import DistrictOffice, OfficeCounty, Partner, PartnerKind

    ensure_office_tasks_and_plan_goals(OfficeTask, PlanGoal)
    rng = random.Random(11)
    current = list(Municipality.objects.current().values_list("number", "name"))
    names = Counter(name for _number, name in current)
    local = [(n, name) for n, name in current if n[:2] in {"15", "50"} and names[name] == 1]
    office = DistrictOffice.objects.create(
        slug="midt",
        name="Møre og Romsdal og Trøndelag",
        seat=Municipality.objects.current().get(number="1505"),
        email="midt@selvhjelp.example",
    )
    for county in County.objects.current().filter(number__in=["15", "50"]):
        OfficeCounty.objects.create(office=office, county=county)
    partners = Partner.objects.bulk_create(
        Partner(
            name=f"Frivilligsentral {name} {i}", kind=rng.choice(PartnerKind.values), office=office
        )
        for i, (_number, name) in enumerate(rng.sample(local, 40))
    )
    user = User.objects.create_user(
        username="midt", password="bench", role=Role.OFFICE_STAFF, office=office, is_staff=True
    )
    return user, [p.name for p in partners], local


def workbook(rows: int, partners: list[str], places: list[tuple[str, str]]) -> bytes:
    from openpyxl import Workbook

    rng = random.Random(2024)
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(
        [
            "Dato",
            "Type",
            "Tittel",
            "Kommunenummer",
            "Kommune",
            "Samarbeidspartnere",
            "Deltakere",
            "Nådd",
            "Oppgaver",
            "Mål",
            "Notater",
        ]
    )
    start = datetime.datetime(2024, 1, 1)
    for i in range(rows):
        number, name = rng.choice(places)
        by_number = i % 2 == 0
        sheet.append(
            [
                start + datetime.timedelta(days=rng.randrange(366)),
                rng.choice(KINDS),
                f"{rng.choice(TITLES)} {i + 1}",
                number if by_number else None,
                None if by_number else name,
                "; ".join(rng.sample(partners, rng.randrange(0, 3))),
                rng.randrange(5, 60) if rng.random() < 0.7 else None,
                rng.randrange(10, 300) if rng.random() < 0.7 else None,
                "; ".join(str(n) for n in sorted(rng.sample(range(1, 7), rng.randrange(1, 3)))),
                str(rng.randrange(1, 5)),
                "Godt oppmøte" if i % 10 == 0 else None,
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> int:
    url = recreate_database(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/knutepunkt"), BENCH_DB
    )
    var_dir = tempfile.mkdtemp(prefix="knutepunkt-bench-import-")
    setup_django(production_env(url, var_dir, AXES_ENABLED="0"))
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import translation

    from knutepunkt.activity.imports import MAX_BYTES
    from knutepunkt.activity.models import Activity
    from knutepunkt.core.models import AuditEntry
    from knutepunkt.geo.loading import load_geography

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    load_geography()
    user, partners, places = prepare()
    data = workbook(ROWS, partners, places)
    twice = workbook(2 * ROWS, partners, places)
    log(
        f"data ready in {time.monotonic() - started:.1f} s: {ROWS} rows in "
        f"{len(data) / 1e6:.2f} MB of XLSX ({2 * ROWS} rows: {len(twice) / 1e6:.2f} MB, "
        f"limit {MAX_BYTES / 1e6:.2f} MB)"
    )
    client = signed_in_client(user)
    with translation.override("nb"):
        upload_url = reverse("staff:activity:activity_import")
        confirm_url = reverse("staff:activity:activity_import_confirm")

    def upload() -> Any:
        return client.post(upload_url, {"file": SimpleUploadedFile("aktiviteter.xlsx", data)})

    started, cpu = time.perf_counter(), time.process_time()
    preview = upload()
    preview_s = time.perf_counter() - started
    assert preview.status_code == 200, preview.status_code
    page = preview.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page)
    summary = re.search(r"<p data-import-summary>(.*?)<strong>", page, re.S)
    assert token and summary, "no preview"
    log(f"preview: {' '.join(summary[1].split())} page {len(preview.content) / 1e6:.2f} MB")
    started = time.perf_counter()
    done = client.post(confirm_url, {"token": token[1]})
    confirm_s = time.perf_counter() - started
    cpu_s = time.process_time() - cpu
    assert done.status_code == 200, done.status_code
    imported = Activity.objects.count()
    audited = AuditEntry.objects.filter(action="activity.activity.created").count()
    log(f"confirm: {imported} activities, {audited} audit entries")
    again = upload()
    refused = "activity_import" not in client.session and "errorlist" in again.content.decode()
    log(f"the same file again: {'refused' if refused else 'NOT refused'}")
    bench("import_10k_s", preview_s + confirm_s, "s", 2)
    bench("import_preview_s", preview_s, "s", 2)
    bench("import_confirm_s", confirm_s, "s", 2)
    # The application's own CPU time for both (PostgreSQL's is not in it): steadier than
    # the wall clock on a shared machine.
    bench("import_10k_cpu_s", cpu_s, "s", 2)
    ok = imported == ROWS == audited and bool(refused)
    if not ok:
        print("BENCH FAILED import: not every row was imported and audited once", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
