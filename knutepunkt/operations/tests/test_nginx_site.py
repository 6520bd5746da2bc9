"""The nginx site in deploy/ is valid for Debian's nginx (`nginx -t`), with a throwaway
self-signed certificate in place of Let's Encrypt's and the paths moved to a temporary
directory; and it keeps the settings docs/operations.md relies on."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

SITE = Path(settings.BASE_DIR) / "deploy" / "nginx" / "knutepunkt.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def test_the_site_keeps_what_the_operations_guide_relies_on() -> None:
    site = SITE.read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert "client_max_body_size" in site
    assert re.search(r"location /static/ \{[^}]*alias /var/lib/knutepunkt/static/;", site)
    assert "return 301 https://" in site


@pytest.mark.skipif(NGINX is None or shutil.which("openssl") is None, reason="needs nginx")
def test_nginx_accepts_the_site(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    openssl = shutil.which("openssl") or "openssl"
    subprocess.run(  # noqa: S603 - fixed arguments
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=knutepunkt.example.org", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = SITE.read_text()
    site = site.replace("/etc/letsencrypt/live/knutepunkt.example.org/fullchain.pem", str(cert))
    site = site.replace("/etc/letsencrypt/live/knutepunkt.example.org/privkey.pem", str(key))
    # Unprivileged ports, so the check runs as any user.
    site = re.sub(r"listen (\[::\]:)?80;", lambda m: f"listen {m.group(1) or ''}18080;", site)
    site = re.sub(r"listen (\[::\]:)?443 ", lambda m: f"listen {m.group(1) or ''}18443 ", site)
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {tmp_path}/body;\n"
        f"  proxy_temp_path {tmp_path}/proxy;\n  fastcgi_temp_path {tmp_path}/fastcgi;\n"
        f"  uwsgi_temp_path {tmp_path}/uwsgi;\n  scgi_temp_path {tmp_path}/scgi;\n"
        f"  include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [str(NGINX), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
