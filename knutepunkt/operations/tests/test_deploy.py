"""The production entry points: the environment template passes `check --deploy` with no
issue once its placeholders are filled in, and production refuses to start on a weak
secret, without EMAIL_URL, or with several web processes and no Redis."""

from __future__ import annotations

import secrets
import subprocess
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from knutepunkt.core.testing import run_manage

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = ROOT / "deploy" / "knutepunkt.env.example"


def template_env(tmp_path: Path) -> dict[str, str]:
    """The template's variables, its CHANGE-ME values filled in as the docs say."""
    values: dict[str, str] = {}
    for line in TEMPLATE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _sep, value = line.partition("=")
            values[name.strip()] = value.strip()
    values["SECRET_KEY"] = secrets.token_urlsafe(50)
    values["INTEREST_ENCRYPTION_KEYS"] = Fernet.generate_key().decode()
    # Directories of the test, not the server's.
    values["KNUTEPUNKT_VAR_DIR"] = str(tmp_path / "var")
    values["EXPORT_STORAGE_DIR"] = str(tmp_path / "exports")
    return values


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_manage(*args, env=env, drop=frozenset({"DATABASE_URL"}))


def test_check_deploy_with_the_template_reports_no_issues(tmp_path: Path) -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=template_env(tmp_path))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"SECRET_KEY": "CHANGE-ME"}, "SECRET_KEY is too weak"),
        ({"SECRET_KEY": "x" * 60}, "SECRET_KEY is too weak"),
        ({"EMAIL_URL": ""}, "EMAIL_URL must be set"),
        ({"REDIS_URL": "", "WEB_CONCURRENCY": "2"}, "REDIS_URL must be set"),
    ],
)
def test_production_refuses_to_start(tmp_path: Path, change: dict[str, str], message: str) -> None:
    env = template_env(tmp_path) | change
    result = manage("check", env=env)
    assert result.returncode != 0
    assert message in result.stderr


def test_one_process_without_redis_may_start(tmp_path: Path) -> None:
    env = template_env(tmp_path) | {"REDIS_URL": "", "WEB_CONCURRENCY": "1"}
    assert manage("check", env=env).returncode == 0


def test_forwarded_proto_is_trusted_only_when_configured(tmp_path: Path) -> None:
    code = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    env = template_env(tmp_path)
    trusted = manage("shell", "-c", code, env=env)
    assert "HTTP_X_FORWARDED_PROTO" in trusted.stdout, trusted.stderr
    untrusted = manage("shell", "-c", code, env=env | {"TRUST_X_FORWARDED_PROTO": ""})
    assert untrusted.stdout.strip().endswith("None"), untrusted.stderr
    plain = "from django.conf import settings; print(settings.CSRF_COOKIE_SECURE)"
    assert (
        manage("shell", "-c", plain, env=env | {"SECURE_COOKIES": "0"})
        .stdout.strip()
        .endswith("False")
    )
