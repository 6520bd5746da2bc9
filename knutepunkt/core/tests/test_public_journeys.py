"""Whole journeys through the public site in headless Chromium, as a person would make them:
find a group from the front page, find what is near Tromsø (by position and by typing),
sign up for a full event and move up when someone cancels from their e-mail, switch
language, and go from the front page to a contact point with the keyboard alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from knutepunkt.core.tests.public_data import (
    FIRST_PERSON_EMAIL,
    PublicSite,
    build_public_site,
    mails_to,
)
from knutepunkt.events.models import Registration, RegistrationStatus
from knutepunkt.events.selectors import event_availability

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CANCEL_LINK = re.compile(r"https?://[^/\s]+(/\S*/avmelding/\S+/)")


def nb(text: str) -> str:
    """A UI string as the bokmål page shows it (the msgid until it is translated)."""
    with translation.override("nb"):
        return gettext(text)


@pytest.fixture
def site(reference_data: None, live_server: Any) -> PublicSite:
    return build_public_site()


@pytest.fixture
def located_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="nb-NO",
        viewport={"width": 1280, "height": 900},
        geolocation={"latitude": 69.65, "longitude": 18.96},
        permissions=["geolocation"],
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nb-NO", java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_person_finds_the_molde_anxiety_group_from_the_front_page(
    site: PublicSite, live_server: Any, page: Any
) -> None:
    page.goto(live_server.url + "/")
    page.fill("#home-q", "angst")
    page.fill("#home-sted", "Molde")
    page.press("#home-sted", "Enter")
    page.wait_for_url("**/finn-hjelp/?*")
    results = page.locator(".find-results")
    expect(results).to_contain_text(site.molde_group.title)
    point = page.locator(".find-contact-point", has_text=site.molde_contact_point.name).first
    expect(point).to_be_visible()
    expect(point.locator(f'a[href="mailto:{site.molde_contact_point.email}"]')).to_be_visible()
    expect(page.locator(".find-office")).to_contain_text(site.office_midt.name)


def test_near_me_shows_what_exists_around_tromso(
    site: PublicSite, live_server: Any, located_page: Any
) -> None:
    page = located_page
    page.goto(live_server.url + "/finn-hjelp/")
    page.fill("#find-q", "angst")
    page.locator("[data-near-me]").click()
    page.wait_for_url("**lat=69.65**")
    results = page.locator(".find-results")
    expect(results).to_contain_text(site.tromso_group.title)
    expect(results.locator(".find-contact-point").first).to_contain_text("Selvhjelp Tromsø")
    expect(page.locator(".find-office")).to_contain_text(site.office_nord.name)
    # The position is shown back as the municipality it lies in.
    expect(page.locator("#find-sted")).to_have_value(re.compile("^Tromsø"))


def test_without_javascript_typing_tromso_finds_the_same(
    site: PublicSite, live_server: Any, no_js_page: Any
) -> None:
    page = no_js_page
    page.goto(live_server.url + "/finn-hjelp/")
    expect(page.locator("[data-near-me]")).to_be_hidden()
    page.fill("#find-q", "angst")
    page.fill("#find-sted", "Tromsø")
    page.press("#find-sted", "Enter")
    page.wait_for_url("**sted=Troms**")
    results = page.locator(".find-results")
    expect(results).to_contain_text(site.tromso_group.title)
    expect(results).to_contain_text(site.tromso_contact_point.name)
    expect(page.locator(".find-office")).to_contain_text(site.office_nord.name)


def test_waiting_person_gets_the_place_when_the_first_cancels_from_the_email(
    site: PublicSite, live_server: Any, page: Any
) -> None:
    event = site.full_event
    page.goto(live_server.url + "/arrangementer/")
    page.get_by_role("link", name=event.title).click()
    page.wait_for_url(f"**/arrangementer/{event.slug}/")
    page.fill("#id_name", "Ola Venter")
    page.fill("#id_email", "ola.venter@example.org")
    page.locator("form button[type=submit]", has_text=nb("Join the waiting list")).click()
    page.wait_for_url("**/arrangementer/pamelding/**")
    expect(page.locator("h1")).to_have_text(nb("You are on the waiting list"))
    waiting = Registration.objects.get(event=event, email="ola.venter@example.org")
    assert waiting.status == RegistrationStatus.WAITING

    # The first person cancels with the link from their own confirmation e-mail.
    [confirmation] = mails_to(FIRST_PERSON_EMAIL)
    match = CANCEL_LINK.search(confirmation.body)
    assert match, confirmation.body
    page.goto(live_server.url + match.group(1))
    expect(page.locator("h1")).to_have_text(nb("Cancel your sign-up"))
    assert Registration.objects.get(pk=site.first_registration.pk).status == "confirmed"
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(nb("Your sign-up is cancelled"))

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    # A cancelled sign-up is deleted at once; the event keeps only the count.
    assert not Registration.objects.filter(pk=site.first_registration.pk).exists()
    event.refresh_from_db()
    assert event.cancelled_count == 1
    to_ola = mails_to("ola.venter@example.org")
    assert len(to_ola) == 2  # the waiting-list notice, then the promotion
    assert event.title in to_ola[-1].subject
    assert CANCEL_LINK.search(to_ola[-1].body)
    assert event_availability(event).places_left == 0

    page.goto(live_server.url + event.get_absolute_url())
    expect(page.locator(".event-facts")).to_contain_text(nb("Full – you can join the waiting list"))


def test_language_button_switches_the_map_to_english_and_back(
    site: PublicSite, live_server: Any, page: Any
) -> None:
    page.goto(live_server.url + "/kart/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    page.locator("button[name=language][value=en]").click()
    page.wait_for_url(live_server.url + "/en/kart/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("button[name=language][value=nb]").click()
    page.wait_for_url(live_server.url + "/kart/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {
    tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute('href') || '',
    visible: outline || style.boxShadow !== 'none',
  };
}"""


def tab_until(page: Any, wanted: Any, limit: int = 60) -> dict[str, Any]:
    """Press Tab until ``wanted(focused)`` holds; every element passed on the way must
    show where the focus is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"focus is invisible on {focused}"
        if wanted(focused):
            return focused
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_keyboard_only_from_the_front_page_to_a_contact_point(
    site: PublicSite, live_server: Any, page: Any
) -> None:
    point = site.molde_contact_point
    page.goto(live_server.url + "/")
    # The first Tab reaches the skip link; it jumps over the header to the search form.
    tab_until(page, lambda f: f["href"] == "#main", limit=1)
    page.keyboard.press("Enter")
    tab_until(page, lambda f: f["id"] == "home-q", limit=1)
    page.keyboard.type("angst")
    tab_until(page, lambda f: f["id"] == "home-sted")
    page.keyboard.type("Molde")
    page.keyboard.press("Enter")
    page.wait_for_url("**/finn-hjelp/?*")
    expect(page.locator(".find-results")).to_contain_text(site.molde_group.title)
    tab_until(page, lambda f: f["href"].endswith(f"/kontaktpunkt/{point.slug}/"), limit=120)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/kontaktpunkt/{point.slug}/")
    expect(page.locator("h1")).to_have_text(point.name)
    tab_until(page, lambda f: f["href"] == f"mailto:{point.email}", limit=120)
