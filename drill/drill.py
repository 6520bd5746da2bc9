"""The operations drill (`make drill`): the production stack on one machine, under load,
with failures, and the checks that nothing was lost.

nginx (Debian's, unprivileged, its own config in a temp dir) in front of TWO granian web
nodes, one task worker and the scheduler, on PostgreSQL (a database of its own) and Redis,
with production settings (DEBUG off) and a real SMTP server (a sink in this process).
1,000 public sign-ups from 50 concurrent clients over 20 events of 10 places; a web worker
is killed (-9) at 30 %, PostgreSQL's connections are terminated at 45 %, a whole web node
is killed at 60 %.
A client whose request fails sends the same form again (same submission key), as a person
pressing the button again would. Then:

    DRILL lost 0                    every acknowledged sign-up is in the database
    DRILL over_capacity 0           no event has more confirmed than places
    DRILL ghosts_without_mail 0     every saved sign-up has its e-mail in the outbox
    DRILL waitlist_order_errors 0   places went to those who came first
    DRILL unacknowledged 0          every sign-up got its confirmation in the end
    DRILL failed_share <x> %        requests that failed (the killed processes' in-flight)
    DRILL mails_delivered <n>       confirmations the SMTP server received
    DRILL restore_mismatches 0      backup -> restore into another database -> verify

Exit status 1 if any check fails. Environment: DRILL_PG (server URL, default
postgres://postgres@127.0.0.1:5432), DRILL_REDIS (default redis://127.0.0.1:6379/9),
DRILL_KEEP=1 keeps the temp dir and databases.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = str(ROOT / ".venv" / "bin" / "python")
GRANIAN = str(ROOT / ".venv" / "bin" / "granian")

PG = os.environ.get("DRILL_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
REDIS = os.environ.get("DRILL_REDIS", "redis://127.0.0.1:6379/9")
DB, RESTORED = "knutepunkt_drill", "knutepunkt_drill_restored"
SIGNUPS, CLIENTS, EVENTS, PLACES = 1000, 50, 20, 10
ATTEMPTS = 8  # a person presses the button again after a failure, up to this often
FAILED_SHARE_LIMIT = 1.0  # percent

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="submission_key" value="([^"]+)"')


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def log(message: str) -> None:
    print(f"drill: {message}", flush=True)


def psql(database: str, sql: str) -> str:
    return subprocess.run(
        ["psql", f"{PG}/{database}", "-tAqc", sql], check=True, capture_output=True, text=True
    ).stdout.strip()


def recreate(database: str) -> None:
    psql("postgres", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    psql("postgres", f'CREATE DATABASE "{database}"')


@dataclass
class Stack:
    tmp: Path
    env: dict[str, str]
    nginx_port: int
    node_ports: list[int]
    nodes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    worker: subprocess.Popen[bytes] | None = None
    scheduler: subprocess.Popen[bytes] | None = None
    nginx: subprocess.Popen[bytes] | None = None
    worker_restarts: int = 0
    scheduler_restarts: int = 0
    stopping: bool = False

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PY, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def _spawn(self, args: list[str], name: str) -> subprocess.Popen[bytes]:
        out = open(self.tmp / f"{name}.log", "ab")
        return subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=out, stderr=out, start_new_session=True
        )

    def start_node(self, port: int) -> subprocess.Popen[bytes]:
        # As deploy/systemd/knutepunkt-web.service: bounded threads, respawning workers.
        return self._spawn(
            [
                GRANIAN,
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
                "4",
                "--backpressure",
                "16",
                "--respawn-failed-workers",
                "--respawn-interval",
                "0.5",
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            f"node-{port}",
        )

    def start_worker(self) -> subprocess.Popen[bytes]:
        return self._spawn(
            [PY, "manage.py", "db_worker", "--queue-name", "default", "--interval", "0.2"],
            "worker",
        )

    def start_scheduler(self) -> subprocess.Popen[bytes]:
        # As deploy/systemd/knutepunkt-scheduler.service: among its jobs the outbox run that
        # sends what a request committed but could not hand to the worker (the database
        # connection cut right after the commit).
        return self._spawn([PY, "manage.py", "scheduler"], "scheduler")

    def supervise(self) -> None:
        """What systemd's Restart=always does for the worker and scheduler units (a
        worker exits when its database connection is cut)."""
        if self.stopping:
            return
        if self.worker is not None and self.worker.poll() is not None:
            self.worker_restarts += 1
            log(f"worker exited ({self.worker.returncode}); restarted as systemd would")
            self.worker = self.start_worker()
        if self.scheduler is not None and self.scheduler.poll() is not None:
            self.scheduler_restarts += 1
            log(f"scheduler exited ({self.scheduler.returncode}); restarted as systemd would")
            self.scheduler = self.start_scheduler()

    def start(self) -> None:
        self.nodes = [self.start_node(port) for port in self.node_ports]
        self.worker = self.start_worker()
        self.scheduler = self.start_scheduler()
        self.nginx = self._start_nginx()

    def _start_nginx(self) -> subprocess.Popen[bytes]:
        conf_dir = self.tmp / "nginx"
        conf_dir.mkdir(exist_ok=True)
        upstreams = "\n".join(
            f"        server 127.0.0.1:{port} max_fails=0;" for port in self.node_ports
        )
        static_root = self.env["KNUTEPUNKT_VAR_DIR"] + "/static/"
        # No upstream keepalive: granian's --backpressure counts connections, not requests,
        # so idle keep-alive connections would hold a worker's slots (docs/operations.md).
        proxy = """
            proxy_pass http://knutepunkt;
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-ID $request_id;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
            proxy_next_upstream_tries 2;"""
        (conf_dir / "nginx.conf").write_text(
            f"""
