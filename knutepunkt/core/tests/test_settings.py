"""Settings come from the environment; production refuses to start without a secret."""

import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from knutepunkt.core.testing import run_manage
from knutepunkt.settings import email_settings

ROOT = Path(__file__).resolve().parents[3]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_manage(*args, env=env)


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", SECRET_KEY="", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7!kq2-" + "p" * 20 + "Zr9$wLm3@vB8^nT5&cY1*hG6",
        ALLOWED_HOSTS="knutepunkt.example.org",
        INTEREST_ENCRYPTION_KEYS="u2mG3c1c1YdTSb2b0bqg5yq3Rr3J2n0C6sQ6m5s5Z3U=",
        EMAIL_URL="smtp://mail.example.org:587?tls=1",
        TRUST_X_FORWARDED_PROTO="1",
        KNUTEPUNKT_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_email_url_smtp_is_parsed():
    parsed = email_settings("smtp://user%40x:secret@mail.example.org:587?tls=1")
    assert parsed["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert parsed["EMAIL_HOST"] == "mail.example.org"
    assert parsed["EMAIL_PORT"] == 587
    assert parsed["EMAIL_HOST_USER"] == "user@x"
    assert parsed["EMAIL_USE_TLS"] is True


def test_email_url_defaults_to_console():
    assert str(email_settings("")["EMAIL_BACKEND"]).endswith("console.EmailBackend")


def test_email_url_with_unknown_scheme_fails_loudly():
    with pytest.raises(ImproperlyConfigured):
        email_settings("pigeon://coop")
