"""The staff workspace in the browser: every staff page that head office can open (the
URL table of ``test_staff_urls``, so a new page is walked without anyone adding it here),
on a desktop screen and a 360 px phone: 0 axe-core violations of WCAG 2.0–2.2 A and AA,
0 console errors, 0 requests to other origins, nothing scrolling sideways, no focused
control hidden. The dashboard also in nynorsk and English."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from knutepunkt.core.testing import PageWatch
from knutepunkt.core.tests.test_public_accessibility import WIDTHS, browser_problems, page_problems
from knutepunkt.core.tests.test_staff_urls import EXPECTED, HEAD, checked_urls, url_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def head_office_pages(client: Client, get: Any) -> list[str]:
    """The URL of every staff page head office opens with 200 and that is a web page
    (not a download or JSON)."""
    urls = []
    for name in sorted(EXPECTED):
        if not name.startswith("staff:") or EXPECTED[name].get(HEAD) != 200:
            continue
        url = url_for(name, checked_urls()[name], get)
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            urls.append(url)
    return urls


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
def test_every_staff_page_passes_the_walk(
    reference_data: None,
    live_server: Any,
    browser: Any,
    login: Any,
    head_office_admin: Any,
    request: Any,
    width: int,
) -> None:
    client = login(head_office_admin)
    pages = head_office_pages(client, request.getfixturevalue)
    assert len(pages) >= 20, pages
    pages += ["/nn/arbeid/", "/en/arbeid/"]
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    watch = PageWatch(page, live_server.url)
    problems = []
    try:
        for url in pages:
            response = page.goto(live_server.url + url)
            if response.status != 200 or not page.url.endswith(url):
                problems.append(f"{url}: status {response.status} at {page.url}")
                continue
            problems += page_problems(page, url)
            problems += browser_problems(watch, url, 200)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
