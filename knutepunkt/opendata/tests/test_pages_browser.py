"""axe-core (WCAG 2.0/2.1 A and AA) on the pages this feature adds, on a desktop screen and
a 360 px phone, with the correction form opened and sent empty (its error state)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from knutepunkt.conftest import municipality
from knutepunkt.core.testing import axe_violations, describe_violations
from knutepunkt.groups.models import GroupStatus
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.network.models import ContactPoint, ContactPointStatus, DistrictOffice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages(reference_data: None) -> list[str]:
    office = DistrictOffice.objects.create(
        name="Midt", slug="midt", seat=municipality("1505"), email="midt@example.org"
    )
    point = ContactPoint.objects.create(
        name="Selvhjelp Molde",
        slug="molde",
        office=office,
        municipality=municipality("1506"),
        status=ContactPointStatus.ESTABLISHED,
    )
    topic = topic_create(actor=None, slug="angst", name_nb="Angst", name_en="Anxiety")
    group = group_create(
        actor=None,
        topic=topic,
        contact_point=point,
        status=GroupStatus.OPEN,
        meeting_weekday=1,
        meeting_starts=datetime.time(18, 0),
    )
    return [
        f"/finn-hjelp/gruppe/{group.pk}/",
        f"/en/finn-hjelp/gruppe/{group.pk}/",
        f"/meld-feil/gruppe/{group.pk}/",
        "/meld-feil/takk/",
        "/apne-data/",
        "/en/apne-data/kriterier/",
        "/api/",
        "/en/api/",
    ]


@pytest.mark.parametrize("width", [1280, 360])
def test_new_pages_pass_axe_and_fit(
    pages: list[str], live_server: Any, browser: Any, width: int
) -> None:
    context = browser.new_context(locale="nb-NO", viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = []
    try:
        for path in pages:
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200, path
            if "/meld-feil/gruppe/" in path:
                page.click("button[type=submit]")  # empty: the error summary shows
            violations = axe_violations(page)
            if violations:
                problems.append(f"{path}:\n{describe_violations(violations)}")
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll > inner:
                problems.append(f"{path}: scrolls sideways ({scroll}px > {inner}px)")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
