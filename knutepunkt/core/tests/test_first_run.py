"""A newcomer's first run: what `make run` prints works as printed.

`make run` is `make install`, then `make demo` (migrate, load the demo, print the logins),
then the server. These tests run `make demo` in a clean environment (no DEBUG, no
SECRET_KEY, an empty database of its own) and then every command it tells the reader to
run next, exactly as printed; and check that the pip the Makefile runs sees none of the
machine's package indexes."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")

# What a newcomer's shell does not have: the test settings, production settings.
NOT_IN_A_FRESH_SHELL = {
    "DEBUG",
    "SECRET_KEY",
    "KNUTEPUNKT_TESTING",
    "DATABASE_URL",
    "SITE_URL",
    "INTEREST_ENCRYPTION_KEYS",
    "DJANGO_SETTINGS_MODULE",
    "HOST",
    "PORT",
    # A make that runs these tests (`make test-pg DATABASE_URL=…` in CI) passes its
    # command-line variables on to every make below it through these.
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
    "MAKEOVERRIDES",
}


def fresh_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_IN_A_FRESH_SHELL}
    env["KNUTEPUNKT_VAR_DIR"] = str(tmp_path / "var")
    return env


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed commands and what the Makefile prints
        command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )


def test_the_commands_make_run_prints_work_as_printed(tmp_path: Path) -> None:
    env = fresh_env(tmp_path)
    demo = run(["make", "--no-print-directory", "demo", "HOST=127.0.0.1", "PORT=8765"], env)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    # The sign-in address is where this server listens, not a fixed port 8000.
    assert "Sign in at http://127.0.0.1:8765/arbeid/logg-inn/" in demo.stdout
    assert "8000" not in demo.stdout
    assert "warning" not in demo.stderr.lower(), demo.stderr

    printed = re.findall(r"`([^`]+)`", demo.stdout)
    assert printed, demo.stdout
    for command in printed:
        result = run(shlex.split(command), env)
        assert result.returncode == 0, f"{command}:\n{result.stdout}{result.stderr}"
        assert "SECRET_KEY" not in result.stderr
    totp = run(["make", "-s", "totp"], env)
    assert re.search(r"^  key: [A-Z2-7]{32}$", totp.stdout, re.MULTILINE), totp.stdout
    logins = run(["make", "-s", "logins", "PORT=9000"], env)
    assert "Sign in at http://127.0.0.1:9000/arbeid/logg-inn/" in logins.stdout


def test_a_wildcard_host_prints_a_reachable_sign_in_address(tmp_path: Path) -> None:
    env = fresh_env(tmp_path)
    dry = run(["make", "-n", "logins", "HOST=0.0.0.0", "PORT=8080"], env)
    assert "SITE_URL=http://127.0.0.1:8080" in dry.stdout


def test_pip_in_the_makefile_ignores_the_machines_package_indexes(tmp_path: Path) -> None:
    """A machine whose pip configuration names local indexes and wheel directories that
    do not exist (pip then warns once per package): scripts/pip.sh leaves them out but
    keeps the certificate bundle and an existing constraint file."""
    config = tmp_path / "pip.conf"
    constraint = tmp_path / "constraints.txt"
    constraint.write_text("# none\n")
    config.write_text(
        "[global]\nfind-links = /nonexistent/wheels\n"
        "extra-index-url = file:///nonexistent/simple\n"
        f"constraint = {constraint}\n"
    )
    env = {
        **fresh_env(tmp_path),
        "PIP_CONFIG_FILE": str(config),
        "PIP_FIND_LINKS": "/nonexistent/wheels",
        "PIP_EXTRA_INDEX_URL": "file:///nonexistent/simple",
        "PIP_CERT": "/etc/ssl/certs/ca-certificates.crt",
    }
    pip = str(BASE_DIR / ".venv" / "bin" / "pip")
    # Without the wrapper pip sees the machine's indexes ...
    plain = run([pip, "config", "list"], env)
    assert "find-links" in plain.stdout
    # ... with it, none of them, while the certificate and the constraint stay.
    wrapped = run(["scripts/pip.sh", pip, "config", "list"], env)
    assert wrapped.returncode == 0, wrapped.stderr
    assert "find-links" not in wrapped.stdout and "index-url" not in wrapped.stdout
    assert f":env:.constraint='{constraint}'" in wrapped.stdout
    assert ":env:.cert='/etc/ssl/certs/ca-certificates.crt'" in wrapped.stdout
    seen = run(["scripts/pip.sh", "env"], env)
    variables = dict(line.split("=", 1) for line in seen.stdout.splitlines() if "=" in line)
    assert "PIP_FIND_LINKS" not in variables and "PIP_EXTRA_INDEX_URL" not in variables
    assert variables["PIP_CONFIG_FILE"] == "/dev/null"
    assert variables["PIP_CERT"] == "/etc/ssl/certs/ca-certificates.crt"
    # A PIP_CONSTRAINT of one's own is kept when the file exists.
    own = run(["scripts/pip.sh", "env"], {**env, "PIP_CONSTRAINT": str(constraint)})
    assert f"PIP_CONSTRAINT={constraint}" in own.stdout
    gone = run(["scripts/pip.sh", "env"], {**env, "PIP_CONSTRAINT": "/nonexistent.txt"})
    assert "PIP_CONSTRAINT" not in gone.stdout
    makefile = (BASE_DIR / "Makefile").read_text()
    assert "PIP := scripts/pip.sh $(VENV)/bin/pip" in makefile
    assert re.findall(r"^\t\$\(PIP\) install", makefile, re.MULTILINE)
    assert not re.findall(r"\.venv/bin/pip|\$\(VENV\)/bin/pip install", makefile)
