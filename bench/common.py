"""What the benchmarks share: their own PostgreSQL database, Django set up with production
settings, the app served by granian as in production, nginx as the machine's yardstick,
and a staff client signed in with both factors."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
NGINX = os.environ.get("BENCH_NGINX", shutil.which("nginx") or "/usr/sbin/nginx")
# A fixed test key: the benchmarks never store real interests.
INTEREST_KEY = "u2mG3c1c1YdTSb2b0bqg5yq3Rr3J2n0C6sQ6m5s5Z3U="


def log(message: str) -> None:
    print(f"# {message}", flush=True)


def bench(name: str, value: float, unit: str, digits: int = 1) -> None:
    print(f"BENCH {name} {value:.{digits}f} {unit}", flush=True)


def recreate_database(url: str, name: str) -> str:
    """Drop and create database ``name`` on the server of ``url``; its URL."""
    import psycopg

    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise SystemExit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parsed._replace(path=f"/{name}"))


def production_env(database_url: str, var_dir: str, **extra: str) -> dict[str, str]:
    """Environment of a production-like process: DEBUG off, local memory cache."""
    return {
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "KNUTEPUNKT_TESTING": "0",
        "SECRET_KEY": "bench-" + os.urandom(24).hex(),
        # Production settings need a mail server; the bench sends nothing that leaves.
        "EMAIL_URL": "locmem://",
        "INTEREST_ENCRYPTION_KEYS": INTEREST_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "KNUTEPUNKT_VAR_DIR": var_dir,
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ["ALLOWED_HOSTS"] = env["ALLOWED_HOSTS"] + ",testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "knutepunkt.settings")
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def serve_granian(
    env: dict[str, str], port: int, *, workers: int = 2, blocking_threads: str = "4"
) -> subprocess.Popen[bytes]:
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
        str(workers),
        "--blocking-threads",
        blocking_threads,
        "--backlog",
        "1024",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, start_new_session=True)


NGINX_CONF = """
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types {{ text/css css; text/plain txt; }}
  client_body_temp_path {prefix}/client_body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
  }}
}}
"""


class Nginx:
    """nginx serving one static file from its own prefix on a loopback port: what the
    machine can answer at most, to put every web figure in proportion."""

    def __init__(self, size: int = 10 * 1024) -> None:
        self.prefix = tempfile.mkdtemp(prefix="knutepunkt-bench-nginx-")
        self.port = free_port()
        root = Path(self.prefix) / "root"
        root.mkdir()
        (root / "static.css").write_text(("/* yardstick */\n" * (size // 16 + 1))[:size])
        # As root, nginx's workers run as "nobody": they must be able to read the file.
        for path in (Path(self.prefix), root, root / "static.css"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        conf = Path(self.prefix) / "nginx.conf"
        conf.write_text(NGINX_CONF.format(prefix=self.prefix, port=self.port, root=root))
        self.process = subprocess.Popen(
            [
                NGINX,
                "-p",
                self.prefix,
                "-c",
                str(conf),
                "-e",
                f"{self.prefix}/error.log",
                "-g",
                "daemon off;",
            ],
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        self.path = "/static.css"
        wait_until_up(self.url + self.path, 10)

    def stop(self) -> None:
        stop(self.process)
        shutil.rmtree(self.prefix, ignore_errors=True)


def cpu_seconds(root: int) -> float:
    """CPU time (user + system) used so far by process ``root`` and its children (the
    granian workers): what serving cost, whatever else the machine was doing."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if root in (pid, ppid):
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


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
