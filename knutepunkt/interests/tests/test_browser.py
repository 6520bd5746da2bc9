"""The interest form and status page in a real browser: no axe-core WCAG 2.1 A/AA
violations, nothing scrolls sideways at 360 px, and the proof of work runs in the page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from knutepunkt.conftest import municipality
from knutepunkt.core.testing import axe_violations, describe_violations
from knutepunkt.interests.models import Interest
from knutepunkt.interests.testing import make_interest, make_topic
from knutepunkt.interests.tokens import status_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(locale="nb-NO", viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()


def _check(page: Any, label: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{label}: {describe_violations(violations)}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{label} scrolls sideways ({width}px)"


def test_form_error_state_and_status_page_pass_axe_at_360px(
    reference_data: Any, live_server: Any, contact_point_molde: Any, phone: Any
) -> None:
    make_topic()
    phone.goto(live_server.url + "/interesse/")
    _check(phone, "form")
    # The script hides the question once it can do the work.
    assert phone.locator("#human-check").is_hidden()
    phone.click("form.interest-form button[type=submit]")
    phone.wait_for_selector("#error-summary")
    _check(phone, "form with errors")
    interest = make_interest(municipality=municipality("1506"))
    phone.goto(
        live_server.url + reverse("interests:status", kwargs={"token": status_token(interest)})
    )
    _check(phone, "status page")


def test_a_person_registers_with_the_proof_of_work_in_the_browser(
    reference_data: Any, live_server: Any, contact_point_molde: Any, phone: Any
) -> None:
    topic = make_topic()
    phone.goto(live_server.url + "/interesse/")
    phone.select_option("#id_topic", str(topic.pk))
    phone.fill("#id_municipality", "Molde")
    phone.check("#id_formats_0")
    phone.fill("#id_email", "browser.person@example.org")
    phone.fill("#id_alias", "Nils")
    phone.check("#id_consent")
    phone.click("form.interest-form button[type=submit]")
    phone.wait_for_url("**/interesse/takk/**")
    interest = Interest.objects.get()
    assert interest.contact_point == contact_point_molde
    assert interest.email == "browser.person@example.org"


def test_without_javascript_the_question_is_shown_and_works(
    reference_data: Any, live_server: Any, contact_point_molde: Any, browser: Any
) -> None:
    topic = make_topic()
    context = browser.new_context(
        java_script_enabled=False, locale="nb-NO", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(live_server.url + "/interesse/")
    assert page.locator("#id_human_check").is_visible()
    page.select_option("#id_topic", str(topic.pk))
    page.fill("#id_municipality", "1506")
    page.check("#id_formats_1")
    page.check("#id_contact_method_1")
    page.fill("#id_phone", "912 34 567")
    page.fill("#id_alias", "Nora")
    page.check("#id_consent")
    page.fill("#id_human_check", "7")
    page.click("form.interest-form button[type=submit]")
    page.wait_for_url("**/interesse/takk/**")
    assert "/interesse/status/" in page.content()
    context.close()
    assert Interest.objects.get().phone == "912 34 567"