worker_processes 1;
daemon off;
pid {conf_dir}/nginx.pid;
error_log {conf_dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {conf_dir}/body;
    proxy_temp_path {conf_dir}/proxy;
    fastcgi_temp_path {conf_dir}/fastcgi;
    uwsgi_temp_path {conf_dir}/uwsgi;
    scgi_temp_path {conf_dir}/scgi;
    upstream knutepunkt {{
{upstreams}
    }}
    server {{
        listen 127.0.0.1:{self.nginx_port};
        client_max_body_size 10m;
        location /static/ {{ alias {static_root}; }}
        # As deploy/nginx/knutepunkt.conf: the public sign-up form may be sent again to
        # the other node (its submission key makes a repeated POST one sign-up).
        location ~ ^/(?:nn/|en/)?arrangementer/[^/]+/$ {{
{proxy}
            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
        }}
        location / {{
{proxy}
            proxy_next_upstream error timeout http_502 http_503;
        }}
    }}
}}
"""
        )
        command = ["nginx", "-p", str(conf_dir), "-c", str(conf_dir / "nginx.conf")]
        if os.geteuid() == 0:  # never as root: drop to nobody for the whole process
            shutil.chown(conf_dir, "nobody")
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        return self._spawn(command, "nginx")

    def wait_ready(self, port: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/readyz", headers={"Host": "127.0.0.1"})
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"port {port} not ready after {timeout} s")

    def stop(self) -> None:
        self.stopping = True
        for process in [self.nginx, self.worker, self.scheduler, *self.nodes]:
            if process is not None and process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for process in [self.nginx, self.worker, self.scheduler, *self.nodes]:
            if process is not None:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)


def worker_pids(main_pid: int) -> list[int]:
    result = subprocess.run(
        ["pgrep", "-P", str(main_pid)], capture_output=True, text=True, check=False
    )
    return [int(pid) for pid in result.stdout.split()]


@dataclass
class Tally:
    requests: int = 0
    failed: int = 0
    acknowledged: dict[str, str] = field(default_factory=dict)  # email -> result location
    unacknowledged: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    reasons: Counter[str] = field(default_factory=Counter)

    def count(self, ok: bool, reason: str = "") -> None:
        with self.lock:
            self.requests += 1
            if not ok:
                self.failed += 1
                self.reasons[reason] += 1


class Visitor:
    """One browser: its own cookies and connection to nginx."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: str = "") -> tuple[int, str, str]:
        headers = {
            "Host": "127.0.0.1",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for _reconnect in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.connection.request(method, path, body=body or None, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                for header, value in response.getheaders():
                    if header.lower() == "set-cookie":
                        name, _sep, rest = value.partition("=")
                        self.cookies[name] = rest.split(";", 1)[0]
                return response.status, response.getheader("Location") or "", text
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # nginx closed an idle keep-alive connection: open a new one, once.
                self.connection.close()
                self.connection = None
                if _reconnect:
                    raise
        raise RuntimeError("unreachable")


def sign_up(visitor: Visitor, slug: str, email: str, tally: Tally) -> None:
    path = f"/arrangementer/{slug}/"
    form: tuple[str, str] | None = None
    for _attempt in range(ATTEMPTS):
        try:
            if form is None:
                status, _location, html = visitor.request("GET", path)
                ok = status == 200 and CSRF.search(html) is not None
                tally.count(ok, f"GET {status}")
                if not ok:
                    time.sleep(0.5 * (_attempt + 1))
                    continue
                form = (CSRF.search(html).group(1), KEY.search(html).group(1))  # type: ignore[union-attr]
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": form[0],
                    "submission_key": form[1],
                    "name": "Drill Deltaker",
                    "email": email,
                    "phone": "",
                }
            )
            status, location, _html = visitor.request("POST", path, body)
        except OSError as exc:
            tally.count(False, type(exc).__name__)
            visitor.connection = None
            time.sleep(0.5 * (_attempt + 1))
            continue
        acknowledged = status == 302 and "/pamelding/" in location
        tally.count(acknowledged, f"POST {status}")
        if acknowledged:
            with tally.lock:
                tally.acknowledged[email] = location
            return
        time.sleep(0.5 * (_attempt + 1))  # the same form again, as a person would
    with tally.lock:
        tally.unacknowledged.append(email)


