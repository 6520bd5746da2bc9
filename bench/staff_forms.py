"""Server time of the staff form pages that offer the municipality datalist.

1. Creates a fresh SQLite database in a temporary directory (or uses DATABASE_URL when it
   is set), migrates and loads the geography, and creates one district office with its
   staff member.
2. Signs in with the Django test Client (second factor passed as in
   ``knutepunkt.conftest.verify_second_factor``) and measures each page in-process with
   production settings (DEBUG off): a warm-up, then ``BENCH_REQUESTS`` requests each.

Prints ``BENCH <name> <value> <unit>`` lines (median and slowest, in milliseconds).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20"))
PAGES = {
    "partner_create": "/arbeid/partnere/ny/",
    "contact_point_create": "/arbeid/kontaktpunkter/ny/",
    "partner_list": "/arbeid/partnere/",
}


def log(message: str) -> None:
    print(f"# {message}", flush=True)


def setup_django() -> None:
    var_dir = tempfile.mkdtemp(prefix="knutepunkt-bench-forms-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{var_dir}/bench.sqlite3")
    os.environ.update(
        {
            "DEBUG": "0",
            "KNUTEPUNKT_TESTING": "0",
            "SECRET_KEY": "bench-" + os.urandom(24).hex(),
            "EMAIL_URL": "locmem://",
            "INTEREST_ENCRYPTION_KEYS": "u2mG3c1c1YdTSb2b0bqg5yq3Rr3J2n0C6sQ6m5s5Z3U=",
            "KNUTEPUNKT_VAR_DIR": var_dir,
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "0",
        }
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "knutepunkt.settings")
    import django

    django.setup()


def prepare() -> Any:
    from django.core.management import call_command

    from knutepunkt.accounts.models import Role, User
    from knutepunkt.geo.loading import load_geography
    from knutepunkt.geo.models import County, Municipality
    from knutepunkt.network.models import DistrictOffice, OfficeCounty

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    load_geography()
    office = DistrictOffice.objects.create(
        slug="midt",
        name="Møre og Romsdal og Trøndelag",
        seat=Municipality.objects.current().get(number="1505"),
        email="midt@selvhjelp.example",
    )
    for county in County.objects.current().filter(number__in=["15", "50"]):
        OfficeCounty.objects.create(office=office, county=county)
    return User.objects.create_user(
        username="midt", password="bench", role=Role.OFFICE_STAFF, office=office, is_staff=True
    )


def signed_in_client(user: Any) -> Any:
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


def timed(client: Any, url: str) -> list[float]:
    for _ in range(2):  # warm-up
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def main() -> int:
    setup_django()
    client = signed_in_client(prepare())
    for name, url in PAGES.items():
        times = timed(client, url)
        print(f"BENCH {name}_median {statistics.median(times):.1f} ms")
        print(f"BENCH {name}_max {max(times):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
