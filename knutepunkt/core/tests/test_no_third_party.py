"""No public page asks the browser to fetch anything from another origin (no CDN, no web
fonts, no map tiles, no analytics), and every public page carries the Content-Security-Policy
that would block it anyway."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from knutepunkt.core.tests.public_data import PublicSite, build_public_site
from knutepunkt.core.tests.test_public_accessibility import public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class RequestRecorder:
    """Every URL the page asks for; requests to other origins are recorded and aborted,
    so a test run never reaches the internet."""

    def __init__(self, page: Any, origin: str) -> None:
        self.origin = origin.rstrip("/") + "/"
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.route("**/*", self._route)

    def _allowed(self, url: str) -> bool:
        return url.startswith((self.origin, "data:", "blob:", "about:"))

    def _route(self, route: Any) -> None:
        if self._allowed(route.request.url):
            route.continue_()
        else:
            route.abort()

    def foreign(self) -> list[str]:
        return [url for url in self.urls if not self._allowed(url)]


@pytest.fixture
def recorded(browser: Any, live_server: Any) -> Iterator[tuple[Any, RequestRecorder]]:
    context = browser.new_context(
        locale="nb-NO",
        geolocation={"latitude": 62.74, "longitude": 7.16},
        permissions=["geolocation"],
    )
    page = context.new_page()
    yield page, RequestRecorder(page, live_server.url)
    context.close()


def test_recorder_catches_a_request_to_another_origin(
    recorded: tuple[Any, RequestRecorder],
) -> None:
    page, recorder = recorded
    page.set_content('<img src="https://cdn.example.com/logo.png" alt="">')
    assert recorder.foreign() == ["https://cdn.example.com/logo.png"]


def test_public_pages_only_fetch_from_their_own_origin(
    reference_data: None, live_server: Any, recorded: tuple[Any, RequestRecorder]
) -> None:
    site: PublicSite = build_public_site()
    page, recorder = recorded
    for path, _status in public_pages(site):
        page.goto(live_server.url + path)
    # What the scripts fetch: the municipality suggestions and "near me".
    page.goto(live_server.url + "/finn-hjelp/")
    page.locator("#find-sted").press_sequentially("mol")
    page.locator("#find-places option").first.wait_for(state="attached")
    page.locator("[data-near-me]").click()
    page.wait_for_url("**lat=**")
    assert any("kommuner.json" in url for url in recorder.urls)
    assert any(url.endswith(".css") for url in recorder.urls)
    assert recorder.foreign() == []


def test_public_pages_send_a_strict_content_security_policy(
    reference_data: None, live_server: Any
) -> None:
    site = build_public_site()
    client = Client(raise_request_exception=False)
    for path, status in public_pages(site):
        response = client.get(path)
        assert response.status_code == status, path
        policy = response.headers.get("Content-Security-Policy", "")
        directives = {}
        for part in policy.split(";"):
            name, _space, values = part.strip().partition(" ")
            directives[name] = values
        assert directives.get("default-src") == "'self'", f"{path}: {policy!r}"
        assert directives.get("object-src") == "'none'", path
        assert "'unsafe-inline'" not in directives.get("script-src", ""), path
        assert "*" not in policy, path