def main() -> int:
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="knutepunkt-drill-"))
    os.chmod(tmp, 0o755)
    from knutepunkt.operations.testing import SmtpSink

    sink = SmtpSink(free_port()).__enter__()
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "KNUTEPUNKT_TESTING"}},
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "INTEREST_ENCRYPTION_KEYS": "u2mG3c1c1YdTSb2b0bqg5yq3Rr3J2n0C6sQ6m5s5Z3U=",
        "DATABASE_URL": f"{PG}/{DB}",
        "REDIS_URL": REDIS,
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1",
        # Plain http on loopback: no https redirect, no Secure cookies (docs/operations.md).
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "TRUST_X_FORWARDED_PROTO": "1",
        "WEB_CONCURRENCY": "2",
        "KNUTEPUNKT_VAR_DIR": str(tmp / "var"),
        "EXPORT_STORAGE_DIR": str(tmp / "shared"),
        "OUTBOX_RETRY_BASE_SECONDS": "1",
        "LOG_LEVEL": "WARNING",
        "PUBLIC_CACHE_SECONDS": "0",
    }
    stack = Stack(tmp=tmp, env=env, nginx_port=free_port(), node_ports=[free_port(), free_port()])
    checks: dict[str, bool] = {}
    try:
        log("database, migrations, geography, static files")
        recreate(DB)
        stack.manage("migrate", "--no-input", "-v0")
        stack.manage("load_geo")
        stack.manage("collectstatic", "--no-input", "-v0")
        slugs = [w for w in stack.manage("shell", "-c", SETUP).split() if w.startswith("drill-")]
        assert len(slugs) == EVENTS, slugs
        stack.start()
        for port in [*stack.node_ports, stack.nginx_port]:
            stack.wait_ready(port)
        log(f"stack up after {time.monotonic() - started:.0f} s; {SIGNUPS} sign-ups start")

        tally = Tally()
        plan = [(slugs[i % EVENTS], f"drill{i:04d}@example.org") for i in range(SIGNUPS)]
        random.Random(10).shuffle(plan)
        done = 0
        done_lock = threading.Lock()
        visitors = threading.local()
        failures_done: set[str] = set()

        def inject() -> None:
            share = done / SIGNUPS
            if share >= 0.30 and "worker" not in failures_done:
                failures_done.add("worker")
                victims = worker_pids(stack.nodes[0].pid)
                if victims:
                    os.kill(victims[0], signal.SIGKILL)
                    log(f"kill -9 web worker {victims[0]} of node 1 at {share:.0%}")
            if share >= 0.45 and "postgres" not in failures_done:
                failures_done.add("postgres")
                killed = psql(
                    "postgres",
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    f"WHERE datname = '{DB}' AND pid <> pg_backend_pid()",
                )
                log(f"terminated {killed} PostgreSQL backends at {share:.0%}")
            if share >= 0.60 and "node" not in failures_done:
                failures_done.add("node")
                os.killpg(stack.nodes[1].pid, signal.SIGKILL)
                log(f"kill -9 the whole web node 2 at {share:.0%}")

        def one(item: tuple[str, str]) -> None:
            nonlocal done
            if not hasattr(visitors, "visitor"):
                visitors.visitor = Visitor(stack.nginx_port)
            sign_up(visitors.visitor, item[0], item[1], tally)
            with done_lock:
                done += 1
                inject()
                stack.supervise()

        load_started = time.monotonic()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(one, plan))
        elapsed = time.monotonic() - load_started
        log(f"load done in {elapsed:.0f} s ({tally.requests / elapsed:.0f} requests/s)")

        # The worker sends what is queued; wait for the outbox to drain.
        deadline = time.monotonic() + 60
        pending = -1
        while time.monotonic() < deadline:
            pending = int(
                psql(DB, "SELECT count(*) FROM operations_outboxmessage WHERE status = 'pending'")
            )
            if pending == 0:
                break
            stack.supervise()
            time.sleep(1)
        stack.stop()

        emails = "', '".join(tally.acknowledged)
        found = int(
            psql(DB, f"SELECT count(*) FROM events_registration WHERE email IN ('{emails}')")
            if emails
            else "0"
        )
        lost = len(tally.acknowledged) - found
        over = int(psql(DB, OVER_CAPACITY))
        ghosts = int(psql(DB, GHOSTS))
        order_errors = int(psql(DB, ORDER_ERRORS))
        registrations = int(psql(DB, "SELECT count(*) FROM events_registration"))
        delivered = len(sink.received)
        failed_share = 100 * tally.failed / max(tally.requests, 1)

        log("backup -> restore -> verify, with the operator's scripts (deploy/)")
        # The same scripts an operator runs: deploy/backup.sh (pg_dump + the shared
        # storage) and deploy/restore.sh (pg_restore + manage.py verify_restore).
        backups = tmp / "backups"
        Path(env["EXPORT_STORAGE_DIR"]).mkdir(parents=True, exist_ok=True)
        scripts_env = {
            **env,
            "ENV_FILE": str(tmp / "no-env-file"),
            "DATABASE_URL": f"{PG}/{DB}",
            "BACKUP_DIR": str(backups),
        }
        backup = subprocess.run(
            ["deploy/backup.sh"], cwd=ROOT, env=scripts_env, capture_output=True, text=True
        )
        if backup.returncode != 0:
            print(backup.stdout + backup.stderr, flush=True)
        dumps = sorted(backups.glob("knutepunkt-*.dump"))
        archives = sorted(backups.glob("storage-*.tar.gz"))
        log(f"backup: {[d.name for d in dumps]} and {[a.name for a in archives]}")
        recreate(RESTORED)
        verify = subprocess.run(
            ["deploy/restore.sh", str(dumps[-1]), f"{PG}/{RESTORED}", f"{PG}/{DB}"],
            cwd=ROOT,
            env=scripts_env,
            capture_output=True,
            text=True,
        )
        match = re.search(r"VERIFY mismatches (\d+)", verify.stdout)
        mismatches = int(match.group(1)) if match else -1
        if mismatches:
            print(verify.stdout + verify.stderr, flush=True)

        print(f"DRILL signups_acknowledged {len(tally.acknowledged)}")
        print(f"DRILL registrations_saved {registrations}")
        print(f"DRILL lost {lost}")
        print(f"DRILL over_capacity {over}")
        print(f"DRILL ghosts_without_mail {ghosts}")
        print(f"DRILL waitlist_order_errors {order_errors}")
        print(f"DRILL unacknowledged {len(tally.unacknowledged)}")
        print(f"DRILL requests {tally.requests}")
        print(f"DRILL failed_requests {tally.failed}")
        print(f"DRILL failed_share {failed_share:.2f} %")
        for reason, number in sorted(tally.reasons.items()):
            print(f"DRILL failed_because {reason.replace(' ', '_')} {number}")
        print(f"DRILL mails_pending {pending}")
        print(f"DRILL worker_restarts {stack.worker_restarts}")
        print(f"DRILL scheduler_restarts {stack.scheduler_restarts}")
        print(f"DRILL mails_delivered {delivered}")
        print(f"DRILL restore_mismatches {mismatches}")
        print(f"DRILL storage_archives {len(archives)}")
        print(f"DRILL seconds {time.monotonic() - started:.0f}", flush=True)
        checks = {
            "lost": lost == 0,
            "over_capacity": over == 0,
            "ghosts_without_mail": ghosts == 0,
            "waitlist_order_errors": order_errors == 0,
            "unacknowledged": not tally.unacknowledged,
            "every sign-up saved once": registrations == SIGNUPS,
            "failed_share": failed_share < FAILED_SHARE_LIMIT,
            "mails": pending == 0 and delivered == registrations,
            "restore_mismatches": mismatches == 0,
            "storage_archived": len(archives) == 1,
            "all failures injected": failures_done == {"worker", "postgres", "node"},
        }
    except Exception as exc:
        log(f"ERROR {type(exc).__name__}: {exc}")
        for name in ("worker", "scheduler", "nginx"):
            path = tmp / f"{name}.log"
            if path.exists():
                print(path.read_text()[-2000:])
        checks = {"ran": False}
    finally:
        stack.stop()
        sink.__exit__()
        if os.environ.get("DRILL_KEEP") != "1":
            shutil.rmtree(tmp, ignore_errors=True)
            for database in (DB, RESTORED):
                with contextlib.suppress(subprocess.CalledProcessError):
                    psql("postgres", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        else:
            log(f"kept {tmp} and the databases {DB}, {RESTORED}")
    failed = [name for name, ok in checks.items() if not ok]
    if failed:
        log(f"FAILED: {', '.join(failed)}")
        return 1
    log("all checks passed")
    return 0


SETUP = f"""
import datetime
from django.utils import timezone
from knutepunkt.geo.models import County, Municipality
from knutepunkt.network.models import DistrictOffice, OfficeCounty
from knutepunkt.events.services import event_create

seat = Municipality.objects.current().get(number="1506")
office, _ = DistrictOffice.objects.get_or_create(
    slug="drill", defaults={{"name": "Drill", "seat": seat, "email": "drill@example.org"}}
)
for number in ("15", "50"):
    OfficeCounty.objects.get_or_create(
        county=County.objects.current().get(number=number), defaults={{"office": office}}
    )
starts = timezone.now() + datetime.timedelta(days=14)
for n in range({EVENTS}):
    event = event_create(
        actor=None, title=f"Drill-møte {{n + 1}}", kind="open_meeting", office=office,
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
        municipality=seat, capacity={PLACES}, has_waiting_list=True,
    )
    print(event.slug)
"""

OVER_CAPACITY = """
SELECT count(*) FROM events_event e
WHERE e.capacity IS NOT NULL AND e.capacity < (
    SELECT count(*) FROM events_registration r WHERE r.event_id = e.id AND r.status = 'confirmed'
)"""

GHOSTS = """
SELECT count(*) FROM events_registration r
WHERE NOT EXISTS (
    SELECT 1 FROM operations_outboxmessage o
    WHERE o.ref = 'events.registration:' || r.id AND o.kind = 'events.registration_received'
)"""

# A person on the waiting list who signed up before someone with a place.
ORDER_ERRORS = """
SELECT count(*) FROM events_registration w
JOIN events_registration c ON c.event_id = w.event_id AND c.status = 'confirmed'
WHERE w.status = 'waiting' AND (w.created_at, w.id) < (c.created_at, c.id)"""


if __name__ == "__main__":
    sys.exit(main())
