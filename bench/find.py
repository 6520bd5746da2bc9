"""Benchmark of the public site and a staff form, served as in production and put in
proportion to what the machine can serve at all.

1. (Re)creates the database ``knutepunkt_bench`` (BENCH_DATABASE_NAME) on the PostgreSQL
   server of DATABASE_URL, migrates, loads the geography and generates BENCH_GROUPS groups
   (5,000 by default), ~25 topics, contact points, offices.
2. In-process (Django test client, DEBUG off): SQL queries of an uncached find page (a
   narrow and a broad search must cost the same), and the server time of the staff
   forms (partner create is ``staff_form_ms``), median of 30 after a warm-up.
3. Serves the app with granian WSGI (2 workers, 4 blocking threads, DEBUG off, static
   files collected and served by WhiteNoise) and, beside it, nginx serving a 10 KB file
   from its own prefix on a loopback port: the machine's ceiling for one HTTP answer.
   Loads each from wrk (or a Python loader), one after another:
   - ``static``: nginx and the 10 KB file;
   - ``find_hot``: ~50 searches repeated, after a warm-up (the page cache answers);
   - ``find_cold``: thousands of distinct searches, topic words × municipality names in
     both languages, shuffled, none warmed up and none repeated within the run, so that
     (almost) every request misses every cache;
   - ``municipality``: every municipality page; ``office``, ``contact_point``, ``map``.

Prints ``BENCH <name> <value> <unit>`` lines, each web figure also as a share of nginx's
(``<name>_share_pct``) and as the server's CPU time per answer (``<name>_cpu_ms``, with
``<name>_cpu_bound_rps``: what the cores could answer at that cost, whatever else the
machine is running); names get BENCH_SUFFIX appended (``_50k`` for the 50,000-group
run). The server and nginx are always stopped; the bench database is left behind for
inspection.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    Nginx,
    bench,
    cpu_seconds,
    free_port,
    log,
    production_env,
    recreate_database,
    serve_granian,
    setup_django,
    signed_in_client,
    stop,
    wait_until_up,
)
from bench.data import QUERIES, TOPICS, generate  # noqa: E402
from bench.load import LoadResult, run_load  # noqa: E402
from bench.staff_sweep import Sweep, sweep  # noqa: E402

BENCH_DB = os.environ.get("BENCH_DATABASE_NAME", "knutepunkt_bench")
GROUPS = int(os.environ.get("BENCH_GROUPS", "5000"))
SUFFIX = os.environ.get("BENCH_SUFFIX", "")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_THREADS", "1"))
BLOCKING_THREADS = os.environ.get("BENCH_BLOCKING_THREADS", "4")
STAFF_REQUESTS = int(os.environ.get("BENCH_STAFF_REQUESTS", "30"))
MIN_COLD_SEARCHES = 2000
STAFF_FORMS = (
    ("staff_form_ms", "staff:network:partner_create"),
    ("staff_contact_point_form_ms", "staff:network:contact_point_create"),
    ("staff_group_form_ms", "staff:groups:group_create"),
    ("staff_starter_form_ms", "staff:starters:starter_create"),
)
TARGETS = {"find_cold": (300, 150), "municipality": (300, None)}


def name(base: str) -> str:
    return f"{base}{SUFFIX}"


def hot_paths() -> list[str]:
    """~50 searches people often make (the old benchmark's), some in English."""
    paths = []
    for i, (q, sted) in enumerate(QUERIES):
        prefix = "/en" if i % 5 == 4 else ""
        params = {k: v for k, v in (("q", q), ("sted", sted)) if v}
        paths.append(f"{prefix}/finn-hjelp/?{urlencode(params)}")
    return paths


def cold_paths(place_names: list[str], seed: int = 11) -> list[str]:
    """Every topic word (Norwegian name, English name, a search word) × every current
    municipality, as typed (sometimes in lower case without æøå), shuffled; every fifth
    in English. Distinct addresses: the page cache cannot answer any twice."""
    from knutepunkt.groups.search import fold

    rng = random.Random(seed)
    words = []
    for _slug, nb, en, synonyms in TOPICS:
        words += [nb, en]
        if synonyms:
            words.append(synonyms.split(",")[0].strip())
    paths = set()
    for word in dict.fromkeys(words):
        for place in place_names:
            typed = fold(place) if rng.random() < 0.15 else place
            prefix = "/en" if rng.random() < 0.2 else ""
            paths.add(f"{prefix}/finn-hjelp/?{urlencode({'q': word, 'sted': typed})}")
    shuffled = sorted(paths)
    rng.shuffle(shuffled)
    return shuffled


def prepare_data() -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection

    from knutepunkt.geo.loading import load_geography

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    load_geography()
    counts = generate(groups=GROUPS)
    call_command("collectstatic", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"data ready in {time.monotonic() - started:.1f} s: {counts}")
    return counts


def count_queries() -> int:
    """SQL queries of one uncached find page, for a narrow and a broad search."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = []
    for q, sted in (("tinnitus", "Vadsø"), ("angst", "Oslo")):
        client.get("/finn-hjelp/", {"q": q, "sted": sted})  # warm the process (index, places)
        cache.clear()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/finn-hjelp/", {"q": q, "sted": sted})
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        shown = response.content.decode().count('class="card')
        log(
            f"uncached page for q={q!r} near {sted}: {len(captured)} queries, "
            f"{elapsed:.1f} ms in-process ({shown} results shown)"
        )
        counts.append(len(captured))
    if len(set(counts)) != 1:
        log(f"WARNING: query count varies with the results: {counts}")
    return max(counts)


def staff_forms() -> dict[str, float]:
    """Median server time of the staff forms (GET, signed in, in-process)."""
    from django.urls import reverse

    from knutepunkt.accounts.models import Role, User
    from knutepunkt.network.models import DistrictOffice

    office = DistrictOffice.objects.get(slug="midt")
    user = User.objects.filter(username="bench-midt").first() or User.objects.create_user(
        username="bench-midt", password="bench", role=Role.OFFICE_STAFF, office=office
    )
    client = signed_in_client(user)
    timings = {}
    for figure, url_name in STAFF_FORMS:
        url = reverse(url_name)
        for _ in range(5):
            assert client.get(url).status_code == 200, url
        times = []
        for _ in range(STAFF_REQUESTS):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        timings[figure] = statistics.median(times)
        log(f"{url}: median {timings[figure]:.1f} ms, max {max(times):.1f} ms")
    return timings


def staff_pages() -> Sweep:
    """Every staff page reachable by links, as a district office's staff and as head
    office (see bench/staff_sweep.py)."""
    from knutepunkt.accounts.models import Role, User

    result = Sweep()
    head = User.objects.filter(username="bench-head").first() or User.objects.create_user(
        username="bench-head", password="bench", role=Role.HEAD_OFFICE, is_staff=True
    )
    for who, user in (("office", User.objects.get(username="bench-midt")), ("head", head)):
        sweep(signed_in_client(user), who=who, result=result)
    log(result.summary("as office staff and head office"))
    return result


def directory_paths() -> dict[str, list[str]]:
    from knutepunkt.geo.models import Municipality
    from knutepunkt.network.models import ContactPoint, DistrictOffice

    numbers = list(Municipality.objects.current().values_list("number", flat=True))
    slugs = list(ContactPoint.objects.public().values_list("slug", flat=True))
    offices = list(DistrictOffice.objects.values_list("slug", flat=True))
    return {
        "municipality": [f"/kommune/{n}/" for n in numbers],
        "office": [f"/kontorer/{s}/" for s in offices],
        "contact_point": [f"/kontaktpunkt/{s}/" for s in slugs],
        "map": ["/kart/", "/kommune/"],
    }


def warm_up(base: str, paths: list[str], rounds: int = 6) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def fetch(path: str) -> int:
        try:
            with urllib.request.urlopen(f"{base}{path}", timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    # Several rounds in parallel so every worker process fills its own cache.
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(fetch, paths * rounds))
    bad = [s for s in statuses if not 200 <= s < 300]
    log(f"warm-up: {len(statuses)} requests, {len(bad)} non-2xx")


CORES = os.cpu_count() or 2
server_cpu_ms: dict[str, float] = {}


def load(base: str, paths: list[str], *, server: Any = None, page: str = "") -> LoadResult:
    before = cpu_seconds(server.pid) if server is not None else 0.0
    result = run_load(base, paths, seconds=SECONDS, connections=CONNECTIONS, threads=THREADS)
    if server is not None and result.requests:
        server_cpu_ms[page] = (cpu_seconds(server.pid) - before) * 1000 / result.requests
    return result


def main() -> int:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/knutepunkt")
    # BENCH_REUSE_DB=1: measure again on the database of an earlier run (development).
    reuse = os.environ.get("BENCH_REUSE_DB") == "1"
    bench_url = (
        urlunparse(urlparse(url)._replace(path=f"/{BENCH_DB}"))
        if reuse
        else recreate_database(url, BENCH_DB)
    )
    var_dir = tempfile.mkdtemp(prefix="knutepunkt-bench-")
    env = production_env(
        bench_url,
        var_dir,
        PUBLIC_CACHE_SECONDS=os.environ.get("PUBLIC_CACHE_SECONDS", "300"),
        AXES_ENABLED="0",
    )
    setup_django(env)
    if reuse:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
    else:
        prepare_data()
    queries = count_queries()
    forms = staff_forms()
    staff = staff_pages()
    from knutepunkt.geo.models import Municipality

    place_names = list(Municipality.objects.current().values_list("name", flat=True))
    cold = cold_paths(place_names)
    hot = hot_paths()
    directory = directory_paths()
    from django.db import connections

    connections.close_all()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = serve_granian(env, port, blocking_threads=BLOCKING_THREADS)
    nginx = None
    results: dict[str, LoadResult] = {}
    try:
        nginx = Nginx()
        wait_until_up(f"{base}/finn-hjelp/")
        run_load(nginx.url, [nginx.path], seconds=2, connections=CONNECTIONS, threads=THREADS)
        results["static"] = run_load(
            nginx.url, [nginx.path], seconds=SECONDS, connections=CONNECTIONS, threads=THREADS
        )
        # Start-up work of each worker (imports, the places and the find index) is not
        # what a visitor waits for: one round of unrelated pages first.
        warm_up(base, ["/", "/finn-hjelp/?q=x&sted=y", "/kommune/0301/", "/kart/"], rounds=8)
        warm_up(base, hot)
        run_load(base, hot, seconds=2, connections=CONNECTIONS, threads=THREADS)
        results["find_hot"] = load(base, hot, server=server, page="find_hot")
        results["find_cold"] = load(base, cold, server=server, page="find_cold")
        for page, paths in directory.items():
            results[page] = load(base, paths, server=server, page=page)
    finally:
        stop(server)
        if nginx is not None:
            nginx.stop()
        shutil.rmtree(var_dir, ignore_errors=True)

    tool = results["static"].tool
    log(
        f"load: {tool}, {THREADS} thread(s), {CONNECTIONS} connections, {SECONDS} s each; "
        f"granian 2 workers × {BLOCKING_THREADS} blocking threads; {GROUPS} groups; "
        f"{len(hot)} hot and {len(cold)} cold searches"
    )
    cold_requests = results["find_cold"].requests
    log(
        f"cold searches: {cold_requests} requests over {len(cold)} distinct addresses "
        f"({'none repeated' if cold_requests <= len(cold) else 'some repeated'})"
    )
    ok = len(cold) >= MIN_COLD_SEARCHES
    static_rps = results["static"].rps
    for page, result in results.items():
        log(
            f"{page}: {result.requests} requests, {result.non_2xx} non-2xx, "
            f"{result.socket_errors} socket errors"
        )
        figure = "nginx_static" if page == "static" else page
        bench(name(f"{figure}_rps"), result.rps, "req/s", 0)
        bench(name(f"{figure}_p50_ms"), result.p50_ms, "ms")
        bench(name(f"{figure}_p99_ms"), result.p99_ms, "ms")
        if page != "static":
            share = 100 * result.rps / static_rps if static_rps else 0.0
            bench(name(f"{figure}_share_pct"), share, "%")
        if page in server_cpu_ms:
            # Load-independent: the server's CPU time per answer, and what the machine's
            # cores could answer at that cost (the measured req/s above is what they did
            # answer, sharing the machine with wrk, PostgreSQL and anything else running).
            cpu_ms = server_cpu_ms[page]
            bench(name(f"{figure}_cpu_ms"), cpu_ms, "ms")
            bench(
                name(f"{figure}_cpu_bound_rps"), CORES * 1000 / cpu_ms if cpu_ms else 0, "req/s", 0
            )
        ok = ok and result.non_2xx == 0 and result.socket_errors == 0
    bench(name("find_queries"), queries, "queries", 0)
    bench(name("find_cold_distinct"), len(cold), "searches", 0)
    for figure, ms in forms.items():
        bench(name(figure), ms, "ms")
    bench(name("staff_pages"), len(staff.pages), "pages", 0)
    bench(name("staff_pages_median_ms"), statistics.median(staff.pages.values()), "ms")
    bench(name("staff_pages_max_ms"), staff.slowest[1], "ms")
    ok = ok and not staff.errors
    for page, (rps, p99) in TARGETS.items():
        result = results[page]
        if result.rps < rps or (p99 is not None and result.p99_ms > p99):
            log(f"WARNING: {page} below the first bar ({rps} req/s, p99 ≤ {p99} ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
