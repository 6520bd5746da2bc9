"""Shared fixtures: reference data and the named personas every test reuses.

Personas: ``head_office_admin``, ``office_staff_midt`` (Møre og Romsdal og Trøndelag),
``office_staff_nord`` (Nordland, Troms og Finnmark), ``contact_point_coordinator``
(the Molde contact point, in Midt), ``funder_viewer`` and the anonymous ``client``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from knutepunkt.accounts.models import Role, User
from knutepunkt.geo.models import County, Municipality
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointStatus,
    DistrictOffice,
    OfficeCounty,
    Partner,
    PartnerKind,
)


def ensure_reference_data() -> None:
    """Geography and the fixed office tasks / plan goals; reloaded after a flush."""
    from knutepunkt.activity.models import OfficeTask, PlanGoal
    from knutepunkt.activity.reference import ensure_office_tasks_and_plan_goals
    from knutepunkt.geo.loading import load_geography

    if not Municipality.objects.exists():
        load_geography()
    if not OfficeTask.objects.exists():
        ensure_office_tasks_and_plan_goals(OfficeTask, PlanGoal)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    with django_db_blocker.unblock():
        ensure_reference_data()


@pytest.fixture(autouse=True)
def _english_outside_requests(request: pytest.FixtureRequest) -> Any:
    """Code that runs outside a request (services, forms, commands) speaks English in tests,
    so their messages can be asserted plainly. Requests still get their language from the
    URL (bokmål at /, English at /en/), as in production. Browser tests (live server) walk
    the site as a person would, in the default language, so they are left alone."""
    from django.utils import translation

    if "live_server" in request.fixturenames:
        yield
        return
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    """Cached pages and places must not leak from one test into the next (a test's
    geography changes are rolled back, the process-wide cache would keep them)."""
    from django.core.cache import cache

    from knutepunkt.geo.places import clear_cache

    cache.clear()
    clear_cache()
    yield
    cache.clear()
    clear_cache()


@pytest.fixture
def reference_data(django_db_blocker: Any) -> None:
    """For transactional tests (live server, threads), which flush the database."""
    with django_db_blocker.unblock():
        ensure_reference_data()


def municipality(number: str) -> Municipality:
    return Municipality.objects.current().get(number=number)


def _office(slug: str, name: str, seat: str, counties: list[str]) -> DistrictOffice:
    office, _ = DistrictOffice.objects.get_or_create(
        slug=slug,
        defaults={"name": name, "seat": municipality(seat), "email": f"{slug}@example.org"},
    )
    for number in counties:
        county = County.objects.current().get(number=number)
        OfficeCounty.objects.get_or_create(county=county, defaults={"office": office})
    return office


@pytest.fixture
def office_midt(db: Any) -> DistrictOffice:
    # Seat: Kristiansund (1505).
    return _office("midt", "Møre og Romsdal og Trøndelag", "1505", ["15", "50"])


@pytest.fixture
def office_nord(db: Any) -> DistrictOffice:
    # Seat: Tromsø (5501).
    return _office("nord", "Nordland, Troms og Finnmark", "5501", ["18", "55", "56"])


@pytest.fixture
def partner_molde(office_midt: DistrictOffice) -> Partner:
    return Partner.objects.create(
        name="Molde frivilligsentral",
        kind=PartnerKind.VOLUNTEER_CENTRE,
        office=office_midt,
        municipality=municipality("1506"),
    )


@pytest.fixture
def contact_point_molde(office_midt: DistrictOffice, partner_molde: Partner) -> ContactPoint:
    cp = ContactPoint.objects.create(
        name="Kontaktpunkt for selvhjelp i Molde",
        slug="molde",
        office=office_midt,
        host=partner_molde,
        municipality=municipality("1506"),
        status=ContactPointStatus.ESTABLISHED,
        email="selvhjelp@molde.example",
    )
    cp.municipalities_served.add(municipality("1506"))
    return cp


@pytest.fixture
def contact_point_tromso(office_nord: DistrictOffice) -> ContactPoint:
    cp = ContactPoint.objects.create(
        name="Selvhjelp Tromsø",
        slug="tromso",
        office=office_nord,
        municipality=municipality("5501"),
        status=ContactPointStatus.ESTABLISHED,
    )
    cp.municipalities_served.add(municipality("5501"))
    return cp


def _user(username: str, **fields: Any) -> User:
    user = User.objects.create_user(username=username, password="correct horse battery")
    for key, value in fields.items():
        setattr(user, key, value)
    user.save()
    return user


@pytest.fixture
def head_office_admin(db: Any) -> User:
    return _user("hovedkontor", role=Role.HEAD_OFFICE, is_staff=True)


@pytest.fixture
def office_staff_midt(office_midt: DistrictOffice) -> User:
    return _user("midt", role=Role.OFFICE_STAFF, office=office_midt, is_staff=True)


@pytest.fixture
def office_staff_nord(office_nord: DistrictOffice) -> User:
    return _user("nord", role=Role.OFFICE_STAFF, office=office_nord, is_staff=True)


@pytest.fixture
def contact_point_coordinator(contact_point_molde: ContactPoint) -> User:
    return _user(
        "koordinator",
        role=Role.CONTACT_POINT,
        contact_point=contact_point_molde,
        is_staff=True,
    )


@pytest.fixture
def funder_viewer(db: Any) -> User:
    return _user("finansiering", role=Role.FUNDER)


def verify_second_factor(client: Client, user: User) -> None:
    """Mark the client's session as having passed the TOTP step (django-otp)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def login() -> Callable[..., Client]:
    """``login(user)`` gives a test client signed in as that persona, second factor
    passed; ``login(user, second_factor=False)`` signs in with the password step only."""

    def _login(user: User, *, second_factor: bool = True) -> Client:
        client = Client()
        client.force_login(user)
        if second_factor:
            verify_second_factor(client, user)
        return client

    return _login


# --- Browser tests -------------------------------------------------------------------------


def chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    return path if path and os.path.exists(path) else None


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Any:
    """A headless Debian Chromium driven by Playwright; skipped loudly when missing."""
    path = chromium_path()
    if not path:
        pytest.skip("no Chromium found: browser test skipped (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
