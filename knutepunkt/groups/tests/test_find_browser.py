"""The "Find help" page in a real browser: axe-core finds no WCAG 2.1 A/AA violations, it
fits a 360 px phone, the municipality suggestions work by keyboard, and "use my location"
fills the position and searches."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from knutepunkt.core.testing import axe_violations, describe_violations
from knutepunkt.groups.models import GroupStatus
from knutepunkt.groups.services import group_create, topic_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(
        locale="nb-NO",
        viewport={"width": 360, "height": 740},
        geolocation={"latitude": 69.65, "longitude": 18.96},
        permissions=["geolocation"],
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def finder_data(reference_data: None, contact_point_molde: Any, contact_point_tromso: Any) -> None:
    cache.clear()
    topic = topic_create(actor=None, slug="angst", name_nb="Angst", name_en="Anxiety")
    for point, number in ((contact_point_molde, "1506"), (contact_point_tromso, "5501")):
        group_create(
            actor=None,
            topic=topic,
            contact_point=point,
            municipality=number,
            status=GroupStatus.OPEN,
            title=f"Angstgruppe {point.municipality.name}",
        )


@pytest.mark.parametrize(
    "path",
    [
        "/finn-hjelp/",
        "/finn-hjelp/?q=angst&sted=Molde",
        "/en/finn-hjelp/?q=anxiety&sted=tromso",
        "/finn-hjelp/?q=angst&sted=Her%C3%B8y",
        "/finn-hjelp/?q=spiseforstyrrelser&sted=Molde",
        "/finn-hjelp/?lat=nan&lon=1",
    ],
)
def test_find_pages_pass_axe_and_fit_a_phone(
    finder_data: None, live_server: Any, phone: Any, path: str
) -> None:
    response = phone.goto(live_server.url + path)
    assert response.status == 200
    violations = axe_violations(phone)
    assert violations == [], f"{path}: {describe_violations(violations)}"
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{path} scrolls sideways ({width}px)"


def test_typeahead_fills_suggestions_and_municipality_number(
    finder_data: None, live_server: Any, phone: Any
) -> None:
    phone.goto(live_server.url + "/finn-hjelp/")
    phone.focus("#find-q")
    phone.keyboard.type("angst")
    phone.keyboard.press("Tab")
    phone.keyboard.type("mol")
    # (Locators, not wait_for_function: the page's CSP forbids evaluating strings.)
    option = phone.locator("#find-places option").first
    option.wait_for(state="attached")
    assert option.get_attribute("value") == "Molde"
    phone.fill("#find-sted", "Molde")  # what choosing the suggestion does
    expect(phone.locator("input[name=kommune]")).to_have_value("1506")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**kommune=1506**")
    assert "Angstgruppe Molde" in phone.content()


def test_near_me_button_searches_at_the_browsers_position(
    finder_data: None, live_server: Any, phone: Any
) -> None:
    phone.goto(live_server.url + "/en/finn-hjelp/?q=angst")  # English page: English assertions
    button = phone.locator("[data-near-me]")
    assert button.is_visible()
    button.click()
    phone.wait_for_url("**lat=69.65**")
    content = phone.content()
    assert "Results near Tromsø" in content
    assert content.index("Angstgruppe Tromsø") < content.index("Angstgruppe Molde")
