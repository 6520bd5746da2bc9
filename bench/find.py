"""Benchmark of the public "Find help" page, served as in production.

1. (Re)creates the database ``knutepunkt_bench`` on the PostgreSQL server of DATABASE_URL,
   migrates, loads the geography and generates 5,000 groups, ~25 topics, contact points.
2. Measures SQL queries per uncached find page in-process (few vs many results).
3. Serves the app with granian WSGI (2 workers, 4 blocking threads, DEBUG off, static
   files collected into a temporary directory and served by WhiteNoise), warms it up and
   loads it from wrk (or a Python loader) on loopback with ~50 varied searches, then a
   static file.

Prints ``BENCH <name> <value> <unit>`` lines. The server is always stopped; the bench
database is left behind for inspection.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.data import QUERIES, generate  # noqa: E402
from bench.load import run_load  # noqa: E402

BENCH_DB = os.environ.get("BENCH_DATABASE_NAME", "knutepunkt_bench")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_THREADS", "1"))
BLOCKING_THREADS = os.environ.get("BENCH_BLOCKING_THREADS", "4")


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


def find_paths() -> list[str]:
    paths = []
    for i, (q, sted) in enumerate(QUERIES):
        prefix = "/en" if i % 5 == 4 else ""
        params = {k: v for k, v in (("q", q), ("sted", sted)) if v}
        paths.append(f"{prefix}/finn-hjelp/?{urlencode(params)}")
    return paths


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ["ALLOWED_HOSTS"] = env["ALLOWED_HOSTS"] + ",testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "knutepunkt.settings")
    import django

    django.setup()


def prepare_data() -> None:
    from django.core.management import call_command

    from knutepunkt.geo.loading import load_geography

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    load_geography()
    counts = generate()
    call_command("collectstatic", verbosity=0, interactive=False)
    log(f"data ready in {time.monotonic() - started:.1f} s: {counts}")


def count_queries() -> int:
    """SQL queries of one uncached find page, for a narrow and a broad search."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from knutepunkt.groups.search import parse_query
    from knutepunkt.groups.selectors import find_help, place_by_number

    client = Client()
    counts = []
    # A narrow and a broad search: the query count must be the same.
    for q, number, sted in (("tinnitus", "5607", "Vadsø"), ("angst", "0301", "Oslo")):
        place = place_by_number(number)
        results = find_help(query=parse_query(q), place=place)
        shown = len(results.in_person) + len(results.remote) + len(results.contact_points)
        cache.clear()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/finn-hjelp/", {"q": q, "sted": sted})
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        log(
            f"uncached page for q={q!r} near {sted}: {len(captured)} queries, "
            f"{elapsed:.1f} ms in-process ({shown} results shown)"
        )
        counts.append(len(captured))
    if len(set(counts)) != 1:
        log(f"WARNING: query count varies with the results: {counts}")
    return max(counts)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/finn-hjelp/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError("granian did not answer within 30 s")


def warm_up(base: str, paths: list[str]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def fetch(path: str) -> int:
        try:
            with urllib.request.urlopen(f"{base}{path}", timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    # Several rounds in parallel so every worker process fills its own cache.
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(fetch, paths * 6))
    bad = [s for s in statuses if not 200 <= s < 300]
    log(f"warm-up: {len(statuses)} requests, {len(bad)} non-2xx")


def serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    command = [
        str(ROOT / ".venv" / "bin" / "granian"),
        "--interface",
        "wsgi",
        "knutepunkt.wsgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "2",
        "--blocking-threads",
        BLOCKING_THREADS,
        "--backlog",
        "1024",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, start_new_session=True)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def main() -> int:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/knutepunkt")
    bench_url = recreate_database(url)
    var_dir = tempfile.mkdtemp(prefix="knutepunkt-bench-")
    env = {
        "DATABASE_URL": bench_url,
        "DEBUG": "0",
        "KNUTEPUNKT_TESTING": "0",
        "SECRET_KEY": "bench-" + os.urandom(24).hex(),
        "INTEREST_ENCRYPTION_KEYS": "u2mG3c1c1YdTSb2b0bqg5yq3Rr3J2n0C6sQ6m5s5Z3U=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "KNUTEPUNKT_VAR_DIR": var_dir,
        "LOG_LEVEL": "ERROR",
        "PUBLIC_CACHE_SECONDS": os.environ.get("PUBLIC_CACHE_SECONDS", "300"),
    }
    setup_django(env)
    prepare_data()
    queries = count_queries()
    from django.db import connections

    connections.close_all()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    paths = find_paths()
    server = serve(env, port)
    try:
        wait_until_up(base)
        warm_up(base, paths)
        run_load(base, paths, seconds=2, connections=CONNECTIONS, threads=THREADS)
        find = run_load(base, paths, seconds=SECONDS, connections=CONNECTIONS, threads=THREADS)
        static = run_load(
            base,
            ["/static/knutepunkt/site.css"],
            seconds=SECONDS,
            connections=CONNECTIONS,
            threads=THREADS,
        )
    finally:
        stop(server)
        import shutil

        shutil.rmtree(var_dir, ignore_errors=True)

    log(
        f"load: {find.tool}, {THREADS} thread(s), {CONNECTIONS} connections, {SECONDS} s, "
        f"{len(paths)} different searches; granian 2 workers × {BLOCKING_THREADS} blocking threads"
    )
    for name, result in (("find", find), ("static", static)):
        log(
            f"{name}: {result.requests} requests, {result.non_2xx} non-2xx, "
            f"{result.socket_errors} socket errors"
        )
    print(f"BENCH find_rps {find.rps:.0f} req/s")
    print(f"BENCH find_p50_ms {find.p50_ms:.1f} ms")
    print(f"BENCH find_p99_ms {find.p99_ms:.1f} ms")
    print(f"BENCH find_queries {queries} queries")
    print(f"BENCH find_non_2xx {find.non_2xx} responses")
    print(f"BENCH static_rps {static.rps:.0f} req/s")
    print(f"BENCH static_p99_ms {static.p99_ms:.1f} ms")
    print(f"BENCH static_non_2xx {static.non_2xx} responses")
    ok = find.non_2xx == 0 and static.non_2xx == 0 and find.socket_errors == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
