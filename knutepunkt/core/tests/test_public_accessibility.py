"""The browser walk: every type of public page, in bokmål, nynorsk and English, on a
desktop screen (1280 px) and a 360 px phone, with

- 0 axe-core violations of WCAG 2.0, 2.1 and 2.2 at levels A and AA,
- 0 console errors (a Content-Security-Policy violation, or an invalid policy, is one)
  and 0 uncaught script errors,
- 0 requests to any other origin,
- nothing scrolling sideways, and no focused control hidden under something else
  (WCAG 2.2, 2.4.11);

and every page without JavaScript. One test visits many pages so the demo network is built
once per width; the failures of all pages are gathered and reported together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from knutepunkt.core.testing import PageWatch, axe_violations, describe_violations
from knutepunkt.core.tests.public_data import PublicSite, build_public_site
from knutepunkt.events.models import Registration
from knutepunkt.events.tokens import cancel_token, result_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 360}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def in_language(path: str, code: str) -> str:
    """The same page in another language: bokmål at /, the others under /<code>/."""
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


def page_types(site: PublicSite) -> list[tuple[str, int]]:
    """(bokmål path, expected status): one page of every kind the public meets."""
    pages = [
        ("/", 200),
        ("/om/", 200),
        *[(f"/om/{slug}/", 200) for slug in site.info_slugs],
        ("/finn-hjelp/", 200),
        ("/finn-hjelp/?q=angst&sted=Molde", 200),  # groups near
        ("/finn-hjelp/?q=angst&sted=Vard%C3%B8", 200),  # nothing near: remote, interest
        ("/finn-hjelp/?q=xyzzy", 200),  # no group, no place
        ("/finn-hjelp/?q=angst&sted=Her%C3%B8y", 200),  # two Herøys: which one?
        ("/finn-hjelp/?q=angst&lat=63", 200),  # form error: half a position
        ("/kommune/", 200),
        ("/kommune/1506/", 200),
        ("/kommune/1811/", 200),  # a municipality with nothing in it
        ("/kontorer/", 200),
        (f"/kontorer/{site.office_midt.slug}/", 200),
        (f"/kontaktpunkt/{site.molde_contact_point.slug}/", 200),
        ("/kart/", 200),
        ("/arrangementer/", 200),
        ("/arrangementer/?date_from=2024-13-45&date_to=nei&county=99", 200),  # filter errors
        ("/arrangementer/apent-mote-selvhjelp-molde/", 200),
        (site.full_event.get_absolute_url(), 200),  # full: waiting list
        (f"/arrangementer/avmelding/{cancel_token(site.first_registration)}/", 200),
        ("/arrangementer/avmelding/not-a-token/", 404),
        ("/interesse/", 200),
        ("/statistikk/", 200),
        (f"/arrangementer/pamelding/{result_token(site.first_registration)}/", 200),
        (f"/finn-hjelp/gruppe/{site.molde_group.pk}/", 200),
        (f"/meld-feil/gruppe/{site.molde_group.pk}/", 200),
        ("/meld-feil/takk/", 200),
        ("/apne-data/", 200),
        ("/apne-data/kriterier/", 200),
        ("/api/", 200),
        ("/finnes-ikke/", 404),
    ]
    try:
        resolve("/statistikk/")
    except Resolver404:
        pages.remove(("/statistikk/", 200))
    return pages


def public_pages(site: PublicSite) -> list[tuple[str, int]]:
    """(path, expected status) for every kind of public page the data has, in bokmål,
    with more states of the search, the calendar and the directory."""
    more = [
        ("/finn-hjelp/?q=spiseforstyrrelser&sted=Molde", 200),  # no group: ask someone
        ("/en/finn-hjelp/?q=anxiety&sted=Troms%C3%B8", 200),
        ("/finn-hjelp/?q=angst&sted=Mlode", 200),  # unknown place, suggestions
        ("/finn-hjelp/?q=angst&kommune=12", 200),  # form error: bad number
        ("/kommune/?kommune=9999", 200),  # the "go to" form's error
        ("/kommune/5501/", 200),
        (f"/kontorer/{site.office_nord.slug}/", 200),
        (f"/kontaktpunkt/{site.tromso_contact_point.slug}/", 200),
        ("/arrangementer/?county=15&kind=open_meeting", 200),
        ("/arrangementer/?county=03&date_from=2099-01-01", 200),  # no match
        ("/arrangementer/pamelding/not-a-token/", 404),
        ("/kontaktpunkt/finnes-ikke/", 404),
    ]
    return page_types(site) + more


def walk(site: PublicSite) -> list[tuple[str, int]]:
    """Every page type in every language, and the extra bokmål states."""
    pages = public_pages(site)
    for code in LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            pages += [(in_language(path, code), status) for path, status in page_types(site)]
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


@pytest.fixture
def watched(sized_page: Any, live_server: Any) -> tuple[Any, PageWatch]:
    return sized_page, PageWatch(sized_page, live_server.url)


# Every control that takes keyboard focus, focused in turn and scrolled to the top and to
# the bottom of the window (where a browser puts it when tabbing up or down): the element
# at the centre of its first line box must be the control itself (or its label, or inside
# it), not a sticky header or an overlay (WCAG 2.2, 2.4.11 Focus Not Obscured). The map's
# areas are skipped: the centre of an SVG area's box can lie in its neighbour.
OBSCURED_FOCUS_JS = """() => {
  const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';
  const name = el => el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
    : 'nothing';
  const hidden = new Set();
  for (const el of document.querySelectorAll(focusable)) {
    if (el.tabIndex < 0 || el.closest('svg, [hidden], [inert]')) continue;
    el.focus({preventScroll: true});
    if (document.activeElement !== el) continue;
    for (const block of ['start', 'end']) {
      el.scrollIntoView({block: block, inline: 'nearest'});
      const box = el.getClientRects()[0];
      if (!box || box.width === 0 || box.height === 0) continue;
      const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      const labels = el.labels ? Array.from(el.labels) : [];
      if (hit && (hit === el || el.contains(hit) || hit.contains(el)
          || labels.some(label => label.contains(hit)))) continue;
      hidden.add(name(el) + ' under ' + name(hit));
    }
  }
  document.activeElement && document.activeElement.blur();
  window.scrollTo(0, 0);
  return Array.from(hidden);
}"""


def page_problems(page: Any, label: str) -> list[str]:
    """axe violations, sideways scrolling and hidden focus of the page as it is now."""
    problems = []
    violations = axe_violations(page)
    if violations:
        problems.append(f"{label}:\n{describe_violations(violations)}")
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > inner:
        problems.append(f"{label}: scrolls sideways ({scroll}px > {inner}px)")
    problems += [f"{label}: focus hidden: {where}" for where in page.evaluate(OBSCURED_FOCUS_JS)]
    return problems


def browser_problems(watch: PageWatch, label: str, status: int) -> list[str]:
    """Console errors, script errors and foreign requests since the last page. A page
    answered with an error status makes Chromium log that status: expected, not a fault."""
    expected = f"the server responded with a status of {status}"
    return [
        f"{label}: {problem}" for problem in watch.take() if status < 400 or expected not in problem
    ]


def test_axe_finds_a_planted_violation(browser: Any) -> None:
    """The harness itself can fail: an image without alt text and an unlabelled input, a
    page too wide, a focused link under a sticky header, a small checkbox (WCAG 2.2)."""
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
        assert page_problems(page, "wide")[1].startswith("wide: scrolls sideways")
        page.set_content(
            '<html lang="en"><head><title>t</title></head><body>'
            '<header style="position:fixed;top:0;left:0;right:0;height:300px;background:#fff">'
            "Header</header><main><h1>t</h1>"
            '<div style="height:2000px"></div><p><a href="#x">A link</a></p>'
            '<div style="height:2000px"></div></main></body></html>'
        )
        assert any("focus hidden: a under header" in p for p in page_problems(page, "sticky"))
        page.set_content(
            '<html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
            '<input type="checkbox" id="a" style="width:10px;height:10px;margin:0">'
            '<input type="checkbox" id="b" aria-label="b" style="width:10px;height:10px;margin:0">'
            '<label for="a" style="position:absolute;left:-9999px">a</label>'
            "</main></body></html>"
        )
        assert "target-size" in {violation["id"] for violation in axe_violations(page)}
    finally:
        page.context.close()


def test_the_watch_catches_console_errors_csp_and_other_origins(
    live_server: Any, browser: Any
) -> None:
    """A Content-Security-Policy that blocks an inline script, a policy Chromium cannot
    read (the literal 'nonce' this site once sent), and a request to another origin."""
    page = new_page(browser, 1280)
    watch = PageWatch(page, live_server.url)
    try:

        def serve(route: Any, policy: str) -> None:
            route.fulfill(
                status=200,
                headers={"Content-Type": "text/html", "Content-Security-Policy": policy},
                body='<html lang="en"><body><script>document.title = "ran"</script>'
                '<img src="https://cdn.example.com/logo.png" alt=""></body></html>',
            )

        page.route(live_server.url + "/planted/", lambda route: serve(route, "script-src 'self'"))
        page.goto(live_server.url + "/planted/")
        problems = " ".join(watch.take())
        assert "Content Security Policy" in problems
        assert "request to another origin: https://cdn.example.com/logo.png" in problems
        page.route(
            live_server.url + "/planted-nonce/",
            lambda route: serve(route, "script-src 'self' 'nonce'"),
        )
        page.goto(live_server.url + "/planted-nonce/")
        assert any("'nonce'" in problem for problem in watch.take())
    finally:
        page.context.close()


def test_every_public_page_in_every_language_passes_the_walk(
    site: PublicSite, live_server: Any, watched: tuple[Any, PageWatch]
) -> None:
    page, watch = watched
    problems = []
    for path, status in walk(site):
        response = page.goto(live_server.url + path)
        if response.status != status:
            problems.append(f"{path}: status {response.status}, expected {status}")
            continue
        language = page.evaluate("document.documentElement.lang")
        expected_language = path.split("/")[1] if path.split("/")[1] in LANGUAGES else "nb"
        if language != expected_language:
            problems.append(f"{path}: <html lang={language!r}>, expected {expected_language!r}")
        problems += page_problems(page, path)
        problems += browser_problems(watch, path, status)
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
    for path, status in walk(site):
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
