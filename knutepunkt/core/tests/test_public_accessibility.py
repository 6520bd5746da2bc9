"""axe-core (WCAG 2.0/2.1 A and AA) on every type of public page, on a desktop screen and
on a 360 px phone where nothing may scroll sideways; and every page without JavaScript.

One test visits many pages so the demo network is built once per width; the failures of
all pages are gathered and reported together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from knutepunkt.core.testing import axe_violations, describe_violations
from knutepunkt.core.tests.public_data import PublicSite, build_public_site
from knutepunkt.events.models import Registration
from knutepunkt.events.tokens import cancel_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 360}


def public_pages(site: PublicSite) -> list[tuple[str, int]]:
    """(path, expected status) for every kind of public page the data has."""
    pages = [
        ("/", 200),
        ("/en/", 200),
        ("/om/", 200),
        *[(f"/om/{slug}/", 200) for slug in site.info_slugs],
        ("/finn-hjelp/", 200),
        ("/finn-hjelp/?q=angst&sted=Molde", 200),
        ("/en/finn-hjelp/?q=anxiety&sted=Troms%C3%B8", 200),
        ("/finn-hjelp/?q=spiseforstyrrelser&sted=Molde", 200),  # no group: ask someone
        ("/finn-hjelp/?q=xyzzy", 200),  # no group, no place
        ("/finn-hjelp/?q=angst&sted=Her%C3%B8y", 200),  # two Herøys: which one?
        ("/finn-hjelp/?q=angst&sted=Mlode", 200),  # unknown place, suggestions
        ("/finn-hjelp/?q=angst&lat=63", 200),  # form error: half a position
        ("/finn-hjelp/?q=angst&kommune=12", 200),  # form error: bad number
        ("/kommune/", 200),
        ("/kommune/?kommune=9999", 200),  # the "go to" form's error
        ("/kommune/1506/", 200),
        ("/kommune/5501/", 200),
        ("/kommune/1811/", 200),  # a municipality with nothing in it
        ("/kontorer/", 200),
        (f"/kontorer/{site.office_midt.slug}/", 200),
        (f"/kontorer/{site.office_nord.slug}/", 200),
        (f"/kontaktpunkt/{site.molde_contact_point.slug}/", 200),
        (f"/kontaktpunkt/{site.tromso_contact_point.slug}/", 200),
        ("/kart/", 200),
        ("/en/kart/", 200),
        ("/arrangementer/", 200),
        ("/arrangementer/?county=15&kind=open_meeting", 200),
        ("/arrangementer/?date_from=2024-13-45&date_to=nei&county=99", 200),  # filter errors
        ("/arrangementer/?county=03&date_from=2099-01-01", 200),  # no match
        ("/arrangementer/apent-mote-selvhjelp-molde/", 200),
        (site.full_event.get_absolute_url(), 200),  # full: waiting list
        (f"/arrangementer/avmelding/{cancel_token(site.first_registration)}/", 200),
        ("/arrangementer/avmelding/not-a-token/", 400),
        ("/arrangementer/pamelding/not-a-token/", 400),
        ("/finnes-ikke/", 404),
        ("/kontaktpunkt/finnes-ikke/", 404),
    ]
    try:
        resolve("/statistikk/")
        pages.append(("/statistikk/", 200))
    except Resolver404:
        pass  # not built yet
    return pages


@pytest.fixture
def site(reference_data: None, live_server: Any) -> PublicSite:
    return build_public_site()


def new_page(browser: Any, width: int, **options: Any) -> Any:
    context = browser.new_context(
        locale="nb-NO", viewport={"width": width, "height": 900}, **options
    )
    return context.new_page()


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def sized_page(request: Any, browser: Any) -> Iterator[Any]:
    page = new_page(browser, WIDTHS[request.param])
    yield page
    page.context.close()


def page_problems(page: Any, label: str) -> list[str]:
    """axe violations and sideways scrolling of the page as it is now."""
    problems = []
    violations = axe_violations(page)
    if violations:
        problems.append(f"{label}:\n{describe_violations(violations)}")
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > inner:
        problems.append(f"{label}: scrolls sideways ({scroll}px > {inner}px)")
    return problems


def test_axe_finds_a_planted_violation(browser: Any) -> None:
    """The harness itself can fail: an image without alt text and an unlabelled input."""
    page = new_page(browser, 1280)
    try:
        page.set_content(
            '<html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
            "</main></body></html>"
        )
        ids = {violation["id"] for violation in axe_violations(page)}
        assert {"image-alt", "label"} <= ids
        page.set_content('<html lang="en"><body><div style="width:2000px">x</div></body></html>')
        assert page_problems(page, "wide")[-1].startswith("wide: scrolls sideways")
    finally:
        page.context.close()


def test_every_public_page_passes_axe_and_fits_the_screen(
    site: PublicSite, live_server: Any, sized_page: Any
) -> None:
    problems = []
    for path, status in public_pages(site):
        response = sized_page.goto(live_server.url + path)
        if response.status != status:
            problems.append(f"{path}: status {response.status}, expected {status}")
            continue
        problems += page_problems(sized_page, path)
    assert not problems, "\n".join(problems)


def nb(text: str) -> str:
    with translation.override("nb"):
        return gettext(text)


def test_form_states_pass_axe_and_fit_the_screen(
    site: PublicSite, live_server: Any, sized_page: Any
) -> None:
    """The pages a form leads to: sign-up errors, the sign-up result, cancel done."""
    page = sized_page
    event_url = live_server.url + "/arrangementer/apent-mote-selvhjelp-molde/"
    problems = []
    page.goto(event_url)
    page.locator(".signup form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    problems += page_problems(page, "sign-up, empty")
    page.fill("#id_name", "Per Prøve")
    page.fill("#id_email", "ikke-en-adresse")
    page.fill("#id_phone", "ring meg")
    page.locator(".signup form button[type=submit]").click()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    problems += page_problems(page, "sign-up, invalid")
    page.fill("#id_email", "per.prove@example.org")
    page.fill("#id_phone", "")
    page.locator(".signup form button[type=submit]").click()
    page.wait_for_url("**/arrangementer/pamelding/**")
    problems += page_problems(page, "sign-up result")
    registration = Registration.objects.get(email="per.prove@example.org")
    page.goto(f"{live_server.url}/arrangementer/avmelding/{cancel_token(registration)}/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(nb("Your sign-up is cancelled"))
    problems += page_problems(page, "cancel done")
    page.reload()  # the link again, after cancelling
    problems += page_problems(page, "cancel, already cancelled")
    assert not problems, "\n".join(problems)


@pytest.fixture
def no_js_page(browser: Any) -> Iterator[Any]:
    page = new_page(browser, 360, java_script_enabled=False)
    yield page
    page.context.close()


def test_every_public_page_works_without_javascript(
    site: PublicSite, live_server: Any, no_js_page: Any
) -> None:
    page = no_js_page
    problems = []
    for path, status in public_pages(site):
        response = page.goto(live_server.url + path)
        if response.status != status:
            problems.append(f"{path}: status {response.status}, expected {status}")
        elif page.locator("h1").count() != 1 or not page.locator("main h1").is_visible():
            problems.append(f"{path}: not exactly one visible h1, in the main content")
    assert not problems, "\n".join(problems)

    # The find form searches on the server.
    page.goto(live_server.url + "/finn-hjelp/")
    page.fill("#find-q", "angst")
    page.fill("#find-sted", "Molde")
    page.locator(".find-form button[type=submit]").click()
    expect(page.locator(".find-results")).to_contain_text(site.molde_group.title)
    # The calendar filters.
    page.goto(live_server.url + "/arrangementer/")
    page.select_option("#id_county", "55")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**county=55**")
    expect(page.locator("main")).not_to_contain_text(site.full_event.title)
    # Signing up, and the waiting list of a full event.
    page.goto(live_server.url + site.full_event.get_absolute_url())
    page.fill("#id_name", "Uten Skript")
    page.fill("#id_email", "uten.skript@example.org")
    page.locator(".signup form button[type=submit]").click()
    page.wait_for_url("**/arrangementer/pamelding/**")
    assert Registration.objects.get(email="uten.skript@example.org").status == "waiting"
    # The language switch.
    page.goto(live_server.url + "/kontorer/")
    page.locator("button[name=language][value=en]").click()
    page.wait_for_url(live_server.url + "/en/kontorer/")
