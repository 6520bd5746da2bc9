"""The public directory in a real browser: axe-core finds no WCAG 2.1 A/AA violations, and
nothing scrolls sideways on a 360 px phone."""

import pytest

from knutepunkt.core.testing import axe_violations, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/kart/",
    "/en/kart/",
    "/kontorer/",
    "/kontorer/midt/",
    "/kommune/1506/",
    "/kommune/0301/",
    "/kommune/",
    "/kontaktpunkt/molde/",
]


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nb-NO", viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()


def test_public_pages_pass_axe_and_fit_a_phone(
    reference_data, live_server, contact_point_molde, phone
):
    for path in PAGES:
        response = phone.goto(live_server.url + path)
        assert response.status == 200, path
        violations = axe_violations(phone)
        assert violations == [], f"{path}: {describe_violations(violations)}"
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways ({width}px)"


def test_map_links_are_reachable_by_keyboard(reference_data, live_server, phone):
    phone.goto(live_server.url + "/kart/")
    phone.focus("a.skip-map")
    phone.keyboard.press("Tab")
    focused = phone.evaluate(
        "[document.activeElement.tagName, document.activeElement.getAttribute('aria-label')]"
    )
    assert focused[0].lower() == "a"
    assert focused[1] and ":" in focused[1]
